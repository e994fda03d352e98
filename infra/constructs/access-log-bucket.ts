// Where every access log of the stack goes: S3 server access logs of each bucket, CloudFront's standard logs, the
// CMS load balancer's logs. Private like every bucket, but with ACLs enabled: CloudFront's standard logging still
// delivers by ACL grant (S3 server access logs use the bucket policy, `serverAccessLogsUseBucketPolicy` in cdk.json).
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Bucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { privateBucketProps } from './private-bucket';

/** A year of access logs answers "who downloaded what, when" for the annual cycle; older logs expire. */
export const accessLogRetentionDays = 400;

/** Log prefixes, one per source, so each can be queried (Athena) on its own. */
export const accessLogPrefixes = {
  archiveBucket: 's3/archive/',
  stagingBucket: 's3/staging/',
  cmsUploadsBucket: 's3/cms-uploads/',
  distribution: 'cloudfront/',
  cmsLoadBalancer: 'alb/cms',
} as const;

export class AccessLogBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucketProps,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(accessLogRetentionDays) }],
      // Logs of a public archive are evidence: they outlive the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access log bucket itself; logging it into itself would log its own log writes forever.',
    });
  }
}
