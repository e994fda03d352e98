// The files of one archived version: the report as JSON, HTML and PDF, and each official table as CSV.
import { stringify } from 'csv-stringify/sync';
import { tableGrids } from '../core/format/table-grids';
import type { ReportDocument } from '../core/report/report-document';
import type { ArchiveFile } from './manifest';

const encoder = new TextEncoder();

/** CSV in the official table layout, UTF-8 with a BOM so Excel reads the Chinese labels. */
export const csvBytes = (rows: readonly (readonly string[])[]): Uint8Array =>
  encoder.encode(`\ufeff${stringify(rows as string[][])}`);

export function archiveFiles(
  report: ReportDocument,
  rendered: { readonly html: string; readonly pdf: Uint8Array },
): ArchiveFile[] {
  return [
    { name: 'report.json', type: 'application/json', body: encoder.encode(`${JSON.stringify(report, null, 2)}\n`) },
    ...tableGrids(report).map((grid) => ({
      name: grid.fileName,
      type: 'text/csv; charset=utf-8',
      body: csvBytes(grid.rows),
    })),
    { name: 'report.html', type: 'text/html; charset=utf-8', body: encoder.encode(rendered.html) },
    { name: 'report.pdf', type: 'application/pdf', body: rendered.pdf },
  ];
}
