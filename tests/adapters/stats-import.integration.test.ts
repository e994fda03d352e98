// stats import against dynalite: a good file is stored by cell id; a bad one is refused whole, with nothing written.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient } from '../../functions/adapters/dynamodb-client';
import { importStatistics } from '../../functions/statistics/import-statistics';
import { statisticsCsv } from '../../functions/statistics/statistics-csv';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { sampleReport } from '../publish/publish-scenarios';
import { localAwsStores } from './local-aws';

describe('stats import (dynalite)', () => {
  let stores: Awaited<ReturnType<typeof localAwsStores>>;
  let dir = '';
  const record = splitReport(sampleReport('lvliang-lishi')).statistics;
  const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(statisticsCsv(record));
  const itemCount = async () =>
    (await dynamoDocumentClient(stores.config).send(new ScanCommand({ TableName: stores.config.table }))).Items
      ?.length ?? 0;

  beforeAll(async () => {
    stores = await localAwsStores('stats');
    dir = await mkdtemp(join(tmpdir(), 'nianbao-stats-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const bad: [string, (lines: string[]) => string[], RegExp][] = [
    [
      'a line missing a column',
      (l) => l.map((x) => (x.startsWith('applications.granted,') ? x.split(',').slice(0, -1).join(',') : x)),
      /^line \d+: no value for applications\.granted\.total/,
    ],
    [
      'text in a number cell',
      (l) => l.map((x) => (x.startsWith('applications.received,') ? x.replace(',30,', ',thirty,') : x)),
      /^line \d+: applications\.received\.naturalPerson should be an integer ≥ 0, got "thirty"/,
    ],
    [
      'an unknown cell id',
      (l) => l.map((x) => x.replace('row,label,naturalPerson,', 'row,label,naturalPersonz,')),
      /^line \d+: applications\.received\.naturalPersonz is not a cell/,
    ],
  ];
  for (const [name, edit, message] of bad) {
    it(`refuses ${name}, naming the line and cell, and writes nothing`, async () => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.csv`);
      await writeFile(file, edit(csv.split('\n')).join('\n'));
      const result = await importStatistics({ name: file, bytes: await readFile(file) }, {}, stores.statistics);
      expect(result.ok).toBe(false);
      if (result.ok || result.error.kind !== 'invalid') return;
      expect(result.error.findings[0]?.message.en).toMatch(message);
      expect(await itemCount()).toBe(0);
    });
  }

  it('stores a good CSV as one item keyed by cell id, and reads it back', async () => {
    const file = join(dir, 'good.csv');
    await writeFile(file, csv);
    expect(await importStatistics({ name: file, bytes: await readFile(file) }, {}, stores.statistics)).toEqual({
      ok: true,
      value: [{ agency: 'lvliang-lishi', year: 2023 }],
    });
    const stored = await stores.statistics.get('lvliang-lishi', 2023);
    expect(stored && statisticsCsv(stored)).toEqual(statisticsCsv(record));
    expect((await stores.statistics.listYear(2023)).map((r) => r.agency)).toEqual(['lvliang-lishi']);
  });
});
