// `stats import` (and later the CMS upload): a CSV or JSON file's bytes in, every record checked, and only when all
// of them are valid, stored. Whose statistics a CSV holds may come from flags; they are checked like the file.
import type { TemplateId } from '../core/format/table-definition';
import type { StatisticsRecord } from '../core/merge/merge-report';
import { fail, ok, type Result } from '../core/result';
import { parseStatisticsJson } from '../core/statistics/parse-statistics-json';
import type { ValidationFinding } from '../core/validation-finding';
import { decodeText } from '../core/text-encoding';
import { parseStatisticsCsv, type RecordIdentity } from './statistics-csv';
import type { StatisticsRepository } from './statistics-repository';

export interface StatisticsSource {
  /** The file name: `.csv` is read as CSV, anything else as JSON. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type ImportFailure =
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'invalid'; readonly findings: ValidationFinding[]; readonly template?: TemplateId };

function parseSource(source: StatisticsSource, identity: RecordIdentity): Result<StatisticsRecord[], ImportFailure> {
  const isCsv = source.name.toLowerCase().endsWith('.csv');
  const decoded = decodeText(source.bytes, isCsv ? ['UTF-8', 'GB18030'] : ['UTF-8']);
  if (!decoded.ok) return fail({ kind: 'unreadable', message: `${source.name}: ${decoded.error}` });
  const invalid = (findings: ValidationFinding[]): ImportFailure => ({
    kind: 'invalid',
    findings,
    ...(identity.template ? { template: identity.template } : {}),
  });
  if (isCsv) {
    const csv = parseStatisticsCsv(decoded.value.text, identity);
    return csv.ok ? ok([csv.value]) : fail(invalid(csv.error));
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.value.text);
  } catch (error) {
    return fail({ kind: 'unreadable', message: `${source.name}: not valid JSON (${(error as Error).message})` });
  }
  const parsed = parseStatisticsJson(json);
  return parsed.ok ? parsed : fail(invalid(parsed.error));
}

/** Reads and checks the whole file first; writes only when every record is valid. */
export async function importStatistics(
  source: StatisticsSource,
  identity: RecordIdentity,
  repository: StatisticsRepository,
): Promise<Result<{ agency: string; year: number }[], ImportFailure>> {
  const parsed = parseSource(source, identity);
  if (!parsed.ok) return parsed;
  for (const record of parsed.value) await repository.put(record);
  return ok(parsed.value.map(({ agency, year }) => ({ agency, year })));
}
