// Rule S2: a blank cell in 三 or 四 is an error; blank is not zero. One finding per row, listing its blank columns:
// a row left empty is one thing to fix, not seven.
import { columnLabel, rowPlace } from '../format/labels';
import { cellsOf } from '../format/templates';
import type { CellDefinition } from '../format/table-definition';
import type { RuleContext } from './rule-context';
import type { ValidationFinding } from '../validation-finding';

export function checkBlankCells({ report, cells }: RuleContext): ValidationFinding[] {
  const all = cellsOf(report.template);
  const blankRows = new Map<string, CellDefinition[]>();
  for (let i = 0; i < all.length; i++) {
    const cell = all[i]!;
    if (cells.list[i] !== null || !cell.table.blankIsError) continue;
    const key = `${cell.table.id}.${cell.row.id}`;
    blankRows.set(key, [...(blankRows.get(key) ?? []), cell]);
  }
  return [...blankRows.entries()].map(([row, blank]) => {
    const columns = blank.map((cell) => columnLabel(cell.column));
    const label = rowPlace(blank[0]!.table, blank[0]!.row);
    const keys = blank.map((cell) => cell.column.key);
    const whole = blank.length === blank[0]!.row.columns.length && blank.length > 1;
    const some = `${columns.join('、')} ${blank.length > 1 ? `共 ${blank.length} 格` : ''}`;
    const what = whole ? `整行 ${blank.length} 格均` : some;
    return {
      rule: 'S2',
      severity: 'error',
      cells: blank.map((cell) => cell.id),
      place: label,
      expected: 'a number (0 if none)',
      actual: null,
      message: {
        zh: `${label}：${what}为空。没有的请填 0，空白不等于零`,
        en:
          `${row}: ${keys.join(', ')} ${blank.length > 1 ? 'are' : 'is'} blank; ` +
          'enter 0 if there were none (blank is not zero)',
      },
    };
  });
}
