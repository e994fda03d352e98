// Statistics files for `nianbao stats import/export`: CSV in the official table layout (cell ids as keys), or JSON.
// Parsing is all-or-nothing: every problem is returned, naming its line (CSV) or path (JSON) and cell.
import { parse } from 'csv-parse/sync';
import { statisticsGrid, parseStatisticsGrid } from '../core/format/table-grids';
import { findCell, isTemplateId, cellsOf } from '../core/format/templates';
import type { TemplateId } from '../core/format/table-definition';
import type { StatisticsRecord } from '../core/merge/merge-report';
import { fail, ok, type Result } from '../core/result';
import type { ValidationFinding } from '../core/validation-finding';
import { readCell } from '../core/report/parse-report';
import { csvBytes } from './archive-files';

export interface RecordIdentity {
  readonly agency?: string;
  readonly year?: number;
  readonly template?: TemplateId;
}

const finding = (location: string, zh: string, en: string, cells: string[] = [], line?: number): ValidationFinding => ({
  rule: 'S1',
  severity: 'error',
  cells,
  location,
  ...(line === undefined ? {} : { line }),
  message: { zh: `${location}：${zh}`, en: `${location}: ${en}` },
});

/** The template in force for a report year (spec §1). */
export const templateForYear = (year: number): TemplateId => (year >= 2021 ? '2021' : '2019');

/** `# agency=…, year=…, template=…` lines at the top of an exported CSV say whose statistics they are. */
function identityFromComments(rows: readonly (readonly string[])[]): RecordIdentity {
  const found: Record<string, string> = {};
  for (const row of rows) {
    const text = row.join(',');
    if (!text.startsWith('#')) continue;
    for (const m of text.matchAll(/(agency|year|template)\s*=\s*([\w-]+)/g)) found[m[1] as string] = m[2] as string;
  }
  return {
    ...(found.agency ? { agency: found.agency } : {}),
    ...(found.year ? { year: Number(found.year) } : {}),
    ...(found.template && isTemplateId(found.template) ? { template: found.template } : {}),
  };
}

export function parseStatisticsCsv(text: string, given: RecordIdentity = {}): Result<StatisticsRecord, ValidationFinding[]> {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\ufeff/, ''), { relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return fail([finding(`line ${line ?? '?'}`, `不是有效的 CSV（${(error as Error).message}）`, `not valid CSV (${(error as Error).message})`, [], line)]);
  }
  const identity = { ...identityFromComments(rows), ...given };
  if (!identity.agency) return fail([finding('agency', '未指定机关代码（--agency 或 # agency=… 注释行）', 'no agency code (--agency or a "# agency=…" comment line)')]);
  if (!identity.year) return fail([finding('year', '未指定年度（--year 或 # year=… 注释行）', 'no year (--year or a "# year=…" comment line)')]);
  const template = identity.template ?? templateForYear(identity.year);
  const parsed = parseStatisticsGrid(template, rows);
  if (!parsed.ok) return parsed;
  return ok({ agency: identity.agency, year: identity.year, template, statistics: parsed.value });
}

export function statisticsCsv(record: StatisticsRecord): Uint8Array {
  const header = [[`# agency=${record.agency}`, `year=${record.year}`, `template=${record.template}`]];
  return csvBytes([...header, ...statisticsGrid(record)]);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOk = { count: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0, signedCount: Number.isSafeInteger, amount: (v: unknown) => (typeof v === 'number' && v >= 0) || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) };

/** A record `{ agency, year, template?, statistics }`, a whole report document, or a list of either. */
export function parseStatisticsJson(json: unknown): Result<StatisticsRecord[], ValidationFinding[]> {
  const list = Array.isArray(json) ? json : [json];
  const errors: ValidationFinding[] = [];
  const records: StatisticsRecord[] = [];
  list.forEach((entry, i) => {
    const at = Array.isArray(json) ? `[${i}].` : '';
    if (!isObject(entry)) return void errors.push(finding(at || '(document)', '应为对象', 'expected an object'));
    const agency = isObject(entry.agency) ? entry.agency.code : entry.agency;
    const year = entry.year;
    if (typeof agency !== 'string' || agency === '') errors.push(finding(`${at}agency`, '应为机关代码', 'expected an agency code'));
    if (!Number.isInteger(year)) errors.push(finding(`${at}year`, '应为年份', 'expected a year'));
    const template = entry.template ?? (Number.isInteger(year) ? templateForYear(year as number) : undefined);
    if (!isTemplateId(template)) return void errors.push(finding(`${at}template`, '应为 "2019" 或 "2021"', 'expected "2019" or "2021"'));
    if (!isObject(entry.statistics)) return void errors.push(finding(`${at}statistics`, '应为对象', 'expected an object'));
    const before = errors.length;
    walkUnknown(entry.statistics, [], template, at, errors);
    for (const cell of cellsOf(template)) {
      let value: unknown;
      try {
        value = readCell(entry.statistics as never, cell.path);
      } catch {
        value = undefined;
      }
      if (value === undefined) errors.push(finding(`${at}statistics.${cell.id}`, '缺少此单元格（空白请填 null）', 'missing cell (null for a blank cell)', [cell.id]));
      else if (value !== null && !kindOk[cell.column.kind](value)) errors.push(finding(`${at}statistics.${cell.id}`, `应为${cell.column.kind === 'amount' ? '数额' : '整数'}，实际为 ${JSON.stringify(value)}`, `expected ${cell.column.kind === 'amount' ? 'an amount' : 'an integer'}, got ${JSON.stringify(value)}`, [cell.id]));
    }
    if (errors.length === before) records.push({ agency: agency as string, year: year as number, template, statistics: entry.statistics as never });
  });
  return errors.length > 0 ? fail(errors) : ok(records);
}

function walkUnknown(node: Record<string, unknown>, path: string[], template: TemplateId, at: string, errors: ValidationFinding[]): void {
  for (const [key, value] of Object.entries(node)) {
    const next = [...path, key];
    const id = next.join('.');
    if (findCell(template, id)) continue;
    if (isObject(value) && cellsOf(template).some((c) => c.id.startsWith(`${id}.`))) walkUnknown(value, next, template, at, errors);
    else errors.push(finding(`${at}statistics.${id}`, `不是 ${template} 版模板的单元格`, `not a cell of template ${template}`, [id]));
  }
}
