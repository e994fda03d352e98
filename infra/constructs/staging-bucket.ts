// The runs' staging bucket: what one pipeline step leaves for the next (report document, HTML, PDF) under
// runs/{run id}/. Private, never behind the CDN, and short-lived: objects expire after a few days.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { accessLogPrefixes } from './access-log-bucket';
import { privateBucketProps } from './private-bucket';

/** Long enough to look into a failed run and to answer a repeated run id from its outcome record. */
export const stagingExpiryDays = 3;

export class StagingBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { readonly logBucket: IBucket }) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucketProps,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: accessLogPrefixes.stagingBucket,
      lifecycleRules: [
        {
          id: 'expire-runs',
          expiration: Duration.days(stagingExpiryDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      // Nothing here outlives its run: the bucket goes with the stack (empty it first if it still holds runs).
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}
