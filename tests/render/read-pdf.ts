// Reads a PDF the way the acceptance checks need it, with pdf.js only (nothing installed by hand).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfFacts {
  /** Text of each page, whitespace removed (pdf.js splits CJK runs arbitrarily). */
  readonly pages: readonly string[];
  /** Every text item that is a number, in reading order across pages. */
  readonly numbers: readonly string[];
  readonly outline: readonly string[];
  readonly marked: boolean;
  readonly info: Record<string, unknown>;
  /** From the raw bytes: every /BaseFont name and whether any font is Type 3. */
  readonly baseFonts: readonly string[];
  readonly type3: boolean;
  readonly raw: string;
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

const flatten = (nodes: readonly OutlineNode[] | null): string[] =>
  (nodes ?? []).flatMap((n) => [n.title, ...flatten(n.items)]);

export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const raw = new TextDecoder('latin1').decode(bytes);
  const pdf = await getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    const numbers: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) => ('str' in item ? [item.str] : []));
      pages.push(items.join('').replace(/\s+/g, ''));
      for (const item of items)
        for (const token of item.trim().split(/\s+/)) if (/^-?\d+(\.\d+)?$/.test(token)) numbers.push(token);
    }
    const markInfo = (await pdf.getMarkInfo()) as { Marked?: boolean } | null;
    const { info } = await pdf.getMetadata();
    return {
      pages,
      numbers,
      outline: flatten(await pdf.getOutline()),
      marked: markInfo?.Marked === true,
      info: info as Record<string, unknown>,
      baseFonts: [...raw.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1]!),
      type3: /\/Subtype\s*\/Type3/.test(raw),
      raw,
    };
  } finally {
    await pdf.destroy();
  }
}

/** Whether `needles` occur in `haystack` in order (not necessarily adjacent). */
export function isSubsequence(
  needles: readonly string[],
  haystack: readonly string[],
): { ok: boolean; missingAt: number } {
  let k = 0;
  for (const item of haystack) if (k < needles.length && item === needles[k]) k++;
  return { ok: k === needles.length, missingAt: k };
}
