// Chinese text in screenshots of pages that bring no fonts of their own (the Strapi admin): the test browser has no
// CJK system font (as on Lambda), so the page gets Noto Sans SC from the installed @fontsource package, served by
// request interception under a made-up origin, with the page's CSP bypassed for it. For screenshots only.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';

const fontOrigin = 'https://fonts.nianbao.test/';
const fontsDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'));

async function fontFaces(): Promise<string> {
  const faces = await Promise.all(['400', '700'].map((weight) => readFile(join(fontsDir, `${weight}.css`), 'utf8')));
  // Only the woff2 source, at the made-up origin.
  return faces
    .join('\n')
    .replace(
      /url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\), url\([^)]+\) format\('woff'\)/g,
      `url(${fontOrigin}$1) format('woff2')`,
    );
}

export async function cjkFonts(page: Page): Promise<void> {
  const css = `${await fontFaces()}\nhtml, body, body * { font-family: 'Noto Sans SC', sans-serif !important; }`;
  await page.setBypassCSP(true);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(fontOrigin)) return void request.continue();
    const file = url.slice(fontOrigin.length);
    if (!/^[a-z0-9-]+\.woff2$/.test(file)) return void request.respond({ status: 404 });
    void readFile(join(fontsDir, 'files', file)).then(
      (body) =>
        request.respond({
          status: 200,
          contentType: 'font/woff2',
          body,
          headers: { 'access-control-allow-origin': '*' },
        }),
      () => request.respond({ status: 404 }),
    );
  });
  page.on('domcontentloaded', () => void page.addStyleTag({ content: css }).catch(() => undefined));
}
