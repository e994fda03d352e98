// The CLI as a user runs it: hostile --agency/--year flags are refused with exit 1, naming the flag, before any
// file is read or written (no AWS configuration is needed to be refused).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../functions/cli/exit-codes';

const bin = new URL('../../bin/nianbao.js', import.meta.url).pathname;
let dir = '';

async function nianbao(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-flags-'));
  await mkdir(join(dir, 'narratives'));
  await writeFile(join(dir, 'secret-2023.json'), 'TOP SECRET: not JSON at all');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('identifier flags', () => {
  it('publish --agency ../secret reads nothing outside the narrative folder and prints no file content', async () => {
    const env = { NIANBAO_NARRATIVE_DIR: join(dir, 'narratives') };
    const result = await nianbao(env, 'publish', '--agency', '../secret', '--year', '2023');
    expect(result.code).toBe(exitCodes.invalid);
    expect(result.stderr).toContain('--agency：应为机关代码');
    expect(result.stderr).not.toContain('TOP SECRET');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('publish --year 2023.5 names the flag', async () => {
    const result = await nianbao({}, 'publish', '--agency', 'lvliang-lishi', '--year', '2023.5');
    expect(result.code).toBe(exitCodes.invalid);
    expect(result.stderr).toContain('--year：应为年度（2019–2100 的整数');
  });

  it('stats import --agency a/b and stats export --year 999999999 write nothing', async () => {
    const file = join(dir, 'stats.csv');
    await writeFile(file, 'row,label\n');
    const imported = await nianbao({}, 'stats', 'import', file, '--agency', 'a/b', '--year', '2023');
    expect(imported.code).toBe(exitCodes.invalid);
    expect(imported.stderr).toContain('--agency：');
    const exported = await nianbao({}, 'stats', 'export', '--year', '999999999', '--out', join(dir, 'out'));
    expect(exported.code).toBe(exitCodes.invalid);
    expect(exported.stderr).toContain('--year：');
    expect((await readdir(dir)).sort()).toEqual(['narratives', 'secret-2023.json', 'stats.csv']);
  });
});
