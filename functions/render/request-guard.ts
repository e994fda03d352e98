// Page isolation: the print page may read our bundled font files and nothing else — no http(s), no other
// file:// path, no data: or blob: tricks. Editor text is sanitized already; this is the second wall.
import { relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';

export function isAllowedAsset(url: string, directories: readonly string[]): boolean {
  if (!url.startsWith('file:///') || !url.endsWith('.woff2')) return false;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false;
  }
  return directories.some((dir) => {
    const rel = relative(dir, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.includes('/');
  });
}

/** Disables JavaScript and blocks every request that is not an allowed asset. */
export async function guardPage(page: Page, directories: readonly string[], originUrl: string, onBlocked?: (url: string) => void): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    // The empty origin document, then the report itself arrives by setContent.
    if (url === originUrl || isAllowedAsset(url, directories)) {
      void request.continue();
      return;
    }
    onBlocked?.(url);
    void request.abort('blockedbyclient');
  });
}
