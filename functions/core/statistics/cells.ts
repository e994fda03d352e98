// Cells by id: reading one from the nested tables, and nesting a flat map (as stored, or read from a CSV) into them.
import type { TemplateId } from '../format/table-definition';
import { cellsOf } from '../format/templates';
import type { CellValue, Statistics, TableValues } from '../report/report-document';

export type CellMap = Readonly<Record<string, CellValue>>;

/** Reads one cell by its path; the statistics must have been checked (checkStatistics). */
export function readCell(statistics: Statistics, path: readonly string[]): CellValue {
  let node: TableValues | CellValue = statistics;
  for (const part of path) node = (node as TableValues)[part] as TableValues | CellValue;
  return node as CellValue;
}

/** Writes one cell, making the rows on its path as needed. */
function writeCell(root: Record<string, unknown>, path: readonly string[], value: CellValue): void {
  let node = root;
  for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[path.at(-1) as string] = value;
}

/**
 * Every cell of the template, in printed order; a cell missing from the statistics is blank (null).
 * Amounts are kept as decimal text (printed exactly as entered, and 18.20 is not a DynamoDB number), so the same
 * figures give the same report — and the same version — whether they came from JSON (18.2) or a CSV ("18.2").
 */
export function statisticsToCells(template: TemplateId, statistics: Statistics): CellMap {
  const cells: Record<string, CellValue> = {};
  for (const cell of cellsOf(template)) {
    const value = readCell(statistics, cell.path) ?? null;
    cells[cell.id] = cell.column.kind === 'amount' && typeof value === 'number' ? String(value) : value;
  }
  return cells;
}

/** The nested tables of a template from cells by id; a cell not in the map is blank (null). */
export function cellsToStatistics(template: TemplateId, cells: CellMap | ReadonlyMap<string, CellValue>): Statistics {
  const root: Record<string, unknown> = {};
  const valueOf = (id: string): CellValue =>
    (cells instanceof Map ? (cells as ReadonlyMap<string, CellValue>).get(id) : (cells as CellMap)[id]) ?? null;
  for (const cell of cellsOf(template)) writeCell(root, cell.path, valueOf(cell.id));
  return root as unknown as Statistics;
}
