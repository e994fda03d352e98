// Page isolation, enforced in Chromium: JavaScript off, and every request the render policy does not allow
// (render/request-guard.ts) is refused before it leaves the page.
import type { Page } from 'puppeteer-core';
import { isAllowedAsset } from '../render/request-guard';

/**
 * Disables JavaScript and blocks every request that is not an allowed asset. Speaks the Fetch domain
 * directly: puppeteer's request interception pairs each request with its Network event before deciding,
 * which costs a few ms per font file (a report loads ~60) on a busy machine.
 */
export async function guardPage(
  page: Page,
  directories: readonly string[],
  originUrl: string,
  onBlocked?: (url: string) => void,
): Promise<void> {
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
  await Promise.all([
    session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }),
    page.setJavaScriptEnabled(false),
  ]);
}
