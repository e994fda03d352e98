// What the report's text fonts can draw, read from the font files the print uses (HarfBuzz's cmap reading): the
// input of validation rule F1, which the pure core cannot compute itself.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { GlyphCoverage } from '../core/rules/glyph-coverage';
import { printFaces } from './print-fonts';

const require = createRequire(import.meta.url);

/** Text is set in these; the sans face is for the format's own section headings only. */
const textFamily = 'Noto Serif SC';

let coverage: Promise<GlyphCoverage> | undefined;

/** The code points every text face has (regular and bold), read once per process (≈ 0.1 s). */
export function reportGlyphCoverage(): Promise<GlyphCoverage> {
  coverage ??= readCoverage();
  coverage.catch(() => (coverage = undefined));
  return coverage;
}

async function readCoverage(): Promise<GlyphCoverage> {
  // Loaded on first use: validation without it (and every other command) never starts the WebAssembly module.
  const { Blob, Face } = await import('harfbuzzjs');
  const files = printFaces.filter((face) => face.family === textFamily).map((face) => require.resolve(face.file));
  const sets = await Promise.all(
    files.map(async (file) => new Set(new Face(new Blob(await readFile(file))).collectUnicodes())),
  );
  const [first, ...others] = sets;
  const common = new Set([...first!].filter((codePoint) => others.every((set) => set.has(codePoint))));
  return { has: (codePoint) => common.has(codePoint) };
}
