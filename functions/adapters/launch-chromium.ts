// Starting Chromium: the @sparticuz/chromium binary everywhere (laptop, CI, Lambda) unless CHROMIUM_PATH
// names another. Our own argument list: @sparticuz's defaults include --disable-web-security and
// --allow-running-insecure-content, which we never want for editor-supplied content.
import { userInfo } from 'node:os';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';

export interface LaunchOptions {
  /** Overrides CHROMIUM_PATH and the bundled binary. */
  readonly executablePath?: string;
  /** Extra environment for the browser process, e.g. FONTCONFIG_FILE to hide system fonts. */
  readonly env?: Readonly<Record<string, string>>;
}

const onLambda = () => process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined;

export async function chromiumPath(explicit?: string): Promise<string> {
  return explicit ?? process.env.CHROMIUM_PATH ?? (await chromium.executablePath());
}

export function chromiumArgs(): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-extensions',
    '--disable-sync',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--metrics-recording-only',
    '--no-default-browser-check',
    '--no-first-run',
    '--no-pings',
    '--mute-audio',
    '--hide-scrollbars',
    '--font-render-hinting=none',
    '--disable-gpu',
  ];
  // The sandbox cannot start as root (containers, CI) nor on Lambda; the page runs no script either way.
  if (onLambda() || userInfo().uid === 0) args.push('--no-sandbox', '--disable-setuid-sandbox');
  // Lambda gives one process little room: what @sparticuz/chromium needs there.
  if (onLambda()) args.push('--single-process', '--no-zygote', '--disk-cache-size=33554432');
  return args;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: await chromiumPath(options.executablePath),
    headless: 'shell',
    args: chromiumArgs(),
    defaultViewport: { width: 1024, height: 1400 },
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
}
