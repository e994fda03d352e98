// The whole AWS side on a laptop: dynalite (DynamoDB), s3rver (S3: the archive and the runs' staging bucket) and a
// CDN-like HTTP server over the archive bucket.
// Data lives under one folder and is reused by the next start.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureTable } from '../../functions/adapters/dynamodb-client';
import type { PublishConfig } from '../../functions/adapters/publish-config';
import { publishStores, type PublishStores } from '../../functions/adapters/publish-stores';
import { ensureBuckets } from '../../functions/adapters/s3-artifact-store';
import { startCdnServer } from './cdn-server';
import { startDynalite } from './dynalite-server';
import type { RunningServer } from './stand-in-process';
import { startS3rver } from './s3rver-server';

export interface LocalStackOptions {
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly ports?: { readonly dynamodb?: number; readonly s3?: number; readonly cdn?: number };
  readonly bucket?: string;
  readonly stagingBucket?: string;
  readonly table?: string;
}

export interface LocalStack {
  readonly config: PublishConfig;
  readonly stores: PublishStores;
  readonly cdnUrl: string;
  close(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const bucket = options.bucket ?? 'nianbao-archive';
  // Locally nothing expires it: `rm -r .local/s3/nianbao-staging` when it grows.
  const stagingBucket = options.stagingBucket ?? 'nianbao-staging';
  const started: RunningServer[] = [];
  const closeAll = async () => {
    // Reverse order: the CDN stops taking requests before the stores go away.
    for (const server of started.reverse()) await server.close().catch(() => undefined);
  };
  try {
    await mkdir(join(options.dataDir, 'dynamodb'), { recursive: true });
    await mkdir(join(options.dataDir, 's3'), { recursive: true });
    const [dynamo, s3] = await Promise.all([
      startDynalite({ path: join(options.dataDir, 'dynamodb'), port: options.ports?.dynamodb ?? 0 }),
      startS3rver({
        directory: join(options.dataDir, 's3'),
        buckets: [bucket, stagingBucket],
        port: options.ports?.s3 ?? 0,
      }),
    ]);
    started.push(dynamo, s3);
    const base: PublishConfig = {
      region: 'cn-north-1',
      table: options.table ?? 'nianbao',
      bucket,
      stagingBucket,
      dynamodbEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      narrativeDir: join(options.dataDir, 'narratives'),
    };
    await Promise.all([ensureTable(base), ensureBuckets(base)]);
    const stores = publishStores(base);
    const cdn = await startCdnServer((key) => stores.store.fetch(key), { port: options.ports?.cdn ?? 0 });
    started.push(cdn);
    const config = { ...base, publicBaseUrl: cdn.endpoint };
    return { config, stores, cdnUrl: cdn.endpoint, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
