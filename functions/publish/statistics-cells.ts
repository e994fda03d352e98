// Statistics as stored: one map from cell id to value, derived from the format (no row list written again).
import type { TemplateId } from '../core/format/table-definition';
import { cellsOf } from '../core/format/templates';
import { readCell } from '../core/report/parse-report';
import type { CellValue, Statistics, TableValues } from '../core/report/report-document';

export type CellMap = Readonly<Record<string, CellValue>>;

/**
 * Every cell of the template, in printed order; a cell missing from the statistics is stored as blank (null).
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

export function cellsToStatistics(template: TemplateId, cells: CellMap): Statistics {
  const root: Record<string, TableValues> = {};
  for (const cell of cellsOf(template)) {
    let node = root as Record<string, unknown>;
    for (const part of cell.path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[cell.path.at(-1) as string] = cells[cell.id] ?? null;
  }
  return root as unknown as Statistics;
}
