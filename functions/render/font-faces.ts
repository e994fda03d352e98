// Self-hosted fonts: @font-face rules generated from the @fontsource packages' own CSS, so every
// unicode-range subset of each weight we use is declared (a missing subset falls back to a system font,
// and on Lambda there is none). Only woff2 is kept: Chromium reads it, and it is the smallest.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The faces the report uses: Noto Serif SC for text (宋体-like), Noto Sans SC bold for section headings (黑体-like). */
export const webFontFaces = [
  { pkg: '@fontsource/noto-serif-sc', weights: [400, 700] },
  { pkg: '@fontsource/noto-sans-sc', weights: [700] },
] as const;

export interface FontFiles {
  /** Directories holding the woff2 files; the only file:// paths a print page may read. */
  readonly directories: readonly string[];
  /**
   * @font-face rules whose src URLs are `${baseUrl(directory)}${file}`. With `characters`, only the subsets that
   * cover one of them: CJK fonts come in ~100 subsets per weight and a report needs a third.
   */
  css(baseUrl?: (directory: string) => string, characters?: readonly string[]): string;
  /** The woff2 files (absolute paths) that css(…, characters) refers to. */
  files(characters?: readonly string[]): string[];
}

interface FaceRule {
  readonly directory: string;
  readonly file: string;
  /** The rule with its src as `url(${BASE}${file})`. */
  readonly css: string;
}

const base = '\u0000BASE\u0000';
const rulePattern = /@font-face\s*\{[^}]*\}/g;
const srcPattern = /src:\s*url\(\.\/files\/([^)]+?\.woff2)\)\s*format\('woff2'\)[^;]*;/;

let cached: { directories: string[]; rules: FaceRule[]; byCodePoint: Map<number, number[]> } | undefined;

function load() {
  if (cached) return cached;
  const rules: FaceRule[] = [];
  const directories: string[] = [];
  const byCodePoint = new Map<number, number[]>();
  for (const { pkg, weights } of webFontFaces) {
    for (const weight of weights) {
      const cssPath = require.resolve(`${pkg}/${weight}.css`);
      const directory = join(dirname(cssPath), 'files');
      if (!directories.includes(directory)) directories.push(directory);
      for (const [rule] of readFileSync(cssPath, 'utf8').matchAll(rulePattern)) {
        const file = srcPattern.exec(rule)?.[1];
        if (!file) continue;
        const index = rules.length;
        rules.push({
          directory,
          file,
          css: rule
            .replace(srcPattern, `src:url(${base}${file}) format('woff2');`)
            .replace(/font-display:\s*swap;/, 'font-display:block;')
            .replace(/\s*\n\s*/g, ''),
        });
        // Index every code point the subset covers, so choosing subsets for a page is a lookup per character.
        const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1] ?? '';
        for (const part of range.split(',')) {
          const [from, to] = part
            .trim()
            .replace(/^U\+/i, '')
            .split('-')
            .map((h) => parseInt(h, 16));
          if (from === undefined || Number.isNaN(from)) continue;
          for (let cp = from; cp <= (to ?? from); cp++) {
            const list = byCodePoint.get(cp);
            if (list) list.push(index);
            else byCodePoint.set(cp, [index]);
          }
        }
      }
    }
  }
  cached = { directories, rules, byCodePoint };
  return cached;
}

function rulesFor(characters: readonly string[] | undefined): FaceRule[] {
  const { rules, byCodePoint } = load();
  if (characters === undefined) return rules;
  const used = new Set<number>();
  for (const character of characters)
    for (const index of byCodePoint.get(character.codePointAt(0)!) ?? []) used.add(index);
  return rules.filter((_rule, index) => used.has(index));
}

/** By default fonts load from their files on this machine (file:// URLs): what the PDF printer serves. */
const fileBase = (directory: string): string => `${pathToFileURL(directory).href}/`;

export function fontFiles(): FontFiles {
  const { directories } = load();
  return {
    directories,
    css: (baseUrl = fileBase, characters) =>
      rulesFor(characters)
        .map((rule) => rule.css.replace(base, baseUrl(rule.directory)))
        .join('\n'),
    files: (characters) => rulesFor(characters).map((rule) => join(rule.directory, rule.file)),
  };
}
