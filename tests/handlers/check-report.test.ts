// The approval check's way in (POST /checks): a signed narrative gets the findings; unsigned, oversized, malformed,
// wrongly encoded or traversal input gets a JSON error or an S1 finding, never a stack trace or a storage key.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { createCheckReportHandler } from '../../functions/handlers/check-report-handler';
import { logger } from '../../functions/handlers/handler-logger';
import { maxHandOverBytes } from '../../functions/pipeline/hand-over';
import { sampleReport } from '../publish/publish-scenarios';
import { memoryPipeline } from '../support/memory-pipeline';
import { signedApiRequest } from '../support/signed-api-request';
import { storeUnbalancedStatistics } from '../support/unbalanced-statistics';

const secret = 'the-shared-secret';
const nowMs = 1_764_600_000_000;
const now = nowMs / 1000;
const pipeline = memoryPipeline();
const handler = createCheckReportHandler({ ...pipeline.ports, secret: async () => secret, nowMs: () => nowMs });

const request = (body: string, options: { sign?: boolean; base64?: boolean } = {}) =>
  signedApiRequest(secret, now, body, options);

async function call(event: APIGatewayProxyEventV2) {
  const response = await handler(event);
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') as Record<string, unknown> };
}

const narrativeOf = (report = sampleReport('check-gate')) => splitReport(report).narrative;

beforeAll(async () => {
  logger.setLogLevel('SILENT');
  await storeUnbalancedStatistics(pipeline.statistics, 'check-gate');
});

describe('check-report', () => {
  it('answers a signed narrative with its findings: R1 on the stored statistics', async () => {
    const { status, body } = await call(request(JSON.stringify({ narrative: narrativeOf() })));
    expect(status).toBe(200);
    expect(body.findings).toContainEqual(
      expect.objectContaining({ rule: 'R1', cells: expect.arrayContaining(['applications.received.total']) }),
    );
  });

  it('refuses unsigned (401), oversized (413) and malformed (400) requests', async () => {
    expect((await call(request(JSON.stringify({ narrative: narrativeOf() }), { sign: false }))).status).toBe(401);
    expect((await call(request('x'.repeat(maxHandOverBytes + 1)))).status).toBe(413);
    expect(await call(request('{"narrative":'))).toEqual({ status: 400, body: { error: 'the body is not JSON' } });
    expect((await call(request(JSON.stringify({ narrative: [] })))).status).toBe(400);
    expect((await call(request(JSON.stringify({})))).status).toBe(400);
  });

  it('never reads the store for a traversal agency code: an S1 finding says why', async () => {
    const narrative = { ...narrativeOf(), agency: { ...narrativeOf().agency, code: '../../etc' } };
    const { status, body } = await call(request(JSON.stringify({ narrative })));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      errors: 1,
      findings: [expect.objectContaining({ rule: 'S1', location: 'agency.code' })],
    });
  });

  it('refuses a body that is not UTF-8 (GBK bytes) without a stack trace', async () => {
    // 年报 in GBK, sent base64-encoded as the HTTP API passes binary bodies.
    const gbk = `{"narrative":{"agency":{"code":"\xc4\xea\xb1\xa8"}}}`;
    const { status, body } = await call(request(gbk, { base64: true }));
    expect([400, 401]).toContain(status);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
