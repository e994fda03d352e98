// The CMS hears a run's outcome in its run record: a rejected run's findings each carry what to do (as the editor's
// desk shows a draft's), a published one its public links; written with the results token to that record only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StrapiRunRecords } from '../../functions/adapters/strapi-run-records';
import { ruleAdvice } from '../../functions/core/rules/rule-advice';
import { newRun } from '../../functions/pipeline/run';

const writes: { url: string; authorization: string; body: { data: Record<string, unknown> } }[] = [];
let server: Server;
let records: StrapiRunRecords;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      writes.push({
        url: req.url ?? '',
        authorization: req.headers.authorization ?? '',
        body: JSON.parse(body) as { data: Record<string, unknown> },
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  records = new StrapiRunRecords({
    cmsUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    resultsToken: 'results-token',
    publicUrl: (key) => `https://archive.example/${key}`,
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const run = newRun({ agency: 'heard', year: 2023 }, { kind: 'cms', documentId: 'doc1', runRecordId: 'rec7' }, 'run-1');

describe('StrapiRunRecords', () => {
  it("writes a rejected run's findings with what to do about each", async () => {
    const finding = {
      rule: 'R1',
      severity: 'error',
      cells: ['applications.received.total'],
      message: { zh: '不平', en: 'does not foot' },
    } as const;
    await records.outcome(run, { kind: 'rejected', step: 'validate', reason: '1 error', findings: [finding] });
    const write = writes.at(-1)!;
    expect(write.url).toBe('/api/publication-runs/rec7');
    expect(write.authorization).toBe('Bearer results-token');
    expect(write.body.data).toMatchObject({
      phase: 'rejected',
      reason: 'validate: 1 error',
      findings: [{ ...finding, advice: ruleAdvice.R1 }],
    });
  });

  it('writes a published run with its public links', async () => {
    const keys = {
      html: 'reports/heard/2023/v1/report.html',
      pdf: 'reports/heard/2023/v1/report.pdf',
      index: 'i.html',
    };
    await records.outcome(run, { kind: 'published', version: 1, reused: false, keys });
    expect(writes.at(-1)!.body.data).toMatchObject({
      phase: 'published',
      version: 1,
      htmlUrl: 'https://archive.example/reports/heard/2023/v1/report.html',
      findings: null,
    });
  });
});
