// The CMS and the pipeline agree on the wire: the CMS's HTTP gateway (as on AWS) against the real check-report,
// preview-draft, upload-statistics and start-run Lambda handlers behind a local HTTP server: its signature is
// accepted, the check returns the findings, the preview the draft page, an upload is stored or refused, a hand-over
// starts one execution (again: "already started"), and a wrong secret is refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpPipelineGateway } from '../../cms/src/nianbao/http-pipeline-gateway';
import type { HandOverMessage } from '../../cms/src/nianbao/pipeline-contract';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { createCheckReportHandler } from '../../functions/handlers/check-report-handler';
import { logger } from '../../functions/handlers/handler-logger';
import { createPreviewDraftHandler } from '../../functions/handlers/preview-draft-handler';
import { createStartRunHandler } from '../../functions/handlers/start-run-handler';
import { createUploadStatisticsHandler } from '../../functions/handlers/upload-statistics-handler';
import { statisticsCsv } from '../../functions/statistics/statistics-csv';
import { sampleReport } from '../publish/publish-scenarios';
import { memoryPipeline } from '../support/memory-pipeline';
import { storeUnbalancedStatistics } from '../support/unbalanced-statistics';

const secret = 'shared-between-the-cms-and-the-pipeline';
const fontBaseUrl = 'https://archive.example.gov.cn/assets/fonts/';
const pipeline = memoryPipeline();
const executions = new Set<string>();
let server: Server;
let url: string;

beforeAll(async () => {
  logger.setLogLevel('SILENT');
  const routes = {
    '/checks': createCheckReportHandler({ ...pipeline.ports, secret: async () => secret }),
    '/statistics': createUploadStatisticsHandler({ statistics: pipeline.statistics, secret: async () => secret }),
    '/previews': createPreviewDraftHandler({ ...pipeline.ports, secret: async () => secret, fontBaseUrl }),
    '/runs': createStartRunHandler({
      staging: pipeline.staging,
      secret: async () => secret,
      async startExecution(name) {
        if (executions.has(name)) return 'already-started';
        executions.add(name);
        return 'started';
      },
    }),
  };
  // API Gateway's payload 2.0, as far as the handlers read it.
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const route = routes[req.url as keyof typeof routes];
      const event = {
        body,
        isBase64Encoded: false,
        headers: req.headers,
        requestContext: { http: { method: req.method } },
      } as unknown as APIGatewayProxyEventV2;
      void route(event).then((answer) => {
        res.writeHead(answer.statusCode ?? 500, answer.headers as Record<string, string>);
        res.end(answer.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const narrativeOf = (agency: string) =>
  splitReport(sampleReport(agency)).narrative as unknown as HandOverMessage['narrative'];

describe("the CMS's HTTP gateway and the pipeline's API", () => {
  it('gets the approval check: an R1 error in the stored statistics, by cell', async () => {
    await storeUnbalancedStatistics(pipeline.statistics, 'wire-check');
    const check = await httpPipelineGateway({ url, secret }).check(narrativeOf('wire-check'));
    expect(check.errors).toBeGreaterThan(0);
    expect(check.findings).toContainEqual(
      expect.objectContaining({ rule: 'R1', cells: expect.arrayContaining(['applications.received.total']) }),
    );
  });

  it('gets the draft preview: the page marked 草稿 with its finding, and the CSP the admin sends with it', async () => {
    await storeUnbalancedStatistics(pipeline.statistics, 'wire-preview');
    const preview = await httpPipelineGateway({ url, secret }).preview(narrativeOf('wire-preview'));
    expect(preview.html).toContain('草稿');
    expect(preview.html).toMatch(/\[R1\]/);
    expect(preview.contentSecurityPolicy).toContain('font-src https://archive.example.gov.cn;');
  });

  it('hands a run over once; the same message again is taken as already started', async () => {
    const gateway = httpPipelineGateway({ url, secret });
    const message: HandOverMessage = {
      run: {
        id: 'wire-run-1',
        source: { kind: 'cms', documentId: 'doc1', runRecordId: 'rec1' },
        request: { agency: 'wire-run', year: 2023, changeNote: null, approver: '审核人' },
      },
      narrative: narrativeOf('wire-run'),
    };
    await gateway.handOver(message);
    await gateway.handOver(message);
    expect([...executions]).toEqual(['wire-run-1']);
    expect(await pipeline.staging.get('runs/wire-run-1/narrative.json')).toBeDefined();
  });

  it("uploads a report's statistics: stored when right, refused with its findings (and nothing stored) when not", async () => {
    const gateway = httpPipelineGateway({ url, secret });
    const record = splitReport(sampleReport('wire-upload')).statistics;
    const csv = new TextDecoder().decode(statisticsCsv(record));
    const upload = (text: string) =>
      gateway.uploadStatistics({
        agency: 'wire-upload',
        year: 2023,
        fileName: 'tables.csv',
        content: Buffer.from(text).toString('base64'),
      });
    const refused = await upload(csv.replace('applications.received,', 'applications.recieved,'));
    expect(refused).toMatchObject({ stored: false, findings: expect.arrayContaining([expect.anything()]) });
    expect(await pipeline.statistics.get('wire-upload', 2023)).toBeUndefined();
    expect(await upload(csv)).toEqual({ stored: true, agency: 'wire-upload', year: 2023 });
    expect(await pipeline.statistics.get('wire-upload', 2023)).toBeDefined();
  });

  it('is refused with another secret, saying so', async () => {
    const gateway = httpPipelineGateway({ url, secret: 'not-the-secret' });
    await expect(gateway.check(narrativeOf('wire-refused'))).rejects.toThrow(/answered 401/);
  });
});
