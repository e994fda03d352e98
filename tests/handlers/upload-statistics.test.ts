// An editor's statistics upload (POST /statistics): the file a CMS forwards is stored only when all of it is right;
// a missing column, text in a number cell, an unknown cell id, a duplicated row or another agency's file is refused
// naming the line and cell, and nothing is stored; the same file saved as GBK by Excel is read as it was meant.
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { logger } from '../../functions/handlers/handler-logger';
import { createUploadStatisticsHandler } from '../../functions/handlers/upload-statistics-handler';
import { maxHandOverBytes } from '../../functions/pipeline/hand-over';
import { maxUploadBytes } from '../../functions/pipeline/upload-statistics';
import { signedApiRequest } from '../support/signed-api-request';
import { parseStatisticsCsv, statisticsCsv } from '../../functions/statistics/statistics-csv';
import { sampleReport } from '../publish/publish-scenarios';
import { memoryPipeline } from '../support/memory-pipeline';

const secret = 'the-shared-secret';
const nowMs = 1_764_600_000_000;
const now = nowMs / 1000;
const record = splitReport(sampleReport('upload-desk')).statistics;
const csvText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(statisticsCsv(record));
const lines = csvText.split('\n');
const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix)) + 1;
const editLine = (prefix: string, edit: (line: string) => string) =>
  lines.map((l, i) => (i === lineOf(prefix) - 1 ? edit(l) : l)).join('\n');

function setup() {
  const pipeline = memoryPipeline();
  const handler = createUploadStatisticsHandler({
    statistics: pipeline.statistics,
    secret: async () => secret,
    nowMs: () => nowMs,
  });
  const upload = async (content: Uint8Array | string, fileName = 'tables.csv', who = record) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const body = JSON.stringify({
      agency: who.agency,
      year: who.year,
      fileName,
      content: Buffer.from(bytes).toString('base64'),
    });
    const response = await handler(signedApiRequest(secret, now, body));
    return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') as Record<string, unknown> };
  };
  return { pipeline, upload };
}

beforeAll(() => logger.setLogLevel('SILENT'));

describe('upload-statistics', () => {
  it('stores the CSV `stats export` writes, and the same file saved as GBK by Excel', async () => {
    for (const bytes of [statisticsCsv(record), iconv.encode(csvText.replace(/^\ufeff/, ''), 'gbk')]) {
      const { pipeline, upload } = setup();
      expect(await upload(bytes)).toEqual({
        status: 200,
        body: { stored: true, agency: record.agency, year: record.year },
      });
      // As `stats import` stores the same file (amounts as decimal text).
      const imported = parseStatisticsCsv(csvText);
      expect(await pipeline.statistics.get(record.agency, record.year)).toEqual(imported.ok && imported.value);
    }
  });

  const received = 'applications.received,';
  it.each([
    ['a missing column', editLine(received, (l) => l.split(',').slice(0, -1).join(',')), [received]],
    ['text in a number cell', editLine(received, (l) => l.replace(',30,', ',三十,')), ['三十']],
    ['an unknown cell id', editLine(received, (l) => l.replace('applications.received', 'applications.recieved')), []],
    ['a duplicated row', editLine('applications.granted,', (l) => `${lines[lineOf(received) - 1]!}\n${l}`), []],
  ])('refuses %s naming the line and cell, and stores nothing', async (_what, text) => {
    const { pipeline, upload } = setup();
    const { status, body } = await upload(text);
    expect(status).toBe(422);
    expect(body.stored).toBe(false);
    const findings = body.findings as { line?: number; cells: string[]; message: { zh: string } }[];
    expect(findings.length).toBeGreaterThan(0);
    // Each names its line, or the cells the file lacks.
    for (const f of findings) expect(f.line !== undefined ? f.message.zh : f.cells.join()).toMatch(/第 \d+ 行|\./);
    expect(findings.some((f) => f.line === lineOf(received) || f.line === lineOf('applications.granted,'))).toBe(true);
    expect(await pipeline.statistics.get(record.agency, record.year)).toBeUndefined();
  });

  it("refuses another agency's file instead of relabelling it", async () => {
    const { pipeline, upload } = setup();
    const { status, body } = await upload(csvText, 'tables.csv', { ...record, agency: 'another-agency' });
    expect(status).toBe(422);
    expect(body.findings).toEqual([expect.objectContaining({ location: '# agency=', actual: record.agency })]);
    expect(await pipeline.statistics.get('another-agency', record.year)).toBeUndefined();
  });

  it('refuses an oversized file, a body over the limit, broken base64, and a file in neither UTF-8 nor GBK', async () => {
    const { pipeline, upload } = setup();
    const oversized = await upload(`${csvText}\n${'#'.repeat(maxUploadBytes)}`);
    expect(oversized).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^content: larger than/) } });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(csvText, 'utf16le'))]);
    const wrongEncoding = await upload(utf16);
    expect(wrongEncoding).toMatchObject({
      status: 422,
      body: { stored: false, reason: expect.stringContaining('UTF-16') },
    });
    // A file name is only read for its ending: a traversal in it reaches nothing.
    expect((await upload(csvText, '../../etc/passwd.csv')).status).toBe(200);
    expect(await pipeline.statistics.get(record.agency, record.year)).toBeDefined();
    const handler = createUploadStatisticsHandler({
      statistics: pipeline.statistics,
      secret: async () => secret,
      nowMs: () => nowMs,
    });
    const send = async (body: string) => (await handler(signedApiRequest(secret, now, body))).statusCode;
    expect(await send('x'.repeat(maxHandOverBytes + 1))).toBe(413);
    expect(await send(JSON.stringify({ agency: record.agency, year: 2023, fileName: 'a.csv', content: '%%%' }))).toBe(
      400,
    );
    expect(await send('{"agency":')).toBe(400);
  });

  it('refuses a request that is not an upload (400) and a file that is not CSV (422)', async () => {
    const { upload } = setup();
    expect((await upload(csvText, 'tables.xlsx')).body).toMatchObject({
      stored: false,
      reason: expect.stringContaining('CSV'),
    });
    expect((await upload(csvText, 'tables.csv', { ...record, agency: '../etc' })).status).toBe(400);
  });
});
