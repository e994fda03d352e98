// The CLI facing hostile and malformed report documents: a clear line and exit 1 or 2, never a crash or a hang.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { reportLimits } from '../../functions/core/report/limits';
import { fixtureJson } from '../core/report-builders';
import { hostileJson, sampleWithHostileText } from '../support/hostile-documents';
import { nianbao } from '../support/run-nianbao';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let written = 0;
function write(content: string | Uint8Array | object): string {
  const path = join(dir, `doc-${++written}.json`);
  writeFileSync(path, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
  return path;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:/);

describe('nianbao validate, given hostile documents', () => {
  it('refuses a GBK file in one line naming the encoding, exit 2 (it used to pass, read as U+FFFD)', async () => {
    const { code, stdout, stderr } = await nianbao(
      'validate',
      write(iconv.encode(JSON.stringify(fixtureJson()), 'gbk')),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('not UTF-8: looks like GBK/GB18030')]);
  });

  it('refuses UTF-16 saying so, exit 2', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(fixtureJson()), 'utf16le')]);
    const { code, stderr } = await nianbao('validate', write(utf16));
    expect(code).toBe(2);
    expect(stderr).toContain('encoded as UTF-16 LE');
  });

  it('refuses a document over the size limit before parsing it, exit 1', async () => {
    const doc = fixtureJson();
    doc.narrative.problems = '字'.repeat(Math.ceil(reportLimits.documentBytes / 3) + 1);
    const { code, stderr } = await nianbao('validate', write(doc));
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(new RegExp(`more than the limit of ${reportLimits.documentBytes}$`));
  });

  it('refuses a field over its limit naming field and limit, quickly even for 330 KB of {{', async () => {
    const doc = fixtureJson();
    doc.narrative.problems = '{{'.repeat(165_000);
    const started = performance.now();
    const { code, stdout } = await nianbao('validate', write(doc));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `narrative.problems：长度为 330000 个字符，超过此类字段的上限 ${reportLimits.fieldChars.body} 个字符`,
    );
  });

  it('refuses the font-slot marker in a title as a control character, exit 1', async () => {
    const { code, stdout } = await nianbao(
      'validate',
      write({ ...fixtureJson(), title: '报告\u0000font-faces\u0000' }),
    );
    expect(code).toBe(1);
    expect(stdout).toContain('title：第 3 个字符是控制字符 U+0000');
  });

  it('refuses more subsections than the limit, exit 1', async () => {
    const doc = fixtureJson();
    doc.narrative.overview = Array.from({ length: 120 }, (_, i) => ({ heading: `第${i + 1}节`, body: '内容。' }));
    const { code, stdout } = await nianbao('validate', write(doc));
    expect(code).toBe(1);
    expect(stdout).toContain(`有 120 个小节，超过上限 ${reportLimits.overviewSections} 个`);
  });
});

describe('nianbao render and merge, given hostile documents', () => {
  it('render refuses a $comment nested 5,000 deep before writing anything, exit 1', async () => {
    // Written by hand: JSON.stringify would need a deeper stack than a test worker has.
    const deep = `${'['.repeat(5_000)}"x"${']'.repeat(5_000)}`;
    const out = join(dir, 'render-out');
    const json = JSON.stringify({ ...fixtureJson(), $comment: 'deep' }).replace(
      '"$comment":"deep"',
      () => `"$comment":${deep}`,
    );
    const { code, stderr } = await nianbao('render', write(json), '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain('$comment[0]');
    noStackTrace(stderr);
    expect(existsSync(out)).toBe(false);
  });

  it('merge refuses a narrative that is not UTF-8, exit 2', async () => {
    const { statistics: _statistics, ...narrative } = fixtureJson();
    const statistics = write({
      agency: 'lvliang-lishi',
      year: 2023,
      template: '2021',
      statistics: fixtureJson().statistics,
    });
    const { code, stderr } = await nianbao(
      'merge',
      '--narrative',
      write(iconv.encode(JSON.stringify(narrative), 'gb18030')),
      '--statistics',
      statistics,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('looks like GBK/GB18030');
  });

  it('validate exits 0, 1 or 2 for any document, with no stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileJson, sampleWithHostileText), async (doc) => {
        const { code, stderr } = await nianbao('validate', write(JSON.stringify(doc)));
        expect([0, 1, 2]).toContain(code);
        noStackTrace(stderr);
      }),
      { numRuns: 5 },
    );
  }, 180_000);
});
