// One Chromium for the whole test run; render tests connect to it. Its fontconfig sees no CJK font, as on
// Lambda: only the Open Sans that @sparticuz/chromium unpacks (a Chromium with no font at all prints blank
// pages, web fonts or not). Every glyph in a test PDF must come from the report's own fonts.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath, launchChromium } from '../../functions/adapters/launch-chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumWsEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const executablePath = await chromiumPath(); // unpacks @sparticuz's fonts into the temp dir
  const lambdaFonts = [join(tmpdir(), 'fonts', 'fonts'), '/usr/share/fonts/truetype/dejavu'].find((d) => existsSync(d));
  if (!lambdaFonts) throw new Error('no non-CJK font folder for the test browser');
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-nocjk-'));
  const config = join(dir, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${lambdaFonts}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
  );
  const browser = await launchChromium({ executablePath, env: { FONTCONFIG_FILE: config } });
  project.provide('chromiumWsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
