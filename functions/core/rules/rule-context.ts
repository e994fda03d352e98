// What a rule sees: the parsed report, its cells by id, and last year's report when known.
import { cellsOf } from '../format/templates';
import { readCell } from '../report/parse-report';
import type { CellValue, ReportDocument } from '../report/report-document';

export interface RuleContext {
  readonly report: ReportDocument;
  /** The report with narrative references resolved: what readers will see. */
  readonly resolved: ReportDocument;
  readonly cells: ReadonlyMap<string, CellValue>;
  readonly previous?: { readonly report: ReportDocument; readonly cells: ReadonlyMap<string, CellValue> };
}

export function cellValues(report: ReportDocument): Map<string, CellValue> {
  return new Map(cellsOf(report.template).map((cell) => [cell.id, readCell(report.statistics, cell.path)]));
}

/** A count for arithmetic rules; blank and non-numeric cells give undefined, so the rule is not judged on them. */
export function countOf(cells: ReadonlyMap<string, CellValue>, id: string): number | undefined {
  const value = cells.get(id);
  return typeof value === 'number' ? value : undefined;
}

/** Sum of counts, or undefined when any is blank. */
export function sumOf(cells: ReadonlyMap<string, CellValue>, ids: readonly string[]): number | undefined {
  let total = 0;
  for (const id of ids) {
    const value = countOf(cells, id);
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}
