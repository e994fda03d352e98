// An approver's acknowledgements of warnings: one per report and warning (its key: rule, place, cells), so a re-check
// that finds the same warning keeps it. A publish goes through only when every warning it has is acknowledged; the
// acknowledgements then travel with the run into the published version's validation summary.
import type { Core } from '@strapi/strapi';
import type { Acknowledgement, CheckedFinding } from './pipeline-contract';

export const acknowledgementUid = 'api::warning-acknowledgement.warning-acknowledgement';

interface AcknowledgementEntry {
  readonly documentId: string;
  readonly findingKey: string;
  readonly rule: string;
  readonly summary?: string | null;
  readonly reason: string;
  readonly acknowledgedBy: string;
  readonly updatedAt: string;
}

/** The document service of acknowledgements, typed by hand (Strapi's generated types are not built here). */
interface AcknowledgementEntries {
  create(params: { data: Record<string, unknown> }): Promise<AcknowledgementEntry>;
  update(params: { documentId: string; data: Record<string, unknown> }): Promise<AcknowledgementEntry>;
  findMany(params: Record<string, unknown>): Promise<AcknowledgementEntry[]>;
}

const entries = (strapi: Core.Strapi) =>
  strapi.documents(acknowledgementUid as never) as unknown as AcknowledgementEntries;

export interface ReportAcknowledgement extends Acknowledgement {
  readonly rule: string;
  readonly summary: string | null;
}

export async function acknowledgementsOf(strapi: Core.Strapi, reportId: string): Promise<ReportAcknowledgement[]> {
  const found = await entries(strapi).findMany({ filters: { report: { documentId: reportId } }, limit: 1000 });
  return found.map((entry) => ({
    key: entry.findingKey,
    rule: entry.rule,
    summary: entry.summary ?? null,
    reason: entry.reason,
    by: entry.acknowledgedBy,
    at: entry.updatedAt,
  }));
}

/** Records (or replaces) the reason for publishing over one warning of the report. */
export async function acknowledge(
  strapi: Core.Strapi,
  reportId: string,
  warning: CheckedFinding,
  reason: string,
  by: string,
): Promise<void> {
  const existing = await entries(strapi).findMany({
    filters: { report: { documentId: reportId }, findingKey: warning.key },
    limit: 1,
  });
  const data = { rule: warning.rule, summary: warning.message.zh.slice(0, 2000), reason, acknowledgedBy: by };
  const first = existing.at(0);
  if (first) await entries(strapi).update({ documentId: first.documentId, data });
  else
    await entries(strapi).create({
      data: { ...data, findingKey: warning.key, report: { connect: [{ documentId: reportId }] } },
    });
}

/** The warnings of a check with their acknowledgement, if any. */
export function matchAcknowledgements(
  warnings: readonly CheckedFinding[],
  acknowledgements: readonly ReportAcknowledgement[],
): { acknowledged: Acknowledgement[]; unacknowledged: CheckedFinding[] } {
  const byKey = new Map(acknowledgements.map((a) => [a.key, a]));
  const acknowledged: Acknowledgement[] = [];
  const unacknowledged: CheckedFinding[] = [];
  for (const warning of warnings) {
    const found = byKey.get(warning.key);
    if (found) acknowledged.push({ key: found.key, reason: found.reason, by: found.by, at: found.at });
    else unacknowledged.push(warning);
  }
  return { acknowledged, unacknowledged };
}
