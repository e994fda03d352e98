// The synthesized state machine, run locally: its definition taken from the stack's template, executed by
// aws-local-stepfunctions, each Task bound to the *bundled* handler of its step, against dynalite and s3rver (through
// a proxy that can inject faults) with the shared test Chromium. It publishes what the local runner publishes, ends
// a report that does not add up rejected with its findings, rides out a busy service through the Retry, and
// reports a permanent fault as failed to the run's source.
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import { chmod, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ChromiumRenderer } from '../../functions/adapters/chromium-renderer';
import { ensureTable } from '../../functions/adapters/dynamodb-client';
import { LogOutcomeReporter } from '../../functions/adapters/log-outcome-reporter';
import { pipelinePorts } from '../../functions/adapters/pipeline-wiring';
import type { PublishConfig } from '../../functions/adapters/publish-config';
import { publishStores, type PublishStores } from '../../functions/adapters/publish-stores';
import { ensureBuckets, s3Client } from '../../functions/adapters/s3-artifact-store';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { acceptHandOver } from '../../functions/pipeline/hand-over';
import { newRun, type Run } from '../../functions/pipeline/run';
import type { RunOutcome, RunOutcomeReporter } from '../../functions/pipeline/run-outcome';
import { runPipeline } from '../../functions/pipeline/run-pipeline';
import type { Requested } from '../../functions/pipeline/run-stages';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { ArchiveStack } from '../../infra/archive-stack';
import {
  bundleFile,
  bundleFontsLayer,
  bundleFunction,
  bundleSiteLibrariesLayer,
  type FunctionName,
} from '../../infra/function-bundles';
import { deadLetterState } from '../../infra/constructs/pipeline-state-machine';
import { sampleReport } from '../publish/publish-scenarios';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import '../support/promise-with-resolvers';
import { synthesizedDefinition } from '../support/synthesized-definition';

type Handler = (event: unknown) => Promise<unknown>;
type Bundle = { handler: Handler; recordOutcomeHandler?: (factory: () => RunOutcomeReporter) => Handler };

const stepFunctions = ['assemble', 'validate', 'render', 'publish', 'updatePublicView', 'recordOutcome'] as const;

let root: string;
let proxy: FaultProxy;
let definition: StateMachineDefinition;
let handlers: Record<string, Handler>;
let sfnStores: PublishStores;
let runnerStores: PublishStores;
let runnerConfig: PublishConfig;
let renderer: ChromiumRenderer;
const reported: { run: Run; outcome: RunOutcome }[] = [];
/** Every Task invocation, with the error name when it threw; `onError` lets a test react (lift a fault). */
const calls: { state: string; runId: string; error?: string }[] = [];
let onError: ((state: string, error: Error) => void) | undefined;
const deadLetters: unknown[] = [];
const year = 2023;

const fakeCms: RunOutcomeReporter = {
  async progress() {},
  async outcome(run, outcome) {
    reported.push({ run, outcome });
  },
};

beforeAll(async () => {
  const aws = inject('localAws');
  root = await mkdtemp(join(tmpdir(), 'nianbao-sfn-'));
  await chmod(root, 0o755);
  for (const name of stepFunctions) bundleFunction(name, join(root, name));
  // The layers beside the bundles: found from them as they are found through NODE_PATH on Lambda.
  bundleFontsLayer(join(root, 'layer'));
  bundleSiteLibrariesLayer(join(root, 'site-layer'));
  for (const layer of ['layer', 'site-layer'])
    await cp(join(root, layer, 'nodejs', 'node_modules'), join(root, 'node_modules'), { recursive: true });

  proxy = await startFaultProxy(aws.s3Endpoint);
  const table = `nianbao-sfn-${randomUUID().slice(0, 8)}`;
  const sfnConfig: PublishConfig = {
    region: 'cn-north-1',
    table,
    bucket: aws.bucket,
    stagingBucket: aws.stagingBucket,
    dynamodbEndpoint: aws.dynamodbEndpoint,
    s3Endpoint: aws.s3Endpoint,
  };
  // The local runner publishes the same reports into an archive of its own, to compare the files.
  runnerConfig = { ...sfnConfig, table: `${table}-runner`, bucket: `nianbao-runner-${randomUUID().slice(0, 8)}` };
  await Promise.all([ensureTable(sfnConfig), ensureTable(runnerConfig), ensureBuckets(runnerConfig)]);
  sfnStores = publishStores(sfnConfig);
  runnerStores = publishStores(runnerConfig);
  renderer = new ChromiumRenderer({ browserWSEndpoint: inject('chromiumWsEndpoint') });

  // Lambda's configuration of each function, read once when its bundle is imported.
  Object.assign(process.env, {
    AWS_REGION: 'cn-north-1',
    NIANBAO_TABLE: table,
    NIANBAO_BUCKET: aws.bucket,
    NIANBAO_STAGING_BUCKET: aws.stagingBucket,
    NIANBAO_DYNAMODB_ENDPOINT: aws.dynamodbEndpoint,
    NIANBAO_S3_ENDPOINT: proxy.endpoint,
    NIANBAO_CHROMIUM_WS_ENDPOINT: inject('chromiumWsEndpoint'),
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  const bundles = {} as Record<FunctionName, Bundle>;
  // Loaded by Node itself (require of an ES module, Node ≥ 20.19), as Lambda loads them: not through vitest's transform.
  const load = createRequire(import.meta.url);
  for (const name of stepFunctions) bundles[name] = load(join(root, name, bundleFile)) as Bundle;

  process.env.CDK_VALIDATION = 'false';
  const stack = new ArchiveStack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Local');
  const template = Template.fromStack(stack);
  definition = synthesizedDefinition(template, 'PipelineStateMachineRun', (token) =>
    token.Ref === 'AWS::Partition'
      ? 'aws-cn'
      : `arn:aws-cn:lambda:cn-north-1:123456789012:function:${token['Fn::GetAtt']?.[0] ?? token.Ref}`,
  ) as unknown as StateMachineDefinition;
  const logged =
    (state: string, handler: Handler): Handler =>
    async (event) => {
      const runId = (event as { run: Run }).run.id;
      try {
        const result = await handler(event);
        calls.push({ state, runId });
        return result;
      } catch (error) {
        calls.push({ state, runId, error: (error as Error).name });
        onError?.(state, error as Error);
        throw error;
      }
    };
  handlers = {
    ...Object.fromEntries(stepFunctions.map((name) => [name, logged(name, bundles[name].handler)])),
    recordOutcome: logged(
      'recordOutcome',
      bundles.recordOutcome.recordOutcomeHandler!(() => fakeCms),
    ),
    [deadLetterState]: async (message) => {
      deadLetters.push(message);
      return {};
    },
  };
}, 120_000);

afterAll(async () => {
  // A beforeAll that failed part-way leaves some of them unset.
  const started = { renderer, proxy } as Partial<{ renderer: ChromiumRenderer; proxy: FaultProxy }>;
  await started.renderer?.close();
  await started.proxy?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** A CMS run of `report`: its narrative handed over (staged), its statistics imported. */
async function handOver(report: ReportDocument, stores: PublishStores): Promise<Requested> {
  const { narrative, statistics } = splitReport(report);
  await stores.statistics.put(statistics);
  const run = newRun({ agency: report.agency.code, year }, { kind: 'cms', documentId: 'doc1', runRecordId: 'rec1' });
  return acceptHandOver({ run, narrative }, stores.staging);
}

async function execute(
  requested: Requested,
  retryIntervalOverrides: Record<string, number> = {},
): Promise<{ output?: unknown; error?: Error; outcome?: RunOutcome }> {
  const execution = new StateMachine(definition, { validationOptions: { checkArn: false } }).run(requested as never, {
    overrides: { taskResourceLocalHandlers: handlers as never, retryIntervalOverrides },
  });
  const result = await execution.result.then(
    (output) => ({ output }),
    (error: unknown) => ({ error: error as Error }),
  );
  const outcome = reported.find((r) => r.run.id === requested.run.id)?.outcome;
  return { ...result, ...(outcome ? { outcome } : {}) };
}

async function archivedFiles(config: PublishConfig, prefix: string): Promise<Map<string, Uint8Array>> {
  const client = s3Client(config, config.bucket);
  const listed = await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix }));
  const store = config === runnerConfig ? runnerStores.store : sfnStores.store;
  const files = new Map<string, Uint8Array>();
  for (const { Key } of listed.Contents ?? []) files.set(Key!, (await store.get(Key!))!);
  return files;
}

/** SHA-256 of a file with the fields that carry the time blanked (PDF dates, publishedAt and the like). */
function timelessHash(body: Uint8Array): string {
  let text = new TextDecoder('latin1').decode(body);
  text = text.replace(/D:\d{14}[^)]*/g, 'D:0').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'T0');
  return createHash('sha256').update(text, 'latin1').digest('hex');
}

/** Each file's timeless hash; a manifest's entries carry their files' timeless hashes instead of the real ones. */
function timelessHashes(files: Map<string, Uint8Array>): string[] {
  return [...files]
    .map(([key, body]) => {
      // A version page cites its files' SHA-256 (the manifest's): they carry the PDF's time, compared via the manifest.
      if (/\/v\d+\.html$/.test(key))
        return `${key} ${timelessHash(new TextEncoder().encode(new TextDecoder().decode(body).replace(/[0-9a-f]{64}/g, 'SHA')))}`;
      if (!key.endsWith('/manifest.json')) return `${key} ${timelessHash(body)}`;
      const folder = key.slice(0, -'manifest.json'.length);
      const manifest = JSON.parse(new TextDecoder().decode(body)) as { files: { name: string; sha256: string }[] };
      for (const entry of manifest.files) entry.sha256 = timelessHash(files.get(`${folder}${entry.name}`)!);
      return `${key} ${timelessHash(new TextEncoder().encode(JSON.stringify(manifest)))}`;
    })
    .sort();
}

describe('the synthesized state machine, run locally on the bundled handlers', () => {
  it('publishes the same files as the local runner for the same report', async () => {
    const agency = `sfn-${randomUUID().slice(0, 8)}`;
    const report = sampleReport(agency);
    const viaRunner = await runPipeline(
      await handOver(report, runnerStores),
      pipelinePorts(runnerConfig, renderer, { stores: runnerStores, narratives: { get: async () => undefined } }),
      new LogOutcomeReporter(),
    );
    const { output, outcome } = await execute(await handOver(report, sfnStores));
    expect(outcome).toMatchObject({ kind: 'published', version: 1, reused: false });
    expect(output).toEqual(outcome);
    expect(viaRunner).toEqual(outcome);

    const prefix = `reports/${agency}/`;
    const [mine, theirs] = await Promise.all([
      archivedFiles(runnerConfig, prefix),
      archivedFiles({ ...runnerConfig, bucket: inject('localAws').bucket }, prefix),
    ]);
    expect(mine.size).toBeGreaterThanOrEqual(4);
    expect(timelessHashes(theirs)).toEqual(timelessHashes(mine));
  });

  it('ends a report that does not add up rejected with its findings, publishing nothing, and tells the CMS', async () => {
    const agency = `sfn-${randomUUID().slice(0, 8)}`;
    const invalid = structuredClone(sampleReport(agency)) as unknown as {
      statistics: { applications: { received: { total: number } } };
    };
    invalid.statistics.applications.received.total += 1;
    const { output, outcome } = await execute(await handOver(invalid as unknown as ReportDocument, sfnStores));
    expect(outcome).toMatchObject({ kind: 'rejected', step: 'validate' });
    expect(output).toEqual(outcome);
    const rules = outcome?.kind === 'rejected' ? outcome.findings.map((f) => f.rule) : [];
    expect(rules).toContain('R1');
    expect(
      (await archivedFiles({ ...runnerConfig, bucket: inject('localAws').bucket }, `reports/${agency}/`)).size,
    ).toBe(0);
  });

  it('retries a step whose service was busy, and the run completes', async () => {
    const agency = `sfn-${randomUUID().slice(0, 8)}`;
    const requested = await handOver(sampleReport(agency), sfnStores);
    const { stagingBucket } = inject('localAws');
    // Busy until the render function has given up once (after the SDK's own retries): then the state machine's Retry.
    const fault = {
      match: new RegExp(`^PUT /${stagingBucket}/runs/${requested.run.id}/report\\.pdf`),
      status: 503,
      code: 'SlowDown',
      times: 1000,
    };
    proxy.faults.push(fault);
    onError = (state) => {
      if (state === 'render') fault.times = 0;
    };
    const { outcome } = await execute(requested);
    onError = undefined;
    const renders = calls.filter((c) => c.runId === requested.run.id && c.state === 'render');
    expect(renders).toEqual([
      { state: 'render', runId: requested.run.id, error: 'RetryableStepError' },
      { state: 'render', runId: requested.run.id },
    ]);
    expect(proxy.failed.filter((line) => line.includes(requested.run.id)).length).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ kind: 'published', version: 1 });
  });

  it('ends a permanent fault failed and reports it to the CMS', async () => {
    const agency = `sfn-${randomUUID().slice(0, 8)}`;
    const requested = await handOver(sampleReport(agency), sfnStores);
    proxy.faults.push({
      match: new RegExp(`^PUT /${inject('localAws').bucket}/reports/${agency}/`),
      status: 403,
      code: 'AccessDenied',
      times: Number.POSITIVE_INFINITY,
    });
    const { error, outcome } = await execute(requested);
    // The execution fails (what the failed-executions alarm counts) at the Fail state named for it.
    expect((error?.cause as Error | undefined)?.name).toBe('RunFailed');
    expect(outcome).toMatchObject({ kind: 'failed', step: 'publish', reason: expect.stringContaining('AccessDenied') });
    // Not retried: a refusal is not busy.
    expect(calls.filter((c) => c.runId === requested.run.id && c.state === 'publish')).toHaveLength(1);
    expect(deadLetters).toEqual([]);
  });

  it('sends a run whose outcome cannot be recorded to the dead letters, after retrying', async () => {
    const agency = `sfn-${randomUUID().slice(0, 8)}`;
    const requested = await handOver(sampleReport(agency), sfnStores);
    proxy.faults.push({
      match: new RegExp(`^PUT /${inject('localAws').stagingBucket}/runs/${requested.run.id}/outcome\\.json`),
      status: 403,
      code: 'AccessDenied',
      times: Number.POSITIVE_INFINITY,
    });
    // The synthesized backoff (2 s doubling, full jitter) is the template's business; here the waits are skipped.
    const { error } = await execute(requested, { recordOutcome: 0 });
    expect((error?.cause as Error | undefined)?.name).toBe('OutcomeNotRecorded');
    const attempts = calls.filter((c) => c.runId === requested.run.id && c.state === 'recordOutcome');
    expect(attempts.length).toBeGreaterThan(1);
    // The message is the run's last state and why its outcome was not recorded: enough to replay it.
    expect(deadLetters).toEqual([
      expect.objectContaining({
        MessageBody: expect.objectContaining({
          run: requested.run,
          notRecorded: expect.objectContaining({ Error: 'AccessDenied' }),
        }),
      }),
    ]);
    expect(reported.filter((r) => r.run.id === requested.run.id)).toEqual([]);
  });
});
