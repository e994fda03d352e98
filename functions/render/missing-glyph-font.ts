// The print's last-resort face: the report font's own □ for every code point. Chromium draws a character that no
// listed font has with some system font, which then gets embedded in the PDF (DejaVu on a laptop, nothing at all
// on Lambda); after this face in the font list, such a character prints as a box in the report's font, the same
// on every machine. Validation warns about those characters (rule F1), so the box is never a surprise.
import { createRequire } from 'node:module';
import { fontSubsetter } from './font-subsetter';

const require = createRequire(import.meta.url);

/** Its CSS family name: last in every font list of report.css, before the generic family. */
export const missingGlyphFace = 'Nianbao Missing Glyph';

/** The face whose □ is used: the report's text face. */
const boxFontFile = '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
const box = '\u25A1';
/** Every code point but the surrogates (a cmap must not map them). */
const ranges: readonly (readonly [number, number])[] = [
  [0x0000, 0xd7ff],
  [0xe000, 0x10ffff],
];

export class MissingGlyphFontError extends Error {
  override name = 'MissingGlyphFontError';
}

let made: Promise<Uint8Array> | undefined;

/** The font (TrueType bytes), made once per process from the report's regular face (≈ 1 KB). */
export function missingGlyphFont(): Promise<Uint8Array> {
  made ??= fontSubsetter(require.resolve(boxFontFile)).then(({ subset }) => withBoxForEveryCodePoint(subset(box)));
  made.catch(() => (made = undefined));
  return made;
}

/** A cmap whose one format 13 subtable (many-to-one ranges, made for last-resort fonts) maps `ranges` to `glyph`. */
function manyToOneCmap(glyph: number): Uint8Array {
  const subtableLength = 16 + 12 * ranges.length;
  const bytes = new Uint8Array(12 + subtableLength);
  const view = new DataView(bytes.buffer);
  view.setUint16(2, 1); // one encoding record: Windows (3), full Unicode (10), at offset 12
  view.setUint16(4, 3);
  view.setUint16(6, 10);
  view.setUint32(8, 12);
  view.setUint16(12, 13);
  view.setUint32(16, subtableLength);
  view.setUint32(24, ranges.length);
  ranges.forEach(([first, last], i) => {
    view.setUint32(28 + 12 * i, first);
    view.setUint32(32 + 12 * i, last);
    view.setUint32(36 + 12 * i, glyph);
  });
  return bytes;
}

/** The font with its cmap replaced: a subset to □ alone has .notdef as glyph 0 and □ as glyph 1. */
function withBoxForEveryCodePoint(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    tables.set(tag, font.slice(offset, offset + view.getUint32(record + 12)));
  }
  const maxp = tables.get('maxp');
  if (!maxp || new DataView(maxp.buffer).getUint16(4) !== 2)
    throw new MissingGlyphFontError(`${boxFontFile}: subsetting to ${box} did not give two glyphs`);
  tables.set('cmap', manyToOneCmap(1));
  return sfnt(view.getUint32(0), tables);
}

/** Sum of big-endian 32-bit words, the data padded with zeros (OpenType's table checksum). */
function checksum(data: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(data.length / 4) * 4);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** An OpenType font file from its tables, in tag order, 4-byte aligned, with checksums and head's adjustment. */
function sfnt(version: number, tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + 16 * tags.length;
  const length = tags.reduce((total, tag) => total + Math.ceil(tables.get(tag)!.length / 4) * 4, headerLength);
  const font = new Uint8Array(length);
  const view = new DataView(font.buffer);
  const entrySelector = Math.floor(Math.log2(tags.length));
  view.setUint32(0, version);
  view.setUint16(4, tags.length);
  view.setUint16(6, 16 * 2 ** entrySelector);
  view.setUint16(8, entrySelector);
  view.setUint16(10, 16 * tags.length - 16 * 2 ** entrySelector);
  let offset = headerLength;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    if (tag === 'head') {
      headOffset = offset;
      new DataView(data.buffer, data.byteOffset).setUint32(8, 0); // checkSumAdjustment, set below
    }
    const record = 12 + 16 * i;
    for (let k = 0; k < 4; k++) font[record + k] = tag.charCodeAt(k);
    view.setUint32(record + 4, checksum(data));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    font.set(data, offset);
    offset += Math.ceil(data.length / 4) * 4;
  });
  if (headOffset < 0) throw new MissingGlyphFontError(`${boxFontFile}: the subset has no head table`);
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(font)) >>> 0);
  return font;
}
