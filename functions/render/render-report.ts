// The renderer's port for the pipeline: one report → its HTML and PDF, printed by a shared printer.
import { resolveReferences } from '../core/narrative/references';
import type { ReportDocument } from '../core/report/report-document';
import type { PdfPrinter } from './pdf-printer';
import { printFonts } from './print-fonts';
import { renderReportPage, withFontFaces, type RenderHtmlOptions } from './render-report-html';
import { reportMetadata } from './report-metadata';

export interface RenderedReport {
  /** The HTML that was printed (fonts: per-report subsets in this machine's temp dir). */
  readonly html: string;
  readonly pdf: Uint8Array;
}

/** The HTML the printer prints: fonts are per-report subsets on this machine (print-fonts.ts). Pass a resolved report. */
export async function renderPrintHtml(resolved: ReportDocument, options: Pick<RenderHtmlOptions, 'draft'> = {}): Promise<string> {
  const page = renderReportPage(resolved, { draft: options.draft === true });
  return withFontFaces(page, await printFonts().faces(page));
}

/** Resolves narrative references, renders the HTML and prints it. */
export async function renderReport(report: ReportDocument, printer: PdfPrinter, options: Pick<RenderHtmlOptions, 'draft'> = {}): Promise<RenderedReport> {
  const resolved = resolveReferences(report);
  // Fonts are subset while the printer opens its page.
  const html = renderPrintHtml(resolved, options);
  const pdf = await printer.print(html, { name: `${report.agency.code}/${report.year}`, info: reportMetadata(resolved) });
  return { html: await html, pdf };
}
