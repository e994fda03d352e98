// Rules R1–R4: the 勾稽关系 printed in, or implied by, the official tables.
// The equations are derived from the format once per template; checking a report is then only additions.
import { resultsGroup } from '../format/applications-table';
import { columnLabel, rowLabel, rowPlace } from '../format/labels';
import { tableOf, templateIds } from '../format/templates';
import type { ColumnDefinition, RowDefinition, TableDefinition, TemplateId } from '../format/table-definition';
import { cellIndex, sumAt, type CellValues } from './rule-context';
import type { Message, RuleId, ValidationFinding } from '../validation-finding';

/** `sum(left) = sum(right)` over cells of one table. */
interface Equation {
  readonly rule: RuleId;
  readonly left: readonly string[];
  readonly right: readonly string[];
  /** Positions of left and right in the template's cell list, computed once. */
  readonly leftAt?: readonly number[];
  readonly rightAt?: readonly number[];
  readonly message: (left: number, right: number) => Message;
}

const cellId = (table: TableDefinition, row: RowDefinition, column: ColumnDefinition) =>
  `${table.id}.${row.id}.${column.key}`;

function row(table: TableDefinition, id: string): RowDefinition {
  const found = table.rows.find((r) => r.id === id);
  if (!found) throw new Error(`table ${table.id} has no row ${id}`);
  return found;
}

const names = (rows: readonly RowDefinition[]) => rows.map((r) => rowLabel(r)).join(' + ');

/** R1: per column, 一 + 二 = 三（七）+ 四. */
function carryBalance(table: TableDefinition): Equation[] {
  const [received, carriedOver, resultsTotal, carriedForward] = [
    'received',
    'carriedOver',
    'resultsTotal',
    'carriedForward',
  ].map((id) => row(table, id)) as [RowDefinition, RowDefinition, RowDefinition, RowDefinition];
  return received.columns.map((column) => ({
    rule: 'R1',
    left: [received, carriedOver].map((r) => cellId(table, r, column)),
    right: [resultsTotal, carriedForward].map((r) => cellId(table, r, column)),
    message: (left, right) => ({
      zh: `${columnLabel(column)}：${names([received, carriedOver])} = ${left}，但 ${names([resultsTotal, carriedForward])} = ${right}，两者应相等`,
      en: `${column.key}: received + carriedOver = ${left} but resultsTotal + carriedForward = ${right}; they must be equal`,
    }),
  }));
}

/** R2 (三) and R4 (四): in every row, 总计 = the sum of the other columns. */
function rowTotals(rule: RuleId, table: TableDefinition): Equation[] {
  return table.rows.flatMap((r) => {
    const total = r.columns.find((c) => c.key === 'total');
    if (!total) return [];
    return [
      {
        rule,
        left: r.columns.filter((c) => c !== total).map((c) => cellId(table, r, c)),
        right: [cellId(table, r, total)],
        message: (sum: number, printed: number) => ({
          zh: `${rowPlace(table, r)}：总计应为各栏之和 ${sum}，实际为 ${printed}`,
          en: `${table.id}.${r.id}: total should be the sum of the other columns, ${sum}, but is ${printed}`,
        }),
      },
    ];
  });
}

/** R3: per column, 三（七）总计 = the sum of every 办理结果 row. */
function resultsSum(table: TableDefinition): Equation[] {
  const resultsTotal = row(table, 'resultsTotal');
  const results = table.rows.filter((r) => r !== resultsTotal && r.groups[0]?.key === resultsGroup.key);
  return resultsTotal.columns.map((column) => ({
    rule: 'R3',
    left: results.map((r) => cellId(table, r, column)),
    right: [cellId(table, resultsTotal, column)],
    message: (sum, printed) => ({
      zh: `${columnLabel(column)}：${rowLabel(resultsTotal)}应为（一）至（六）各项之和 ${sum}，实际为 ${printed}`,
      en: `${column.key}: resultsTotal should be the sum of the result rows (一)–(六), ${sum}, but is ${printed}`,
    }),
  }));
}

function withPositions(template: TemplateId, equation: Equation): Required<Equation> {
  const index = cellIndex(template);
  const at = (ids: readonly string[]) => ids.map((id) => index.get(id)!);
  return { ...equation, leftAt: at(equation.left), rightAt: at(equation.right) };
}

const equations = new Map<TemplateId, readonly Required<Equation>[]>(
  templateIds.map((template) => {
    const applications = tableOf(template, 'applications');
    const list = [
      ...carryBalance(applications),
      ...rowTotals('R2', applications),
      ...resultsSum(applications),
      ...rowTotals('R4', tableOf(template, 'reviewLitigation')),
    ];
    return [template, list.map((equation) => withPositions(template, equation))];
  }),
);

export function checkCrossFooting(cells: CellValues): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  for (const { rule, left, right, leftAt, rightAt, message } of equations.get(cells.template)!) {
    const expected = sumAt(cells, leftAt);
    const actual = sumAt(cells, rightAt);
    if (expected === undefined || actual === undefined || expected === actual) continue;
    // The checked side (the totals) comes first: that is the cell an editor is pointed to.
    findings.push({
      rule,
      severity: 'error',
      cells: [...right, ...left],
      expected,
      actual,
      message: message(expected, actual),
    });
  }
  return findings;
}
