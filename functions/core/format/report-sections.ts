// The six sections of every report in printed order (spec §1): the three narrative ones are named here, the three
// tables come from the template definition.
import { templates } from './templates';
import type { TableDefinition } from './table-definition';

export type ReportSection =
  | { readonly kind: 'narrative'; readonly number: string; readonly heading: string; readonly field: 'overview' | 'problems' | 'otherMatters' }
  | { readonly kind: 'table'; readonly number: string; readonly heading: string; readonly table: TableDefinition };

export const narrativeSections: readonly (ReportSection & { kind: 'narrative' })[] = [
  { kind: 'narrative', number: '一', heading: '总体情况', field: 'overview' },
  { kind: 'narrative', number: '五', heading: '存在的主要问题及改进情况', field: 'problems' },
  { kind: 'narrative', number: '六', heading: '其他需要报告的事项', field: 'otherMatters' },
];

const numerals = '一二三四五六七八九十';

/** 1 → 一, 12 → 十二: numbering of sections and （一） subsections. */
export function chineseNumeral(n: number): string {
  if (n <= 10) return numerals[n - 1] ?? String(n);
  if (n < 20) return `十${numerals[n - 11] ?? ''}`;
  const tens = Math.floor(n / 10);
  return `${numerals[tens - 1]}十${n % 10 === 0 ? '' : numerals[(n % 10) - 1]}`;
}

export function reportSections(template: keyof typeof templates): ReportSection[] {
  const tables = templates[template].tables.map((table): ReportSection => ({ kind: 'table', number: table.section, heading: table.heading, table }));
  return [...narrativeSections, ...tables].sort((a, b) => numerals.indexOf(a.number) - numerals.indexOf(b.number));
}

/** A narrative section by its field, e.g. problems → 五、存在的主要问题及改进情况. */
export function narrativeSection(field: 'overview' | 'problems' | 'otherMatters'): ReportSection & { kind: 'narrative' } {
  return narrativeSections.find((section) => section.field === field)!;
}
