// Rule S2: a blank cell in 三 or 四 is an error; blank is not zero.
import { cellLabel } from '../format/labels';
import { cellsOf } from '../format/templates';
import type { RuleContext } from './rule-context';
import type { ValidationFinding } from '../validation-finding';

export function checkBlankCells({ report, cells }: RuleContext): ValidationFinding[] {
  const all = cellsOf(report.template);
  const findings: ValidationFinding[] = [];
  for (let i = 0; i < all.length; i++) {
    const cell = all[i]!;
    if (cells.list[i] !== null || !cell.table.blankIsError) continue;
    findings.push({
      rule: 'S2',
      severity: 'error',
      cells: [cell.id],
      expected: 'a number (0 if none)',
      actual: null,
      message: {
        zh: `${cell.table.section}、${cellLabel(cell)}：单元格为空。没有的请填 0，空白不等于零`,
        en: `${cell.id}: the cell is blank; enter 0 if there were none (blank is not zero)`,
      },
    });
  }
  return findings;
}
