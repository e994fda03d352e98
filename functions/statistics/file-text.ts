// The text of an uploaded statistics file. UTF-8 (with or without a BOM) always; for CSV also GBK/GB18030, which is
// what Excel on Chinese Windows saves. Anything else is refused naming what it looks like, never read as mojibake.
import iconv from 'iconv-lite';
import { fail, ok, type Result } from '../core/result';

export type TextEncodingName = 'UTF-8' | 'GB18030';

const byteOrderMarks: readonly [string, readonly number[]][] = [
  ['UTF-32LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16LE', [0xff, 0xfe]],
  ['UTF-16BE', [0xfe, 0xff]],
];

const utf8Bom = [0xef, 0xbb, 0xbf];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

function utf8(bytes: Uint8Array, stream = false): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream });
  } catch {
    return undefined;
  }
}

/** Decodes a file's bytes, or says in one line why it is not text this reader accepts. */
export function decodeFileText(
  bytes: Uint8Array,
  accept: readonly TextEncodingName[],
): Result<{ readonly text: string; readonly encoding: TextEncodingName }, string> {
  const allowed = accept.join(' or ');
  for (const [name, mark] of byteOrderMarks) {
    if (startsWith(bytes, mark)) return fail(`encoded as ${name} (by its byte order mark); save it as ${allowed}`);
  }
  const hasBom = startsWith(bytes, utf8Bom);
  const text = utf8(hasBom ? bytes.subarray(utf8Bom.length) : bytes);
  if (text !== undefined && !text.includes('\u0000')) return ok({ text, encoding: 'UTF-8' });
  if (bytes.includes(0))
    return fail(`holds NUL bytes: UTF-16 without a byte order mark, or not text; save it as ${allowed}`);
  if (!hasBom && accept.includes('GB18030')) {
    // GBK is a subset of GB18030; a byte sequence neither knows decodes to U+FFFD.
    const chinese = iconv.decode(Buffer.from(bytes), 'gb18030');
    if (!chinese.includes('\ufffd')) return ok({ text: chinese, encoding: 'GB18030' });
  }
  const offset = firstInvalidUtf8(bytes);
  return fail(`not ${allowed} (byte 0x${(bytes[offset] ?? 0).toString(16)} at offset ${offset} is not valid UTF-8)`);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection (streaming, so a character cut in two is not an error): decoding is
  // fatal on the first bad byte but does not say where.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const prefix = utf8(bytes.subarray(0, mid), true);
    if (prefix !== undefined) low = mid;
    else high = mid - 1;
  }
  return low;
}
