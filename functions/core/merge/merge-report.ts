// Merge: the narrative (from the CMS) and the statistics (from DynamoDB) make one report document.
import type { TemplateId } from '../format/table-definition';
import { narrativeFields } from '../narrative/narrative-fields';
import { checkReferences, resolveReferences } from '../narrative/references';
import { parseReport } from '../report/parse-report';
import type { ReportDocument, Statistics } from '../report/report-document';
import { fail, ok, type Result } from '../result';
import type { ValidationFinding } from '../validation-finding';

/** Everything of a report but its tables, as editors write it. */
export type NarrativeSource = Omit<ReportDocument, 'statistics' | 'title'> & { readonly title?: string };

/** The tables of one agency and year, as stored. */
export interface StatisticsRecord {
  readonly agency: string;
  readonly year: number;
  readonly template: TemplateId;
  readonly statistics: Statistics;
}

function mismatch(field: string, narrative: unknown, statistics: unknown): ValidationFinding {
  return {
    rule: 'S1',
    severity: 'error',
    cells: [],
    location: field,
    expected: String(narrative),
    actual: String(statistics),
    message: {
      zh: `${field}：正文为 ${String(narrative)}，统计数据为 ${String(statistics)}，两者不是同一份年报`,
      en: `${field}: the narrative says ${String(narrative)} but the statistics are for ${String(statistics)}`,
    },
  };
}

/**
 * Builds the report document and resolves narrative references (`{{applications.received.total}}`) to their values.
 * Fails with S1 findings when the parts don't belong together or the result is malformed, and with R10 for a reference
 * that names no cell.
 */
export function mergeReport(
  narrativeInput: NarrativeSource | null | undefined,
  statisticsInput: StatisticsRecord | null | undefined,
): Result<ReportDocument, ValidationFinding[]> {
  // Both parts may come straight from JSON (null, or missing): read them defensively, parseReport checks the shapes.
  const narrative: Partial<NarrativeSource> = narrativeInput ?? {};
  const statistics: Partial<StatisticsRecord> = statisticsInput ?? {};
  const mismatches = [
    ...(narrative.agency?.code === statistics.agency
      ? []
      : [mismatch('agency.code', narrative.agency?.code, statistics.agency)]),
    ...(narrative.year === statistics.year ? [] : [mismatch('year', narrative.year, statistics.year)]),
    ...(narrative.template === statistics.template
      ? []
      : [mismatch('template', narrative.template, statistics.template)]),
  ];
  if (mismatches.length > 0) return fail(mismatches);
  const parsed = parseReport({ ...narrative, statistics: statistics.statistics });
  if (!parsed.ok) return parsed;
  const unknownReferences = checkReferences(parsed.value.template, narrativeFields(parsed.value.narrative));
  if (unknownReferences.length > 0) return fail(unknownReferences);
  return ok(resolveReferences(parsed.value));
}
