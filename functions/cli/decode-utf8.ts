// Report documents are UTF-8 only. Anything else is refused naming the encoding it looks like, never read as
// replacement characters: Notepad and Excel on Chinese Windows save GBK, some editors UTF-16.
import iconv from 'iconv-lite';
import { fail, ok, type Result } from '../core/result';

const byteOrderMarks: readonly [name: string, mark: readonly number[]][] = [
  ['UTF-32 LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16 LE', [0xff, 0xfe]],
  ['UTF-16 BE', [0xfe, 0xff]],
];
const utf8Bom = [0xef, 0xbb, 0xbf];
const startsWith = (bytes: Uint8Array, mark: readonly number[]) => mark.every((byte, i) => bytes[i] === byte);

/**
 * UTF-16 without a mark: JSON's braces, quotes and keys are ASCII, so in UTF-16 the byte beside each of them is NUL,
 * always on the same side. A stray NUL or two in UTF-8 is left to the JSON parser, which names its line and column.
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

const saveAsUtf8 = 'save it as UTF-8 (另存为 UTF-8 编码) and try again';

/** The text of a report document (a UTF-8 byte order mark is dropped), or one line saying why it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Result<string, string> {
  for (const [name, mark] of byteOrderMarks) {
    if (startsWith(bytes, mark)) return fail(`not UTF-8: encoded as ${name} (by its byte order mark); ${saveAsUtf8}`);
  }
  const body = startsWith(bytes, utf8Bom) ? bytes.subarray(utf8Bom.length) : bytes;
  const utf16 = utf16ByNuls(body);
  if (utf16) return fail(`not UTF-8: looks like ${utf16} (a NUL byte beside each ASCII character); ${saveAsUtf8}`);
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body));
  } catch {
    // GBK is a subset of GB18030; a byte sequence GB18030 does not know decodes to U+FFFD.
    if (!iconv.decode(Buffer.from(body), 'gb18030').includes('\ufffd')) {
      return fail(`not UTF-8: looks like GBK/GB18030 (as Notepad or Excel on Chinese Windows save it); ${saveAsUtf8}`);
    }
    const lossy = new TextDecoder('utf-8').decode(body);
    const line = lossy.slice(0, lossy.indexOf('\ufffd')).split('\n').length;
    return fail(`not UTF-8: line ${line} holds bytes that are not valid UTF-8; ${saveAsUtf8}`);
  }
}
