// Narratives from a folder of JSON files named {agency}-{year}.json: the local source until the CMS adapter lands.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requireAgencyCode, requireReportYear } from '../core/identifiers';
import type { NarrativeSource } from '../core/merge/merge-report';
import { decodeText } from '../core/text-encoding';
import type { NarrativeRepository } from '../pipeline/pipeline-ports';

/** Only checked identifiers make a file name, so no agency code can name a file outside the folder. */
export const narrativeFileName = (agency: string, year: number) =>
  `${requireAgencyCode(agency)}-${requireReportYear(year)}.json`;

export class NarrativeFileError extends Error {
  override readonly name = 'NarrativeFileError';
}

export class FileNarrativeRepository implements NarrativeRepository {
  constructor(private readonly directory: string) {}

  async get(agency: string, year: number): Promise<NarrativeSource | undefined> {
    const name = narrativeFileName(agency, year);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(this.directory, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    // UTF-8 only, as for a report document: a GBK narrative must not be published as replacement characters.
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new NarrativeFileError(`${name} in the narrative folder: ${decoded.error}`);
    try {
      return JSON.parse(decoded.value.text) as NarrativeSource;
    } catch (error) {
      // JSON.parse quotes the text around the error: never echo a file's content.
      throw new NarrativeFileError(`${name} in the narrative folder is not valid JSON`, { cause: error });
    }
  }
}
