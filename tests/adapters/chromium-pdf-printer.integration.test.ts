// The printer survives what happens in production: Chrome dying, a page that never finishes, bursts.
import type { Browser } from 'puppeteer-core';
import { describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../functions/adapters/launch-chromium';
import { createPdfPrinter } from '../../functions/adapters/chromium-pdf-printer';
import { PdfTimeoutError, PrinterClosedError } from '../../functions/render/render-errors';

const page = '<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body><p>1</p></body></html>';
const isPdf = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';

describe('createPdfPrinter', () => {
  it('launches a new browser when the old one died', async () => {
    const launched: Browser[] = [];
    const printer = createPdfPrinter({
      launch: async () => {
        const browser = await launchChromium();
        launched.push(browser);
        return browser;
      },
    });
    try {
      expect(isPdf(await printer.print(page))).toBe(true);
      launched[0]!.process()?.kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(isPdf(await printer.print(page))).toBe(true);
      expect(launched).toHaveLength(2);
    } finally {
      await printer.close();
    }
  }, 30_000);

  it('gives up on a document after its timeout; a closed printer refuses work', async () => {
    const printer = createPdfPrinter({ browserWSEndpoint: inject('chromiumWsEndpoint'), timeoutMs: 1 });
    await expect(printer.print(page)).rejects.toBeInstanceOf(PdfTimeoutError);
    await printer.close();
    await expect(printer.print(page)).rejects.toBeInstanceOf(PrinterClosedError);
  });

  it('prints a burst of documents, two pages at a time, making each HTML only when its page is due', async () => {
    const printer = createPdfPrinter({ browserWSEndpoint: inject('chromiumWsEndpoint'), concurrency: 2 });
    // A report's HTML holds its font subsets, which a bounded cache may delete: made early, it could print without them.
    let made = 0;
    const html = async () => {
      made++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return page;
    };
    const printed = Promise.all(Array.from({ length: 6 }, () => printer.print(html)));
    // This timer fires before any HTML is ready, so before any print could have finished.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(made).toBe(2);
    expect((await printed).every(isPdf)).toBe(true);
    expect(made).toBe(6);
    await printer.close();
  });
});
