// Every place an agency code or a year enters statistics: JSON, CSV comment lines, import and export flags, and what
// export writes. Hostile values are refused with exit 1, naming the field, and nothing is stored or written.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runStatsExport, runStatsImport } from '../../functions/cli/commands/stats';
import { exitCodes } from '../../functions/cli/exit-codes';
import { MemoryStatistics, splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { statisticsCsv } from '../../functions/statistics/statistics-csv';
import { sampleReport } from '../publish/publish-scenarios';
import { hostileAgencyCodes, hostileYearTexts, hostileYearValues } from '../support/hostile-identifiers';

const record = splitReport(sampleReport('lvliang-lishi')).statistics;
const csvText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(statisticsCsv(record));
let dir = '';
let stderr: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-stats-entry-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function captureOutput(): void {
  stderr = [];
  vi.spyOn(console, 'error').mockImplementation((...text: unknown[]) => void stderr.push(text.join(' ')));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
}

async function importFile(name: string, content: string | Uint8Array, flags = {}) {
  const repository = new MemoryStatistics();
  const file = join(dir, name);
  await writeFile(file, content);
  captureOutput();
  const code = await runStatsImport(file, flags, () => repository);
  return { code, stored: repository.byKey.size, stderr: stderr.join('\n') };
}

describe('stats import refuses hostile identifiers, storing nothing', () => {
  it.each(hostileAgencyCodes)('JSON agency %j', async (agency) => {
    const result = await importFile('hostile.json', JSON.stringify({ ...record, agency }));
    expect(result).toMatchObject({ code: exitCodes.invalid, stored: 0 });
    expect(result.stderr).toContain('agency：应为机关代码');
  });

  it.each(hostileYearValues)('JSON year %j', async (year) => {
    const result = await importFile('hostile.json', JSON.stringify({ ...record, year }));
    expect(result).toMatchObject({ code: exitCodes.invalid, stored: 0 });
    expect(result.stderr).toContain('year：应为年度');
  });

  it.each(hostileAgencyCodes.filter((a) => ![',', '\u0000'].some((c) => a.includes(c))))(
    'CSV "# agency=%s"',
    async (agency) => {
      const result = await importFile('hostile.csv', csvText.replace('# agency=lvliang-lishi', `# agency=${agency}`));
      expect(result).toMatchObject({ code: exitCodes.invalid, stored: 0 });
      expect(result.stderr).toContain('line 1: # agency=');
    },
  );

  it.each(hostileYearTexts.filter((y) => y !== ''))('CSV "# year=%s"', async (year) => {
    const result = await importFile('hostile.csv', csvText.replace('year=2023', `year=${year}`));
    expect(result).toMatchObject({ code: exitCodes.invalid, stored: 0 });
    expect(result.stderr).toContain('line 1: # year=');
  });

  it.each(hostileAgencyCodes)('--agency %j', async (agency) => {
    const result = await importFile('flags.csv', csvText.split('\n').slice(1).join('\n'), { agency, year: '2023' });
    expect(result).toMatchObject({ code: exitCodes.invalid, stored: 0 });
    expect(result.stderr).toContain('--agency：应为机关代码');
  });

  it.each(hostileYearTexts)('--year %j', async (year) => {
    const result = await importFile('flags.csv', csvText, { year });
    expect(result).toMatchObject({ code: exitCodes.invalid, stored: 0 });
    expect(result.stderr).toContain('--year：应为年度');
  });

  it('--template that is not a template', async () => {
    const result = await importFile('flags.csv', csvText, { template: '2025' });
    expect(result).toMatchObject({ code: exitCodes.invalid, stored: 0 });
    expect(result.stderr).toContain('--template');
  });

  it('stores the same file with good identifiers', async () => {
    expect(await importFile('good.csv', csvText)).toMatchObject({ code: exitCodes.ok, stored: 1 });
  });
});

describe('stats export', () => {
  const exportTo = async (repository: MemoryStatistics, options: { year: string; agency?: string; out?: string }) => {
    captureOutput();
    return runStatsExport(options, () => repository);
  };

  it.each([
    ...hostileYearTexts.map((year) => ['--year', { year }] as const),
    ...hostileAgencyCodes.map((agency) => ['--agency', { year: '2023', agency }] as const),
  ])('refuses a hostile %s flag before reading anything', async (flag, options) => {
    const repository = new MemoryStatistics();
    const read = vi.spyOn(repository, 'listYear');
    expect(await exportTo(repository, { ...options, out: join(dir, 'flags') })).toBe(exitCodes.invalid);
    expect(stderr.join('\n')).toContain(`${flag}：`);
    expect(read).not.toHaveBeenCalled();
  });

  it('writes nothing, inside or outside --out, when a stored agency code would escape it', async () => {
    const parent = await mkdtemp(join(dir, 'export-'));
    const repository = new MemoryStatistics();
    await repository.put(record);
    // Stored before import checked identifiers: the old traversal and a code with a slash.
    await repository.put({ ...record, agency: '../../../../escaped' });
    await repository.put({ ...record, agency: 'a/b' });
    expect(await exportTo(repository, { year: '2023', out: join(parent, 'out', 'sub') })).toBe(exitCodes.invalid);
    expect(stderr.join('\n')).toMatch(/stored record 2: agency：应为机关代码.*"\.\.\/\.\.\/\.\.\/\.\.\/escaped"/);
    expect(await readdir(parent, { recursive: true })).toEqual([]);
  });

  it('writes one {agency}-{year}.csv per agency inside --out, each re-importable', async () => {
    const out = join(await mkdtemp(join(dir, 'export-')), 'out');
    const repository = new MemoryStatistics();
    await repository.put(record);
    await repository.put({ ...record, agency: 'lvliang-jiaocheng' });
    expect(await exportTo(repository, { year: '2023', out })).toBe(exitCodes.ok);
    expect((await readdir(out)).sort()).toEqual(['lvliang-jiaocheng-2023.csv', 'lvliang-lishi-2023.csv']);
    captureOutput();
    const again = new MemoryStatistics();
    expect(await runStatsImport(join(out, 'lvliang-lishi-2023.csv'), {}, () => again)).toBe(exitCodes.ok);
    expect(statisticsCsv((await again.get('lvliang-lishi', 2023))!)).toEqual(statisticsCsv(record));
  });
});

describe('stats import template', () => {
  it('refuses a template that does not cover the year, from a flag or the comment line', async () => {
    const fromFlag = await importFile('template.csv', csvText.replace(',template=2021', ''), { template: '2019' });
    expect(fromFlag).toMatchObject({ code: exitCodes.invalid, stored: 0 });
    expect(fromFlag.stderr).toContain('template：应为模板编号 2019 或 2021（适用于 2023 年度）');
    const fromLine = await importFile('template.csv', csvText.replace('template=2021', 'template=2019'));
    expect(fromLine).toMatchObject({ code: exitCodes.invalid, stored: 0 });
  });
});

describe('stats export --out that cannot be written', () => {
  const exportTo = async (out: string) => {
    const repository = new MemoryStatistics();
    await repository.put(record);
    captureOutput();
    return runStatsExport({ year: '2023', out }, () => repository);
  };

  it('a file where the folder should be is one line, exit 2', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    expect(await exportTo(join(file, 'out'))).toBe(exitCodes.unreadable);
    expect(stderr).toEqual([expect.stringMatching(/^not exported, nothing written: ENOTDIR/)]);
  });

  it.runIf(process.platform === 'linux')(
    '/proc/nope fails at once instead of spinning in mkdir',
    async () => {
      expect(await exportTo('/proc/nope/out')).toBe(exitCodes.unreadable);
      expect(stderr).toEqual([expect.stringMatching(/^not exported, nothing written: ENOENT/)]);
    },
    5_000,
  );
});
