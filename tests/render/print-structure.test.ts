// The HTML structure the print layout relies on (no browser): 二's item blocks each in a tbody of their own (kept
// on one page), header rows of 三 and 四 in a thead (repeated on a continuation page), amounts with their unit,
// and no forced page break (三 starts where it fits). corpus-print.integration.test.ts checks the printed pages.
import { describe, expect, it } from 'vitest';
import { tableOf, templateIds } from '../../functions/core/format/templates';
import type { TableDefinition } from '../../functions/core/format/table-definition';
import { reportCss } from '../../functions/render/report-template';
import { renderReportHtml } from '../../functions/render/render-report-html';
import { lishi2023, report2019 } from './render-fixtures';

const reports = { '2021': lishi2023(), '2019': report2019() };

/** The HTML of the table of `table`, from its opening tag to its closing tag. */
function tableHtml(html: string, table: TableDefinition): string {
  const match = new RegExp(`<table id="t-${table.id}"[\\s\\S]*?</table>`).exec(html);
  if (!match) throw new Error(`no table t-${table.id} in the page`);
  return match[0];
}

const sectionsOf = (html: string, tag: 'thead' | 'tbody') =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, '');

describe.each(templateIds)('the %s template as printed', (template) => {
  const html = renderReportHtml(reports[template]);

  it('puts each 第二十条 item block of 二 in a tbody of its own: its title, its column headers, its rows', () => {
    const table = tableOf(template, 'proactive');
    const blocks = [...new Set(table.rows.map((r) => r.groups[0]!.label))];
    const bodies = sectionsOf(tableHtml(html, table), 'tbody');
    expect(bodies).toHaveLength(blocks.length);
    blocks.forEach((block, i) => {
      const rows = table.rows.filter((r) => r.groups[0]!.label === block);
      const body = textOf(bodies[i]!);
      expect(body.startsWith(block), block).toBe(true);
      for (const column of rows[0]!.columns) expect(body, `${block} ${column.label}`).toContain(column.label);
      for (const row of rows) expect(body, `${block} ${row.label}`).toContain(row.label);
    });
  });

  const headed = ['applications', 'reviewLitigation'] as const;
  it.each(headed)('puts the header rows of %s in one thead, before its body', (id) => {
    const table = tableOf(template, id);
    const printed = tableHtml(html, table);
    const [head] = sectionsOf(printed, 'thead');
    expect(sectionsOf(printed, 'thead')).toHaveLength(1);
    expect(printed.indexOf('<thead>')).toBeLessThan(printed.indexOf('<tbody>'));
    for (const column of table.rows[0]!.columns) expect(textOf(head!), column.label).toContain(column.label);
    expect(head!.includes('<td')).toBe(false);
  });

  it('prints the unit over every amount column (万元, as in the official form)', () => {
    const amounts = tableOf(template, 'proactive').rows.flatMap((r) => r.columns.filter((c) => c.kind === 'amount'));
    expect(amounts.length).toBeGreaterThan(0);
    const printed = tableHtml(html, tableOf(template, 'proactive'));
    const headers = [...printed.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]!);
    for (const column of amounts) {
      expect(column.label).toMatch(/（单位：万元）$/);
      expect(headers).toContain(column.label);
    }
  });
});

describe('the print style sheet', () => {
  it('forces no page break: 三 starts where it fits', () => {
    expect(/break-before:\s*(page|always)|page-break-before:\s*always/.exec(reportCss)?.[0]).toBeUndefined();
  });

  it('keeps 二’s item blocks whole and repeats table headers', () => {
    // However the style sheet is laid out: one space between tokens.
    const rules = reportCss.replace(/\s+/g, ' ');
    expect(rules).toContain('table.t-proactive tbody { break-inside: avoid; }');
    expect(rules).toContain('thead { display: table-header-group; }');
  });
});
