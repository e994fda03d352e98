// The draft preview's way in (POST /previews): a signed narrative gets the page marked 草稿 with its findings and
// a CSP that lets fonts come from the archive's site only; unsigned or malformed requests get a JSON error.
import { beforeAll, describe, expect, it } from 'vitest';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { logger } from '../../functions/handlers/handler-logger';
import { createPreviewDraftHandler } from '../../functions/handlers/preview-draft-handler';
import { sampleReport } from '../publish/publish-scenarios';
import { memoryPipeline } from '../support/memory-pipeline';
import { maxHandOverBytes } from '../../functions/pipeline/hand-over';
import { signedApiRequest } from '../support/signed-api-request';
import { storeUnbalancedStatistics } from '../support/unbalanced-statistics';

const secret = 'the-shared-secret';
const nowMs = 1_764_600_000_000;
const pipeline = memoryPipeline();
const fontBaseUrl = 'https://nianbao.example.gov.cn/assets/fonts/5.3.0/';
const handler = createPreviewDraftHandler({
  ...pipeline.ports,
  fontBaseUrl,
  secret: async () => secret,
  nowMs: () => nowMs,
});

async function call(body: string, options: { sign?: boolean } = {}) {
  const response = await handler(signedApiRequest(secret, nowMs / 1000, body, options));
  return {
    status: response.statusCode,
    type: response.headers?.['content-type'],
    body: JSON.parse(response.body ?? '{}') as Record<string, unknown>,
  };
}

const narrativeOf = (agency: string) => splitReport(sampleReport(agency)).narrative;

beforeAll(async () => {
  logger.setLogLevel('SILENT');
  await storeUnbalancedStatistics(pipeline.statistics, 'preview-gate');
});

describe('preview-draft', () => {
  it('answers a signed narrative with the draft page (草稿), its R1 finding above it, and its CSP', async () => {
    const { status, type, body } = await call(JSON.stringify({ narrative: narrativeOf('preview-gate') }));
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(Object.keys(body).sort()).toEqual(['contentSecurityPolicy', 'html']);
    const html = String(body.html);
    expect(html).toContain('草稿');
    expect(html).toMatch(/错误 \[R1\]/);
    expect(html).toContain(fontBaseUrl);
    expect(html).not.toMatch(/<script/i);
    expect(body.contentSecurityPolicy).toContain('font-src https://nianbao.example.gov.cn;');
    expect(body.contentSecurityPolicy).toContain("default-src 'none'");
  });

  it('previews a draft without statistics as why it does not assemble yet', async () => {
    const { status, body } = await call(JSON.stringify({ narrative: narrativeOf('preview-none') }));
    expect(status).toBe(200);
    expect(String(body.html)).toContain('no statistics for preview-none');
  });

  it('previews a traversal agency code as an S1 finding, reading no store; refuses an oversized body (413)', async () => {
    const narrative = {
      ...narrativeOf('preview-gate'),
      agency: { ...narrativeOf('preview-gate').agency, code: '../../etc' },
    };
    const { status, body } = await call(JSON.stringify({ narrative }));
    expect(status).toBe(200);
    expect(String(body.html)).toContain('[S1]');
    expect(String(body.html)).not.toContain('etc/passwd');
    expect((await call('x'.repeat(maxHandOverBytes + 1))).status).toBe(413);
  });

  it('refuses unsigned (401) and malformed (400, saying what is wrong) requests', async () => {
    const narrative = narrativeOf('preview-gate');
    expect((await call(JSON.stringify({ narrative }), { sign: false })).status).toBe(401);
    expect(await call('{"narrative":')).toMatchObject({ status: 400, body: { error: 'the body is not JSON' } });
    expect(await call(JSON.stringify({ narrative: 'text' }))).toMatchObject({
      status: 400,
      body: { error: 'narrative: expected a report document without its tables' },
    });
  });
});
