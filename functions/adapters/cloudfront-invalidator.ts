// CDN invalidation: CloudFront on AWS; locally a recorder (the local CDN server does not cache).
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { randomUUID } from 'node:crypto';
import type { CdnInvalidator } from '../publish/ports';

export class CloudFrontInvalidator implements CdnInvalidator {
  constructor(
    private readonly client: Pick<CloudFrontClient, 'send'>,
    private readonly distributionId: string,
  ) {}

  async invalidate(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.client.send(
      new CreateInvalidationCommand({
        DistributionId: this.distributionId,
        InvalidationBatch: { CallerReference: randomUUID(), Paths: { Quantity: paths.length, Items: [...paths] } },
      }),
    );
  }
}

let cloudFront: CloudFrontClient | undefined;
/**
 * CloudFront has one API endpoint per partition, and the SDK picks it from any region of that partition (signing
 * for us-east-1, or cn-northwest-1 in China): the stack's own AWS_REGION serves, nothing to configure for it.
 */
export const cloudFrontClient = (region: string) => (cloudFront ??= new CloudFrontClient({ region }));

/** Local stand-in: remembers what would have been invalidated. */
export class RecordingInvalidator implements CdnInvalidator {
  readonly invalidated: string[][] = [];
  async invalidate(paths: readonly string[]): Promise<void> {
    this.invalidated.push([...paths]);
  }
}
