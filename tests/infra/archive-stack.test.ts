// The deployed shape: private bucket behind CloudFront, retained data, and the table the adapters expect.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportTableSchema } from '../../functions/adapters/dynamodb-table-schema';
import { stagingExpiryDays } from '../../infra/constructs/staging-bucket';
import { synthNianbao } from '../support/synth-nianbao-app';

let template: Template;

beforeAll(() => {
  template = synthNianbao().template;
});

describe('ArchiveStack', () => {
  it('keeps the archive bucket private, encrypted, versioned and retained', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('keeps the staging bucket private and expires what runs leave there, off the CDN', () => {
    template.resourceCountIs('AWS::S3::Bucket', 3); // archive, staging, access logs
    const blocked = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true };
    const restricted = { ...blocked, RestrictPublicBuckets: true };
    const expiring = Match.objectLike({ Status: 'Enabled', ExpirationInDays: stagingExpiryDays });
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: restricted,
        LifecycleConfiguration: { Rules: [expiring] },
      }),
    });
    // One origin: the archive. The staging bucket is never served.
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Origins: [Match.objectLike({ DomainName: Match.anyValue() })] }),
    });
  });

  it('serves the bucket only through CloudFront with origin access control, HTTPS only', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          AllowedMethods: ['GET', 'HEAD'],
        }),
      }),
    });
  });

  it('creates the table with the keys and indexes the adapters use', () => {
    const { partitionKey, sortKey, statisticsByYear, publicationsByTime } = reportTableSchema;
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          Match.objectLike({
            IndexName: statisticsByYear.indexName,
            KeySchema: [
              { AttributeName: statisticsByYear.partitionKey, KeyType: 'HASH' },
              { AttributeName: statisticsByYear.sortKey, KeyType: 'RANGE' },
            ],
          }),
          Match.objectLike({
            IndexName: publicationsByTime.indexName,
            KeySchema: [
              { AttributeName: publicationsByTime.partitionKey, KeyType: 'HASH' },
              { AttributeName: publicationsByTime.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...publicationsByTime.attributes] },
          }),
        ],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    });
  });

  it('outputs the configuration the functions read, each described by its variable name', () => {
    const outputs = template.findOutputs('*');
    const described = Object.entries(outputs).map(([id, output]) => [id, String(output.Description).split(':')[0]]);
    expect(described).toEqual([
      ['NianbaoTable', 'NIANBAO_TABLE'],
      ['NianbaoBucket', 'NIANBAO_BUCKET'],
      ['NianbaoStagingBucket', 'NIANBAO_STAGING_BUCKET'],
      ['NianbaoCloudfrontDistributionId', 'NIANBAO_CLOUDFRONT_DISTRIBUTION_ID'],
      ['NianbaoPublicBaseUrl', 'NIANBAO_PUBLIC_BASE_URL'],
      ['AlarmTopicArn', 'the SNS topic every alarm notifies'],
      ['NianbaoStartRunUrl', 'NIANBAO_START_RUN_URL'],
      ['NianbaoHandoverSecretArn', 'NIANBAO_HANDOVER_SECRET_ARN'],
      ['NianbaoStateMachineArn', 'NIANBAO_STATE_MACHINE_ARN'],
      ['NianbaoBatchStateMachineArn', 'NIANBAO_BATCH_STATE_MACHINE_ARN'],
    ]);
    const domainName = { 'Fn::GetAtt': [Match.stringLikeRegexp('Distribution'), 'DomainName'] };
    template.hasOutput('NianbaoPublicBaseUrl', { Value: { 'Fn::Join': ['', ['https://', domainName]] } });
  });
});
