// What a rule sees: the parsed report, its cells by id, and last year's report when known.
import { cellsOf } from '../format/templates';
import type { NarrativeField } from '../narrative/narrative-fields';
import { cellValueList } from '../report/parse-report';
import type { TemplateId } from '../format/table-definition';
import type { CellValue, ReportDocument } from '../report/report-document';

/** Every cell value of a report, in `cellsOf(template)` order: rules index into it instead of walking the tables. */
export interface CellValues {
  readonly template: TemplateId;
  /** undefined where the document's cell is missing or malformed (S1): rules do not judge it. */
  readonly list: readonly (CellValue | undefined)[];
}

export interface RuleContext {
  readonly report: ReportDocument;
  /** The report with narrative references resolved: what readers will see. */
  readonly resolved: ReportDocument;
  /** The resolved narrative's texts, listed once for every narrative rule. */
  readonly fields: readonly NarrativeField[];
  /** The narrative is known to hold no {{…}} reference (it was searched for them): R10 has nothing to read. */
  readonly withoutReferences?: boolean;
  readonly cells: CellValues;
  readonly previous?: { readonly report: ReportDocument; readonly cells: CellValues };
}

const indexes = new Map<TemplateId, ReadonlyMap<string, number>>();

/** Position of each cell id in `cellsOf(template)`. */
export function cellIndex(template: TemplateId): ReadonlyMap<string, number> {
  let index = indexes.get(template);
  if (!index) indexes.set(template, (index = new Map(cellsOf(template).map((cell, i) => [cell.id, i]))));
  return index;
}

export function cellValues(report: ReportDocument): CellValues {
  return { template: report.template, list: cellValueList(report) };
}

/** Cell values from a lookup, for building tables cell by cell. */
export function cellValuesOf(template: TemplateId, valueOf: (cellId: string) => CellValue | undefined): CellValues {
  return { template, list: cellsOf(template).map((cell) => valueOf(cell.id) ?? null) };
}

export function valueOf(cells: CellValues, id: string): CellValue | undefined {
  const i = cellIndex(cells.template).get(id);
  return i === undefined ? undefined : cells.list[i];
}

/** A count for arithmetic rules; blank and non-numeric cells give undefined, so the rule is not judged on them. */
export function countOf(cells: CellValues, id: string): number | undefined {
  const value = valueOf(cells, id);
  return typeof value === 'number' ? value : undefined;
}

/** Sum of counts at positions of `cells.list`, or undefined when any is blank. */
export function sumAt(cells: CellValues, positions: readonly number[]): number | undefined {
  let total = 0;
  for (const i of positions) {
    const value = cells.list[i];
    if (typeof value !== 'number') return undefined;
    total += value;
  }
  return total;
}

/** Sum of counts by cell id, or undefined when any is blank. */
export function sumOf(cells: CellValues, ids: readonly string[]): number | undefined {
  const index = cellIndex(cells.template);
  return sumAt(
    cells,
    ids.map((id) => index.get(id) ?? -1),
  );
}
