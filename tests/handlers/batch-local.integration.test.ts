// The synthesized batch state machine, run locally (aws-local-stepfunctions): its listing reads the agencies with
// statistics for the year from the statistics table (dynalite) page by page, and the Map starts one pipeline
// execution per agency, named {agency}-{year}-{batch}; the same batch started again names the same runs.
import { randomUUID } from 'node:crypto';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamoDocumentClient, ensureTable } from '../../functions/adapters/dynamodb-client';
import {
  agenciesWithStatistics,
  DynamoStatisticsRepository,
} from '../../functions/adapters/dynamodb-statistics-repository';
import type { PublishConfig } from '../../functions/adapters/publish-config';
import { logger } from '../../functions/handlers/handler-logger';
import { createListAgenciesHandler } from '../../functions/handlers/list-agencies-handler';
import type { Requested } from '../../functions/pipeline/run-stages';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { ArchiveStack } from '../../infra/archive-stack';
import { sampleReport } from '../publish/publish-scenarios';
import '../support/promise-with-resolvers';
import { synthesizedDefinition } from '../support/synthesized-definition';

const agencies2024 = ['batch-a', 'batch-b', 'batch-c', 'batch-d', 'batch-e'];
let config: PublishConfig;
let definition: StateMachineDefinition;

beforeAll(async () => {
  logger.setLogLevel('SILENT');
  const aws = inject('localAws');
  config = {
    region: 'cn-north-1',
    table: `nianbao-batch-${randomUUID().slice(0, 8)}`,
    bucket: aws.bucket,
    stagingBucket: aws.stagingBucket,
    dynamodbEndpoint: aws.dynamodbEndpoint,
  };
  await ensureTable(config);
  const statistics = new DynamoStatisticsRepository(dynamoDocumentClient(config), config.table);
  const put = (agency: string, year: number) =>
    statistics.put({ ...splitReport(sampleReport(agency)).statistics, year });
  // Out of order, and another year's that must not be listed.
  for (const agency of [...agencies2024].reverse()) await put(agency, 2024);
  await put('batch-other-year', 2023);
  process.env.CDK_VALIDATION = 'false';
  const stack = new ArchiveStack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Batch');
  definition = synthesizedDefinition(Template.fromStack(stack), 'PipelineStateMachineBatch', (token) =>
    token.Ref === 'AWS::Partition'
      ? 'aws-cn'
      : `arn:aws-cn:lambda:cn-north-1:123456789012:function:${token['Fn::GetAtt']?.[0] ?? token.Ref}`,
  ) as unknown as StateMachineDefinition;
}, 60_000);

/** Runs the batch with a listing of `pageSize` agencies a page; the runs it would start, in the order started. */
async function runBatch(input: unknown, executionName: string, pageSize = 2) {
  const started: Requested[] = [];
  const names: string[] = [];
  const pages: unknown[] = [];
  const list = createListAgenciesHandler(
    (year, page) => agenciesWithStatistics(dynamoDocumentClient(config), config.table, year, page),
    pageSize,
  );
  const execution = new StateMachine(definition, { validationOptions: { checkArn: false } }).run(input as never, {
    context: { Execution: { Name: executionName } },
    overrides: {
      taskResourceLocalHandlers: {
        listAgencies: async (event: unknown) => {
          const page = await list(event as never);
          pages.push(page);
          return page;
        },
        // states:startExecution.sync of the run state machine: the run it would start (its name is the run id).
        runOne: async (parameters: unknown) => {
          const { Input, Name } = parameters as { Input: Requested; Name: string };
          names.push(Name);
          started.push(Input);
          return { Status: 'SUCCEEDED' };
        },
      } as never,
    },
  });
  const result = await execution.result.then(
    (output: unknown): { output?: unknown; error?: Error } => ({ output }),
    (error: unknown) => ({ error: error as Error }),
  );
  return { ...result, started, names, pages };
}

describe('the batch state machine, run locally against the statistics table', () => {
  it("starts one run per agency with the year's statistics, page by page, each named after its run", async () => {
    const { error, started, names, pages } = await runBatch({ year: 2024, changeNote: '批量发布' }, 'province-2024');
    expect(error).toBeUndefined();
    expect(names).toEqual(started.map((r) => r.run.id));
    expect(pages).toHaveLength(3);
    expect(started.map((r) => r.run.request.agency).sort()).toEqual(agencies2024);
    const [first] = started;
    expect(first?.run).toEqual({
      id: expect.stringMatching(/^batch-[a-e]-2024-[0-9a-f]{10}$/),
      source: { kind: 'cli' },
      request: { agency: first?.run.request.agency, year: 2024, changeNote: '批量发布', approver: null },
    });
    expect(first).not.toHaveProperty('staged');
    expect(new Set(started.map((r) => r.run.id.slice(-10))).size).toBe(1);
  });

  it('names the same runs when the same batch is started again, and other runs for another batch', async () => {
    const ids = async (name: string) => (await runBatch({ year: 2024 }, name, 10)).started.map((r) => r.run.id).sort();
    const first = await ids('province-2024-again');
    expect(await ids('province-2024-again')).toEqual(first);
    expect(await ids('province-2024-other')).not.toEqual(first);
  });

  it('fails a year without statistics, or no year, saying so', async () => {
    const none = await runBatch({ year: 2031 }, 'empty-year');
    expect(none.error?.message ?? '').toMatch(/no statistics for 2031/);
    expect(none.started).toEqual([]);
    const bad = await runBatch({ year: '2024' }, 'bad-year');
    expect(bad.error?.message ?? '').toMatch(/year: expected a report year/);
  });
});
