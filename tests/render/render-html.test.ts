// The HTML: every section and number in place, tables derived from the format, accessible structure, no script.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellsOf, templates } from '../../functions/core/format/templates';
import { readCell } from '../../functions/core/statistics/cells';
import { precompiledPath, precompiledSource } from '../../functions/render/precompile-templates';
import { renderReportHtml } from '../../functions/render/render-report-html';
import { lishi2023, report2019 } from './render-fixtures';
import { officialHeadings as sectionHeadings } from '../support/official-headings';

/** The opening tag of the <th> whose text is `text` (so a failure does not print the whole page). */
const th = (html: string, text: string) => new RegExp(`<th[^>]*>${text}</th>`).exec(html)?.[0];

/** The text of every <td>, in document order. */
const dataCells = (html: string) => [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);

describe.each([
  ['2021 fixture', lishi2023()],
  ['2019 document', report2019()],
])('renderReportHtml: %s', (_name, report) => {
  const html = renderReportHtml(report);

  it('has the six section headings as h2, in order', () => {
    const h2 = [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(sectionHeadings);
  });

  it('prints every cell of the template, in printed order', () => {
    const expected = cellsOf(report.template).map((cell) => {
      const value = readCell(report.statistics, cell.path);
      return value === null ? '' : String(value);
    });
    expect(dataCells(html)).toEqual(expected);
  });

  it('gives each table a caption and ties every data cell to header ids that exist', () => {
    expect(html.match(/<caption>/g)).toHaveLength(templates[report.template].tables.length);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const headers = [...html.matchAll(/<td headers="([^"]+)"/g)].map((m) => m[1]!.split(' '));
    expect(headers).toHaveLength(cellsOf(report.template).length);
    for (const list of headers) for (const id of list) expect(ids.has(id), id).toBe(true);
    expect(/<th[^>]*scope="colgroup"/.test(html)).toBe(true);
    expect(/<th[^>]*scope="row"/.test(html)).toBe(true);
  });

  it('is zh-CN, carries its metadata, and has no script or outside URL', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html.includes(`<title>${report.title}</title>`)).toBe(true);
    expect(html.includes(`<meta name="author" content="${report.agency.issuer}">`)).toBe(true);
    expect(/<script|\son\w+=|javascript:/i.exec(html)?.[0]).toBeUndefined();
    expect(/url\((?!file:)[^)]*\)/.exec(html)?.[0]).toBeUndefined();
    expect(html.includes("script-src 'none'")).toBe(true);
  });
});

describe('table layout of the 2021 fixture', () => {
  const html = renderReportHtml(lishi2023());

  it('merges 三、本年度办理结果 over every result row and （三）不予公开 over its eight items', () => {
    const results = templates['2021'].tables[1]!.rows.filter((r) => r.groups[0]?.key === 'results').length;
    expect(th(html, '三、本年度办理结果')).toContain(`rowspan="${results}"`);
    expect(th(html, '（三）不予公开')).toContain('rowspan="8"');
    expect(th(html, '法人或其他组织')).toContain('colspan="5"');
  });

  it('prints 四 as 行政复议 and 行政诉讼 column groups over one data row', () => {
    expect(th(html, '行政诉讼')).toContain('colspan="10"');
    expect(th(html, '行政复议')).toContain('colspan="5" rowspan="2"');
  });

  it('renders the run-in bold headings of the narrative as bold, not as asterisks', () => {
    expect(html.includes('<strong>一是</strong>解读力度不够')).toBe(true);
    expect(html.includes('**')).toBe(false);
  });

  it('marks a draft', () => {
    const draft = renderReportHtml(lishi2023(), { draft: true });
    expect(draft.includes('草稿')).toBe(true);
    expect(draft.includes('@top-center')).toBe(true);
    expect(html.includes('草稿')).toBe(false);
  });
});

describe('precompiled templates', () => {
  it('are in step with templates/ (run `npm run build:templates` after editing them)', () => {
    expect(readFileSync(precompiledPath, 'utf8') === precompiledSource()).toBe(true);
  });
});
