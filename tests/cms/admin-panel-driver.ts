// The Strapi admin panel driven as a person uses it, in the test run's shared Chromium: log in, open a report's
// edit view, wait for the editor's desk beside it. Each person gets their own browser context (their own login).
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import type { LocalAccount } from '../../dev/cms/local-accounts';
import { cjkFonts } from '../support/cjk-fonts';

export interface AdminPage {
  readonly page: Page;
  openReport(documentId: string): Promise<void>;
  /** The text of the first element matching, once there and (optionally) matching `pattern`. */
  textOf(selector: string, pattern?: RegExp): Promise<string>;
  /** A button (or a link that looks like one) by its label, once enabled. */
  clickButton(label: string): Promise<void>;
  close(): Promise<void>;
}

const timeout = 30_000;

export async function adminPage(browser: Browser, cmsUrl: string, account: LocalAccount): Promise<AdminPage> {
  const context: BrowserContext = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.setViewport({ width: 1440, height: 1100 });
  await cjkFonts(page);
  await page.goto(`${cmsUrl}/admin/auth/login`);
  await page.waitForSelector('input[name=email]');
  await page.type('input[name=email]', account.email);
  await page.type('input[name=password]', account.password);
  await page.click('button[type=submit]');
  // A single-page app: the login is done when the address leaves /auth/login.
  await page.waitForFunction("!location.pathname.includes('/auth/')");

  // Page code as strings: the tests are compiled without the DOM's types.
  const textOf = async (selector: string, pattern?: RegExp) => {
    const handle = await page.waitForFunction(
      `(() => {
        const element = document.querySelector(${JSON.stringify(selector)});
        const text = element ? element.textContent : '';
        const pattern = ${JSON.stringify(pattern?.source ?? null)};
        return element && (pattern === null || new RegExp(pattern).test(text)) ? text : false;
      })()`,
    );
    return (await handle.jsonValue()) as string;
  };

  return {
    page,
    async openReport(documentId) {
      await page.goto(
        `${cmsUrl}/admin/content-manager/collection-types/api::annual-report.annual-report/${documentId}`,
      );
      await page.waitForSelector('[data-nianbao=desk]');
    },
    textOf,
    async clickButton(label) {
      const button = await page.waitForFunction(
        `[...document.querySelectorAll('button, a[href]')].find((b) => b.textContent.trim() === ${JSON.stringify(label)} && !b.disabled)`,
      );
      await button.asElement()!.click();
    },
    close: () => context.close(),
  };
}
