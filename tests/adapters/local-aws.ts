// Test helper: a fresh table (per test file) on the shared dynalite, and the shared s3rver bucket.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '../../functions/adapters/dynamodb-client';
import type { PublishConfig } from '../../functions/adapters/publish-config';
import { publishStores } from '../../functions/adapters/publish-stores';

export async function localAwsStores(name: string) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const aws = inject('localAws');
  const config: PublishConfig = {
    region: 'cn-north-1',
    table: `nianbao-${name}-${randomUUID().slice(0, 8)}`,
    bucket: aws.bucket,
    stagingBucket: aws.stagingBucket,
    dynamodbEndpoint: aws.dynamodbEndpoint,
    s3Endpoint: aws.s3Endpoint,
  };
  await ensureTable(config);
  return { config, ...publishStores(config) };
}

/** Agency codes unique per run, since the bucket is shared. */
export const uniqueAgency = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
