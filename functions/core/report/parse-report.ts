// Rule S1: turn untrusted JSON into a ReportDocument, or say exactly which path is wrong and what was expected.
import { cellsOf, isTemplateId, templateIds, templates } from '../format/templates';
import type { CellKind, TableDefinition, TemplateId } from '../format/table-definition';
import { fail, ok, type Result } from '../result';
import type { Message, ValidationFinding } from '../validation-finding';
import { defaultTitle, reportFormat, type CellValue, type ReportDocument, type TableValues } from './report-document';

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (value: Json): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: Json): string =>
  value === undefined ? 'nothing' : value === null ? 'null' : Array.isArray(value) ? 'an array'
  : typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  : typeof value === 'number' || typeof value === 'boolean' ? String(value) : 'an object';

const describeZh = (value: Json): string =>
  value === undefined ? '缺失' : Array.isArray(value) ? '数组' : typeof value === 'object' && value !== null ? '对象' : describe(value);

/** Collects every structural problem of one document. */
class Findings {
  readonly list: ValidationFinding[] = [];

  add(location: string, expected: Message, actual: Json, cells: readonly string[] = []): void {
    this.list.push({
      rule: 'S1',
      severity: 'error',
      cells,
      location,
      expected: expected.en,
      actual: actual === undefined ? null : describe(actual),
      message: { zh: `${location}：应为${expected.zh}，实际为${describeZh(actual)}`, en: `${location}: expected ${expected.en}, got ${describe(actual)}` },
    });
  }

  unknown(location: string, allowed: readonly string[]): void {
    const list = allowed.join(', ');
    this.list.push({
      rule: 'S1',
      severity: 'error',
      cells: [],
      location,
      expected: list,
      actual: location.split('.').at(-1) ?? location,
      message: { zh: `${location}：不是此处应有的字段（应为 ${list} 之一）`, en: `${location}: unknown field (expected one of ${list})` },
    });
  }
}

const text: Message = { zh: '非空字符串', en: 'a non-empty string' };
const markdown: Message = { zh: '字符串（Markdown）', en: 'a string (Markdown)' };

function readString(f: Findings, obj: JsonObject, key: string, at: string, expected: Message = text, allowEmpty = false): string {
  const value = obj[key];
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) {
    f.add(`${at}${key}`, expected, value);
    return '';
  }
  return value;
}

function checkKeys(f: Findings, obj: JsonObject, at: string, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) f.unknown(`${at}${key}`, allowed);
}

const cellExpectation: Record<CellKind, Message> = {
  count: { zh: '不小于 0 的整数（空白请填 null）', en: 'an integer ≥ 0 (null for a blank cell)' },
  signedCount: { zh: '整数（可为负数；空白请填 null）', en: 'an integer, may be negative (null for a blank cell)' },
  amount: { zh: '不小于 0 的数额（数字或 "18.20" 这样的十进制字符串；空白请填 null）', en: 'an amount ≥ 0 (a number or a decimal string like "18.20"; null for a blank cell)' },
};

const decimal = /^\d+(\.\d+)?$/;

function isCellValue(kind: CellKind, value: Json): boolean {
  if (value === null) return true;
  switch (kind) {
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case 'signedCount':
      return Number.isSafeInteger(value);
    case 'amount':
      return (typeof value === 'number' && Number.isFinite(value) && value >= 0) || (typeof value === 'string' && decimal.test(value));
  }
}

interface TablePlan {
  /** For each nesting level (a row-id prefix, '' for the table), the keys allowed there: derived from the row ids. */
  readonly levels: ReadonlyMap<string, ReadonlyMap<string, { readonly id: string; readonly isRow: boolean }>>;
  readonly rows: readonly { readonly row: TableDefinition['rows'][number]; readonly parts: readonly string[]; readonly columnKeys: readonly string[] }[];
}

const tablePlans = new WeakMap<TableDefinition, TablePlan>();

/** What checking a table needs, derived from its definition once: parsing is on the hot path of validation. */
function planOf(table: TableDefinition): TablePlan {
  let plan = tablePlans.get(table);
  if (!plan) {
    const levels = new Map<string, Map<string, { id: string; isRow: boolean }>>();
    const rowIds = new Set(table.rows.map((r) => r.id));
    for (const row of table.rows) {
      const parts = row.id.split('.');
      parts.forEach((key, i) => {
        const prefix = parts.slice(0, i).join('.');
        const id = parts.slice(0, i + 1).join('.');
        const level = levels.get(prefix) ?? new Map<string, { id: string; isRow: boolean }>();
        level.set(key, { id, isRow: rowIds.has(id) });
        levels.set(prefix, level);
      });
    }
    const rows = table.rows.map((row) => ({ row, parts: row.id.split('.'), columnKeys: row.columns.map((c) => c.key) }));
    plan = { levels, rows };
    tablePlans.set(table, plan);
  }
  return plan;
}

/** Checks a table against its definition: every row and cell present, no others, each value of its kind. */
function checkTable(f: Findings, template: TemplateId, table: TableDefinition, values: Json, collected: CellValue[]): void {
  const at = `statistics.${table.id}`;
  if (!isObject(values)) {
    f.add(at, { zh: `对象（表${table.section}的各行）`, en: `an object (the rows of table ${table.section})` }, values);
    return;
  }
  const { levels, rows } = planOf(table);
  const unknown = (id: string, allowed: readonly string[]): void => {
    const inTable = `${table.id}.${id}`;
    const elsewhere = templateIds.find((other) => other !== template && cellsOf(other).some((c) => c.id === inTable || c.id.startsWith(`${inTable}.`)));
    if (!elsewhere) {
      f.unknown(`${at}.${id}`, allowed);
      return;
    }
    f.list.push({
      rule: 'S1', severity: 'error', cells: [], location: `${at}.${id}`, expected: allowed.join(', '), actual: id,
      message: {
        zh: `${at}.${id}：这是 ${elsewhere} 版模板的栏目，${template} 版模板没有（此处应为 ${allowed.join(', ')}）`,
        en: `${at}.${id}: this belongs to template ${elsewhere}, not to template ${template} (expected ${allowed.join(', ')})`,
      },
    });
  };
  const walk = (node: JsonObject, prefix: string): void => {
    const level = levels.get(prefix)!;
    for (const key in node) {
      const child = level.get(key);
      if (!child) unknown(prefix ? `${prefix}.${key}` : key, [...level.keys()]);
      else if (!child.isRow && isObject(node[key])) walk(node[key], child.id);
    }
  };
  walk(values, '');

  for (const { row, parts, columnKeys } of rows) {
    let node: Json = values;
    for (const part of parts) node = isObject(node) ? node[part] : undefined;
    if (!isObject(node)) {
      f.add(`${at}.${row.id}`, { zh: `对象（${row.label}：${columnKeys.join(', ')}）`, en: `an object with ${columnKeys.join(', ')}` }, node);
      continue;
    }
    let present = 0;
    for (const column of row.columns) {
      const value = node[column.key];
      if (value !== undefined) present++;
      if (isCellValue(column.kind, value)) collected.push(value as CellValue);
      else f.add(`${at}.${row.id}.${column.key}`, cellExpectation[column.kind], value, [`${table.id}.${row.id}.${column.key}`]);
    }
    // Every column present and no more keys than columns means no unknown key: the common case skips the search.
    if (present !== columnKeys.length || Object.keys(node).length !== present) {
      for (const key of Object.keys(node)) if (!columnKeys.includes(key)) unknown(`${row.id}.${key}`, columnKeys);
    }
  }
}

const topLevelKeys = ['$comment', 'format', 'template', 'year', 'agency', 'issuedOn', 'title', 'narrative', 'statistics'];
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const m = isoDate.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

/** Parses a report document (spec §2–§3). `$comment` (a string or list of strings) is allowed and ignored. */
export function parseReport(input: Json): Result<ReportDocument, ValidationFinding[]> {
  const f = new Findings();
  if (!isObject(input)) {
    f.add('(document)', { zh: 'JSON 对象', en: 'a JSON object' }, input);
    return fail(f.list);
  }
  checkKeys(f, input, '', topLevelKeys);
  if (input.format !== reportFormat) f.add('format', { zh: `"${reportFormat}"`, en: `"${reportFormat}"` }, input.format);

  const template = input.template;
  if (!isTemplateId(template)) {
    f.add('template', { zh: `模板编号 ${templateIds.map((t) => `"${t}"`).join(' 或 ')}`, en: `a template id, one of ${templateIds.map((t) => `"${t}"`).join(', ')}` }, template);
  }
  const year = input.year;
  if (!Number.isInteger(year) || (year as number) < 2008 || (year as number) > 2100) {
    f.add('year', { zh: '年份（整数，如 2023）', en: 'a year (an integer such as 2023)' }, year);
  } else if (isTemplateId(template)) {
    const { from, to } = templates[template].years;
    const y = year as number;
    if (y < from || (to !== undefined && y > to)) {
      const span = to === undefined ? `${from} 年及以后` : `${from}–${to} 年`;
      f.add('template', { zh: `适用于 ${y} 年度的模板（${template} 版模板适用于 ${span}）`, en: `a template for ${y} (template ${template} is for ${to === undefined ? `${from} onward` : `${from}–${to}`})` }, template);
    }
  }

  const agency = input.agency;
  let agencyCode = '', agencyName = '', issuer = '', consolidated: boolean | undefined;
  if (!isObject(agency)) f.add('agency', { zh: '对象（code, name, issuer）', en: 'an object with code, name, issuer' }, agency);
  else {
    checkKeys(f, agency, 'agency.', ['code', 'name', 'issuer', 'consolidated']);
    agencyCode = readString(f, agency, 'code', 'agency.', { zh: '机关代码（小写字母、数字和连字符，如 lvliang-lishi）', en: 'an agency code (lower-case letters, digits and hyphens, e.g. lvliang-lishi)' });
    if (agencyCode && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(agencyCode)) {
      f.add('agency.code', { zh: '机关代码（小写字母、数字和连字符，如 lvliang-lishi）', en: 'an agency code (lower-case letters, digits and hyphens, e.g. lvliang-lishi)' }, agencyCode);
    }
    agencyName = readString(f, agency, 'name', 'agency.');
    issuer = readString(f, agency, 'issuer', 'agency.');
    if (agency.consolidated !== undefined && typeof agency.consolidated !== 'boolean') f.add('agency.consolidated', { zh: 'true 或 false', en: 'true or false' }, agency.consolidated);
    else consolidated = agency.consolidated;
  }

  const issuedOn = input.issuedOn;
  if (typeof issuedOn !== 'string' || !isCalendarDate(issuedOn)) f.add('issuedOn', { zh: '日期 YYYY-MM-DD', en: 'a date YYYY-MM-DD' }, issuedOn);
  if (input.title !== undefined) readString(f, input, 'title', '');

  const narrative = input.narrative;
  if (!isObject(narrative)) f.add('narrative', { zh: '对象（preamble, overview, problems, otherMatters）', en: 'an object with preamble, overview, problems, otherMatters' }, narrative);
  else {
    checkKeys(f, narrative, 'narrative.', ['preamble', 'overviewIntro', 'overview', 'problems', 'otherMatters']);
    readString(f, narrative, 'preamble', 'narrative.', markdown, true);
    if (narrative.overviewIntro !== undefined) readString(f, narrative, 'overviewIntro', 'narrative.', markdown, true);
    readString(f, narrative, 'problems', 'narrative.', markdown, true);
    readString(f, narrative, 'otherMatters', 'narrative.', markdown, true);
    const overview = narrative.overview;
    if (!Array.isArray(overview)) f.add('narrative.overview', { zh: '数组（各小节 { heading, body }）', en: 'an array of { heading, body }' }, overview);
    else {
      overview.forEach((section: Json, i) => {
        const at = `narrative.overview[${i}]`;
        if (!isObject(section)) {
          f.add(at, { zh: '对象 { heading, body }', en: 'an object { heading, body }' }, section);
          return;
        }
        checkKeys(f, section, `${at}.`, ['heading', 'body']);
        readString(f, section, 'heading', `${at}.`);
        readString(f, section, 'body', `${at}.`, markdown, true);
      });
    }
  }

  const statistics = input.statistics;
  const collected: CellValue[] = [];
  if (!isObject(statistics)) f.add('statistics', { zh: '对象（proactive, applications, reviewLitigation）', en: 'an object with proactive, applications, reviewLitigation' }, statistics);
  else if (isTemplateId(template)) {
    const tables = templates[template].tables;
    checkKeys(f, statistics, 'statistics.', tables.map((t) => t.id));
    for (const table of tables) checkTable(f, template, table, statistics[table.id], collected);
  }

  if (f.list.length > 0) return fail(f.list);
  const document = input as unknown as ReportDocument & { $comment?: unknown };
  const { $comment: _comment, ...rest } = document;
  const report: ReportDocument = {
    ...rest,
    agency: { code: agencyCode, name: agencyName, issuer, ...(consolidated === undefined ? {} : { consolidated }) },
    title: typeof input.title === 'string' ? input.title : defaultTitle(agencyName, year as number),
  };
  parsedCells.set(report, collected);
  return ok(report);
}

/** Cell values read while parsing, in `cellsOf` order, so rules need not walk the tables again. */
const parsedCells = new WeakMap<ReportDocument, readonly CellValue[]>();

/** Every cell value of a report in `cellsOf(report.template)` order. */
export function cellValueList(report: ReportDocument): readonly CellValue[] {
  return parsedCells.get(report) ?? cellsOf(report.template).map((cell) => readCell(report.statistics, cell.path));
}

/** Reads one cell by its path; the document must have passed parseReport. */
export function readCell(statistics: ReportDocument['statistics'], path: readonly string[]): number | string | null {
  let node: unknown = statistics;
  for (const part of path) node = (node as TableValues)[part];
  return node as number | string | null;
}
