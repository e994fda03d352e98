// `nianbao render`: the files it writes, and when it refuses.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { registerRenderCommand } from '../../functions/cli/commands/render';
import { inProcessCli } from '../support/run-cli';
import { writeInvalidReport } from './render-fixtures';
import { readPdf } from './read-pdf';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-render-cli-'));
// In-process, printing with the test run's shared browser.
beforeAll(() => vi.stubEnv('NIANBAO_CHROMIUM_WS_ENDPOINT', inject('chromiumWsEndpoint')));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const nianbao = inProcessCli(registerRenderCommand);

/** The fixture with 三 一 总计 off by one: R1/R2/R3 errors. */
const broken = () => writeInvalidReport(dir);

describe('nianbao render', () => {
  it('writes HTML, PDF, JSON and the tables as CSV with a BOM, and prints the paths', async () => {
    const out = join(dir, 'ok');
    const result = await nianbao('render', 'samples/lishi-2023.json', '--out', out);
    expect(result.code).toBe(0);
    const files = readdirSync(out);
    for (const name of [
      'report.html',
      'report.pdf',
      'report.json',
      'table-2-proactive.csv',
      'table-3-applications.csv',
      'table-4-review-litigation.csv',
    ]) {
      expect(files).toContain(name);
      expect(result.stdout).toContain(join(out, name));
    }
    expect(readFileSync(join(out, 'table-3-applications.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    // The page loads its fonts from its own folder, and every file it names is there.
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const fonts = [...html.matchAll(/url\(fonts\/([^)]+)\)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(0);
    expect(readdirSync(join(out, 'fonts')).sort()).toEqual([...new Set(fonts)].sort());
  }, 30_000);

  it('refuses a report with validation errors (exit 1, findings printed)', async () => {
    const result = await nianbao('render', broken(), '--out', join(dir, 'refused'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/R[123]/);
    expect(() => readdirSync(join(dir, 'refused'))).toThrow();
  });

  it('with --force renders it as a draft on every page', async () => {
    const out = join(dir, 'forced');
    const result = await nianbao('render', broken(), '--out', out, '--force');
    expect(result.code).toBe(0);
    const pdf = await readPdf(new Uint8Array(readFileSync(join(out, 'report.pdf'))));
    for (const text of pdf.pages) expect(text.includes('草稿')).toBe(true);
  }, 30_000);

  it('says in one line when the input cannot be read (exit 2)', async () => {
    const result = await nianbao('render', join(dir, 'missing.json'), '--out', join(dir, 'x'));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
