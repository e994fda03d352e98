// A step function tells the CMS what the run is doing before the step runs (PUT {data:{phase}} on the run's record,
// with the results token), as the local runner does; a CMS that cannot take it does not fail the step.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../functions/core/result';
import { StrapiRunRecords } from '../../functions/adapters/strapi-run-records';
import { logger } from '../../functions/handlers/handler-logger';
import { configuredReporter, loggedOutcomes } from '../../functions/handlers/run-reporter';
import { createStepHandler, stepNamed } from '../../functions/handlers/step-handler';
import type { PipelinePorts } from '../../functions/pipeline/pipeline-ports';
import type { PipelineStep } from '../../functions/pipeline/pipeline-steps';
import { newRun } from '../../functions/pipeline/run';
import type { StepName } from '../../functions/pipeline/run-outcome';

const token = 'the-results-token';
const received: { method?: string; url?: string; authorization?: string; body: unknown }[] = [];
let answer = 204;
let server: Server;
let cmsUrl: string;

beforeAll(async () => {
  logger.setLogLevel('SILENT');
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        body: JSON.parse(body),
      });
      res.writeHead(answer, { 'content-type': 'application/json' }).end(answer < 300 ? '' : '{"error":"down"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received.length = 0;
  answer = 204;
});

const run = newRun({ agency: 'progress', year: 2023 }, { kind: 'cms', documentId: 'doc9', runRecordId: '42' });
const cms = () => new StrapiRunRecords({ cmsUrl, resultsToken: token, publicUrl: (key) => `https://x/${key}` });
/** The step as listed (its name and status), doing nothing but passing its state on. */
const passing = (name: StepName): PipelineStep => ({ ...stepNamed(name), run: async (state) => ok(state as never) });

describe('a step function on AWS with the CMS configured', () => {
  it('PUTs the step status to the run record with the results token, before the step runs', async () => {
    let toldBeforeRun = 0;
    const step = { ...passing('render'), run: async (state: never) => ((toldBeforeRun = received.length), ok(state)) };
    const handler = createStepHandler(step, {} as PipelinePorts, cms());
    expect(await handler({ run })).toEqual({ run });
    expect(received).toEqual([
      {
        method: 'PUT',
        url: '/api/publication-runs/42',
        authorization: `Bearer ${token}`,
        body: { data: { phase: 'rendering' } },
      },
    ]);
    expect(toldBeforeRun).toBe(1);
  });

  it('tells each step its own status, in the step list', async () => {
    for (const name of ['assemble', 'validate', 'publish', 'updatePublicView'] as const)
      await createStepHandler(passing(name), {} as PipelinePorts, cms())({ run });
    expect(received.map((r) => r.body)).toEqual(
      ['assembling', 'validating', 'publishing', 'updating-public-view'].map((phase) => ({ data: { phase } })),
    );
  });

  it('goes on when the CMS answers 500: the step passes, the write was tried once and logged', async () => {
    answer = 500;
    const warn = vi.spyOn(logger, 'warn');
    const handler = createStepHandler(passing('publish'), {} as PipelinePorts, cms());
    expect(await handler({ run })).toEqual({ run });
    expect(received).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(
      'progress not reported',
      expect.objectContaining({ step: 'publish', status: 'publishing' }),
    );
    warn.mockRestore();
  });

  it('tells the CMS only when NIANBAO_CMS_URL is set; otherwise outcomes go to the log', () => {
    const config = { region: 'cn-north-1', table: '', bucket: '', stagingBucket: '' };
    const env = { NIANBAO_CMS_URL: cmsUrl, NIANBAO_CMS_TOKEN_SECRET_ARN: 'arn:aws-cn:secretsmanager:x' };
    expect(configuredReporter(env)(config)).toBeInstanceOf(StrapiRunRecords);
    expect(configuredReporter({})(config)).toBe(loggedOutcomes);
    expect(() => configuredReporter({ NIANBAO_CMS_URL: cmsUrl })(config)).toThrow(/NIANBAO_CMS_TOKEN_SECRET_ARN/);
  });
});
