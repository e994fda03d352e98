// What a cell may hold, wherever it comes from: a duplicated CSV row, integers past 2^53, Infinity, exponent
// notation — each refused naming its line and cell (CSV) or path (JSON, report); amounts printed exactly as entered.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cellsOf, tableOf } from '../../functions/core/format/templates';
import { parseReport } from '../../functions/core/report/parse-report';
import type { CellValue } from '../../functions/core/report/report-document';
import { cellsToStatistics, statisticsToCells } from '../../functions/core/statistics/cells';
import { parseStatisticsJson } from '../../functions/core/statistics/parse-statistics-json';
import { templateForYear } from '../../functions/core/statistics/template-for-year';
import type { StatisticsRecord } from '../../functions/core/merge/merge-report';
import { decodeText } from '../../functions/core/text-encoding';
import { importStatistics } from '../../functions/statistics/import-statistics';
import { parseStatisticsCsv, statisticsCsv } from '../../functions/statistics/statistics-csv';
import { tableLayout } from '../../functions/render/table-layout';
import { MemoryStatistics, splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { sampleReport } from '../publish/publish-scenarios';
import { fixtureJson } from '../core/report-builders';

const record = splitReport(sampleReport('lvliang-lishi')).statistics;
const csvText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(statisticsCsv(record));
const lines = csvText.split('\n');
const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix)) + 1;
const errorsOf = (result: { ok: true; value: unknown } | { ok: false; error: { message: { en: string } }[] }) =>
  result.ok ? [] : result.error.map((f) => f.message.en);

describe('statistics CSV rows and numbers', () => {
  it('refuses a duplicated row, naming both lines', () => {
    const row = lines[lineOf('applications.received,') - 1]!;
    const edited = [...lines];
    edited.splice(lineOf('applications.granted,') - 1, 0, row.replace(',30,', ',31,'));
    const parsed = parseStatisticsCsv(edited.join('\n'));
    const second = lineOf('applications.granted,');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toEqual([
      expect.objectContaining({
        line: second,
        cells: expect.arrayContaining(['applications.received.naturalPerson']),
        message: expect.objectContaining({
          en: `line ${second}: applications.received is given twice, on line ${lineOf('applications.received,')} and line ${second} (7 cell(s))`,
        }),
      }),
    ]);
  });

  it('refuses an integer past Number.MAX_SAFE_INTEGER at parse time, naming the line and cell', () => {
    const line = lineOf('applications.received,');
    const edited = lines.map((l, i) => (i === line - 1 ? l.replace(',30,', ',99999999999999999999,') : l));
    expect(errorsOf(parseStatisticsCsv(edited.join('\n')))).toEqual([
      `line ${line}: applications.received.naturalPerson should be an integer ≥ 0, got "99999999999999999999"` +
        ' (beyond the largest exact integer, 9007199254740991)',
    ]);
    const largest = lines.map((l, i) => (i === line - 1 ? l.replace(',30,', `,${Number.MAX_SAFE_INTEGER},`) : l));
    expect(parseStatisticsCsv(largest.join('\n')).ok).toBe(true);
  });

  it.each(['1e-7', '1e21', '1e308', '-1', '18.', '.5', '１８'])(
    'refuses the amount %s naming the line and cell',
    (amount) => {
      const line = lineOf('proactive.fees,');
      const edited = lines.map((l, i) => (i === line - 1 ? l.replace(/,[^,]*$/, `,${amount}`) : l));
      expect(errorsOf(parseStatisticsCsv(edited.join('\n')))).toEqual([
        `line ${line}: proactive.fees.amount should be a decimal amount without exponent (e.g. 18.20), got "${amount}"`,
      ]);
    },
  );
});

describe('statistics JSON numbers', () => {
  const withFees = (amount: string) =>
    JSON.stringify(record).replace(/"fees":\{"amount":[^}]*\}/, `"fees":{"amount":${amount}}`);

  it.each(['1e999', '1e-7', '1e21', '1e308', '-0.5', '"1e3"', '"Infinity"'])('refuses the amount %s', (amount) => {
    const text = withFees(amount);
    expect(text).toContain(amount);
    const parsed = parseStatisticsJson(JSON.parse(text));
    expect(errorsOf(parsed)).toEqual([
      expect.stringMatching(/^statistics\.proactive\.fees\.amount: expected an amount ≥ 0 without exponent notation/),
    ]);
  });

  it('refuses 1e999 in a count instead of importing Infinity, and stores nothing', async () => {
    const text = JSON.stringify(record).replace('"naturalPerson":30', '"naturalPerson":1e999');
    const repository = new MemoryStatistics();
    const result = await importStatistics({ name: 'x.json', bytes: new TextEncoder().encode(text) }, {}, repository);
    expect(!result.ok && result.error.kind === 'invalid' && result.error.findings[0]?.location).toBe(
      'statistics.applications.received.naturalPerson',
    );
    expect(repository.byKey.size).toBe(0);
  });
});

describe('amounts in a report', () => {
  const amountCells = cellsOf('2021').filter((c) => c.column.kind === 'amount');

  it.each([1e-7, 1e21, 1e308])('refuses %s with an S1 finding naming the cell', (amount) => {
    const doc = fixtureJson();
    (doc.statistics.proactive as Record<string, Record<string, unknown>>).fees!.amount = amount;
    const parsed = parseReport(doc);
    expect(!parsed.ok && parsed.error.map((f) => [f.rule, f.cells[0], f.message.en.split(':')[0]])).toEqual([
      ['S1', 'proactive.fees.amount', 'statistics.proactive.fees.amount'],
    ]);
  });

  it('prints an amount exactly as entered: table 二, the CSV, the stored cells', () => {
    const doc = fixtureJson();
    (doc.statistics.proactive as Record<string, Record<string, unknown>>).fees!.amount = '0.0000001';
    const parsed = parseReport(doc);
    if (!parsed.ok) throw new Error(parsed.error[0]!.message.en);
    const texts = tableLayout(tableOf('2021', 'proactive'), parsed.value.statistics)
      .sections.flatMap((s) => s.rows.flat())
      .map((c) => c.text);
    expect(texts).toContain('0.0000001');
    const stored = statisticsToCells('2021', parsed.value.statistics);
    expect(stored['proactive.fees.amount']).toBe('0.0000001');
    const csv = new TextDecoder().decode(statisticsCsv({ ...record, statistics: parsed.value.statistics }));
    expect(csv).toMatch(/^proactive\.fees,.*,0\.0000001$/m);
    expect(amountCells.length).toBeGreaterThan(0);
  });
});

const digits = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...Array.from('0123456789')), minLength: 1, maxLength });

/** What each kind of cell may hold: blanks, the largest integers, amounts as numbers and as decimal text. */
const cellValue = {
  count: fc.option(fc.maxSafeNat()),
  signedCount: fc.option(fc.maxSafeInteger()),
  amount: fc.option(
    fc.oneof(
      fc.integer({ min: 0, max: 10 ** 9 }).map((n) => n / 100),
      fc.tuple(digits(25), fc.option(digits(12))).map(([whole, part]) => (part === null ? whole : `${whole}.${part}`)),
    ),
  ),
} satisfies Record<string, fc.Arbitrary<CellValue>>;

/** Valid statistics of any agency and year. */
const validRecord: fc.Arbitrary<StatisticsRecord> = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,2}$/), fc.integer({ min: 2019, max: 2100 }))
  .chain(([agency, year]) => {
    const template = templateForYear(year)!;
    const cells = cellsOf(template);
    return fc.tuple(...cells.map((cell) => cellValue[cell.column.kind])).map((values) => ({
      agency,
      year,
      template,
      statistics: cellsToStatistics(template, new Map(cells.map((cell, i) => [cell.id, values[i] ?? null]))),
    }));
  });

describe('statistics round trip', () => {
  it('re-imports every exported CSV identically', () => {
    fc.assert(
      fc.property(validRecord, (generated) => {
        const fromJson = parseStatisticsJson(JSON.parse(JSON.stringify(generated)));
        expect(errorsOf(fromJson)).toEqual([]);
        const exported = statisticsCsv(generated);
        const decoded = decodeText(exported, ['UTF-8']);
        if (!decoded.ok) throw new Error(decoded.error);
        const back = parseStatisticsCsv(decoded.value.text);
        if (!back.ok) throw new Error(back.error[0]!.message.en);
        expect(back.value).toMatchObject({
          agency: generated.agency,
          year: generated.year,
          template: generated.template,
        });
        expect(statisticsToCells(back.value.template, back.value.statistics)).toEqual(
          statisticsToCells(generated.template, generated.statistics),
        );
        expect(statisticsCsv(back.value)).toEqual(exported);
      }),
      { numRuns: 50 },
    );
  });
});

describe('statistics CSV encodings', () => {
  const importBytes = (bytes: Uint8Array) =>
    importStatistics({ name: 'from-excel.csv', bytes }, {}, new MemoryStatistics());
  const plain = csvText.replace(/^\ufeff/, '');

  it.each(['gbk', 'gb18030'])('reads %s as Excel on Chinese Windows saves it', async (encoding) => {
    const bytes = iconv.encode(plain, encoding);
    expect(new TextDecoder().decode(bytes)).not.toContain('本年'); // really not UTF-8
    expect(decodeText(bytes, ['UTF-8', 'GB18030'])).toEqual({
      ok: true,
      value: { text: plain, encoding: 'GB18030' },
    });
    expect(await importBytes(bytes)).toEqual({ ok: true, value: [{ agency: 'lvliang-lishi', year: 2023 }] });
  });

  it('reads UTF-8 with and without a BOM', async () => {
    const encoder = new TextEncoder();
    for (const text of [plain, `\ufeff${plain}`]) expect((await importBytes(encoder.encode(text))).ok).toBe(true);
  });

  it.each([
    ['utf16le', 'encoded as UTF-16 LE (by its byte order mark)'],
    ['utf16be', 'encoded as UTF-16 BE (by its byte order mark)'],
  ])('refuses %s, saying what it looks like', async (encoding, says) => {
    const bytes = iconv.encode(`\ufeff${plain}`, encoding);
    expect(await importBytes(bytes)).toEqual({
      ok: false,
      error: {
        kind: 'unreadable',
        message: `from-excel.csv: not UTF-8 or GB18030: ${says}; save it as UTF-8 or GB18030`,
      },
    });
  });

  it('refuses UTF-16 without a BOM and bytes that are neither UTF-8 nor GB18030', async () => {
    const noBom = await importBytes(iconv.encode(plain, 'utf16le'));
    expect(!noBom.ok && noBom.error.kind === 'unreadable' && noBom.error.message).toContain('looks like UTF-16 LE');
    const junk = new Uint8Array([...new TextEncoder().encode('# agency=x\n'), 0xff, 0xff, 0x80]);
    const refused = await importBytes(junk);
    expect(!refused.ok && refused.error.kind === 'unreadable' && refused.error.message).toBe(
      'from-excel.csv: not UTF-8 or GB18030: line 2 holds bytes that are not valid UTF-8 (byte 0xff at offset 11); save it as UTF-8 or GB18030',
    );
  });

  it('reads a JSON file as UTF-8 only', async () => {
    const bytes = iconv.encode(JSON.stringify(record), 'gbk');
    const json = await importStatistics({ name: 'x.json', bytes }, {}, new MemoryStatistics());
    expect(json.ok).toBe(true);
    const chinese = iconv.encode(JSON.stringify(sampleReport('lvliang-lishi')), 'gbk');
    const refused = await importStatistics({ name: 'x.json', bytes: chinese }, {}, new MemoryStatistics());
    expect(!refused.ok && refused.error.kind).toBe('unreadable');
  });
});

describe('arbitrary input', () => {
  const noThrow = { numRuns: 200 };

  it('any JSON is refused or accepted as findings, never a crash', () => {
    const shaped = fc.record({ agency: fc.jsonValue(), year: fc.jsonValue(), statistics: fc.jsonValue() });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), shaped, fc.array(shaped)), (json) => {
        const parsed = parseStatisticsJson(json);
        if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
      }),
      noThrow,
    );
  });

  it('any bytes, as CSV or JSON, import or fail with a reason, never a crash or a partial write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, asCsv) => {
        const repository = new MemoryStatistics();
        const result = await importStatistics({ name: asCsv ? 'x.csv' : 'x.json', bytes }, {}, repository);
        expect(result.ok).toBe(false);
        expect(repository.byKey.size).toBe(0);
      }),
      noThrow,
    );
  });
});
