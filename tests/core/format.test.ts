import { describe, expect, it } from 'vitest';
import { cellLabel, cellPlace } from '../../functions/core/format/labels';
import { cellsOf, findCell, templateIds } from '../../functions/core/format/templates';

describe('the official tables as data', () => {
  it.each(templateIds)('template %s has unique cell ids that match their paths', (template) => {
    const ids = cellsOf(template).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cell of cellsOf(template)) expect(cell.path.join('.')).toBe(cell.id);
  });

  it('has the cells spec §3 lists', () => {
    // 2021: 二 has 2×3 + 3 + 1 cells, 三 25 rows × 7, 四 3 × 5.
    expect(cellsOf('2021').length).toBe(10 + 25 * 7 + 15);
    // 2019: 二 has 2×3 + 4×3 + 2 + 2 cells, 三 23 rows × 7, 四 3 × 5.
    expect(cellsOf('2019').length).toBe(22 + 23 * 7 + 15);
  });

  it('names cells the way the printed table does', () => {
    expect(cellLabel(findCell('2021', 'applications.resultsTotal.naturalPerson')!)).toBe('三（七）总计 · 自然人');
    expect(cellLabel(findCell('2021', 'applications.denied.stateSecret.commercial')!)).toBe(
      '三（三）1.属于国家秘密 · 法人或其他组织·商业企业',
    );
    expect(cellLabel(findCell('2021', 'reviewLitigation.litigationDirect.total')!)).toBe(
      '行政诉讼 未经复议直接起诉 · 总计',
    );
    expect(cellLabel(findCell('2019', 'proactive.procurement.amount')!)).toBe(
      '第二十条第（九）项 政府集中采购 · 采购总金额（单位：万元）',
    );
  });

  it('keeps template differences: 2019 has one （六）其他处理 row, 2021 three items', () => {
    expect(findCell('2019', 'applications.otherHandling.total')).toBeDefined();
    expect(findCell('2019', 'applications.otherHandling.unpaidFee.total')).toBeUndefined();
    expect(findCell('2021', 'applications.otherHandling.unpaidFee.total')).toBeDefined();
    expect(findCell('2021', 'proactive.procurement.amount')).toBeUndefined();
  });
});

describe('cell places as an editor finds them', () => {
  it.each(['2019', '2021'] as const)(
    'template %s: one numbering per cell, never repeated (三、三（七）)',
    (template) => {
      const places = cellsOf(template).map(cellPlace);
      for (const place of places) expect(place).not.toMatch(/^[一二三四五六]、[一二三四五六][、（]/);
      expect(places).toContain('三（七）总计 · 自然人');
      expect(places).toContain('四、行政复议 · 总计');
      expect(places).toContain('二、上年结转政府信息公开申请数量 · 法人或其他组织·商业企业');
    },
  );
});
