// The printer port: render makes the HTML, something else turns it into a PDF (adapters/chromium-pdf-printer.ts
// drives a browser; render itself imports no browser).
import type { DocumentMetadata } from './report-metadata';

export interface PdfMeta {
  /** Names the document in errors and logs. */
  readonly name?: string;
  /** Written into the PDF's document information (Chromium itself writes only the <title>). */
  readonly info?: Omit<DocumentMetadata, 'language'>;
}

export interface PdfPrinter {
  /**
   * Prints a page. The HTML may be made on demand: `html()` is called once a print slot is ours, and the page is
   * opened and guarded while it is made (so work such as font subsetting is done only for documents being printed).
   */
  print(html: string | (() => Promise<string>), meta?: PdfMeta): Promise<Uint8Array>;
  close(): Promise<void>;
}
