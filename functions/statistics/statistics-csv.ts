// Statistics as CSV in the official table layout (cell ids as keys), as `nianbao stats export` writes them and
// `stats import` reads them back. Lines such as `# agency=…,year=…,template=…` at the top say whose they are.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { statisticsGrid } from '../core/format/table-grids';
import { parseStatisticsGrid } from '../core/statistics/parse-statistics-grid';
import type { TemplateId } from '../core/format/table-definition';
import { isTemplateId } from '../core/format/templates';
import { agencyCodeFinding, isAgencyCode, reportYearFinding, reportYearFromText } from '../core/identifiers';
import type { StatisticsRecord } from '../core/merge/merge-report';
import { fail, ok, type Result } from '../core/result';
import { templateCoversYear, templateExpected, templateForYear } from '../core/statistics/template-for-year';
import { structureFinding } from '../core/structure-findings';
import type { ValidationFinding } from '../core/validation-finding';

/** Whose statistics a file holds, when not written in it (`--agency`, `--year`, `--template`), already checked. */
export interface RecordIdentity {
  readonly agency?: string;
  readonly year?: number;
  readonly template?: TemplateId;
}

type Rows = readonly (readonly string[])[];

const identityFields = {
  agency: { finding: agencyCodeFinding, read: (text: string) => (isAgencyCode(text) ? text : undefined) },
  year: { finding: reportYearFinding, read: reportYearFromText },
  template: {
    finding: (location: string, text: string) => structureFinding(location, templateExpected(), text),
    read: (text: string) => (isTemplateId(text) ? text : undefined),
  },
};

type IdentityField = keyof typeof identityFields;
const isIdentityField = (name: string): name is IdentityField => Object.hasOwn(identityFields, name);

/** Reads `# agency=…` comment cells; a value that is not a valid identifier is an error naming its line and field. */
function identityFromComments(rows: Rows, findings: ValidationFinding[]): RecordIdentity {
  const found: Record<string, unknown> = {};
  rows.forEach((row, index) => {
    if (!(row[0] ?? '').trim().startsWith('#')) return;
    for (const cell of row) {
      const m = /^#?\s*([a-z]+)\s*=(.*)$/.exec(cell.trim());
      if (!m || !isIdentityField(m[1]!)) continue;
      const field = identityFields[m[1]];
      const text = m[2]!.trim();
      const value = field.read(text);
      if (value === undefined) {
        findings.push({ ...field.finding(`line ${index + 1}: # ${m[1]}=`, text), line: index + 1 });
      } else found[m[1]] = value;
    }
  });
  return found;
}

/** A file that says it holds another agency's or year's statistics than the ones asked for is refused, not relabelled. */
function identityConflicts(written: RecordIdentity, given: RecordIdentity): ValidationFinding[] {
  return (['agency', 'year', 'template'] as const).flatMap((field) => {
    const inFile = written[field];
    const asked = given[field];
    if (inFile === undefined || asked === undefined || inFile === asked) return [];
    return [
      {
        rule: 'S1' as const,
        severity: 'error' as const,
        cells: [],
        location: `# ${field}=`,
        expected: String(asked),
        actual: String(inFile),
        message: {
          zh: `文件注明 ${field}=${String(inFile)}，与要导入的 ${String(asked)} 不符：请确认选对了文件`,
          en: `the file says ${field}=${String(inFile)}, not ${String(asked)}: is it the right file?`,
        },
      },
    ];
  });
}

function missingIdentity(field: 'agency' | 'year'): ValidationFinding {
  const zh = { agency: '机关代码', year: '年度' }[field];
  return {
    rule: 'S1',
    severity: 'error',
    cells: [],
    location: field,
    message: {
      zh: `${field}：未指定${zh}（--${field} 或 # ${field}=… 注释行）`,
      en: `${field}: no ${field === 'agency' ? 'agency code' : 'year'} (--${field} or a "# ${field}=…" comment line)`,
    },
  };
}

/** All-or-nothing: every problem is returned, naming its line and cell. */
export function parseStatisticsCsv(
  text: string,
  given: RecordIdentity = {},
): Result<StatisticsRecord, ValidationFinding[]> {
  let rows: string[][];
  try {
    const records: unknown = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true });
    rows = records as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const why = (error as Error).message;
    const finding = (location: string, zh: string, en: string): ValidationFinding => ({
      rule: 'S1',
      severity: 'error',
      cells: [],
      location,
      ...(line === undefined ? {} : { line }),
      message: { zh: `${location}：${zh}`, en: `${location}: ${en}` },
    });
    return fail([finding(`line ${line ?? '?'}`, `不是有效的 CSV（${why}）`, `not valid CSV (${why})`)]);
  }
  const findings: ValidationFinding[] = [];
  const written = identityFromComments(rows, findings);
  findings.push(...identityConflicts(written, given));
  const identity = { ...written, ...given };
  if (findings.length > 0) return fail(findings);
  if (!identity.agency) return fail([missingIdentity('agency')]);
  if (!identity.year) return fail([missingIdentity('year')]);
  const template = identity.template ?? templateForYear(identity.year)!;
  if (!templateCoversYear(template, identity.year)) {
    return fail([structureFinding('template', templateExpected(identity.year), template)]);
  }
  const parsed = parseStatisticsGrid(template, rows);
  if (!parsed.ok) return parsed;
  return ok({ agency: identity.agency, year: identity.year, template, statistics: parsed.value });
}

const encoder = new TextEncoder();

/** UTF-8 with a BOM so Excel reads the Chinese labels. */
export function statisticsCsv(record: StatisticsRecord): Uint8Array {
  const header = [[`# agency=${record.agency}`, `year=${record.year}`, `template=${record.template}`]];
  return encoder.encode(`\ufeff${stringify([...header, ...statisticsGrid(record)])}`);
}
