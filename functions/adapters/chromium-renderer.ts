// The pipeline's renderer port on the real renderer: the PDF printed by one shared Chromium (fonts from this
// machine's files, which is all the print page may read), and the HTML for the public with its fonts under assets/.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import type { ReportDocument } from '../core/report/report-document';
import type { RenderedReport, ReportRenderer } from '../pipeline/pipeline-ports';
import type { SiteAsset } from '../publish/site-assets';
import type { PdfPrinter } from '../render/pdf-printer';
import { createPdfPrinter, type PdfPrinterOptions } from './chromium-pdf-printer';
import { renderWebPage } from '../render/render-report-html';
import { renderReport } from '../render/render-report';

const require = createRequire(import.meta.url);
const fontPackages = ['@fontsource/noto-serif-sc', '@fontsource/noto-sans-sc'];
/** A new font release gets new keys, so an asset key never changes meaning. */
const fontsVersion = [...new Set(fontPackages.map((p) => (require(`${p}/package.json`) as { version: string }).version))].join('-');
export const fontAssetPrefix = `assets/fonts/${fontsVersion}/`;

export class ChromiumRenderer implements ReportRenderer {
  readonly printer: PdfPrinter;

  constructor(options: PdfPrinterOptions = {}) {
    this.printer = createPdfPrinter(options);
  }

  async render(report: ReportDocument, options: { readonly draft?: boolean } = {}): Promise<RenderedReport> {
    const { pdf, page } = await renderReport(report, this.printer, options);
    // The public copy is the printed page with its fonts by URL: rendered once, so the two cannot differ in content.
    const { html, fontFiles } = renderWebPage(page, `/${fontAssetPrefix}`);
    const assets: SiteAsset[] = fontFiles.map((path) => ({ key: `${fontAssetPrefix}${basename(path)}`, type: 'font/woff2', read: () => readFile(path) }));
    return { html, pdf, assets };
  }

  close(): Promise<void> {
    return this.printer.close();
  }
}
