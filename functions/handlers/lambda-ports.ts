// The ports a step handler can wire on AWS, each made from the function's own configuration. A handler imports
// only the makers it uses (the bundle of each function carries only its own SDK clients).
import { CloudFrontInvalidator, cloudFrontClient, RecordingInvalidator } from '../adapters/cloudfront-invalidator';
import { dynamoDocumentClient } from '../adapters/dynamodb-client';
import { DynamoPublicationRepository } from '../adapters/dynamodb-publication-repository';
import { DynamoStatisticsRepository } from '../adapters/dynamodb-statistics-repository';
import { type ConfiguredStore, readPublishConfig, type PublishConfig } from '../adapters/publish-config';
import { S3ArtifactStore, s3Client } from '../adapters/s3-artifact-store';
import type { PortName } from '../pipeline/pipeline-ports';
import { latestArchivedReport } from '../publish/archived-report';
import type { ArtifactStore } from '../publish/ports';

/** The stores each port reaches: a function is configured (and allowed) for those of its step only. */
const storesOfPort: { readonly [P in PortName]: readonly ConfiguredStore[] } = {
  narratives: [],
  statistics: ['table'],
  previousReports: ['bucket'],
  renderer: [],
  staging: ['stagingBucket'],
  archive: ['bucket'],
  publications: ['table'],
  cdn: [],
  siteAssets: [],
  site: [],
  publishing: [],
};

/** The configuration of a function whose step uses `ports`, read once; a missing variable throws, by name. */
export const stepConfig = (ports: readonly PortName[], env = process.env): PublishConfig =>
  readPublishConfig(env, [...new Set(ports.flatMap((port) => storesOfPort[port]))]);

export const stagingStore = (config: PublishConfig): ArtifactStore =>
  new S3ArtifactStore(s3Client(config, config.stagingBucket), config.stagingBucket);

export const archiveStore = (config: PublishConfig): ArtifactStore =>
  new S3ArtifactStore(s3Client(config, config.bucket), config.bucket);

export const statisticsRepository = (config: PublishConfig) =>
  new DynamoStatisticsRepository(dynamoDocumentClient(config), config.table);

export const publicationRepository = (config: PublishConfig) =>
  new DynamoPublicationRepository(dynamoDocumentClient(config), config.table);

export const previousReports = (config: PublishConfig) => {
  const store = archiveStore(config);
  return { get: (agency: string, year: number) => latestArchivedReport(store, { agency, year }) };
};

/** CloudFront when the stack names a distribution; the recorder otherwise (the local stack has no cache). */
export const cdnInvalidator = (config: PublishConfig) =>
  config.distributionId
    ? new CloudFrontInvalidator(cloudFrontClient(config.region), config.distributionId)
    : new RecordingInvalidator();
