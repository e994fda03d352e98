// A narrative as a file: `{agency}-{year}.json`, UTF-8 JSON. The same names in a local folder (the CLI's
// NIANBAO_NARRATIVE_DIR) and under `narratives/` in the staging bucket (a batch on AWS). Only checked identifiers make
// a name, and a broken file's content is never echoed in an error.
import { requireAgencyCode, requireReportYear } from '../core/identifiers';
import type { NarrativeSource } from '../core/merge/merge-report';
import { fail, ok, type Result } from '../core/result';
import type { ArtifactStore } from '../publish/ports';
import type { NarrativeRepository } from './pipeline-ports';

export const narrativeFileName = (agency: string, year: number) =>
  `${requireAgencyCode(agency)}-${requireReportYear(year)}.json`;

export class NarrativeFileError extends Error {
  override readonly name = 'NarrativeFileError';
}

/**
 * The narrative in a file's decoded text, read from `name` in `place` (named in the error when it is not UTF-8
 * JSON). UTF-8 only, as for a report document: a GBK narrative must not be published as replacement characters.
 */
export function parseNarrativeFile(
  decoded: Result<{ readonly text: string }, string>,
  name: string,
  place: string,
): NarrativeSource {
  if (!decoded.ok) throw new NarrativeFileError(`${name} in ${place}: ${decoded.error}`);
  try {
    return JSON.parse(decoded.value.text) as NarrativeSource;
  } catch (error) {
    // JSON.parse quotes the text around the error: never echo a file's content.
    throw new NarrativeFileError(`${name} in ${place} is not valid JSON`, { cause: error });
  }
}

/** Where a batch's narratives are uploaded in the staging bucket (they expire with the rest of it). */
export const stagedNarrativePrefix = 'narratives/';

/**
 * Strict UTF-8 (a byte-order mark is dropped). Not core's decodeText, which names the encoding a file looks like:
 * its GB18030 tables would double the size of the assemble function's bundle for an error message.
 */
function utf8Only(bytes: Uint8Array): Result<{ readonly text: string }, string> {
  try {
    return ok({ text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) });
  } catch {
    return fail('not UTF-8: save it as UTF-8');
  }
}

/** Narratives uploaded to the staging bucket: what a batch run reads when no hand-over staged one for it. */
export const stagedNarratives = (staging: ArtifactStore): NarrativeRepository => ({
  async get(agency, year) {
    const name = narrativeFileName(agency, year);
    const bytes = await staging.get(`${stagedNarrativePrefix}${name}`);
    return bytes && parseNarrativeFile(utf8Only(bytes), name, `the staging bucket's ${stagedNarrativePrefix}`);
  },
});
