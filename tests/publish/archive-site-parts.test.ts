// The archive site's pure parts: what a correction changed, and which cells each year-over-year chart sums.
import { describe, expect, it } from 'vitest';
import { cellsOf } from '../../functions/core/format/templates';
import { reportChanges } from '../../functions/publish/site/report-changes';
import { chartSpecs, yearCharts } from '../../functions/publish/site/year-charts';
import { correctedReport, sampleReport } from './publish-scenarios';

describe('what a correction changed', () => {
  it('names each changed cell as printed with old and new, and pairs rewritten sentences', () => {
    const before = sampleReport('a');
    const after = correctedReport({
      ...before,
      narrative: { ...before.narrative, otherMatters: `${before.narrative.otherMatters}另有一事。` },
    });
    const changes = reportChanges(before, after);
    expect(changes.cells.map((c) => c.id)).toEqual(['proactive.licensing.decisions']);
    expect(Number(changes.cells[0]?.new)).toBe(Number(changes.cells[0]?.old) + 1);
    expect(changes.sentences).toEqual([
      { section: '五、存在的主要问题及改进情况', new: '本版补充了行政许可数据。' },
      { section: '六、其他需要报告的事项', new: '另有一事。' },
    ]);
    expect(reportChanges(after, before).sentences[0]).toEqual({
      section: '五、存在的主要问题及改进情况',
      old: '本版补充了行政许可数据。',
    });
    expect(reportChanges(before, before)).toEqual({ cells: [], sentences: [] });
  });
});

describe('year-over-year charts', () => {
  it('sum cells chosen from the format data: every results row of 三 in one series per outcome, no total', () => {
    const cells = cellsOf('2021');
    const outcomes = chartSpecs[1]!.series(cells);
    expect(outcomes.map((s) => s.label)).toContain('（三）不予公开');
    const denied = outcomes.find((s) => s.label === '（三）不予公开')!;
    expect(denied.cells.map((c) => c.id)).toEqual(
      cells.filter((c) => c.id.startsWith('applications.denied.') && c.column.key === 'total').map((c) => c.id),
    );
    expect(outcomes.flatMap((s) => s.cells).some((c) => c.row.id === 'resultsTotal')).toBe(false);
  });

  it('draw one SVG per chart with a text alternative and the values as a table, one column per year', () => {
    const r2023 = sampleReport('a');
    const charts = yearCharts([r2023, { ...r2023, year: 2022 }]);
    expect(charts.length).toBe(chartSpecs.length);
    for (const chart of charts) {
      expect(chart.svg).toMatch(/^<svg role="img" aria-label="/);
      expect(chart.years).toEqual([2022, 2023]);
      for (const row of chart.rows) expect(row.values).toHaveLength(2);
      expect(chart.summary).toContain(chart.rows[0]!.label);
    }
  });
});
