// The storage of nianbao: the statistics/publications table, the public archive behind the CDN, and the runs'
// private staging bucket.
// It wires constructs together; each construct carries its own secure defaults.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PublicArchive } from './constructs/public-archive';
import { ReportTable } from './constructs/report-table';
import { StagingBucket } from './constructs/staging-bucket';

export class ArchiveStack extends Stack {
  readonly table: ReportTable;
  readonly archive: PublicArchive;
  readonly staging: StagingBucket;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = new ReportTable(this, 'Reports');
    this.archive = new PublicArchive(this, 'Archive');
    this.staging = new StagingBucket(this, 'Staging');

    // The variables the functions read (docs/local-stack.md, Configuration), by the names they read them.
    new CfnOutput(this, 'NIANBAO_TABLE', { value: this.table.table.tableName });
    new CfnOutput(this, 'NIANBAO_BUCKET', { value: this.archive.bucket.bucketName });
    new CfnOutput(this, 'NIANBAO_STAGING_BUCKET', { value: this.staging.bucket.bucketName });
    new CfnOutput(this, 'NIANBAO_CLOUDFRONT_DISTRIBUTION_ID', { value: this.archive.distribution.distributionId });
    new CfnOutput(this, 'NIANBAO_PUBLIC_BASE_URL', { value: `https://${this.archive.distribution.distributionDomainName}` });
  }
}
