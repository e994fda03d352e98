// `nianbao render --out`: the folder is replaced whole or left exactly as it was; every file-system failure is one
// line with exit 2 (cannot use --out) or 3 (this machine), never "unexpected" (issue 10, point 6).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { registerRenderCommand } from '../../functions/cli/commands/render';
import { exitCodes } from '../../functions/cli/exit-codes';
import { archiveFiles } from '../../functions/publish/archive-files';
import { folderListing } from '../support/folder-listing';
import { inProcessCli } from '../support/run-cli';
import { lishi2023, writeInvalidReport } from './render-fixtures';

const root = mkdtempSync(join(tmpdir(), 'nianbao-render-out-'));
const sample = 'samples/lishi-2023.json';
const nianbao = inProcessCli(registerRenderCommand);
beforeAll(() => vi.stubEnv('NIANBAO_CHROMIUM_WS_ENDPOINT', inject('chromiumWsEndpoint')));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

let counter = 0;
/** A fresh parent folder, so anything left beside --out shows. */
const parentFolder = () => {
  const parent = join(root, `case-${++counter}`);
  mkdirSync(parent);
  return parent;
};

/** Renders with no browser to connect to and none to launch. */
async function withoutChromium<T>(run: () => Promise<T>): Promise<T> {
  vi.stubEnv('NIANBAO_CHROMIUM_WS_ENDPOINT', '');
  vi.stubEnv('CHROMIUM_PATH', join(root, 'no-chromium-here'));
  try {
    return await run();
  } finally {
    // The shared browser again (CHROMIUM_PATH is not read while there is one to connect to).
    vi.stubEnv('NIANBAO_CHROMIUM_WS_ENDPOINT', inject('chromiumWsEndpoint'));
  }
}

/** Fails the test unless the run printed exactly one line on stderr and exited with `code`. */
function expectOneLineFailure(result: { code: number; stderr: string }, code: number, text: RegExp) {
  expect(result.code).toBe(code);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(text);
}

describe('nianbao render --out', () => {
  it('replaces a previous output whole (a font the page does not use is gone), leaving nothing beside it', async () => {
    const parent = parentFolder();
    const out = join(parent, 'out');
    expect((await nianbao('render', sample, '--out', out)).code).toBe(0);
    writeFileSync(join(out, 'fonts', 'stale.woff2'), 'old');
    writeFileSync(join(out, 'report.pdf'), 'old');
    expect((await nianbao('render', sample, '--out', out)).code).toBe(0);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readdirSync(join(out, 'fonts'))).not.toContain('stale.woff2');
    expect(readFileSync(join(out, 'report.pdf'), 'latin1').startsWith('%PDF-')).toBe(true);
  }, 60_000);

  it('writes report.json and the CSVs byte for byte as the archive does', async () => {
    const out = join(parentFolder(), 'out');
    expect((await nianbao('render', sample, '--out', out)).code).toBe(0);
    const archived = archiveFiles(lishi2023(), { html: '', pdf: new Uint8Array() }).filter(
      (f) => !f.name.startsWith('report.') || f.name === 'report.json',
    );
    expect(archived.map((f) => f.name)).toEqual([
      'report.json',
      'table-2-proactive.csv',
      'table-3-applications.csv',
      'table-4-review-litigation.csv',
    ]);
    for (const file of archived)
      expect(new Uint8Array(readFileSync(join(out, file.name))), file.name).toEqual(file.body);
  }, 30_000);

  it.each([
    [
      'names a file',
      (parent: string) => (writeFileSync(join(parent, 'out'), 'x'), join(parent, 'out')),
      /is a file, not a folder/,
    ],
    [
      'goes through a file (ENOTDIR)',
      (parent: string) => (writeFileSync(join(parent, 'f'), 'x'), join(parent, 'f', 'out')),
      /not a folder/,
    ],
    [
      'has no parent folder',
      (parent: string) => join(parent, 'a', 'b', 'out'),
      /cannot create a folder in .*\(no such file or folder\)/,
    ],
    [
      'holds other files',
      (parent: string) => (
        mkdirSync(join(parent, 'out')),
        writeFileSync(join(parent, 'out', 'notes.txt'), 'x'),
        join(parent, 'out')
      ),
      /holds notes\.txt/,
    ],
    [
      'holds report.pdf as a folder (EISDIR)',
      (parent: string) => (mkdirSync(join(parent, 'out', 'report.pdf'), { recursive: true }), join(parent, 'out')),
      /holds the folder report\.pdf/,
    ],
  ])('when --out %s: exit 2 in one line, before printing, nothing changed', async (_name, make, message) => {
    const parent = parentFolder();
    const out = make(parent);
    const before = folderListing(parent);
    expectOneLineFailure(await nianbao('render', sample, '--out', out), exitCodes.unreadable, message);
    expect(folderListing(parent)).toEqual(before);
  });

  it('--out /proc/nope: exit 2 at once (recursive mkdir used to spin there at 100% CPU)', async () => {
    expectOneLineFailure(
      await nianbao('render', sample, '--out', '/proc/nope'),
      exitCodes.unreadable,
      /cannot use --out \/proc\/nope/,
    );
  }, 10_000);

  it('without Chromium: exit 3 in one line, and no empty fonts/ or anything else left', async () => {
    const parent = parentFolder();
    const result = await withoutChromium(() => nianbao('render', sample, '--out', join(parent, 'out')));
    expectOneLineFailure(result, exitCodes.failed, /the PDF could not be printed/);
    expect(readdirSync(parent)).toEqual([]);
  });

  // Any --out (missing, a file, empty, a previous output, one with other files) × any failure: as it was.
  it('when render fails, --out is exactly as it was (property: listing with content hashes)', async () => {
    const entry = fc.record({
      path: fc.array(fc.constantFrom('report.pdf', 'report.html', 'table-9-x.csv', 'fonts', 'a.woff2', 'notes.txt'), {
        minLength: 1,
        maxLength: 2,
      }),
      content: fc.string({ maxLength: 20 }),
    });
    const start = fc.oneof(
      fc.constant('missing' as const),
      fc.constant('file' as const),
      fc.array(entry, { maxLength: 4 }),
    );
    const cause = fc.constantFrom('no-chromium', 'invalid-report', 'unreadable-report');
    await fc.assert(
      fc.asyncProperty(start, cause, async (state, how) => {
        const parent = parentFolder();
        const out = join(parent, 'out');
        if (state === 'file') writeFileSync(out, 'a file');
        else if (state !== 'missing') {
          mkdirSync(out);
          for (const { path, content } of state) {
            const file = join(out, ...path);
            if (existsSync(file)) continue;
            try {
              mkdirSync(join(file, '..'), { recursive: true });
              writeFileSync(file, content);
            } catch {
              // a file already where a folder was wanted: keep what is there
            }
          }
        }
        const before = folderListing(parent);
        const input =
          how === 'invalid-report'
            ? writeInvalidReport(root)
            : how === 'unreadable-report'
              ? join(root, 'missing.json')
              : sample;
        const result =
          how === 'no-chromium'
            ? await withoutChromium(() => nianbao('render', input, '--out', out))
            : await nianbao('render', input, '--out', out);
        expect([exitCodes.invalid, exitCodes.unreadable, exitCodes.failed]).toContain(result.code);
        expect(folderListing(parent)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
