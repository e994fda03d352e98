// Self-hosted fonts: @font-face rules generated from the @fontsource packages' own CSS, so every
// unicode-range subset of each weight we use is declared (a missing subset falls back to a system font,
// and on Lambda there is none). Only woff2 is kept: Chromium reads it, and it is the smallest.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The faces the report uses: Noto Serif SC for text (宋体-like), Noto Sans SC bold for section headings (黑体-like). */
const faces = [
  { pkg: '@fontsource/noto-serif-sc', weights: [400, 700] },
  { pkg: '@fontsource/noto-sans-sc', weights: [700] },
] as const;

export interface FontFiles {
  /** Directories holding the woff2 files; the only file:// paths a print page may read. */
  readonly directories: readonly string[];
  /** @font-face rules whose src URLs are `${baseUrl(directory)}${file}`. */
  css(baseUrl?: (directory: string) => string): string;
}

const srcPattern = /src:\s*url\(\.\/files\/([^)]+?\.woff2)\)\s*format\('woff2'\)[^;]*;/g;

let cached: { directories: string[]; rules: { directory: string; css: string }[] } | undefined;

function load() {
  if (cached) return cached;
  const rules: { directory: string; css: string }[] = [];
  const directories: string[] = [];
  for (const { pkg, weights } of faces) {
    for (const weight of weights) {
      const cssPath = require.resolve(`${pkg}/${weight}.css`);
      const directory = join(dirname(cssPath), 'files');
      if (!directories.includes(directory)) directories.push(directory);
      rules.push({ directory, css: readFileSync(cssPath, 'utf8') });
    }
  }
  cached = { directories, rules };
  return cached;
}

/** By default fonts load from their files on this machine (file:// URLs): what the PDF printer serves. */
const fileBase = (directory: string): string => `${pathToFileURL(directory).href}/`;

export function fontFiles(): FontFiles {
  const { directories, rules } = load();
  return {
    directories,
    css: (baseUrl = fileBase) =>
      rules
        .map(({ directory, css }) =>
          css
            .replace(/\/\*[^*]*\*\//g, '')
            .replace(/font-display:\s*swap;/g, 'font-display: block;')
            .replace(srcPattern, (_m, file: string) => `src: url(${baseUrl(directory)}${file}) format('woff2');`),
        )
        .join('')
        .replace(/\n\s*\n/g, '\n'),
  };
}
