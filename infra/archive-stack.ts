// The storage of nianbao: the statistics/publications table, the public archive behind the CDN, and the runs'
// private staging bucket.
// It wires constructs together; each construct carries its own secure defaults.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PublicArchive } from './constructs/public-archive';
import { ReportPipeline } from './constructs/report-pipeline';
import { ReportTable } from './constructs/report-table';
import { StagingBucket } from './constructs/staging-bucket';

export class ArchiveStack extends Stack {
  readonly table: ReportTable;
  readonly archive: PublicArchive;
  readonly staging: StagingBucket;
  readonly pipeline: ReportPipeline;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = new ReportTable(this, 'Reports');
    this.archive = new PublicArchive(this, 'Archive');
    this.staging = new StagingBucket(this, 'Staging');
    this.pipeline = new ReportPipeline(this, 'Pipeline', {
      table: this.table.table,
      archive: this.archive.bucket,
      staging: this.staging.bucket,
      distribution: this.archive.distribution,
    });

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
    outputVariable(this, 'NIANBAO_PUBLIC_BASE_URL', `https://${distributionDomainName}`, 'where the public reads');
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
