// vitest globalSetup: dynalite and s3rver, started once per test run, shared by every integration test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynalite } from '../../dev/local-stack/dynalite-server';
import { startS3rver } from '../../dev/local-stack/s3rver-server';

export interface LocalAws {
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  readonly bucket: string;
  readonly stagingBucket: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    localAws: LocalAws;
  }
}

export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const directory = await mkdtemp(join(tmpdir(), 'nianbao-s3rver-'));
  const bucket = 'nianbao-test';
  const stagingBucket = 'nianbao-test-staging';
  const buckets = [bucket, stagingBucket];
  const [dynamo, s3] = await Promise.all([startDynalite(), startS3rver({ directory, buckets })]);
  project.provide('localAws', { dynamodbEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint, bucket, stagingBucket });
  return async () => {
    await Promise.all([dynamo.close(), s3.close()]);
    await rm(directory, { recursive: true, force: true });
  };
}
