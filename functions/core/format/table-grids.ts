// The official tables as grids of text, for CSV downloads and `nianbao stats import/export`.
// Layout: a key row (`row`, `label`, column keys), a label row (blank first cell, printed column labels), then one line
// per table row keyed by `table.rowId`; a new key row starts wherever the columns change, as the printed 二 does per 第二十条 block.
// So `row` + column key is the cell id, and the grid reads like the printed table.
import type { CellValue, ReportDocument, Statistics, TableValues } from '../report/report-document';
import { readCell } from '../report/parse-report';
import { fail, ok, type Result } from '../result';
import type { ValidationFinding } from '../validation-finding';
import { columnLabel, rowLabel } from './labels';
import { cellsOf, findCell, templates } from './templates';
import type { CellKind, TableDefinition, TableId, TemplateId } from './table-definition';

export interface TableGrid {
  readonly table: TableId;
  readonly fileName: string;
  readonly rows: string[][];
}

const keyHeader = ['row', 'label'];

const fileNames: Record<TableId, string> = {
  proactive: 'table-2-proactive.csv',
  applications: 'table-3-applications.csv',
  reviewLitigation: 'table-4-review-litigation.csv',
};

function formatCell(value: CellValue): string {
  return value === null ? '' : String(value);
}

function gridOf(table: TableDefinition, statistics: Statistics): string[][] {
  const rows: string[][] = [];
  let keys = '';
  for (const row of table.rows) {
    const rowKeys = row.columns.map((c) => c.key).join();
    if (rowKeys !== keys) {
      keys = rowKeys;
      rows.push([...keyHeader, ...row.columns.map((c) => c.key)], ['', '', ...row.columns.map(columnLabel)]);
    }
    const path = [table.id, ...row.id.split('.')];
    rows.push([`${table.id}.${row.id}`, rowLabel(row), ...row.columns.map((c) => formatCell(readCell(statistics, [...path, c.key])))]);
  }
  return rows;
}

/** One grid per official table, in printed order. */
export function tableGrids(report: Pick<ReportDocument, 'template' | 'statistics'>): TableGrid[] {
  return templates[report.template].tables.map((table) => ({ table: table.id, fileName: fileNames[table.id], rows: gridOf(table, report.statistics) }));
}

/** All three tables in one grid: the layout of `nianbao stats export`. */
export function statisticsGrid(report: Pick<ReportDocument, 'template' | 'statistics'>): string[][] {
  return tableGrids(report).flatMap((grid) => grid.rows);
}

const numberPatterns: Record<CellKind, RegExp> = { count: /^\d+$/, signedCount: /^-?\d+$/, amount: /^\d+(\.\d+)?$/ };
const expectedText: Record<CellKind, string> = { count: '不小于 0 的整数 / an integer ≥ 0', signedCount: '整数 / an integer', amount: '数额 / a decimal amount' };

function gridError(line: number, cells: string[], zh: string, en: string, actual?: string): ValidationFinding {
  return { rule: 'S1', severity: 'error', cells, location: `line ${line}`, line, ...(actual === undefined ? {} : { actual }), message: { zh: `第 ${line} 行：${zh}`, en: `line ${line}: ${en}` } };
}

/** Reads a grid in the layout above back into statistics; every error names its line and cell, and nothing is partial. */
export function parseStatisticsGrid(template: TemplateId, grid: readonly (readonly string[])[]): Result<Statistics, ValidationFinding[]> {
  const errors: ValidationFinding[] = [];
  const values = new Map<string, CellValue>();
  let keys: readonly string[] | undefined;
  grid.forEach((cellsOfLine, index) => {
    const line = index + 1;
    const [first = '', ...rest] = cellsOfLine.map((c) => c.trim());
    if (first === 'row') return void (keys = rest.slice(1));
    if (first === '' || first.startsWith('#')) return; // label rows, blank lines and comments
    if (!keys) return void errors.push(gridError(line, [], '数据行之前缺少列名行（row,label,…）', 'a data row before any key row (row,label,…)'));
    const values_ = rest.slice(1);
    if (!cellsOf(template).some((c) => c.id.startsWith(`${first}.`) && c.id.split('.').length === first.split('.').length + 1)) {
      return void errors.push(gridError(line, [], `${first} 不是 ${template} 版模板中的行`, `${first} is not a row of template ${template}`, first));
    }
    if (values_.length < keys.length) {
      const missing = keys.slice(values_.length).map((k) => `${first}.${k}`);
      errors.push(gridError(line, missing, `缺少 ${missing.join(', ')} 的值（此行比列名行少 ${missing.length} 列）`, `no value for ${missing.join(', ')} (the line has ${missing.length} fewer columns than its key row)`));
    }
    keys.slice(0, values_.length).forEach((key, i) => {
      const id = `${first}.${key}`;
      const cell = findCell(template, id);
      if (!cell) return void errors.push(gridError(line, [id], `${id} 不是 ${template} 版模板的单元格`, `${id} is not a cell of template ${template}`, id));
      const text = (values_[i] ?? '').trim();
      if (text === '') return void values.set(id, null);
      if (!numberPatterns[cell.column.kind].test(text)) {
        return void errors.push(gridError(line, [id], `${id}（${rowLabel(cell.row)} · ${columnLabel(cell.column)}）应为${expectedText[cell.column.kind].split(' / ')[0]}，实际为“${text}”`, `${id} should be ${expectedText[cell.column.kind].split(' / ')[1]}, got "${text}"`, text));
      }
      values.set(id, cell.column.kind === 'amount' && text.includes('.') ? text : Number(text));
    });
    if (values_.length > keys.length) errors.push(gridError(line, [], `比列名行多出 ${values_.length - keys.length} 个值`, `${values_.length - keys.length} more values than the key row has columns`));
  });
  // Cells no line gave a value: one finding per table row, naming the row as printed.
  const missing = new Map<string, string[]>();
  for (const cell of cellsOf(template)) {
    if (values.has(cell.id) || errors.some((e) => e.cells.includes(cell.id))) continue;
    const rowKey = `${cell.table.id}.${cell.row.id}`;
    missing.set(rowKey, [...(missing.get(rowKey) ?? []), cell.id]);
  }
  for (const [rowKey, ids] of missing) {
    const cell = findCell(template, ids[0]!)!;
    errors.push({ rule: 'S1', severity: 'error', cells: ids, location: rowKey, message: { zh: `缺少 ${rowKey}（${rowLabel(cell.row)}）的 ${ids.length} 个单元格：${ids.map((id) => id.split('.').at(-1)).join(', ')}`, en: `missing ${ids.length} cell(s) of row ${rowKey}: ${ids.join(', ')}` } });
  }
  if (errors.length > 0) return fail(errors);
  return ok(nest(template, values));
}

function nest(template: TemplateId, values: ReadonlyMap<string, CellValue>): Statistics {
  const root: Record<string, TableValues> = {};
  for (const cell of cellsOf(template)) {
    let node = root as Record<string, unknown>;
    for (const part of cell.path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[cell.path.at(-1)!] = values.get(cell.id) ?? null;
  }
  return root as unknown as Statistics;
}
