// The storage of nianbao: the statistics/publications table, the public archive behind the CDN, and the runs'
// private staging bucket; their access logs, the alarms topic, and the CMS when the office hosts it here.
// It wires constructs together; each construct carries its own secure defaults.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { Construct } from 'constructs';
import { AccessLogBucket } from './constructs/access-log-bucket';
import { CmsHosting } from './constructs/cms-hosting';
import { EdgeWebAcl } from './constructs/edge-web-acl';
import { Monitoring } from './constructs/monitoring';
import { PublicArchive } from './constructs/public-archive';
import { ReportPipeline } from './constructs/report-pipeline';
import { ReportTable } from './constructs/report-table';
import { StagingBucket } from './constructs/staging-bucket';
import { defaultDeployConfig, type DeployConfig } from './deploy-config';

export interface ArchiveStackProps extends StackProps {
  /** What the office chose (infra/deploy-config.ts); the defaults when absent. */
  readonly config?: DeployConfig;
  /** A CloudFront web ACL made in another stack (us-east-1), for `waf` outside us-east-1. */
  readonly webAclArn?: string;
}

export class ArchiveStack extends Stack {
  readonly table: ReportTable;
  readonly archive: PublicArchive;
  readonly staging: StagingBucket;
  readonly accessLogs: AccessLogBucket;
  readonly monitoring: Monitoring;
  readonly cms: CmsHosting | undefined;
  readonly pipeline: ReportPipeline;

  constructor(scope: Construct, id: string, props: ArchiveStackProps = {}) {
    super(scope, id, { env: { account: props.config?.account, region: props.config?.region }, ...props });
    // S3 delivers server access logs through the log bucket's policy, not an ACL, whatever the app's flags say.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const config = props.config ?? defaultDeployConfig;
    this.accessLogs = new AccessLogBucket(this, 'AccessLogs');
    const logBucket = this.accessLogs.bucket;
    this.table = new ReportTable(this, 'Reports');
    const { domain, certificateArn, iamCertificateId } = config;
    this.archive = new PublicArchive(this, 'Archive', {
      logBucket,
      customDomain:
        domain && certificateArn
          ? { domain, certificate: Certificate.fromCertificateArn(this, 'ArchiveCertificate', certificateArn) }
          : undefined,
      china: config.china && domain && iamCertificateId ? { domain, iamCertificateId } : undefined,
      webAclArn:
        props.webAclArn ??
        (config.waf && this.region === 'us-east-1' ? new EdgeWebAcl(this, 'EdgeWebAcl').webAcl.attrArn : undefined),
    });
    this.staging = new StagingBucket(this, 'Staging', { logBucket });
    this.pipeline = new ReportPipeline(this, 'Pipeline', {
      table: this.table.table,
      archive: this.archive.bucket,
      staging: this.staging.bucket,
      distribution: this.archive.distribution,
      publicBaseUrl: `https://${domain ?? this.archive.distribution.distributionDomainName}`,
      ...(config.cms?.domain ? { cmsUrl: `https://${config.cms.domain}` } : {}),
    });
    this.monitoring = new Monitoring(this, 'Monitoring', { alarmEmail: config.alarmEmail });
    this.monitoring.watchStateMachine(this.pipeline.stateMachine.stateMachine);
    this.monitoring.watchStateMachine(this.pipeline.stateMachine.batch);
    for (const fn of Object.values(this.pipeline.functions)) this.monitoring.watchFunction(fn);
    this.monitoring.watchQueue(this.pipeline.deadLetters);
    this.cms = config.cms
      ? new CmsHosting(this, 'Cms', {
          config: config.cms,
          logBucket,
          resultsToken: this.pipeline.cmsResultsToken,
        })
      : undefined;
    if (this.cms) {
      this.monitoring.watchService('Cms', this.cms.service.targetGroup);
      // The CMS checks and hands approved reports over to the pipeline's API, signed with the shared secret.
      this.cms.addSetting('NIANBAO_PIPELINE_URL', this.pipeline.startRunApi.apiEndpoint);
      this.cms.addSecret('NIANBAO_PIPELINE_SECRET', this.pipeline.handOverSecret);
    }

    // The variables the functions read (docs/local-stack.md, Configuration). Output ids are alphanumeric only
    // (CloudFormation), so each output is the variable in PascalCase and its description starts with the variable's
    // exact name: docs/deploy.md turns the outputs into `export` lines from that.
    const { tableName } = this.table.table;
    const { bucketName } = this.archive.bucket;
    const stagingBucketName = this.staging.bucket.bucketName;
    const { distributionId, distributionDomainName } = this.archive.distribution;
    outputVariable(this, 'NIANBAO_TABLE', tableName, 'the statistics and publications table');
    outputVariable(this, 'NIANBAO_BUCKET', bucketName, 'the archive bucket');
    outputVariable(this, 'NIANBAO_STAGING_BUCKET', stagingBucketName, 'the private staging bucket of runs');
    outputVariable(this, 'NIANBAO_CLOUDFRONT_DISTRIBUTION_ID', distributionId, 'the distribution publish invalidates');
    const publicHost = domain ?? distributionDomainName;
    outputVariable(this, 'NIANBAO_PUBLIC_BASE_URL', `https://${publicHost}`, 'where the public reads');
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.monitoring.topic.topicArn,
      description: 'the SNS topic every alarm notifies',
    });
    if (this.cms) {
      const { loadBalancerDnsName } = this.cms.service.loadBalancer;
      new CfnOutput(this, 'CmsLoadBalancer', { value: loadBalancerDnsName, description: 'CNAME cmsDomain to this' });
    }
    const { startRunUrl, handOverSecret, stateMachine } = this.pipeline;
    outputVariable(this, 'NIANBAO_START_RUN_URL', startRunUrl, 'where the CMS POSTs signed hand-overs');
    outputVariable(
      this,
      'NIANBAO_HANDOVER_SECRET_ARN',
      handOverSecret.secretArn,
      'the secret hand-overs are signed with',
    );
    outputVariable(this, 'NIANBAO_STATE_MACHINE_ARN', stateMachine.stateMachine.stateMachineArn, 'one run each');
    outputVariable(this, 'NIANBAO_BATCH_STATE_MACHINE_ARN', stateMachine.batch.stateMachineArn, 'a batch of runs');
  }
}

/** NIANBAO_PUBLIC_BASE_URL → NianbaoPublicBaseUrl: the id CloudFormation allows. */
const outputId = (variable: string): string =>
  variable.toLowerCase().replace(/(?:^|_)([a-z])/g, (_match, letter: string) => letter.toUpperCase());

function outputVariable(stack: Stack, variable: string, value: string, what: string): void {
  new CfnOutput(stack, outputId(variable), { value, description: `${variable}: ${what}` });
}
