// A year's bulk download: every published report of the year (each agency's latest version) as one JSON Lines file,
// and each official table as one CSV with a line per report and a column per cell (ids, then the printed labels),
// written as the archive's other CSVs are (csvBytes: UTF-8 with a BOM, for Excel).
import { cellPlace } from '../../core/format/labels';
import { tableFileName } from '../../core/format/table-grids';
import { cellsOf, findCell } from '../../core/format/templates';
import type { ReportDocument } from '../../core/report/report-document';
import { cellText } from '../../core/statistics/cell-values';
import { readCell } from '../../core/statistics/cells';
import { csvBytes } from '../archive-files';
import type { ArchiveFile } from '../manifest';
import { bulkJsonlName } from './site-keys';

export interface BulkReport {
  readonly version: number;
  readonly report: ReportDocument;
}

export function bulkFiles(reports: readonly BulkReport[]): ArchiveFile[] {
  const sorted = [...reports].sort((a, b) => (a.report.agency.code < b.report.agency.code ? -1 : 1));
  const jsonl = sorted.map(({ report }) => `${JSON.stringify(report)}\n`).join('');
  const files: ArchiveFile[] = [
    { name: bulkJsonlName, type: 'application/x-ndjson; charset=utf-8', body: new TextEncoder().encode(jsonl) },
  ];
  const template = sorted[0]?.report.template;
  if (!template) return files;
  // A year has one template; a report on another shows the cells the two share and leaves the rest blank.
  const cells = cellsOf(template);
  for (const table of new Set(cells.map((c) => c.table.id))) {
    const columns = cells.filter((c) => c.table.id === table);
    const rows = [
      ['agency', 'agencyName', 'version', ...columns.map((c) => c.id)],
      ['机关代码', '机关名称', '版本', ...columns.map(cellPlace)],
      ...sorted.map(({ version, report }) => [
        report.agency.code,
        report.agency.name,
        String(version),
        ...columns.map((c) => (findCell(report.template, c.id) ? cellText(readCell(report.statistics, c.path)) : '')),
      ]),
    ];
    files.push({ name: tableFileName(table), type: 'text/csv; charset=utf-8', body: csvBytes(rows) });
  }
  return files;
}
