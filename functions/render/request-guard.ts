// Page isolation: the print page may read our bundled font files and nothing else — no http(s), no other
// file:// path, no data: or blob: tricks. Editor text is sanitized already; this is the second wall.
import { relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';

export function isAllowedAsset(url: string, directories: readonly string[]): boolean {
  if (!url.startsWith('file:///') || !/\.(woff2|ttf)$/.test(url)) return false;
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

/**
 * Disables JavaScript and blocks every request that is not an allowed asset. Speaks the Fetch domain
 * directly: puppeteer's request interception pairs each request with its Network event before deciding,
 * which costs a few ms per font file (a report loads ~60) on a busy machine.
 */
export async function guardPage(page: Page, directories: readonly string[], originUrl: string, onBlocked?: (url: string) => void): Promise<void> {
  const session = await page.createCDPSession();
  session.on('Fetch.requestPaused', (event: { requestId: string; request: { url: string } }) => {
    const { requestId, request } = event;
    // The empty origin document, then the report itself arrives by setContent.
    if (request.url === originUrl || isAllowedAsset(request.url, directories)) {
      session.send('Fetch.continueRequest', { requestId }).catch(() => undefined);
      return;
    }
    onBlocked?.(request.url);
    session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }).catch(() => undefined);
  });
  await Promise.all([session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }), page.setJavaScriptEnabled(false)]);
}
