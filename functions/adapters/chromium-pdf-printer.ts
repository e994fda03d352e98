// The PDF printer (render's port) on Chromium: one browser, reused; a fresh guarded page per document; at most
// `concurrency` pages at once; each document bounded by a timeout; a new browser when the old one died.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { fontFiles } from '../render/font-faces';
import type { PdfPrinter } from '../render/pdf-printer';
import { printFonts } from '../render/print-fonts';
import { processTempFolder } from '../render/process-temp-folder';
import { PdfTimeoutError, PrinterClosedError } from '../render/render-errors';
import { withDocumentInfo } from '../render/pdf-info';
import { guardPage } from './chromium-request-guard';
import { launchChromium } from './launch-chromium';

export interface PdfPrinterOptions {
  /** Connect to this browser instead of launching one (tests share one browser); it is not closed by close(). */
  readonly browserWSEndpoint?: string;
  /** Chromium binary; defaults to CHROMIUM_PATH, then @sparticuz/chromium. */
  readonly executablePath?: string;
  /** How to start a browser when there is none (or it died); defaults to launchChromium. */
  readonly launch?: () => Promise<Browser>;
  /** Pages printing at once. Two suits a 2-core machine or a Lambda of ~2 GB. */
  readonly concurrency?: number;
  /** Per document, from new page to PDF bytes. */
  readonly timeoutMs?: number;
  /** Told about every request the page tried and was refused (for logs and tests). */
  readonly onBlockedRequest?: (url: string) => void;
}

/** Options every report is printed with: A4, backgrounds, tagged for screen readers, outline from h1–h3. */
export const pdfOptions = {
  format: 'A4',
  printBackground: true,
  tagged: true,
  outline: true,
  preferCSSPageSize: true,
} as const;

/**
 * An empty file:// document the page opens before setContent: Chromium lets only file:// documents load
 * file:// fonts (from about:blank they are refused silently and the PDF falls back to system fonts).
 * Written to the temp dir so it needs no bundling on Lambda.
 */
export function printOriginUrl(): string {
  originUrl ??= (() => {
    const path = join(processTempFolder('nianbao-print-'), 'origin.html');
    writeFileSync(path, '<!DOCTYPE html><html lang="zh-CN"><title></title></html>');
    return pathToFileURL(path).href;
  })();
  return originUrl;
}
let originUrl: string | undefined;

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

export function createPdfPrinter(options: PdfPrinterOptions = {}): PdfPrinter {
  const { concurrency = 2, timeoutMs = 30_000 } = options;
  // Pages may read the per-report print subsets, and the woff2 subsets for HTML rendered without them.
  const fonts = [printFonts().directory, ...fontFiles().directories];
  const origin = printOriginUrl();
  const slots = new Semaphore(concurrency);
  let browser: Promise<Browser> | undefined;
  let closed = false;

  const getBrowser = (): Promise<Browser> => {
    if (!browser) {
      const starting = (
        options.browserWSEndpoint
          ? puppeteer.connect({ browserWSEndpoint: options.browserWSEndpoint })
          : (options.launch ?? (() => launchChromium(options)))()
      ).then((b) => {
        b.once('disconnected', () => {
          if (browser === starting) browser = undefined;
        });
        return b;
      });
      browser = starting;
      starting.catch(() => {
        if (browser === starting) browser = undefined;
      });
    }
    return browser;
  };

  const printOnce = async (html: string | Promise<string>): Promise<Uint8Array> => {
    const b = await getBrowser();
    let page: Page | undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new PdfTimeoutError(timeoutMs)), timeoutMs);
    });
    const work = (async () => {
      page = await b.newPage();
      await guardPage(page, fonts, origin, options.onBlockedRequest);
      await page.goto(origin, { waitUntil: 'load', timeout: timeoutMs });
      await page.setContent(await html, { waitUntil: 'load', timeout: timeoutMs });
      return page.pdf({ ...pdfOptions, timeout: timeoutMs });
    })();
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      // On a timeout the work may still be opening its page: close it whenever it gets there.
      const closePage = () => page?.close().catch(() => undefined);
      if (page) await closePage();
      else work.then(closePage, closePage);
    }
  };

  return {
    async print(html, meta = {}) {
      if (closed) throw new PrinterClosedError();
      const pdf = await slots.run(async () => {
        const source = typeof html === 'string' ? html : html();
        // A failure to make the HTML surfaces when the page awaits it, not earlier as an unhandled rejection.
        if (typeof source !== 'string') source.catch(() => undefined);
        try {
          return await printOnce(source);
        } catch (error) {
          // Chrome died under us: one more try in a new browser; anything else is the caller's.
          const starting = browser;
          const current = starting ? await starting.catch(() => undefined) : undefined;
          if (closed || error instanceof PdfTimeoutError || current?.connected) throw error;
          // Forget only the dead one: a concurrent document may already have started its successor.
          if (browser === starting) browser = undefined;
          return printOnce(source);
        }
      });
      return meta.info ? withDocumentInfo(pdf, meta.info) : pdf;
    },
    async close() {
      closed = true;
      const b = await browser?.catch(() => undefined);
      browser = undefined;
      if (!b) return;
      if (options.browserWSEndpoint) await b.disconnect();
      else await b.close();
    },
  };
}
