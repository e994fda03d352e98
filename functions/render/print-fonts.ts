// Fonts for printing: per report, one small TrueType subset per face holding just the characters the page uses.
// Loading the ~40 unicode-range woff2 files that cover a report cost a new page ≈ 200 ms (most of a print);
// three subsets of a few hundred KB load in ≈ 50 ms. The public page keeps the woff2 subsets (font-faces.ts),
// which browsers cache across reports. Subsetting is HarfBuzz's (font-subsetter.ts, ≈ 2–3 ms a face).
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fontSubsetter } from './font-subsetter';
import { missingGlyphFace, missingGlyphFont } from './missing-glyph-font';
import { processTempFolder } from './process-temp-folder';

const require = createRequire(import.meta.url);

/** The faces the report uses (see report.css): Noto Serif SC for text (宋体-like), Noto Sans SC bold for headings (黑体-like). */
export const printFaces = [
  {
    family: 'Noto Serif SC',
    weight: 400,
    file: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  },
  { family: 'Noto Serif SC', weight: 700, file: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf' },
  { family: 'Noto Sans SC', weight: 700, file: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf' },
] as const;

export interface PrintFonts {
  /** Where the subsets are written: the one folder a print page may read fonts from. */
  readonly directory: string;
  /** @font-face rules for the faces, subset to `characters` (a page's, CSS included; see distinctCharacters). */
  faces(characters: readonly string[]): Promise<string>;
}

/** Subset files kept on disk: 3 faces × 32 reports, ≈ 20 MB. */
const keptSubsets = 96;

let instance: PrintFonts | undefined;

export function printFonts(): PrintFonts {
  instance ??= createPrintFonts(processTempFolder('nianbao-fonts-'));
  return instance;
}

export function createPrintFonts(directory: string, kept = keptSubsets): PrintFonts {
  // The same characters give the same subset: a batch of similar reports, or a retry, subsets once.
  const made = new Map<string, Promise<string>>();
  // A batch must not fill the disk (Lambda's /tmp is 512 MB): keep the newest subsets only, long enough for
  // every page still printing to have loaded its fonts.
  const forgetOldest = () => {
    while (made.size > kept) {
      const [oldest, path] = made.entries().next().value!;
      made.delete(oldest);
      // unlink, not rm: rm looks first (lstat) and costs ≈ 3× the CPU per file.
      path
        .then(
          (file) => unlink(file),
          () => undefined,
        )
        .catch(() => undefined);
    }
  };
  const subset = (face: (typeof printFaces)[number], characters: string): Promise<string> => {
    const key = createHash('sha256').update(`${face.file}\n${characters}`).digest('hex').slice(0, 32);
    let path = made.get(key);
    if (!path) {
      const target = join(directory, `${face.family.replace(/ /g, '')}-${face.weight}-${key}.ttf`);
      path = existsSync(target)
        ? Promise.resolve(target)
        : fontSubsetter(require.resolve(face.file)).then(({ subset }) => {
            return writeWhole(target, subset(characters));
          });
      made.set(key, path);
      path.catch(() => made.delete(key));
      forgetOldest();
    }
    return path;
  };
  // The last-resort face is the same for every report: written once.
  let lastResort: Promise<string> | undefined;
  const missingGlyph = () => {
    lastResort ??= missingGlyphFont().then((bytes) => writeWhole(join(directory, 'missing-glyph.ttf'), bytes));
    lastResort.catch(() => (lastResort = undefined));
    return lastResort;
  };
  const rule = (family: string, weight: number | string, path: string) =>
    `@font-face{font-family:'${family}';font-style:normal;font-weight:${weight};font-display:block;` +
    `src:url(${pathToFileURL(path).href}) format('truetype');}`;
  return {
    directory,
    async faces(characters) {
      const text = characters.join('');
      const subsets = printFaces.map((face) => subset(face, text));
      const [lastResort, ...paths] = await Promise.all([missingGlyph(), ...subsets]);
      const rules = printFaces.map((face, i) => rule(face.family, face.weight, paths[i]!));
      return [...rules, rule(missingGlyphFace, '100 900', lastResort)].join('\n');
    },
  };
}

/** Written whole, then renamed: a page never sees half a font. */
function writeWhole(target: string, bytes: Uint8Array): string {
  writeFileSync(`${target}.part`, bytes);
  renameSync(`${target}.part`, target);
  return target;
}
