// axe-core on the published HTML, in the shared Chromium. This page (unlike the print page) runs script:
// axe is injected by the test, the report itself carries none.
import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { renderReportHtml } from '../../functions/render/render-report-html';
import { lishi2023, report2019 } from './render-fixtures';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await puppeteer.connect({ browserWSEndpoint: inject('chromiumWsEndpoint') });
  page = await browser.newPage();
  // The report's CSP forbids all script: this test page lets axe in.
  await page.setBypassCSP(true);
});

afterAll(async () => {
  await page.close();
  await browser.disconnect();
});

async function violations(html: string): Promise<string[]> {
  await page.setViewport({ width: 1024, height: 1400 });
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ path: axePath });
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: AxeViolation[];
  };
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('accessibility of the HTML', () => {
  it('the 2021 fixture has no axe violations', async () => {
    expect(await violations(renderReportHtml(lishi2023()))).toEqual([]);
  });

  it('a 2019 report and a draft have no axe violations', async () => {
    expect(await violations(renderReportHtml(report2019(), { draft: true }))).toEqual([]);
  });

  it('(the harness itself reports a page without lang and an unlabeled table region)', async () => {
    const found = await violations(
      '<!DOCTYPE html><html><head><title>x</title></head><body><main><div tabindex="0" role="region"><table><tr><td>1</td></tr></table></div></main></body></html>',
    );
    expect(found.map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['html-has-lang']));
  });

  it('on a phone, wide tables scroll inside their region instead of widening the page', async () => {
    await page.setViewport({ width: 375, height: 800 });
    await page.setContent(renderReportHtml(lishi2023()), { waitUntil: 'load' });
    const widths = (await page.evaluate(`({
      page: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll('.table-scroll')].map((r) => [r.scrollWidth, r.clientWidth, getComputedStyle(r).overflowX]),
    })`)) as { page: number; tables: [number, number, string][] };
    expect(widths.page).toBeLessThanOrEqual(375);
    expect(widths.tables.some(([scroll, client]) => scroll > client)).toBe(true);
    for (const [, , overflow] of widths.tables) expect(overflow).toBe('auto');
  });
});
