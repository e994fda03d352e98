// The pipeline's renderer port on the real renderer: the PDF printed by one shared Chromium (fonts from this
// machine's files, which is all the print page may read), and the HTML for the public with its fonts under assets/.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { resolveReferences } from '../core/narrative/references';
import type { ReportDocument } from '../core/report/report-document';
import type { RenderedReport, ReportRenderer } from '../pipeline/pipeline-ports';
import type { SiteAsset } from '../publish/site-assets';
import { createPdfPrinter, type PdfPrinter, type PdfPrinterOptions } from '../render/pdf-printer';
import { fontFilesFor, renderReportHtml } from '../render/render-report-html';
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
    const { pdf } = await renderReport(report, this.printer, options);
    const html = renderReportHtml(resolveReferences(report), { draft: options.draft === true, fontBaseUrl: `/${fontAssetPrefix}` });
    const assets: SiteAsset[] = fontFilesFor(html).map((path) => ({ key: `${fontAssetPrefix}${basename(path)}`, type: 'font/woff2', read: () => readFile(path) }));
    return { html, pdf, assets };
  }

  close(): Promise<void> {
    return this.printer.close();
  }
}
