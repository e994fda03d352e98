// The pipeline's renderer port on the real renderer: the PDF printed by one shared Chromium (fonts from this
// machine's files, which is all the print page may read), and the HTML for the public with its fonts under assets/.
import type { ReportDocument } from '../core/report/report-document';
import type { RenderedReport, ReportRenderer } from '../pipeline/pipeline-ports';
import type { PdfPrinter } from '../render/pdf-printer';
import { createPdfPrinter, type PdfPrinterOptions } from './chromium-pdf-printer';
import { renderWebPage } from '../render/render-report-html';
import { renderReport } from '../render/render-report';
import { fontAsset, fontAssetPrefix } from './font-site-assets';

export class ChromiumRenderer implements ReportRenderer {
  readonly printer: PdfPrinter;

  constructor(options: PdfPrinterOptions = {}) {
    this.printer = createPdfPrinter(options);
  }

  async render(report: ReportDocument, options: { readonly draft?: boolean } = {}): Promise<RenderedReport> {
    const { pdf, page } = await renderReport(report, this.printer, options);
    // The public copy is the printed page with its fonts by URL: rendered once, so the two cannot differ in content.
    const { html, fontFiles } = renderWebPage(page, `/${fontAssetPrefix}`);
    return { html, pdf, assets: fontFiles.map(fontAsset) };
  }

  close(): Promise<void> {
    return this.printer.close();
  }
}
