// The six sections of every report in printed order (spec §1): the three narrative ones are named here, the three
// tables come from the template definition.
import { templates } from './templates';
import type { TableDefinition } from './table-definition';

export type ReportSection =
  | {
      readonly kind: 'narrative';
      readonly number: string;
      readonly heading: string;
      readonly field: 'overview' | 'problems' | 'otherMatters';
    }
  | { readonly kind: 'table'; readonly number: string; readonly heading: string; readonly table: TableDefinition };

export const narrativeSections: readonly (ReportSection & { kind: 'narrative' })[] = [
  { kind: 'narrative', number: '一', heading: '总体情况', field: 'overview' },
  { kind: 'narrative', number: '五', heading: '存在的主要问题及改进情况', field: 'problems' },
  { kind: 'narrative', number: '六', heading: '其他需要报告的事项', field: 'otherMatters' },
];

const numerals = '一二三四五六七八九十';

const digits = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五: numbering of sections and （一） subsections, 1–999. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const ones = n % 10;
  // 十二, not 一十二, when there are no hundreds; 一百一十二 and 一百零五 when there are.
  const tensPart =
    tens === 0 ? (hundreds > 0 && ones > 0 ? '零' : '') : `${tens === 1 && hundreds === 0 ? '' : digits[tens]}十`;
  return `${hundreds > 0 ? `${digits[hundreds]}百` : ''}${tensPart}${ones > 0 ? digits[ones] : ''}`;
}

export function reportSections(template: keyof typeof templates): ReportSection[] {
  const tables = templates[template].tables.map((table): ReportSection => ({
    kind: 'table',
    number: table.section,
    heading: table.heading,
    table,
  }));
  return [...narrativeSections, ...tables].sort((a, b) => numerals.indexOf(a.number) - numerals.indexOf(b.number));
}

/** A narrative section by its field, e.g. problems → 五、存在的主要问题及改进情况. */
export function narrativeSection(
  field: 'overview' | 'problems' | 'otherMatters',
): ReportSection & { kind: 'narrative' } {
  return narrativeSections.find((section) => section.field === field)!;
}
