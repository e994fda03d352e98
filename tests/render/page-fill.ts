// How full each printed page is, read with pdf.js: the lowest line of text inside the page's content box
// (the @page margins of report.css), as a share of the box's height. Text in the margins (page numbers, 草稿)
// does not count. A table's bottom rule lies a few points below its last text: close enough for "half empty".
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The @page margins of templates/report.css, in PDF points (1 mm = 72 / 25.4 pt). */
const mm = 72 / 25.4;
const marginTop = 30 * mm;
const marginBottom = 28 * mm;

export interface PageFill {
  /** 0 (no text) … 1 (text down to the bottom margin). */
  readonly fill: number;
  /** The page's text, whitespace removed. */
  readonly text: string;
  /** The lowest line inside the content box, whitespace removed. */
  readonly lastLine: string;
  /** The text of each printed line (items on one baseline, left to right), whitespace removed. */
  readonly lines: readonly string[];
}

type Item = { str: string; transform: number[] };

function lines(items: readonly Item[]): string[] {
  const byBaseline = new Map<number, Item[]>();
  for (const item of items) {
    const y = Math.round(item.transform[5]!);
    byBaseline.set(y, [...(byBaseline.get(y) ?? []), item]);
  }
  return [...byBaseline.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, row]) =>
      row
        .sort((a, b) => a.transform[4]! - b.transform[4]!)
        .map((i) => i.str)
        .join(''),
    )
    .map((line) => line.replace(/\s+/g, ''));
}

export async function pageFills(bytes: Uint8Array): Promise<PageFill[]> {
  const options = { isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 };
  const pdf = await getDocument({ data: bytes.slice(), ...options }).promise;
  try {
    const fills: PageFill[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const [, , , top] = page.view as [number, number, number, number];
      const boxTop = top - marginTop;
      const boxHeight = top - marginTop - marginBottom;
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [item] : []));
      // transform[5] is the baseline's y from the bottom of the page.
      const inBox = items.filter((item) => item.transform[5] > marginBottom && item.transform[5] < top - marginTop);
      const lowest = Math.min(...inBox.map((item) => item.transform[5] as number));
      fills.push({
        fill: inBox.length === 0 ? 0 : (boxTop - lowest) / boxHeight,
        text: items
          .map((item) => item.str)
          .join('')
          .replace(/\s+/g, ''),
        lines: lines(items),
        lastLine: lines(inBox).at(-1) ?? '',
      });
    }
    return fills;
  } finally {
    await pdf.destroy();
  }
}
