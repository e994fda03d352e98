// The PDF embeds the report's fonts and nothing else, even where the browser has system fonts to fall back on
// (Debian's DejaVu here): code spans print in the report font, and characters its fonts lack print as □ from the
// last-resort face, named beforehand by validation rule F1 (issue 10, point 8). Needs poppler-utils and
// fonts-dejavu-core (.ci/run installs both): without them this test fails, it does not skip.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerRenderCommand } from '../../functions/cli/commands/render';
import { registerValidateCommand } from '../../functions/cli/commands/validate';
import { launchChromium } from '../../functions/adapters/launch-chromium';
import { inProcessCli } from '../support/run-cli';
import { fixtureJson } from './render-fixtures';

const systemFonts = '/usr/share/fonts/truetype/dejavu';
const dir = mkdtempSync(join(tmpdir(), 'nianbao-system-fonts-'));
const nianbao = inProcessCli((program) => {
  registerRenderCommand(program);
  registerValidateCommand(program);
});
let browser: Browser;

/** The base names of the fonts a PDF embeds, as pdffonts lists them (subset prefix dropped). */
function embeddedFonts(pdf: string): string[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

beforeAll(async () => {
  try {
    execFileSync('pdffonts', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdffonts is not installed: apt-get install poppler-utils (as .ci/run does)');
  }
  if (!existsSync(join(systemFonts, 'DejaVuSansMono.ttf')))
    throw new Error(`no DejaVu fonts in ${systemFonts}: apt-get install fonts-dejavu-core (as .ci/run does)`);
  // A browser that sees the system's DejaVu fonts, as a laptop's would (the shared test browser sees none).
  const config = join(dir, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n` +
      `<fontconfig><dir>${systemFonts}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
  );
  browser = await launchChromium({ env: { FONTCONFIG_FILE: config } });
  vi.stubEnv('NIANBAO_CHROMIUM_WS_ENDPOINT', browser.wsEndpoint());
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  // Undefined when beforeAll failed: its error is the one to read.
  await (browser as Browser | undefined)?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Characters the Noto SC fonts lack: an Extension B ideograph, Devanagari, Thai, an emoji, Greek with tonos.
const missing = '𠀀 देवनागरी ภาษาไทย 😀 ά';

function hostileReport(): string {
  const json = fixtureJson() as { title: string; narrative: { problems: string; overview: { heading: string }[] } };
  json.title = `${json.title}𠀀`;
  json.narrative.overview[0]!.heading += ' ก';
  json.narrative.problems = [
    `代码 \`中文代码 code\` 与 \`${missing}\`，**粗体 ${missing}**，*斜体 ${missing}*。`,
    `    缩进代码 ${missing}`,
    `\`\`\`\n围栏代码 ${missing}\n\`\`\``,
  ].join('\n\n');
  const file = join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('print fonts with system fonts present', () => {
  it('the test browser does use DejaVu when a page asks for a system font (so the next test can fail)', async () => {
    const page = await browser.newPage();
    await page.setContent('<p style="font-family: monospace">code 中文</p>');
    const file = join(dir, 'control.pdf');
    writeFileSync(file, await page.pdf());
    await page.close();
    expect(embeddedFonts(file).some((name) => name.startsWith('DejaVu'))).toBe(true);
  }, 30_000);

  it('validate warns (F1) of the missing characters, naming code points and fields', async () => {
    const result = await nianbao('validate', hostileReport(), '--json');
    expect(result.code).toBe(0);
    const findings = (JSON.parse(result.stdout) as { findings: { rule: string; location: string; actual: string }[] })
      .findings;
    expect(findings.filter((f) => f.rule === 'F1').map((f) => f.location)).toEqual([
      'title',
      'narrative.overview[0].heading',
      'narrative.problems',
    ]);
    const problems = findings.find((f) => f.location === 'narrative.problems')!.actual.split(' ');
    for (const codePoint of ['U+20000', 'U+0926', 'U+0E20', 'U+1F600', 'U+03AC']) expect(problems).toContain(codePoint);
  });

  it('render embeds only the report fonts: code in the text font, missing characters in the last resort', async () => {
    const out = join(dir, 'out');
    const result = await nianbao('render', hostileReport(), '--out', out);
    expect(result.code, result.stderr).toBe(0);
    const fonts = embeddedFonts(join(out, 'report.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const name of fonts) expect(name).toMatch(/^Noto(Serif|Sans)SC-(Regular|Bold)$/);
    expect(
      execFileSync('pdftotext', [join(out, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
    ).toContain('中文代码code');
  }, 60_000);
});
