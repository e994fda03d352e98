// Section and subsection numbers as Chinese numerals: right for every count a report may have, and past it.
import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '../../functions/core/format/report-sections';
import { reportLimits } from '../../functions/core/report/limits';

const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The numeral spelled out from the rules, independently of the function: 十 alone for 10–19, 零 between 百 and ones. */
function spelled(n: number): string {
  const [h, t, o] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const hundreds = h ? `${digits[h]}百` : '';
  const tens = t ? `${h === 0 && t === 1 ? '' : digits[t]}十` : h && o ? '零' : '';
  return `${hundreds}${tens}${digits[o]}`;
}

describe('chineseNumeral', () => {
  it('spells the numbers as printed in reports', () => {
    expect([1, 5, 10, 11, 19, 20, 21, 50, 99].map(chineseNumeral)).toEqual([
      '一',
      '五',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '五十',
      '九十九',
    ]);
    expect([100, 101, 110, 111, 120, 305, 999].map(chineseNumeral)).toEqual([
      '一百',
      '一百零一',
      '一百一十',
      '一百一十一',
      '一百二十',
      '三百零五',
      '九百九十九',
    ]);
  });

  it('is right and distinct for every subsection count up to the limit and beyond', () => {
    const all = Array.from({ length: 999 }, (_, i) => chineseNumeral(i + 1));
    expect(new Set(all).size).toBe(999);
    all.forEach((numeral, i) => expect(numeral, String(i + 1)).toBe(spelled(i + 1)));
    expect(all.slice(0, reportLimits.overviewSections).filter((n) => /undefined|十十/.test(n))).toEqual([]);
  });
});
