// The pipeline's renderer port on the real renderer: HTML from the templates, PDF from one shared Chromium.
import type { ReportDocument } from '../core/report/report-document';
import type { ReportRenderer } from '../pipeline/pipeline-ports';
import { createPdfPrinter, type PdfPrinter, type PdfPrinterOptions } from '../render/pdf-printer';
import { renderReport } from '../render/render-report';

export class ChromiumRenderer implements ReportRenderer {
  readonly printer: PdfPrinter;

  constructor(options: PdfPrinterOptions = {}) {
    this.printer = createPdfPrinter(options);
  }

  render(report: ReportDocument, options: { readonly draft?: boolean } = {}) {
    return renderReport(report, this.printer, options);
  }

  close(): Promise<void> {
    return this.printer.close();
  }
}
