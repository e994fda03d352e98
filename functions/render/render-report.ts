// The renderer's port for the pipeline: one report → its HTML and PDF, printed by a shared printer.
import { resolveReferences } from '../core/narrative/references';
import type { ReportDocument } from '../core/report/report-document';
import type { PdfPrinter } from './pdf-printer';
import { renderReportHtml, type RenderHtmlOptions } from './render-report-html';
import { reportMetadata } from './report-metadata';

export interface RenderedReport {
  /** The HTML that was printed (fonts from this machine's files). */
  readonly html: string;
  readonly pdf: Uint8Array;
}

/** Resolves narrative references, renders the HTML and prints it. */
export async function renderReport(report: ReportDocument, printer: PdfPrinter, options: Pick<RenderHtmlOptions, 'draft'> = {}): Promise<RenderedReport> {
  const resolved = resolveReferences(report);
  const html = renderReportHtml(resolved, { draft: options.draft === true });
  const pdf = await printer.print(html, { name: `${report.agency.code}/${report.year}`, info: reportMetadata(resolved) });
  return { html, pdf };
}
