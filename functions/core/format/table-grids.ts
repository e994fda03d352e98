// The official tables as grids of text, for CSV downloads and `nianbao stats export` (read back by
// core/statistics/parse-statistics-grid.ts).
// Layout: a key row (`row`, `label`, column keys), a label row (blank first cell, printed column labels), then one line
// per table row keyed by `table.rowId`; a new key row starts wherever the columns change, as the printed 二 does per 第二十条 block.
// So `row` + column key is the cell id, and the grid reads like the printed table.
import type { ReportDocument, Statistics } from '../report/report-document';
import { cellText } from '../statistics/cell-values';
import { readCell } from '../statistics/cells';
import { columnLabel, rowLabel } from './labels';
import { templates } from './templates';
import type { TableDefinition, TableId } from './table-definition';

export interface TableGrid {
  readonly table: TableId;
  readonly fileName: string;
  readonly rows: string[][];
}

const keyHeader = ['row', 'label'];

const fileNames: Record<TableId, string> = {
  proactive: 'table-2-proactive.csv',
  applications: 'table-3-applications.csv',
  reviewLitigation: 'table-4-review-litigation.csv',
};

/** The CSV file name of an official table, in an archived version and in the bulk downloads. */
export const tableFileName = (table: TableId): string => fileNames[table];

function gridOf(table: TableDefinition, statistics: Statistics): string[][] {
  const rows: string[][] = [];
  let keys = '';
  for (const row of table.rows) {
    const rowKeys = row.columns.map((c) => c.key).join();
    if (rowKeys !== keys) {
      keys = rowKeys;
      rows.push([...keyHeader, ...row.columns.map((c) => c.key)], ['', '', ...row.columns.map(columnLabel)]);
    }
    const path = [table.id, ...row.id.split('.')];
    rows.push([
      `${table.id}.${row.id}`,
      rowLabel(row),
      ...row.columns.map((c) => cellText(readCell(statistics, [...path, c.key]))),
    ]);
  }
  return rows;
}

/** One grid per official table, in printed order. */
export function tableGrids(report: Pick<ReportDocument, 'template' | 'statistics'>): TableGrid[] {
  return templates[report.template].tables.map((table) => ({
    table: table.id,
    fileName: tableFileName(table.id),
    rows: gridOf(table, report.statistics),
  }));
}

/** All three tables in one grid: the layout of `nianbao stats export`. */
export function statisticsGrid(report: Pick<ReportDocument, 'template' | 'statistics'>): string[][] {
  return tableGrids(report).flatMap((grid) => grid.rows);
}
