// The publish adapters for one configuration, wired once: DynamoDB, S3 (archive and staging), and CloudFront or the
// local recorder.
import type { PublishConfig } from './publish-config';
import { CloudFrontInvalidator, cloudFrontClient, RecordingInvalidator } from './cloudfront-invalidator';
import { dynamoDocumentClient } from './dynamodb-client';
import { DynamoPublicationRepository } from './dynamodb-publication-repository';
import { DynamoStatisticsRepository } from './dynamodb-statistics-repository';
import { S3ArtifactStore, s3Client } from './s3-artifact-store';

export function publishStores(config: PublishConfig) {
  const dynamo = dynamoDocumentClient(config);
  return {
    statistics: new DynamoStatisticsRepository(dynamo, config.table),
    publications: new DynamoPublicationRepository(dynamo, config.table),
    store: new S3ArtifactStore(s3Client(config, config.bucket), config.bucket),
    staging: new S3ArtifactStore(s3Client(config, config.stagingBucket), config.stagingBucket),
    cdn: config.distributionId
      ? new CloudFrontInvalidator(cloudFrontClient(config.region), config.distributionId)
      : new RecordingInvalidator(),
  };
}

export type PublishStores = ReturnType<typeof publishStores>;
