// The pipeline as synthesized: the state machine is the step list in order with its retries and catches, and each
// function's role reaches only its own bucket prefixes, table actions and secrets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import validateAsl from 'asl-validator';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { pipelineSteps } from '../../functions/pipeline/pipeline-steps';
import { retryableErrorName } from '../../functions/pipeline/step-failure';
import { ArchiveStack } from '../../infra/archive-stack';
import { deadLetterState, recordOutcomeState } from '../../infra/constructs/pipeline-state-machine';
import { startRunThrottle } from '../../infra/constructs/report-pipeline';
import { usesFontsLayer } from '../../infra/function-bundles';
import { happyPathTasks, synthesizedDefinition } from '../support/synthesized-definition';

let stack: ArchiveStack;
let template: Template;

beforeAll(() => {
  process.env.CDK_VALIDATION = 'false';
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new ArchiveStack(app, 'Test');
  template = Template.fromStack(stack);
});

const logicalId = (construct: { node: { defaultChild?: unknown } } | object) =>
  stack.getLogicalId((construct as { node: { defaultChild: never } }).node.defaultChild);

describe('the state machine', () => {
  it('runs a Task per step of the step list, in its order, then records the outcome', () => {
    const definition = synthesizedDefinition(template, 'PipelineStateMachineRun');
    expect(happyPathTasks(definition)).toEqual([...pipelineSteps.map((s) => s.name), recordOutcomeState]);
  });

  it('synthesizes valid Amazon States Language, for the run and for the batch', () => {
    for (const id of ['PipelineStateMachineRun', 'PipelineStateMachineBatch']) {
      const definition = synthesizedDefinition(template, id, (token) =>
        token.Ref === 'AWS::Partition' ? 'aws-cn' : `arn:aws-cn:lambda:cn-north-1:123456789012:function:${id}`,
      );
      const { isValid, errorsText } = validateAsl(definition, { checkArn: false, checkPaths: true });
      expect(isValid, errorsText('\n')).toBe(true);
    }
  });

  it('retries each step on the retryable error with full jitter and sends every failure to record-outcome', () => {
    const { States } = synthesizedDefinition(template, 'PipelineStateMachineRun');
    for (const { name } of pipelineSteps) {
      const state = States[name]!;
      expect(state.Retry).toContainEqual(
        expect.objectContaining({ ErrorEquals: [retryableErrorName], JitterStrategy: 'FULL' }),
      );
      const caught = state.Catch?.find((c) => c.ErrorEquals.includes('States.ALL'));
      expect(States[caught!.Next]?.Next).toBe(recordOutcomeState);
      const passed = States[state.Next!]!;
      expect(passed.Choices?.map((c) => c.Next)).toEqual([recordOutcomeState]);
    }
    expect(States[recordOutcomeState]?.Catch?.[0]?.Next).toBe(deadLetterState);
  });

  it('traces the state machines and functions with X-Ray', () => {
    const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(2);
    for (const m of machines) expect(m).toMatchObject({ Properties: { TracingConfiguration: { Enabled: true } } });
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThanOrEqual(7);
    for (const f of functions) expect(f).toMatchObject({ Properties: { TracingConfig: { Mode: 'Active' } } });
  });

  it("runs a batch as pages of the year's agencies, each a Map of pipeline executions with bounded concurrency", () => {
    const definition = synthesizedDefinition(template, 'PipelineStateMachineBatch');
    const { States } = definition;
    expect(definition.StartAt).toBe('listAgencies');
    expect(States.listAgencies?.Next).toBe('eachRun');
    const map = States.eachRun as unknown as {
      MaxConcurrency: number;
      ItemsPath: string;
      ItemProcessor: { States: object };
      Next: string;
    };
    expect(map.ItemsPath).toBe('$.agencies');
    expect(map.MaxConcurrency).toBeGreaterThan(0);
    expect(map.MaxConcurrency).toBeLessThanOrEqual(50);
    expect(JSON.stringify(map.ItemProcessor.States)).toContain('"Name.$":"$.run.id"');
    // While the listing says there is a next page, back to the listing from after the last agency.
    expect(States[map.Next]?.Choices?.map((c) => c.Next)).toEqual(['nextPage']);
    expect(States.nextPage?.Next).toBe('listAgencies');
  });
});

describe('the way in', () => {
  it('is POST /runs, /checks, /previews and /statistics on an HTTP API, throttled and access-logged, to their functions only', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 4);
    for (const route of ['POST /runs', 'POST /checks', 'POST /previews', 'POST /statistics'])
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: route });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: startRunThrottle.rateLimit, ThrottlingBurstLimit: 50 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    template.resourceCountIs('AWS::Lambda::Url', 0);
    const { startRun, checkReport, previewDraft, uploadStatistics } = stack.pipeline.functions;
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).map((p) => JSON.stringify(p));
    for (const fn of [startRun, checkReport, previewDraft, uploadStatistics])
      expect(permissions.filter((p) => p.includes(logicalId(fn)))).toHaveLength(1);
    expect(permissions).toHaveLength(4);
  });

  it('gives the preview function the archive site for its fonts and no browser', () => {
    const resources = (template.toJSON() as { Resources: Record<string, unknown> }).Resources;
    const fn = resources[logicalId(stack.pipeline.functions.previewDraft)] as {
      Properties: { Environment: { Variables: Record<string, unknown> }; MemorySize: number };
    };
    expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
      expect.arrayContaining(['NIANBAO_PUBLIC_BASE_URL', 'NIANBAO_HANDOVER_SECRET_ARN', 'NIANBAO_TABLE']),
    );
    expect(fn.Properties.MemorySize).toBeLessThan(2048);
  });

  it("gives the site libraries' layer to updatePublicView only, and the fonts layer to the functions that read fonts", () => {
    const layers = template.findResources('AWS::Lambda::LayerVersion');
    const layerId = (description: RegExp) =>
      Object.keys(layers).find((id) => description.test(JSON.stringify(layers[id]))) ?? 'missing';
    const [fonts, site] = [layerId(/web fonts/), layerId(/pinyin-pro.*ECharts/)];
    const resources = (template.toJSON() as { Resources: Record<string, { Properties: { Layers?: unknown } }> })
      .Resources;
    const withLayer = (id: string) =>
      Object.entries(stack.pipeline.functions)
        .filter(([, fn]) => JSON.stringify(resources[logicalId(fn)]?.Properties.Layers ?? []).includes(id))
        .map(([name]) => name)
        .sort();
    expect(withLayer(site)).toEqual(['updatePublicView']);
    expect(withLayer(fonts)).toEqual([...usesFontsLayer].sort());
    expect(resources[logicalId(stack.pipeline.functions.updatePublicView)]?.Properties.Layers).toEqual([
      { Ref: fonts },
      { Ref: site },
    ]);
  });

  it('traces no function in the China regions, which have no Lambda X-Ray integration', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const china = Template.fromStack(new ArchiveStack(app, 'China', { env: { region: 'cn-north-1' } }));
    const functions = Object.values(china.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThanOrEqual(7);
    for (const f of functions) expect(JSON.stringify(f)).not.toContain('"Mode":"Active"');
  });
});

describe('each function role', () => {
  /** "action resource" lines of the role's policies, with logical ids named. */
  function grants(fn: keyof ArchiveStack['pipeline']['functions']): string[] {
    const { pipeline, table, archive, staging } = stack;
    const names = new Map<string, string>([
      [logicalId(table.table), 'table'],
      [logicalId(archive.bucket), 'archive'],
      [logicalId(staging.bucket), 'staging'],
      [logicalId(pipeline.handOverSecret), 'handOverSecret'],
      [logicalId(pipeline.cmsResultsToken), 'cmsResultsToken'],
      [logicalId(pipeline.stateMachine.stateMachine), 'stateMachine'],
      [logicalId(archive.distribution), 'distribution'],
    ]);
    const role = (pipeline.functions[fn].role as unknown as { node: { defaultChild: never } }).node.defaultChild;
    const roleId = stack.getLogicalId(role);
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p).includes(`{"Ref":"${roleId}"}`),
    ) as { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } }[];
    const describe = (resource: unknown): string => {
      let text = JSON.stringify(resource);
      for (const [id, name] of names) text = text.replaceAll(id, name);
      return text;
    };
    return policies.flatMap((p) =>
      p.Properties.PolicyDocument.Statement.flatMap((s) => {
        const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
        return [s.Action].flat().flatMap((action) => resources.map((r) => `${action} ${describe(r)}`));
      }),
    );
  }

  const dataAction = /^(s3|dynamodb|secretsmanager|states|sqs|cloudfront):/;
  const touches = (lines: string[], pattern: RegExp) => lines.filter((l) => pattern.test(l));

  it('has no wildcard resource on a data action', () => {
    for (const fn of Object.keys(stack.pipeline.functions) as (keyof ArchiveStack['pipeline']['functions'])[]) {
      for (const line of grants(fn).filter((l) => dataAction.test(l))) expect(line, fn).not.toMatch(/ "\*"$/);
    }
  });

  it('reaches only its own prefixes of its own buckets', () => {
    const objects = (fn: Parameters<typeof grants>[0]) =>
      touches(grants(fn), /^s3:(Get|Put)Object/).map((l) => {
        const [action, resource] = l.split(' ');
        return `${action} ${/"(staging|archive)"/.exec(resource!)?.[1]}${/\/([a-z]+)\/\*/.exec(resource!)?.[1]}`;
      });
    expect(new Set(objects('render'))).toEqual(new Set(['s3:GetObject stagingruns', 's3:PutObject stagingruns']));
    expect(new Set(objects('validate'))).toEqual(new Set(['s3:GetObject stagingruns', 's3:GetObject archivereports']));
    expect(new Set(objects('publish'))).toEqual(
      new Set([
        's3:GetObject stagingruns',
        's3:GetObject archivereports',
        's3:PutObject archivereports',
        's3:GetObject archiveassets',
        's3:PutObject archiveassets',
      ]),
    );
    expect(objects('updatePublicView').every((l) => l.endsWith('archivereports'))).toBe(true);
    for (const fn of ['checkReport', 'previewDraft'] as const)
      expect(objects(fn), fn).toEqual(['s3:GetObject archivereports']);
    expect(new Set(objects('assemble'))).toEqual(
      new Set(['s3:GetObject stagingruns', 's3:PutObject stagingruns', 's3:GetObject stagingnarratives']),
    );
    expect(objects('listAgencies')).toEqual([]);
    expect(objects('uploadStatistics')).toEqual([]);
    for (const fn of ['recordOutcome', 'startRun'] as const)
      expect(
        objects(fn).every((l) => l.endsWith('stagingruns')),
        fn,
      ).toBe(true);
  });

  it('gets only the table actions its step needs, and the secrets and state machine it uses', () => {
    const of = (fn: Parameters<typeof grants>[0], service: string) =>
      [...new Set(touches(grants(fn), new RegExp(`^${service}:`)).map((l) => l.split(' ')[0]))].sort();
    expect(of('assemble', 'dynamodb')).toEqual(['dynamodb:GetItem']);
    expect(of('publish', 'dynamodb')).toEqual(['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(of('updatePublicView', 'dynamodb')).toEqual(['dynamodb:Query']);
    for (const fn of ['checkReport', 'previewDraft'] as const) {
      expect(of(fn, 'dynamodb'), fn).toEqual(['dynamodb:GetItem']);
      expect(touches(grants(fn), /^secretsmanager:GetSecretValue/), fn).toEqual([
        expect.stringContaining('handOverSecret'),
      ]);
      expect(touches(grants(fn), /^(states|sqs|cloudfront|s3:Put)/), fn).toEqual([]);
    }
    for (const fn of ['validate', 'render', 'recordOutcome', 'startRun'] as const)
      expect(of(fn, 'dynamodb')).toEqual([]);
    // An editor's upload: one PutItem on the table, the hand-over secret, nothing else.
    expect(of('uploadStatistics', 'dynamodb')).toEqual(['dynamodb:PutItem']);
    expect(touches(grants('uploadStatistics'), /^(s3|states|sqs|cloudfront):/)).toEqual([]);
    expect(touches(grants('uploadStatistics'), /^secretsmanager:GetSecretValue/)).toEqual([
      expect.stringContaining('handOverSecret'),
    ]);
    // The batch's listing: Query on the statisticsByYear index, nothing on the table itself.
    expect(touches(grants('listAgencies'), dataAction)).toEqual([
      expect.stringMatching(/^dynamodb:Query .*table.*\/index\/statisticsByYear"/),
    ]);
    expect(touches(grants('startRun'), /^secretsmanager:GetSecretValue/)).toEqual([
      expect.stringContaining('handOverSecret'),
    ]);
    expect(touches(grants('recordOutcome'), /^secretsmanager:GetSecretValue/)).toEqual([
      expect.stringContaining('cmsResultsToken'),
    ]);
    for (const fn of ['assemble', 'validate', 'render', 'publish', 'updatePublicView', 'listAgencies'] as const)
      expect(touches(grants(fn), /^(secretsmanager|states):/), fn).toEqual([]);
    expect(touches(grants('startRun'), /^states:StartExecution/)).toEqual([expect.stringContaining('stateMachine')]);
    expect(touches(grants('updatePublicView'), /^cloudfront:/)).toEqual([expect.stringContaining('distribution')]);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in the pipeline (each acknowledgement has its reason in report-pipeline.ts)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'nianbao-nag-'));
    try {
      const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      new ArchiveStack(app, 'Nag');
      let report = '';
      try {
        app.synth();
      } catch (error) {
        report = String(error);
      }
      // Each finding names its construct path on its own line ("Nag/Pipeline/Render/Resource aws-cdk-lib…").
      expect(report.match(/^\s*Nag\/Pipeline\/\S+/gm) ?? []).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
