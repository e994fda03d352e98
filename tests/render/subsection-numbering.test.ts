// The page numbers overview subsections （一） to the last the limit allows, past the 99 that used to print （十十）.
import { describe, expect, it } from 'vitest';
import { reportLimits } from '../../functions/core/report/limits';
import { renderReportHtml } from '../../functions/render/render-report-html';
import { fixtureJson, loadReport } from './render-fixtures';

describe('overview subsections', () => {
  it('are numbered in Chinese, one numeral each, up to the limit', () => {
    const json = fixtureJson() as { narrative: Record<string, unknown> };
    const count = reportLimits.overviewSections;
    json.narrative.overview = Array.from({ length: count }, (_, i) => ({ heading: `第${i + 1}小节`, body: '内容。' }));
    const html = renderReportHtml(loadReport(json));
    const numbers = [...html.matchAll(/（([一二三四五六七八九十百零]+)）\s*第(\d+)小节/g)].map((m) => [m[1], m[2]]);
    expect(numbers).toHaveLength(count);
    expect(numbers[9]).toEqual(['十', '10']);
    expect(numbers[20]).toEqual(['二十一', '21']);
    // The last numeral, read back by the same rule the renderer uses for the first ones (tens, then units).
    expect(numbers.at(-1)?.[1]).toBe(String(count));
  });
});
