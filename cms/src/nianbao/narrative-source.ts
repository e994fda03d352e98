// An annual-report entry as the pipeline's narrative (a report document without its tables). The entry's fields are
// named as the document's (both come from the format's editable fields: report-format.json is generated from them).
import reportFormat from './report-format.json';

export type NarrativeJson = Record<string, unknown> & {
  readonly agency: { readonly code: string };
  readonly year: number;
};

interface Entry {
  readonly year?: number | null;
  readonly issuedOn?: string | null;
  readonly agency?: Record<string, unknown> | null;
  readonly [field: string]: unknown;
}

const templateOf = (year: number) =>
  reportFormat.templates.find((t) => year >= t.from && (t.to === null || year <= t.to))?.id;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The narrative, or what the editor must fill in before it can be checked at all. */
export function narrativeSource(entry: Entry): { ok: true; value: NarrativeJson } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const { agency, year } = entry;
  if (!agency) problems.push('未选择发布机关（agency）');
  const template = typeof year === 'number' ? templateOf(year) : undefined;
  if (!template) problems.push(`年度 ${String(year ?? '（空）')} 没有对应的年报模板`);
  if (!agency || typeof year !== 'number' || !template) return { ok: false, problems };
  const narrative: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(reportFormat.narrativeFields)) {
    const value = entry[field];
    if (kind === 'sections') {
      const sections = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      narrative[field] = sections.map((s) => ({ heading: text(s.heading), body: text(s.body) }));
    } else if (typeof value === 'string' && value.trim() !== '') narrative[field] = value;
    else if (field !== 'overviewIntro') narrative[field] = '';
  }
  // Optional fields at their default are left out, as a document leaves them out (so the same report hashes the same).
  const agencyJson = Object.fromEntries(
    reportFormat.agencyFields
      .filter((f) => agency[f] !== undefined && agency[f] !== null && !(f === 'consolidated' && agency[f] === false))
      .map((f) => [f, agency[f]]),
  );
  const code = text(agency.code);
  return {
    ok: true,
    value: {
      format: 'nianbao/report@1',
      template,
      year,
      agency: { ...agencyJson, code },
      ...(typeof entry.title === 'string' && entry.title.trim() ? { title: entry.title } : {}),
      ...(entry.issuedOn ? { issuedOn: entry.issuedOn } : {}),
      narrative,
    },
  };
}
