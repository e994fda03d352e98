// The pipeline on AWS: a Lambda per step (bundled locally with esbuild, infra/function-bundles.ts), the state
// machine generated from the step list, the batch, and the signed start-run endpoint the CMS calls. Each function's
// role reaches only its own table actions, bucket prefixes and secrets.
import {
  AssetHashType,
  DockerImage,
  Duration,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
  type CfnElement,
} from 'aws-cdk-lib';
import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, LayerVersion, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import {
  bundleFile,
  bundleFontsLayer,
  bundleFunction,
  bundleSiteLibrariesLayer,
  functionEntries,
  repoRoot,
  usesFontsLayer,
  usesSiteLibrariesLayer,
  type FunctionName,
} from '../function-bundles';
import { reportTableSchema } from '../../functions/adapters/dynamodb-table-schema';
import { pipelineSteps } from '../../functions/pipeline/pipeline-steps';
import { PipelineStateMachine } from './pipeline-state-machine';
import { join } from 'node:path';

export interface ReportPipelineProps {
  readonly table: ITable;
  readonly archive: IBucket;
  readonly staging: IBucket;
  /** Invalidated by updatePublicView; without it the function records invalidations in its log only. */
  readonly distribution?: IDistribution;
  /** Where the public reads the archive (the feed's links are absolute to it, run records link to it). */
  readonly publicBaseUrl?: string;
  /** Where the CMS answers (https://cmsDomain): record-outcome writes each run's outcome into its run record. */
  readonly cmsUrl?: string;
  readonly batchConcurrency?: number;
}

/** Bundled by the local esbuild at synth (no Docker): the image is never pulled. */
const localBundle = (build: (outputDir: string) => void) =>
  Code.fromAsset(join(repoRoot, 'functions'), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('local-esbuild-only'),
      local: {
        tryBundle(outputDir) {
          build(outputDir);
          return true;
        },
      },
    },
  });

/** Start-run's HTTP route: the CMS's hand-overs only, so a low rate is plenty and bounds what a flood costs. */
export const startRunThrottle = { rateLimit: 20, burstLimit: 50 };

/**
 * The China partition has no Lambda X-Ray integration and no Function URLs (docs.amazonaws.cn, Lambda, "Feature
 * Availability"): tracing is switched off there, and the way in is an HTTP API everywhere.
 */
export const inChinaRegion = (scope: Construct): boolean => {
  const { region } = Stack.of(scope);
  return !Token.isUnresolved(region) && region.startsWith('cn-');
};

/** Memory and time per function: render holds a browser (≈ 300 MB PSS) and prints in ≈ 0.3–2 s. */
const sizing: Record<FunctionName, { memorySize: number; timeout: Duration }> = {
  assemble: { memorySize: 512, timeout: Duration.seconds(30) },
  validate: { memorySize: 1024, timeout: Duration.seconds(30) },
  render: { memorySize: 2048, timeout: Duration.minutes(2) },
  publish: { memorySize: 512, timeout: Duration.minutes(1) },
  updatePublicView: { memorySize: 512, timeout: Duration.seconds(30) },
  recordOutcome: { memorySize: 256, timeout: Duration.seconds(30) },
  startRun: { memorySize: 256, timeout: Duration.seconds(15) },
  // The approver waits on it: as much CPU as validate.
  checkReport: { memorySize: 1024, timeout: Duration.seconds(15) },
  // A page of ≤ 1,000 agency codes: a few Queries.
  listAgencies: { memorySize: 256, timeout: Duration.seconds(30) },
  // Validates like checkReport, then renders the page (no browser).
  previewDraft: { memorySize: 1024, timeout: Duration.seconds(15) },
  // One CSV of a few KB, checked and put as one item.
  uploadStatistics: { memorySize: 256, timeout: Duration.seconds(15) },
};

export class ReportPipeline extends Construct {
  readonly functions: Record<FunctionName, LambdaFunction>;
  readonly stateMachine: PipelineStateMachine;
  /** Where the CMS POSTs hand-overs: `${api}/runs`. */
  readonly startRunUrl: string;
  readonly startRunApi: HttpApi;
  readonly handOverSecret: Secret;
  readonly cmsResultsToken: Secret;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: ReportPipelineProps) {
    super(scope, id);
    const { table, archive, staging } = props;
    const fonts = new LayerVersion(this, 'Fonts', {
      code: localBundle(bundleFontsLayer),
      compatibleRuntimes: [Runtime.NODEJS_22_X],
      description: 'nianbao: the report web fonts (Noto Serif SC 400/700, Noto Sans SC 700 woff2 subsets)',
    });
    // A layer, as Lambda documents for shared libraries: keeps updatePublicView's own code under 1 MB.
    const siteLibraries = new LayerVersion(this, 'SiteLibraries', {
      code: localBundle(bundleSiteLibrariesLayer),
      compatibleRuntimes: [Runtime.NODEJS_22_X],
      description: "nianbao: the archive site's libraries (pinyin-pro for the search index, ECharts for the charts)",
    });
    this.handOverSecret = new Secret(this, 'HandOverSecret', {
      description: 'nianbao: the secret the CMS signs hand-overs with (HMAC-SHA256, X-Nianbao-Signature)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    this.cmsResultsToken = new Secret(this, 'CmsResultsToken', {
      description: 'nianbao: the CMS API token record-outcome writes run results with',
    });
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    const make = (name: FunctionName, environment: Record<string, string>) => {
      const fn = new LambdaFunction(this, name[0]!.toUpperCase() + name.slice(1), {
        runtime: Runtime.NODEJS_22_X,
        // @sparticuz/chromium is x86-64 only; one architecture for all keeps the bundles alike.
        architecture: Architecture.X86_64,
        handler: bundleFile.replace(/\.mjs$/, '.handler'),
        code: localBundle((outputDir) => bundleFunction(name, outputDir)),
        ...sizing[name],
        tracing: inChinaRegion(this) ? Tracing.DISABLED : Tracing.ACTIVE,
        layers: [
          ...(usesFontsLayer.includes(name) ? [fonts] : []),
          ...(usesSiteLibrariesLayer.includes(name) ? [siteLibraries] : []),
        ],
        environment: { POWERTOOLS_SERVICE_NAME: `nianbao-${functionEntries[name]}`, ...environment },
        logGroup: new LogGroup(this, `${name}Logs`, {
          retention: RetentionDays.THREE_MONTHS,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
      });
      return fn;
    };
    const stagingEnv = { NIANBAO_STAGING_BUCKET: staging.bucketName };
    const archiveEnv = { NIANBAO_BUCKET: archive.bucketName };
    const tableEnv = { NIANBAO_TABLE: table.tableName };
    const cdnEnv: Record<string, string> = {
      ...(props.distribution ? { NIANBAO_CLOUDFRONT_DISTRIBUTION_ID: props.distribution.distributionId } : {}),
      ...(props.publicBaseUrl ? { NIANBAO_PUBLIC_BASE_URL: props.publicBaseUrl } : {}),
    };
    const fns = {
      assemble: make('assemble', { ...stagingEnv, ...tableEnv }),
      validate: make('validate', { ...stagingEnv, ...archiveEnv }),
      render: make('render', stagingEnv),
      publish: make('publish', { ...stagingEnv, ...archiveEnv, ...tableEnv }),
      updatePublicView: make('updatePublicView', { ...archiveEnv, ...tableEnv, ...cdnEnv }),
      recordOutcome: make('recordOutcome', {
        ...stagingEnv,
        NIANBAO_CMS_TOKEN_SECRET_ARN: this.cmsResultsToken.secretArn,
        ...(props.cmsUrl ? { NIANBAO_CMS_URL: props.cmsUrl } : {}),
        ...(props.publicBaseUrl ? { NIANBAO_PUBLIC_BASE_URL: props.publicBaseUrl } : {}),
      }),
      listAgencies: make('listAgencies', tableEnv),
    };

    // Least privilege: each function its own object prefixes and table actions, no wildcard resource.
    const s3 = (fn: LambdaFunction, bucket: IBucket, prefixes: readonly string[], write: boolean) => {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: write ? ['s3:GetObject', 's3:PutObject'] : ['s3:GetObject'],
          resources: prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
        }),
      );
      // Without it a missing object answers 403, not 404 (HEAD before a create-only put, staged-artifact checks).
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    };
    const dynamo = (fn: LambdaFunction, actions: readonly string[]) =>
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: actions.map((a) => `dynamodb:${a}`),
          resources: [table.tableArn, `${table.tableArn}/index/*`],
        }),
      );
    s3(fns.assemble, staging, ['runs/'], true);
    dynamo(fns.assemble, ['GetItem']);
    s3(fns.validate, staging, ['runs/'], false);
    s3(fns.validate, archive, ['reports/'], false);
    s3(fns.render, staging, ['runs/'], true);
    s3(fns.publish, staging, ['runs/'], false);
    s3(fns.publish, archive, ['reports/', 'assets/'], true);
    dynamo(fns.publish, ['Query', 'PutItem', 'UpdateItem']);
    s3(fns.updatePublicView, archive, ['reports/'], true);
    dynamo(fns.updatePublicView, ['Query']);
    if (props.distribution)
      fns.updatePublicView.addToRolePolicy(
        new PolicyStatement({
          actions: ['cloudfront:CreateInvalidation'],
          resources: [
            Stack.of(this).formatArn({
              service: 'cloudfront',
              region: '',
              resource: 'distribution',
              resourceName: props.distribution.distributionId,
            }),
          ],
        }),
      );
    // A batch run has no hand-over: assemble reads the narrative uploaded for it (narrative-file.ts).
    s3(fns.assemble, staging, ['narratives/'], false);
    s3(fns.recordOutcome, staging, ['runs/'], true);
    // The batch's listing: one Query action, on the one index that lists a year's statistics.
    fns.listAgencies.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${reportTableSchema.statisticsByYear.indexName}`],
      }),
    );
    this.cmsResultsToken.grantRead(fns.recordOutcome);
    // With a CMS, each step tells its run record what the run is doing ("rendering"), best-effort, before it runs:
    // the CMS's URL and read access to the results token, and only then.
    if (props.cmsUrl)
      for (const { name } of pipelineSteps) {
        fns[name].addEnvironment('NIANBAO_CMS_URL', props.cmsUrl);
        fns[name].addEnvironment('NIANBAO_CMS_TOKEN_SECRET_ARN', this.cmsResultsToken.secretArn);
        this.cmsResultsToken.grantRead(fns[name]);
      }

    this.stateMachine = new PipelineStateMachine(this, 'StateMachine', {
      functions: fns,
      deadLetters: this.deadLetters,
      logs: new LogGroup(this, 'StateMachineLogs', {
        retention: RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      ...(props.batchConcurrency ? { batchConcurrency: props.batchConcurrency } : {}),
    });

    const startRun = make('startRun', {
      ...stagingEnv,
      NIANBAO_STATE_MACHINE_ARN: this.stateMachine.stateMachine.stateMachineArn,
      NIANBAO_HANDOVER_SECRET_ARN: this.handOverSecret.secretArn,
    });
    s3(startRun, staging, ['runs/'], true);
    this.stateMachine.stateMachine.grantStartExecution(startRun);
    this.handOverSecret.grantRead(startRun);
    // Authenticated by the hand-over signature (HMAC with the shared secret), not IAM: the CMS has no AWS identity.
    // An HTTP API rather than a Function URL: the same event (payload 2.0), and it exists in the China regions.
    this.startRunApi = new HttpApi(this, 'StartRunApi', {
      description: 'nianbao: the CMS hands approved reports over here (signed, see docs/aws-pipeline.md)',
      createDefaultStage: false,
    });
    this.startRunApi.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: startRunThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'StartRunAccessLogs', {
            retention: RetentionDays.THREE_MONTHS,
            removalPolicy: RemovalPolicy.DESTROY,
          }),
        ),
      },
    });
    this.startRunApi.addRoutes({
      path: '/runs',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('StartRun', startRun),
    });
    // The approval check the CMS runs inside a publish and the draft preview its admin shows (docs/cms.md): the same
    // signature, read-only access to the statistics and last year's report, no browser.
    const draftReader = (name: 'checkReport' | 'previewDraft', path: string, environment: Record<string, string>) => {
      const fn = make(name, {
        ...tableEnv,
        ...archiveEnv,
        NIANBAO_HANDOVER_SECRET_ARN: this.handOverSecret.secretArn,
        ...environment,
      });
      s3(fn, archive, ['reports/'], false);
      dynamo(fn, ['GetItem']);
      this.handOverSecret.grantRead(fn);
      this.startRunApi.addRoutes({
        path,
        methods: [HttpMethod.POST],
        integration: new HttpLambdaIntegration(name[0]!.toUpperCase() + name.slice(1), fn),
      });
      return fn;
    };
    const checkReport = draftReader('checkReport', '/checks', {});
    const previewDraft = draftReader('previewDraft', '/previews', {
      ...(props.publicBaseUrl ? { NIANBAO_PUBLIC_BASE_URL: props.publicBaseUrl } : {}),
    });
    // An editor's statistics upload from the CMS's side panel: the same signature, and one write: the report's item.
    const uploadStatistics = make('uploadStatistics', {
      ...tableEnv,
      NIANBAO_HANDOVER_SECRET_ARN: this.handOverSecret.secretArn,
    });
    dynamo(uploadStatistics, ['PutItem']);
    this.handOverSecret.grantRead(uploadStatistics);
    this.startRunApi.addRoutes({
      path: '/statistics',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('UploadStatistics', uploadStatistics),
    });
    this.startRunUrl = `${this.startRunApi.apiEndpoint}/runs`;
    acknowledgeNagFindings(this, [
      '*',
      `${arnOf(staging)}/runs/*`,
      `${arnOf(staging)}/narratives/*`,
      `${arnOf(archive)}/reports/*`,
      `${arnOf(archive)}/assets/*`,
      `${arnOf(table)}/index/*`,
      ...Object.values(fns).map((fn) => `${arnOf(fn)}:*`),
      `arn:<AWS::Partition>:states:${nagText(Stack.of(this).region, '<AWS::Region>')}:` +
        `${nagText(Stack.of(this).account, '<AWS::AccountId>')}:execution:{"Fn::Select":[6,{"Fn::Split":[":",` +
        `{"Ref":"${logicalId(this.stateMachine.stateMachine)}"}]}]}*`,
    ]);
    this.functions = { ...fns, startRun, checkReport, previewDraft, uploadStatistics };
  }
}

/** A stack's region or account as cdk-nag prints it: the literal when the stack has one, else the pseudo parameter. */
const nagText = (value: string, pseudo: string): string => (Token.isUnresolved(value) ? pseudo : value);

const logicalId = (construct: IConstruct): string =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
/** A resource's ARN as cdk-nag names it in a finding. */
const arnOf = (construct: IConstruct): string => `<${logicalId(construct)}.Arn>`;

/**
 * cdk-nag AwsSolutions findings on the pipeline's resources that are by design, each with its reason. cdk-nag names an
 * IAM5 finding by its resource, so those are acknowledged one by one: a new wildcard still shows.
 */
function acknowledgeNagFindings(scope: Construct, wildcardResources: readonly string[]): void {
  const reasons: Record<string, string> = {
    'AwsSolutions-IAM5':
      'Object wildcards are each role’s own prefixes (staging runs/* and narratives/*, archive reports/* and assets/*, the table’s ' +
      'index/*); X-Ray PutTraceSegments takes no resource; Step Functions invokes function versions (Arn:*) and the ' +
      'batch describes the executions it starts. No data action has a * resource (tests/infra/report-pipeline.test.ts).',
    'AwsSolutions-IAM4':
      'AWSLambdaBasicExecutionRole only writes the function’s own logs; CDK attaches it with the logGroup property.',
    'AwsSolutions-L1':
      'nodejs22.x on purpose: the runtime the bundles target and @sparticuz/chromium 153 are tested on (platform notes).',
    'AwsSolutions-APIG4':
      'POST /runs is authenticated in the function by an HMAC-SHA256 signature with a shared secret and a replay ' +
      'window (functions/pipeline/hand-over-signature.ts): the CMS has no AWS identity or token issuer to authorize.',
    'AwsSolutions-SF1':
      'The state machines log errors only, without execution data: a run’s state names staged keys, and logging every ' +
      'event for 10,000 runs costs more than it tells; the functions log each step as JSON with the run id.',
    'AwsSolutions-SQS3': 'The queue is the state machine’s dead-letter queue: it has no queue of its own to fail to.',
    'AwsSolutions-SMG4':
      'The hand-over secret is shared with the CMS and the results token is issued by the CMS: rotating either needs ' +
      'the CMS to take the new value; operators rotate them together (docs/deploy.md).',
  };
  const iam5 = reasons['AwsSolutions-IAM5']!;
  const iam4 = reasons['AwsSolutions-IAM4']!;
  const { 'AwsSolutions-IAM5': _iam5, 'AwsSolutions-IAM4': _iam4, ...byRule } = reasons;
  const ids = {
    ...byRule,
    ...Object.fromEntries(wildcardResources.map((r) => [`AwsSolutions-IAM5[Resource::${r}]`, iam5])),
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]': iam4,
  };
  for (const [id, reason] of Object.entries(ids)) Validations.of(scope).acknowledge({ id, reason });
}
