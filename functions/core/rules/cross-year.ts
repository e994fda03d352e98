// Rules R5 and R6: this year's report must continue last year's.
import { rowLabel } from '../format/labels';
import { tableOf } from '../format/templates';
import { countOf, type RuleContext } from './rule-context';
import type { ValidationFinding } from '../validation-finding';

/** R5: 二、上年结转 = last year's 四、结转下年度继续办理, per column. */
export function checkCarriedOver({ report, cells, previous }: RuleContext): ValidationFinding[] {
  if (!previous) return [];
  const table = tableOf(report.template, 'applications');
  const carriedOver = table.rows.find((r) => r.id === 'carriedOver')!;
  return carriedOver.columns.flatMap((column) => {
    const id = `applications.carriedOver.${column.key}`;
    const lastId = `applications.carriedForward.${column.key}`;
    const actual = countOf(cells, id);
    const expected = countOf(previous.cells, lastId);
    if (actual === undefined || expected === undefined || actual === expected) return [];
    return [
      {
        rule: 'R5',
        severity: 'error',
        cells: [id],
        expected,
        actual,
        message: {
          zh: `${rowLabel(carriedOver)} · ${column.label}：应等于 ${previous.report.year} 年报告的“结转下年度继续办理” ${expected}，实际为 ${actual}`,
          en: `${id}: should equal ${previous.report.year}'s ${lastId}, ${expected}, but is ${actual}`,
        },
      },
    ];
  });
}

/** R6 (2021 template both years): 现行有效 = last year's 现行有效 + 本年制发 − 本年废止. */
export function checkInForce({ report, cells, previous }: RuleContext): ValidationFinding[] {
  if (!previous || report.template !== '2021' || previous.report.template !== '2021') return [];
  return tableOf(report.template, 'proactive')
    .rows.filter((row) => row.columns.some((c) => c.key === 'inForce'))
    .flatMap((row) => {
      const at = (key: string) => `proactive.${row.id}.${key}`;
      const [last, issued, repealed, inForce] = [
        countOf(previous.cells, at('inForce')),
        countOf(cells, at('issued')),
        countOf(cells, at('repealed')),
        countOf(cells, at('inForce')),
      ];
      if (last === undefined || issued === undefined || repealed === undefined || inForce === undefined) return [];
      const expected = last + issued - repealed;
      if (expected === inForce) return [];
      return [
        {
          rule: 'R6',
          severity: 'warning',
          cells: [at('inForce'), at('issued'), at('repealed')],
          expected,
          actual: inForce,
          message: {
            zh: `${rowLabel(row)}：现行有效件数应为上年 ${last} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，实际为 ${inForce}（如本年重新清理认定，请在正文说明）`,
            en: `proactive.${row.id}: inForce should be last year's ${last} + issued ${issued} − repealed ${repealed} = ${expected}, but is ${inForce} (explain a clean-up in the text)`,
          },
        },
      ];
    });
}
