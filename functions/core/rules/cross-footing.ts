// Rules R1–R4: the 勾稽关系 printed in, or implied by, the official tables.
import { resultsGroup } from '../format/applications-table';
import { columnLabel, rowLabel } from '../format/labels';
import { tableOf } from '../format/templates';
import type { ColumnDefinition, RowDefinition, TableDefinition, TemplateId } from '../format/table-definition';
import type { CellValue } from '../report/report-document';
import { sumOf } from './rule-context';
import type { RuleId, ValidationFinding } from './validation-finding';

type Cells = ReadonlyMap<string, CellValue>;

const cellId = (table: TableDefinition, row: RowDefinition, column: ColumnDefinition) => `${table.id}.${row.id}.${column.key}`;

function row(table: TableDefinition, id: string): RowDefinition {
  const found = table.rows.find((r) => r.id === id);
  if (!found) throw new Error(`table ${table.id} has no row ${id}`);
  return found;
}

/** One equation `left = right` over the cells of one column; a finding when both sides are known and differ. */
function equation(
  rule: RuleId,
  cells: Cells,
  left: readonly string[],
  right: readonly string[],
  describe: (leftValue: number, rightValue: number) => { zh: string; en: string },
): ValidationFinding[] {
  const expected = sumOf(cells, left);
  const actual = sumOf(cells, right);
  if (expected === undefined || actual === undefined || expected === actual) return [];
  return [{ rule, severity: 'error', cells: [...left, ...right], expected, actual, message: describe(expected, actual) }];
}

const names = (rows: readonly RowDefinition[]) => rows.map((r) => rowLabel(r)).join(' + ');

/** R1: per column, 一 + 二 = 三（七）+ 四. */
function carryBalance(table: TableDefinition, cells: Cells): ValidationFinding[] {
  const [received, carriedOver, resultsTotal, carriedForward] = ['received', 'carriedOver', 'resultsTotal', 'carriedForward'].map((id) => row(table, id)) as [RowDefinition, RowDefinition, RowDefinition, RowDefinition];
  return received.columns.flatMap((column) =>
    equation('R1', cells, [received, carriedOver].map((r) => cellId(table, r, column)), [resultsTotal, carriedForward].map((r) => cellId(table, r, column)), (left, right) => ({
      zh: `${columnLabel(column)}：${names([received, carriedOver])} = ${left}，但 ${names([resultsTotal, carriedForward])} = ${right}，两者应相等`,
      en: `${column.key}: received + carriedOver = ${left} but resultsTotal + carriedForward = ${right}; they must be equal`,
    })),
  );
}

/** R2 (三) and R4 (四): in every row, 总计 = the sum of the other columns. */
function rowTotals(rule: RuleId, table: TableDefinition, cells: Cells): ValidationFinding[] {
  return table.rows.flatMap((r) => {
    const total = r.columns.find((c) => c.key === 'total');
    if (!total) return [];
    const parts = r.columns.filter((c) => c !== total);
    return equation(rule, cells, parts.map((c) => cellId(table, r, c)), [cellId(table, r, total)], (sum, printed) => ({
      zh: `${table.section}、${rowLabel(r)}：总计应为各栏之和 ${sum}，实际为 ${printed}`,
      en: `${table.id}.${r.id}: total should be the sum of the other columns, ${sum}, but is ${printed}`,
    }));
  });
}

/** R3: per column, 三（七）总计 = the sum of every 办理结果 row. */
function resultsSum(table: TableDefinition, cells: Cells): ValidationFinding[] {
  const resultsTotal = row(table, 'resultsTotal');
  const results = table.rows.filter((r) => r !== resultsTotal && r.groups[0]?.key === resultsGroup.key);
  return resultsTotal.columns.flatMap((column) =>
    equation('R3', cells, results.map((r) => cellId(table, r, column)), [cellId(table, resultsTotal, column)], (sum, printed) => ({
      zh: `${columnLabel(column)}：${rowLabel(resultsTotal)}应为（一）至（六）各项之和 ${sum}，实际为 ${printed}`,
      en: `${column.key}: resultsTotal should be the sum of the result rows (一)–(六), ${sum}, but is ${printed}`,
    })),
  );
}

export function checkCrossFooting(template: TemplateId, cells: Cells): ValidationFinding[] {
  const applications = tableOf(template, 'applications');
  return [
    ...carryBalance(applications, cells),
    ...rowTotals('R2', applications, cells),
    ...resultsSum(applications, cells),
    ...rowTotals('R4', tableOf(template, 'reviewLitigation'), cells),
  ];
}
