// Adapter pieces that need no stand-in: configuration, the CloudFront request, the local CDN's path mapping.
import { describe, expect, it } from 'vitest';
import type { CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { CloudFrontInvalidator } from '../../functions/adapters/cloudfront-invalidator';
import { objectKeyForPath } from '../../dev/local-stack/cdn-server';
import { MissingConfigError, readPublishConfig } from '../../functions/adapters/publish-config';

describe('readPublishConfig', () => {
  const env = { AWS_REGION: 'cn-north-1', NIANBAO_TABLE: 't', NIANBAO_BUCKET: 'b', NIANBAO_STAGING_BUCKET: 's' };

  it('fails at start naming the missing variable', () => {
    expect(() => readPublishConfig({ ...env, NIANBAO_TABLE: undefined })).toThrow(MissingConfigError);
    expect(() => readPublishConfig({ ...env, NIANBAO_BUCKET: '' })).toThrow(/NIANBAO_BUCKET/);
    expect(() => readPublishConfig({ ...env, NIANBAO_STAGING_BUCKET: undefined })).toThrow(/NIANBAO_STAGING_BUCKET/);
    const statisticsOnly = { ...env, NIANBAO_BUCKET: undefined, NIANBAO_STAGING_BUCKET: undefined };
    expect(readPublishConfig(statisticsOnly, 'statistics').table).toBe('t');
  });

  it('reads the optional endpoints', () => {
    expect(readPublishConfig({ ...env, NIANBAO_S3_ENDPOINT: 'http://127.0.0.1:1' })).toEqual({
      region: 'cn-north-1',
      table: 't',
      bucket: 'b',
      stagingBucket: 's',
      s3Endpoint: 'http://127.0.0.1:1',
    });
  });
});

describe('CloudFrontInvalidator', () => {
  it('sends one invalidation batch with every path', async () => {
    const sent: CreateInvalidationCommand[] = [];
    const invalidator = new CloudFrontInvalidator(
      { send: async (command: CreateInvalidationCommand) => void sent.push(command) } as never,
      'E123',
    );
    await invalidator.invalidate(['/reports/a/2023/', '/reports/a/2023/latest.json']);
    await invalidator.invalidate([]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.input).toMatchObject({
      DistributionId: 'E123',
      InvalidationBatch: { Paths: { Quantity: 2, Items: ['/reports/a/2023/', '/reports/a/2023/latest.json'] } },
    });
  });
});

describe('local CDN paths', () => {
  it('maps URLs to keys like the CDN: folders serve index.html, nothing escapes the bucket', () => {
    expect(objectKeyForPath('/reports/a/2023/')).toBe('reports/a/2023/index.html');
    expect(objectKeyForPath('/reports/a/2023/v1/report.pdf')).toBe('reports/a/2023/v1/report.pdf');
    expect(objectKeyForPath('/reports/%2e%2e/x')).toBeUndefined();
    expect(objectKeyForPath('/%E0%A4%A')).toBeUndefined();
  });
});
