// The archive bucket through the S3 API (AWS, or s3rver locally).
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { ArtifactStore, PutOptions, StoredObject } from '../publish/ports';
import type { PublishConfig } from './publish-config';

const clients = new Map<string, S3Client>();

/**
 * One client per bucket: with `cacheMiddleware`, concurrent commands of one class on one client to two buckets were
 * seen to go to one bucket (a staging GET answered from the archive bucket), so a client only ever sees one bucket.
 */
export function s3Client(config: PublishConfig, bucket: string): S3Client {
  const id = `${config.region} ${config.s3Endpoint ?? ''} ${bucket}`;
  let client = clients.get(id);
  if (!client) {
    client = new S3Client({
      region: config.region,
      // Resolve each command's middleware once, not per request (~0.5 ms of CPU each): nothing here changes it later.
      // Not for the DynamoDB document client, whose commands close over their first instance.
      cacheMiddleware: true,
      ...(config.s3Endpoint
        ? {
            // s3rver: its fixed credentials, path-style URLs, and no streaming checksums (it would store the chunk framing).
            endpoint: config.s3Endpoint,
            credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
    });
    clients.set(id, client);
  }
  return client;
}

const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

export interface FetchedObject {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly cacheControl?: string;
  readonly etag?: string;
}

export class S3ArtifactStore implements ArtifactStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async head(key: string): Promise<StoredObject | undefined> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, metadata: out.Metadata ?? {} };
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    return (await this.fetch(key))?.body;
  }

  /** The object with the headers a CDN passes on (used by the local CDN server). */
  async fetch(key: string): Promise<FetchedObject | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = await out.Body?.transformToByteArray();
      return {
        body: body ?? new Uint8Array(),
        contentType: out.ContentType ?? 'application/octet-stream',
        ...(out.CacheControl ? { cacheControl: out.CacheControl } : {}),
        ...(out.ETag ? { etag: out.ETag } : {}),
      };
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async put(key: string, body: Uint8Array, options: PutOptions): Promise<void> {
    await this.client.send(this.putCommand(key, body, options));
  }

  async putNew(key: string, body: Uint8Array, options: PutOptions): Promise<boolean> {
    try {
      await this.client.send(this.putCommand(key, body, options, { IfNoneMatch: '*' }));
      return true;
    } catch (error) {
      // 412: the key exists. 409: another conditional write to it is in progress; S3 asks to retry, and a retry finds it.
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 412 || status === 409) return false;
      throw error;
    }
  }

  private putCommand(
    key: string,
    body: Uint8Array,
    options: PutOptions,
    condition: { IfNoneMatch?: string } = {},
  ): PutObjectCommand {
    return new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      Body: body,
      ContentLength: body.byteLength,
      ContentType: options.contentType,
      CacheControl: options.cacheControl,
      ...(options.metadata ? { Metadata: { ...options.metadata } } : {}),
      ...condition,
    });
  }
}

/** Creates the archive and staging buckets if missing (local stand-ins and tests; on AWS the CDK stack owns them). */
export async function ensureBuckets(config: PublishConfig): Promise<void> {
  for (const bucket of [config.bucket, config.stagingBucket]) {
    const client = s3Client(config, bucket);
    try {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    } catch {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    }
  }
}
