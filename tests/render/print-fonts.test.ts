// Per-report print fonts: small subsets of the full faces, reused for the same text, bounded on disk.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distinctCharacters } from '../../functions/render/distinct-characters';
import { createPrintFonts } from '../../functions/render/print-fonts';
import { processTempFolder } from '../../functions/render/process-temp-folder';

const fontPaths = (css: string) => [...css.matchAll(/url\((file:[^)]+)\)/g)].map((m) => fileURLToPath(m[1]!));

describe('print fonts', () => {
  it('declares the three faces the report uses and the last-resort face, each a small file in its folder', async () => {
    const fonts = createPrintFonts(processTempFolder('nianbao-fonts-test-'));
    const css = await fonts.faces(distinctCharacters('政府信息公开工作年度报告 第1页 共6页'));
    expect(css.match(/@font-face/g)).toHaveLength(4);
    expect(css).toContain("font-family:'Noto Serif SC';font-style:normal;font-weight:400");
    expect(css).toContain("font-family:'Noto Sans SC';font-style:normal;font-weight:700");
    expect(css).toContain("font-family:'Nianbao Missing Glyph';font-style:normal;font-weight:100 900");
    for (const path of fontPaths(css)) {
      expect(path.startsWith(fonts.directory)).toBe(true);
      // A full Noto SC face is ~14 MB; a few characters make a subset of some KB.
      expect(statSync(path).size).toBeLessThan(200_000);
    }
  });

  it('reuses subsets for the same characters and keeps only the newest on disk', async () => {
    const directory = processTempFolder('nianbao-fonts-test-');
    const fonts = createPrintFonts(directory, 3);
    const first = await fonts.faces(distinctCharacters('甲乙'));
    expect(await fonts.faces(distinctCharacters('乙甲'))).toBe(first);
    await fonts.faces(distinctCharacters('丙丁'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The last-resort face is one file for every report, never evicted.
    const kept = fontPaths(first).filter((path) => existsSync(path));
    expect(kept.map((path) => basename(path))).toEqual(['missing-glyph.ttf']);
    expect(readdirSync(directory)).toHaveLength(4);
  });
});
