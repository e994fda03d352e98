// Report documents are UTF-8 JSON within the size limit; anything else is refused in one line naming what it is.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../functions/cli/exit-codes';
import { readJsonFile } from '../../functions/cli/read-json-file';
import { reportLimits } from '../../functions/core/report/limits';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-read-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const document = { title: '吕梁市离石区人民政府2023年政府信息公开工作年度报告', $comment: ['說明'] };
const json = JSON.stringify(document, null, 2);

async function read(name: string, bytes: Uint8Array | string) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return readJsonFile(path);
}

async function refusal(name: string, bytes: Uint8Array | string) {
  const result = await read(name, bytes);
  if (result.ok) throw new Error(`${name} was read`);
  expect(result.error.message).not.toContain('\n');
  expect(result.error.message.startsWith(join(dir, name))).toBe(true);
  return result.error;
}

const utf16 = (text: string, endian: 'le' | 'be', bom: boolean) => {
  const le = Buffer.from(text, 'utf16le');
  const bytes = endian === 'le' ? le : Buffer.from(le).swap16();
  return bom ? Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes;
};

describe('readJsonFile', () => {
  it('reads UTF-8, with or without a byte order mark', async () => {
    expect(await read('plain.json', json)).toEqual({ ok: true, value: document });
    expect(await read('bom.json', `\uFEFF${json}`)).toEqual({ ok: true, value: document });
  });

  it('refuses GBK and GB18030, naming them, instead of reading replacement characters', async () => {
    for (const encoding of ['gbk', 'gb18030']) {
      const error = await refusal(`${encoding}.json`, iconv.encode(json, encoding));
      expect(error).toEqual({
        message: expect.stringContaining('looks like GBK/GB18030'),
        exitCode: exitCodes.unreadable,
      });
      expect(error.message).toContain('save it as UTF-8');
    }
  });

  it('refuses UTF-16 and UTF-32, by byte order mark or by the NUL bytes between ASCII characters', async () => {
    expect((await refusal('le-bom.json', utf16(json, 'le', true))).message).toContain(
      'encoded as UTF-16 LE (by its byte order mark)',
    );
    expect((await refusal('be-bom.json', utf16(json, 'be', true))).message).toContain(
      'encoded as UTF-16 BE (by its byte order mark)',
    );
    expect((await refusal('le.json', utf16(json, 'le', false))).message).toContain('looks like UTF-16 LE');
    expect((await refusal('be.json', utf16(json, 'be', false))).message).toContain('looks like UTF-16 BE');
    const utf32 = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('{}\0\0\0\0')]);
    expect((await refusal('utf32.json', utf32)).message).toContain('UTF-32 LE');
  });

  it('leaves a stray NUL byte in UTF-8 to the JSON parser, which names its line and column', async () => {
    const error = await refusal('nul.json', '{\n  "title": "a\u0000b"\n}');
    expect(error.message).toMatch(/nul\.json:2:\d+: not valid JSON/);
  });

  it('names the line of bytes that are UTF-8 in no known encoding', async () => {
    const bytes = Buffer.concat([Buffer.from('{\n"a": "é\n'), Buffer.from([0x22, 0xff, 0x80, 0x22]), Buffer.from('}')]);
    const error = await refusal('latin.json', bytes);
    expect(error.message).toContain('not UTF-8: line 3');
    expect(error.exitCode).toBe(exitCodes.unreadable);
  });

  it('refuses a document over the size limit before parsing it, with the limit and exit code 1', async () => {
    const path = join(dir, 'large.json');
    writeFileSync(path, `"${'x'.repeat(reportLimits.documentBytes)}"`);
    const result = await readJsonFile(path);
    const limit = reportLimits.documentBytes;
    expect(result).toEqual({
      ok: false,
      error: {
        message: `${path}: the document is ${limit + 2} bytes, more than the limit of ${limit}`,
        exitCode: exitCodes.invalid,
      },
    });
    expect((await read('just-fits.json', `"${'x'.repeat(reportLimits.documentBytes - 2)}"`)).ok).toBe(true);
  });

  it('still gives a line and column for bad JSON and says when there is no file', async () => {
    expect((await refusal('bad.json', '{\n  "a": 1,\n}')).message).toMatch(/bad\.json:3:1: not valid JSON/);
    const missing = await readJsonFile(join(dir, 'missing.json'));
    expect(missing.ok || missing.error).toEqual({
      message: expect.stringContaining('no such file'),
      exitCode: exitCodes.unreadable,
    });
  });
});
