// `stats export`: every requested record as a CSV file named `{agency}-{year}.csv`. Everything is read and checked
// before the caller writes anything, so an export either writes all its files or none.
import { agencyCodeFinding, isAgencyCode, isReportYear, reportYearFinding } from '../core/identifiers';
import { fail, ok, type Result } from '../core/result';
import type { ValidationFinding } from '../core/validation-finding';
import { statisticsCsv } from './statistics-csv';
import type { StatisticsRepository } from './statistics-repository';

export interface ExportFile {
  /** A bare file name made of checked identifiers only: no folder, no `..`. */
  readonly fileName: string;
  readonly agency: string;
  readonly bytes: Uint8Array;
}

export type ExportFailure =
  | { readonly kind: 'invalid'; readonly findings: ValidationFinding[] }
  | { readonly kind: 'empty'; readonly message: string };

/** Which statistics: a year, and optionally one agency (checked by identityFromFlags). */
export interface ExportRequest {
  readonly year: number;
  readonly agency?: string | undefined;
}

export async function exportStatistics(
  { agency, year }: ExportRequest,
  repository: StatisticsRepository,
): Promise<Result<ExportFile[], ExportFailure>> {
  const records = agency
    ? [await repository.get(agency, year)].filter((r) => r !== undefined)
    : await repository.listYear(year);
  if (records.length === 0)
    return fail({ kind: 'empty', message: `no statistics for ${agency ?? 'any agency'} in ${year}` });
  // Stored before identifiers were checked on import: refuse the whole export rather than build a path from it.
  const findings = records.flatMap((r, i) => [
    ...(isAgencyCode(r.agency) ? [] : [agencyCodeFinding(`stored record ${i + 1}: agency`, r.agency)]),
    ...(isReportYear(r.year) ? [] : [reportYearFinding(`stored record ${i + 1}: year`, r.year)]),
  ]);
  if (findings.length > 0) return fail({ kind: 'invalid', findings });
  return ok(records.map((r) => ({ fileName: `${r.agency}-${r.year}.csv`, agency: r.agency, bytes: statisticsCsv(r) })));
}
