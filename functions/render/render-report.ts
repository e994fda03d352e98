// The renderer's port for the pipeline: one report → its HTML and PDF, printed by a shared printer.
import { resolveReferences } from '../core/narrative/references';
import type { ReportDocument } from '../core/report/report-document';
import type { PdfPrinter } from './pdf-printer';
import { printFonts } from './print-fonts';
import { renderReportPage, withFonts, type RenderHtmlOptions, type ReportPage } from './render-report-html';
import { reportMetadata } from './report-metadata';

export interface RenderedReport {
  /** The page, rendered once: what was printed, and what the public version is made from (renderWebPage). */
  readonly page: ReportPage;
  /** The HTML that was printed (fonts: per-report subsets in this machine's temp dir). */
  readonly html: string;
  readonly pdf: Uint8Array;
}

/** The HTML the printer prints: fonts are per-report subsets on this machine (print-fonts.ts). */
export async function renderPrintHtml(page: ReportPage): Promise<string> {
  return withFonts(page, { source: 'file:', faces: await printFonts().faces(page.characters) });
}

/** Resolves narrative references, renders the page and prints it. */
export async function renderReport(
  report: ReportDocument,
  printer: PdfPrinter,
  options: Pick<RenderHtmlOptions, 'draft'> = {},
): Promise<RenderedReport> {
  const resolved = resolveReferences(report);
  const page = renderReportPage(resolved, options);
  // Fonts are subset once the printer has a page for us, while it opens: only documents being printed hold subsets.
  let html: Promise<string> | undefined;
  const printHtml = () => (html ??= renderPrintHtml(page));
  const pdf = await printer.print(printHtml, {
    name: `${report.agency.code}/${report.year}`,
    info: reportMetadata(resolved),
  });
  return { page, html: await printHtml(), pdf };
}
