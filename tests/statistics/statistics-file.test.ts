// stats import/export files: a round trip, and bad input rejected as a whole with the line and cell named.
import { describe, expect, it } from 'vitest';
import { statisticsToCells } from '../../functions/core/statistics/cells';
import { parseStatisticsJson } from '../../functions/core/statistics/parse-statistics-json';
import { parseStatisticsCsv, statisticsCsv } from '../../functions/statistics/statistics-csv';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { sampleReport } from '../publish/publish-scenarios';

const record = splitReport(sampleReport('lvliang-lishi')).statistics;
const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(statisticsCsv(record));
const lines = csv.split('\n');
const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));

describe('statistics CSV', () => {
  it('round-trips the sample, identity from the comment line', () => {
    expect(lines[0]).toBe('\ufeff# agency=lvliang-lishi,year=2023,template=2021');
    const parsed = parseStatisticsCsv(csv);
    expect(parsed.ok && parsed.value).toMatchObject({ agency: 'lvliang-lishi', year: 2023, template: '2021' });
    // Amounts come back as the decimal text entered (18.2 → "18.2"), so compare as printed.
    expect(parsed.ok && statisticsCsv(parsed.value)).toEqual(statisticsCsv(record));
  });

  it('a line missing a column names the line and the cell', () => {
    const i = lineOf('applications.granted,');
    const broken = [...lines];
    broken[i] = (broken[i] as string).split(',').slice(0, -1).join(',');
    const parsed = parseStatisticsCsv(broken.join('\n'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error[0]).toMatchObject({ line: i + 1, cells: ['applications.granted.total'] });
    expect(parsed.error[0]?.message.en).toContain(`line ${i + 1}`);
  });

  it('text in a number cell names the line and the cell', () => {
    const i = lineOf('applications.received,');
    const broken = [...lines];
    broken[i] = (broken[i] as string).replace(/,30,/, ',三十,');
    const parsed = parseStatisticsCsv(broken.join('\n'));
    expect(!parsed.ok && parsed.error).toEqual([
      expect.objectContaining({ line: i + 1, cells: ['applications.received.naturalPerson'], actual: '三十' }),
    ]);
  });

  it('an unknown cell id names the line and the id', () => {
    const i = lineOf('row,label,naturalPerson');
    const broken = [...lines];
    broken[i] = (broken[i] as string).replace('naturalPerson', 'naturalPersons');
    const parsed = parseStatisticsCsv(broken.join('\n'));
    expect(!parsed.ok && parsed.error[0]).toMatchObject({
      line: i + 3,
      cells: ['applications.received.naturalPersons'],
    });
  });

  it('needs to know whose statistics they are', () => {
    const parsed = parseStatisticsCsv(lines.slice(1).join('\n'));
    expect(!parsed.ok && parsed.error[0]?.location).toBe('agency');
    expect(parseStatisticsCsv(lines.slice(1).join('\n'), { agency: 'x', year: 2023 }).ok).toBe(true);
  });
});

describe('statistics JSON', () => {
  it('accepts a record, a report document, or a list', () => {
    expect(parseStatisticsJson(record)).toEqual({ ok: true, value: [record] });
    expect(parseStatisticsJson(sampleReport('lvliang-lishi'))).toEqual({ ok: true, value: [record] });
    expect(parseStatisticsJson([record, record]).ok).toBe(true);
  });

  it('names the path of an unknown cell, text in a number cell and a missing cell', () => {
    const apps = record.statistics.applications as Record<string, Record<string, unknown>>;
    const bad = {
      ...record,
      statistics: {
        ...record.statistics,
        applications: {
          ...apps,
          received: { ...apps.received, naturalPerson: '30', extra: 1 },
          granted: { ...apps.granted, total: undefined },
        },
      },
    };
    const parsed = parseStatisticsJson(JSON.parse(JSON.stringify(bad)));
    expect(!parsed.ok && parsed.error.map((f) => f.location).sort()).toEqual([
      'statistics.applications.granted.total',
      'statistics.applications.received.extra',
      'statistics.applications.received.naturalPerson',
    ]);
  });
});

describe('statistics as stored', () => {
  it('keeps amounts as decimal text, so JSON and CSV imports of the same figures are the same report', () => {
    const fromCsv = parseStatisticsCsv(csv);
    if (!fromCsv.ok) throw new Error('sample CSV does not parse');
    expect(statisticsToCells('2021', record.statistics)).toEqual(statisticsToCells('2021', fromCsv.value.statistics));
    expect(statisticsToCells('2021', record.statistics)['proactive.fees.amount']).toBe('18.2');
  });
});
