// The way in: a signed hand-over starts one execution named after the run; anything else gets a JSON error with a
// status the CMS can act on, and never a stack trace.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { MemoryArtifactStore } from '../../dev/memory-stores/memory-ports';
import { logger } from '../../functions/handlers/handler-logger';
import { createStartRunHandler } from '../../functions/handlers/start-run-handler';
import { maxHandOverBytes } from '../../functions/pipeline/hand-over';
import { signatureHeader, signHandOver, timestampHeader } from '../../functions/pipeline/hand-over-signature';
import { newRun } from '../../functions/pipeline/run';
import { sampleReport } from '../publish/publish-scenarios';

const secret = 'the-shared-secret';
const nowMs = 1_764_600_000_000;
const now = nowMs / 1000;

function handOverBody(id = 'run-1') {
  const { narrative } = splitReport(sampleReport('gate'));
  const run = newRun({ agency: 'gate', year: 2023 }, { kind: 'cms', documentId: 'doc1', runRecordId: '7' }, id);
  return JSON.stringify({ run, narrative });
}

function request(body: string, headers: Record<string, string> = {}, method = 'POST'): APIGatewayProxyEventV2 {
  return {
    body,
    isBase64Encoded: false,
    headers: { [timestampHeader]: String(now), [signatureHeader]: signHandOver(secret, now, body), ...headers },
    requestContext: { http: { method } },
  } as unknown as APIGatewayProxyEventV2;
}

function gate(startExecution = async (_name: string, _input: string) => 'started' as 'started' | 'already-started') {
  const staging = new MemoryArtifactStore();
  const started: { name: string; input: unknown }[] = [];
  const handler = createStartRunHandler({
    staging,
    secret: async () => secret,
    nowMs: () => nowMs,
    async startExecution(name, input) {
      started.push({ name, input: JSON.parse(input) });
      return startExecution(name, input);
    },
  });
  const call = async (event: APIGatewayProxyEventV2) => {
    const response = await handler(event);
    return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') as Record<string, unknown> };
  };
  return { call, started, staging };
}

beforeAll(() => logger.setLogLevel('SILENT'));

describe('start-run', () => {
  it('stages the narrative and starts an execution named after the run id: 202', async () => {
    const { call, started, staging } = gate();
    expect(await call(request(handOverBody()))).toEqual({ status: 202, body: { status: 'started', runId: 'run-1' } });
    expect(started).toEqual([
      { name: 'run-1', input: expect.objectContaining({ staged: { narrative: 'runs/run-1/narrative.json' } }) },
    ]);
    expect(await staging.get('runs/run-1/narrative.json')).toBeDefined();
  });

  it('answers 200 "already started" when Step Functions refuses the name', async () => {
    const { call } = gate(async () => 'already-started');
    expect(await call(request(handOverBody()))).toEqual({
      status: 200,
      body: { status: 'already started', runId: 'run-1' },
    });
  });

  it('refuses an unsigned, a badly signed or a stale request with 401, starting nothing', async () => {
    const { call, started } = gate();
    const body = handOverBody();
    for (const event of [
      request(body, { [signatureHeader]: signHandOver('another secret', now, body) }),
      request(body, {
        [timestampHeader]: String(now - 3600),
        [signatureHeader]: signHandOver(secret, now - 3600, body),
      }),
      { ...request(body), headers: { [timestampHeader]: String(now) } },
    ]) {
      const { status, body: answer } = await call(event);
      expect(status).toBe(401);
      expect(answer.error).toEqual(expect.any(String));
    }
    expect(started).toEqual([]);
  });

  it('refuses a body that is not a hand-over with 400, naming the field', async () => {
    const { call } = gate();
    expect(await call(request('{not json'))).toEqual({ status: 400, body: { error: 'the body is not JSON' } });
    const wrong = JSON.parse(handOverBody()) as { run: { id: string } };
    wrong.run.id = 'bad id!';
    expect((await call(request(JSON.stringify(wrong)))).body.error).toMatch(/^run\.id:/);
  });

  it('refuses a body over the hand-over limit with 413, and anything but POST with 405', async () => {
    const { call } = gate();
    expect((await call(request('x'.repeat(maxHandOverBytes + 1)))).status).toBe(413);
    expect((await call(request(handOverBody(), {}, 'GET'))).status).toBe(405);
  });

  it('answers 500 without a stack trace when the execution cannot start, 503 when the service is busy', async () => {
    const failing = gate(async () => {
      throw Object.assign(new Error('boom at /var/task/index.mjs:1'), { name: 'AccessDeniedException' });
    });
    const failed = await failing.call(request(handOverBody()));
    expect(failed).toEqual({ status: 500, body: { error: 'the hand-over could not be taken' } });
    const busy = gate(async () => {
      throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    });
    expect((await busy.call(request(handOverBody()))).status).toBe(503);
  });
});
