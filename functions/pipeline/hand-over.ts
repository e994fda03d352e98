// The hand-over: how the CMS gives an approved report to the pipeline. One message, the run (its id is the
// idempotency key) and the narrative exactly as approved, so a later edit in the CMS cannot change what runs. The
// narrative is staged with the run (create-only: a repeated hand-over of the same run keeps the first), and the run
// starts from there, in this process or as a Step Functions execution named after the run.
import { acknowledgementLimits, type Acknowledgement } from '../core/acknowledgement';
import { isAgencyCode, isReportYear } from '../core/identifiers';
import type { NarrativeSource } from '../core/merge/merge-report';
import { reportLimits } from '../core/report/limits';
import { fail, ok, type Result } from '../core/result';
import type { ArtifactStore } from '../publish/ports';
import { runIdPattern, type Run } from './run';
import type { Requested } from './run-stages';
import { readStagedJson, stagingCacheControl, stagingKey } from './staged-artifacts';

export interface HandOver {
  readonly run: Run;
  /** Checked as a report by the assemble step (S1 findings), like any narrative. */
  readonly narrative: NarrativeSource;
}

/** The hand-over body a CMS may send, in bytes (the narrative's own limit, with room for JSON escapes). */
export const maxHandOverBytes = reportLimits.documentBytes;

/** A JSON object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Strapi document ids and row ids: short tokens of letters and digits. */
const cmsIdPattern = /^[A-Za-z0-9]{1,64}$/;

const optionalText = (value: unknown, max: number): value is string | null =>
  value === null || (typeof value === 'string' && value.length <= max);

const boundedText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max;

/** The approver's acknowledged warnings: absent, or a short list of {key, reason, by, at}. */
function parseAcknowledgements(value: unknown): Result<readonly Acknowledgement[], string> {
  if (value === undefined) return ok([]);
  if (!Array.isArray(value) || value.length > acknowledgementLimits.perRun)
    return fail(`run.request.acknowledgements: expected a list of at most ${acknowledgementLimits.perRun}`);
  const list: Acknowledgement[] = [];
  for (const [index, item] of (value as unknown[]).entries()) {
    const where = `run.request.acknowledgements[${index}]`;
    if (!isRecord(item)) return fail(`${where}: expected an object`);
    const { key, reason, by, at } = item;
    if (!boundedText(key, acknowledgementLimits.keyChars)) return fail(`${where}.key: expected a finding key`);
    if (!boundedText(reason, acknowledgementLimits.reasonChars))
      return fail(`${where}.reason: expected 1–${acknowledgementLimits.reasonChars} characters`);
    if (!boundedText(by, acknowledgementLimits.byChars)) return fail(`${where}.by: expected a name`);
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return fail(`${where}.at: expected a date`);
    list.push({ key, reason, by, at });
  }
  return ok(list);
}

/** Reads a hand-over from parsed JSON; the error says which field is wrong (never echoing the text). */
export function parseHandOver(input: unknown): Result<HandOver, string> {
  if (!isRecord(input) || !isRecord(input.run)) return fail('run: expected an object');
  const { id, source, request } = input.run;
  if (typeof id !== 'string' || !runIdPattern.test(id)) return fail('run.id: expected 1–80 letters, digits, - or _');
  if (!isRecord(source) || source.kind !== 'cms') return fail('run.source.kind: expected "cms"');
  if (typeof source.documentId !== 'string' || !cmsIdPattern.test(source.documentId))
    return fail('run.source.documentId: expected a CMS document id');
  if (typeof source.runRecordId !== 'string' || !cmsIdPattern.test(source.runRecordId))
    return fail('run.source.runRecordId: expected a CMS record id');
  if (!isRecord(request)) return fail('run.request: expected an object');
  if (!isAgencyCode(request.agency)) return fail('run.request.agency: expected an agency code');
  if (!isReportYear(request.year)) return fail('run.request.year: expected a report year');
  if (!optionalText(request.changeNote, reportLimits.fieldChars.body))
    return fail('run.request.changeNote: expected text or null');
  if (!optionalText(request.approver, reportLimits.fieldChars.name))
    return fail('run.request.approver: expected text or null');
  const acknowledgements = parseAcknowledgements(request.acknowledgements);
  if (!acknowledgements.ok) return acknowledgements;
  const { narrative } = input;
  if (!isRecord(narrative)) return fail('narrative: expected an object');
  if (!isRecord(narrative.agency) || narrative.agency.code !== request.agency || narrative.year !== request.year)
    return fail('narrative: not the report of run.request.agency and run.request.year');
  const run: Run = {
    id,
    source: { kind: 'cms', documentId: source.documentId, runRecordId: source.runRecordId },
    request: {
      agency: request.agency,
      year: request.year,
      changeNote: request.changeNote,
      approver: request.approver,
      ...(acknowledgements.value.length > 0 ? { acknowledgements: acknowledgements.value } : {}),
    },
  };
  return ok({ run, narrative: narrative as unknown as NarrativeSource });
}

/** Stages the approved narrative (the first hand-over of a run id wins) and returns the run's first state. */
export async function acceptHandOver({ run, narrative }: HandOver, staging: ArtifactStore): Promise<Requested> {
  const key = stagingKey(run, 'narrative.json');
  const body = new TextEncoder().encode(JSON.stringify(narrative));
  const created = await staging.putNew(key, body, {
    contentType: 'application/json',
    cacheControl: stagingCacheControl,
  });
  // Already there: a repeated hand-over, or a retried one after a crash. The run reads what was staged first.
  if (!created) await readStagedJson<unknown>(staging, key);
  return { run, staged: { narrative: key } };
}
