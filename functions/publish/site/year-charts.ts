// Year-over-year charts for an agency page, drawn at publish time as SVG (ECharts' server-side SVG renderer, only
// the parts used, loaded at run time: site-libraries.ts). Every series is a sum of cells chosen from the format
// data — rows under 三's results, each row of 四, every 现行有效 column — never a restated row list. Each chart comes
// with a text alternative and its data as a table.
import { rowLabel } from '../../core/format/labels';
import { resultsGroup } from '../../core/format/applications-table';
import type { CellDefinition } from '../../core/format/table-definition';
import { cellsOf, findCell } from '../../core/format/templates';
import type { ReportDocument } from '../../core/report/report-document';
import { readCell } from '../../core/statistics/cells';
import { echartsModules } from './site-libraries';

// Loaded and registered on first use, not on import: a function that imports this module but draws no chart (a step
// Lambda other than updatePublicView) never needs ECharts.
let registered = false;

interface Series {
  readonly label: string;
  readonly cells: readonly CellDefinition[];
}

interface ChartSpec {
  readonly title: string;
  readonly unit: string;
  /** The chart's series for a report's template, in printed order. */
  series(cells: readonly CellDefinition[]): Series[];
}

/** Cells grouped into series by a key (in first-seen order); cells with no key are left out. */
function seriesBy(cells: readonly CellDefinition[], key: (cell: CellDefinition) => [string, string] | undefined) {
  const series = new Map<string, { label: string; cells: CellDefinition[] }>();
  for (const cell of cells) {
    const found = key(cell);
    if (!found) continue;
    const [id, label] = found;
    const entry = series.get(id);
    if (entry) entry.cells.push(cell);
    else series.set(id, { label, cells: [cell] });
  }
  return [...series.values()];
}

const totalOf = (cell: CellDefinition) => cell.column.key === 'total';
const topLevelRow = (cell: CellDefinition) => cell.table.id === 'applications' && cell.row.groups.length === 0;

export const chartSpecs: readonly ChartSpec[] = [
  {
    title: '收到的政府信息公开申请',
    unit: '件',
    // 三's rows outside the results block: 本年新收, 上年结转, 结转下年度.
    series: (cells) => seriesBy(cells, (c) => (topLevelRow(c) && totalOf(c) ? [c.row.id, rowLabel(c.row)] : undefined)),
  },
  {
    title: '申请的办理结果',
    unit: '件',
    // The results block of 三 by its second level (予以公开, 不予公开 (all its reasons), …), without its 总计.
    series: (cells) =>
      seriesBy(cells, (c) => {
        if (c.table.id !== 'applications' || !totalOf(c) || c.row.groups[0]?.key !== resultsGroup.key) return undefined;
        const group = c.row.groups[1];
        if (group) return [group.key, `${group.number}${group.label}`];
        return c.row.id === 'resultsTotal' ? undefined : [c.row.id, `${c.row.number}${c.row.label}`];
      }),
  },
  {
    title: '行政复议和行政诉讼',
    unit: '件',
    series: (cells) =>
      seriesBy(cells, (c) =>
        c.table.id === 'reviewLitigation' && totalOf(c) ? [c.row.id, rowLabel(c.row)] : undefined,
      ),
  },
  {
    title: '现行有效的规章和规范性文件',
    unit: '件',
    series: (cells) => seriesBy(cells, (c) => (c.column.key === 'inForce' ? [c.row.id, c.row.label] : undefined)),
  },
];

export interface YearChart {
  readonly title: string;
  readonly svg: string;
  /** The text alternative: every value, in words. */
  readonly summary: string;
  readonly years: readonly number[];
  readonly rows: readonly { readonly label: string; readonly values: readonly string[] }[];
}

/** A series' value in a report: the sum of its cells; blank when every cell is blank or the cells are not there. */
function valueOf(report: ReportDocument, series: Series): number | null {
  let sum: number | null = null;
  for (const cell of series.cells) {
    const value = findCell(report.template, cell.id) ? readCell(report.statistics, cell.path) : null;
    if (typeof value === 'number') sum = (sum ?? 0) + value;
  }
  return sum;
}

const palette = ['#a40000', '#1f4e9e', '#4d7d2a', '#8a5a00', '#5b3a8c', '#00707a'];

function drawSvg(
  title: string,
  years: readonly number[],
  series: readonly { label: string; values: (number | null)[] }[],
) {
  // Narrow and with large type: the SVG scales down to a phone's width, its text with it.
  const { core: echarts, parts } = echartsModules();
  if (!registered) echarts.use(parts);
  registered = true;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 480, height: 240 + 24 * series.length });
  try {
    chart.setOption({
      animation: false,
      color: palette,
      textStyle: { fontFamily: 'Noto Sans SC, sans-serif', color: '#000', fontSize: 15 },
      grid: { left: 56, right: 16, top: 16, bottom: 40 + 26 * series.length },
      // One series a line: the labels are long (本年新收政府信息公开申请数量).
      legend: { bottom: 0, orient: 'vertical', left: 8, itemGap: 8, textStyle: { fontSize: 15 } },
      xAxis: { type: 'category', data: years.map(String), axisLabel: { fontSize: 15 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14 } },
      series: series.map((s) => ({ type: 'bar', name: s.label, data: s.values })),
    });
    // ECharts' own bookkeeping attributes are for its client-side hydration, which this page never does.
    return chart
      .renderToSVGString()
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
      .replace(
        '<svg ',
        `<svg role="img" aria-label="${escapeAttribute(title)}（图表，数据见下表）" focusable="false" `,
      );
  } finally {
    chart.dispose();
  }
}

const escapeAttribute = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

// A chart is drawn again only when its figures change: rebuilding every page redraws nothing already drawn.
const drawn = new Map<string, string>();

/** The charts of an agency's reports (one per year, any order); a chart with no figure in any year is left out. */
export function yearCharts(reports: readonly ReportDocument[]): YearChart[] {
  const byYear = [...reports].sort((a, b) => a.year - b.year);
  const newest = byYear.at(-1);
  if (!newest) return [];
  const years = byYear.map((r) => r.year);
  const charts: YearChart[] = [];
  for (const spec of chartSpecs) {
    const series = spec.series(cellsOf(newest.template)).map((s) => ({
      label: s.label,
      values: byYear.map((r) => valueOf(r, s)),
    }));
    if (series.every((s) => s.values.every((v) => v === null))) continue;
    const key = JSON.stringify([spec.title, years, series]);
    let svg = drawn.get(key);
    if (svg === undefined) {
      svg = drawSvg(spec.title, years, series);
      if (drawn.size >= 5000) drawn.clear();
      drawn.set(key, svg);
    }
    const text = (v: number | null) => (v === null ? '空' : `${v}`);
    charts.push({
      title: spec.title,
      svg,
      summary: `${spec.title}（单位：${spec.unit}），${years.join('、')} 年：${series
        .map((s) => `${s.label} ${s.values.map(text).join('、')}`)
        .join('；')}。`,
      years,
      rows: series.map((s) => ({ label: s.label, values: s.values.map(text) })),
    });
  }
  return charts;
}
