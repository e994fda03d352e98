import { describe, expect, it } from 'vitest';
import { statisticsGrid, tableGrids } from '../../functions/core/format/table-grids';
import { parseStatisticsGrid } from '../../functions/core/statistics/parse-statistics-grid';
import { cellsOf } from '../../functions/core/format/templates';
import { fixtureReport, zeroReport } from './report-builders';

describe('table grids (CSV layout)', () => {
  it('lays out the tables like the printed ones, keyed by cell id', () => {
    const [proactive, applications, review] = tableGrids(fixtureReport());
    expect(proactive!.rows[0]).toEqual(['row', 'label', 'issued', 'repealed', 'inForce']);
    expect(proactive!.rows[1]).toEqual(['', '', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(proactive!.rows[3]).toEqual([
      'proactive.normativeDocuments',
      '第二十条第（一）项 行政规范性文件',
      '0',
      '16',
      '16',
    ]);
    expect(applications!.rows.find((r) => r[0] === 'applications.unavailable.notHeld')).toEqual([
      'applications.unavailable.notHeld',
      '三（四）1.本机关不掌握相关政府信息',
      '12',
      '0',
      '0',
      '0',
      '0',
      '0',
      '12',
    ]);
    expect(review!.fileName).toBe('table-4-review-litigation.csv');
  });

  it.each(['2019', '2021'] as const)('round-trips every cell of template %s', (template) => {
    const report = template === '2021' ? fixtureReport() : zeroReport('2019');
    const parsed = parseStatisticsGrid(template, statisticsGrid(report));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(statisticsGrid({ template, statistics: parsed.value })).toEqual(statisticsGrid(report));
  });

  it('keeps an amount exactly as entered and reads an empty cell as blank', () => {
    const grid = statisticsGrid(fixtureReport()).map((row) => [...row]);
    grid.find((r) => r[0] === 'proactive.fees')![2] = '18.20';
    grid.find((r) => r[0] === 'proactive.licensing')![2] = '';
    const parsed = parseStatisticsGrid('2021', grid);
    expect(parsed.ok && parsed.value.proactive).toMatchObject({
      fees: { amount: '18.20' },
      licensing: { decisions: null },
    });
  });

  it('names the line and cell of text in a number cell, an unknown row, and a missing column', () => {
    const grid = statisticsGrid(fixtureReport()).map((row) => [...row]);
    const line = (id: string) => grid.findIndex((r) => r[0] === id);
    grid[line('applications.granted')]![3] = '十';
    grid[line('applications.carriedOver')]![0] = 'applications.carriedOverr';
    grid[line('reviewLitigation.review')] = grid[line('reviewLitigation.review')]!.slice(0, -1);
    const parsed = parseStatisticsGrid('2021', grid);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byLine = Object.fromEntries(parsed.error.flatMap((e) => (e.line ? [[e.line, e] as const] : [])));
    expect(byLine[line('applications.granted') + 1]).toMatchObject({
      cells: ['applications.granted.commercial'],
      actual: '十',
    });
    expect(byLine[line('applications.granted') + 1]!.message.zh).toContain(
      '三（一）予以公开 · 法人或其他组织·商业企业',
    );
    expect(byLine[line('applications.carriedOverr') + 1]!.message.en).toContain(
      'applications.carriedOverr is not a row',
    );
    expect(byLine[line('reviewLitigation.review') + 1]!.cells).toEqual(['reviewLitigation.review.total']);
    // The misspelt row leaves the real one missing: named once, with all its cells.
    const missing = parsed.error.filter((e) => e.line === undefined);
    expect(missing.map((e) => e.location)).toEqual(['applications.carriedOver']);
    expect(missing[0]!.cells).toHaveLength(7);
    expect(cellsOf('2021').map((c) => c.id)).toEqual(expect.arrayContaining([...missing[0]!.cells]));
  });
});
