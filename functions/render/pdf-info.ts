// Chromium writes only Title (and /Lang from <html lang>) into a PDF; Author, Subject and Keywords are added
// here by an incremental update: a new document-information object appended after the original bytes,
// so the tagged structure, outline and fonts Chromium wrote stay byte for byte as they were.
import type { DocumentMetadata } from './report-metadata';

const latin1 = new TextDecoder('latin1');

/** A PDF text string in UTF-16BE with BOM, as hex: safe for any Chinese text. */
function pdfText(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

export function withDocumentInfo(pdf: Uint8Array, meta: Omit<DocumentMetadata, 'language'>): Uint8Array {
  // Only the ends are read: Chromium writes the information object first and the trailer last.
  const tailText = latin1.decode(pdf.subarray(Math.max(0, pdf.length - 2048)));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tailText);
  const trailerAt = tailText.lastIndexOf('trailer');
  if (!startxref || trailerAt === -1) return pdf;
  const trailer = tailText.slice(trailerAt, startxref.index);
  const size = /\/Size (\d+)/.exec(trailer)?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  const info = /\/Info (\d+) (\d+) R/.exec(trailer);
  if (!size || !root) return pdf;
  // Keep what Chromium wrote (Creator, Producer, dates) unless we set it.
  const infoNumber = info ? Number(info[1]) : Number(size);
  const head = latin1.decode(pdf.subarray(0, Math.min(pdf.length, 4096)));
  const old = info
    ? (new RegExp(`(?:^|\\s)${infoNumber} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(head)?.[1] ?? '')
    : '';
  const kept = [...old.matchAll(/\/(Creator|Producer|CreationDate|ModDate) (\([^)]*\)|<[^>]*>)/g)].map(
    (m) => `/${m[1]} ${m[2]}`,
  );
  const dict = [
    `/Title ${pdfText(meta.title)}`,
    `/Author ${pdfText(meta.author)}`,
    `/Subject ${pdfText(meta.subject)}`,
    `/Keywords ${pdfText(meta.keywords.join(', '))}`,
    ...kept,
  ].join('\n');
  const newSize = Math.max(Number(size), infoNumber + 1);
  const object = `\n${infoNumber} 0 obj\n<<${dict}>>\nendobj\n`;
  const objectOffset = pdf.length + 1;
  const xrefOffset = pdf.length + object.length;
  const tail =
    `${object}xref\n${infoNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${newSize}\n/Root ${root}\n/Info ${infoNumber} 0 R\n/Prev ${startxref[1]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + tail.length);
  out.set(pdf);
  // The appended text is ASCII only (hex strings), so one byte per character.
  for (let i = 0; i < tail.length; i++) out[pdf.length + i] = tail.charCodeAt(i);
  return out;
}
