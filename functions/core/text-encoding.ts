// The text of an uploaded file: report documents are UTF-8 only; statistics CSV may also be GBK/GB18030, as Notepad
// and Excel on Chinese Windows save it. Anything else is refused naming what it looks like, never read as mojibake.
import iconv from 'iconv-lite';
import { fail, ok, type Result } from './result';

export type TextEncodingName = 'UTF-8' | 'GB18030';

const byteOrderMarks: readonly [name: string, mark: readonly number[]][] = [
  ['UTF-32 LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16 LE', [0xff, 0xfe]],
  ['UTF-16 BE', [0xfe, 0xff]],
];
const utf8Bom = [0xef, 0xbb, 0xbf];
const startsWith = (bytes: Uint8Array, mark: readonly number[]) => mark.every((byte, i) => bytes[i] === byte);

function utf8(bytes: Uint8Array, stream = false): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream });
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a mark: JSON's and CSV's punctuation and keys are ASCII, so in UTF-16 the byte beside each of them
 * is NUL, always on the same side. A stray NUL or two in UTF-8 is left to the parser, which names its line.
 */
function utf16ByNuls(bytes: Uint8Array): string | undefined {
  let even = 0;
  let odd = 0;
  bytes.forEach((byte, i) => {
    if (byte === 0 && i % 2 === 0) even++;
    else if (byte === 0) odd++;
  });
  if (even + odd < 8 || Math.min(even, odd) > (even + odd) / 10) return undefined;
  return odd > even ? 'UTF-16 LE' : 'UTF-16 BE';
}

/** Where UTF-8 decoding first fails: the longest valid prefix, by bisection (fatal decoding does not say where). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (utf8(bytes.subarray(0, mid), true) !== undefined) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Decodes a file's bytes (a UTF-8 byte order mark is dropped), or says in one line why it is not text we accept. */
export function decodeText(
  bytes: Uint8Array,
  accept: readonly TextEncodingName[] = ['UTF-8'],
): Result<{ readonly text: string; readonly encoding: TextEncodingName }, string> {
  const names = accept.join(' or ');
  const saveAs =
    accept.length === 1 ? `save it as ${names} (另存为 ${names} 编码) and try again` : `save it as ${names}`;
  const refuse = (why: string) => fail(`not ${names}: ${why}; ${saveAs}`);
  for (const [name, mark] of byteOrderMarks) {
    if (startsWith(bytes, mark)) return refuse(`encoded as ${name} (by its byte order mark)`);
  }
  const hasBom = startsWith(bytes, utf8Bom);
  const body = hasBom ? bytes.subarray(utf8Bom.length) : bytes;
  const utf16 = utf16ByNuls(body);
  if (utf16) return refuse(`looks like ${utf16} (a NUL byte beside each ASCII character)`);
  const text = utf8(body);
  if (text !== undefined) return ok({ text, encoding: 'UTF-8' });
  // GBK is a subset of GB18030; a byte sequence GB18030 does not know decodes to U+FFFD.
  const chinese = hasBom ? undefined : iconv.decode(Buffer.from(body), 'gb18030');
  if (chinese !== undefined && !chinese.includes('\ufffd')) {
    if (accept.includes('GB18030')) return ok({ text: chinese, encoding: 'GB18030' });
    return refuse('looks like GBK/GB18030 (as Notepad or Excel on Chinese Windows save it)');
  }
  const offset = firstInvalidUtf8(body);
  const line = body.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
  const byte = `0x${(body[offset] ?? 0).toString(16)}`;
  return refuse(
    `line ${line} holds bytes that are not valid UTF-8 (byte ${byte} at offset ${offset + bytes.length - body.length})`,
  );
}
