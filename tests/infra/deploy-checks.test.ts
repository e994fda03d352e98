// Every configuration an office can choose synthesizes with zero unacknowledged cdk-nag AwsSolutions findings (each
// acknowledgement sits next to its resource with a reason), and China regions use only what CloudFront has there.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { minimumViewerTls } from '../../infra/constructs/public-archive';
import { synthNianbao, type SynthOptions } from '../support/synth-nianbao-app';

const acm = (region: string) => `arn:aws:acm:${region}:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab`;
const china = { domain: 'nianbao.example.gov.cn', iamCertificateId: 'ASCAEXAMPLE1234567890' };
const chinaCms = { cms: 'true', cmsCertificateArn: 'arn:aws-cn:iam::111122223333:server-certificate/cms' };

const configurations: [string, SynthOptions][] = [
  ['defaults, environment-agnostic', {}],
  [
    'custom domain, WAF, alarm e-mail in us-east-1',
    {
      region: 'us-east-1',
      context: {
        domain: 'nianbao.example.gov.cn',
        certificateArn: acm('us-east-1'),
        waf: 'true',
        alarmEmail: 'ops@example.gov.cn',
      },
    },
  ],
  ['WAF from a us-east-1 stack, deployed in eu-west-1', { region: 'eu-west-1', context: { waf: 'true' } }],
  ['CMS open to all', { region: 'eu-west-1', context: { cms: 'true', cmsCertificateArn: acm('eu-west-1') } }],
  [
    'CMS for the office network only',
    {
      region: 'ap-east-1',
      context: { cms: 'true', cmsCertificateArn: acm('ap-east-1'), cmsAllowedCidrs: '203.0.113.0/24' },
    },
  ],
  ['cn-north-1', { region: 'cn-north-1', context: china }],
  ['cn-northwest-1 with the CMS', { region: 'cn-northwest-1', context: { ...china, ...chinaCms } }],
];

describe('cdk-nag AwsSolutions', () => {
  it.each(configurations)('finds nothing unacknowledged: %s', (_name, options) => {
    expect(synthNianbao(options).findings).toEqual([]);
  });
});

describe('China regions', () => {
  let template: Template;
  beforeAll(() => {
    // With aws-cdk-lib's CloudFormation validation, which knows the resource types of each region (≈ 5 s).
    const synthesized = synthNianbao({ region: 'cn-north-1', context: china, cloudFormationValidation: true });
    expect(synthesized.findings).toEqual([]);
    template = synthesized.template;
  }, 60_000);

  it('use the aws-cn partition', () => {
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).not.toContain('arn:aws:');
    expect(JSON.stringify(template.toJSON())).toContain('"Ref":"AWS::Partition"');
  });

  it('keep the bucket private behind an origin access identity (no origin access control there)', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 1);
    const [identity] = Object.keys(template.findResources('AWS::CloudFront::CloudFrontOriginAccessIdentity'));
    const statements = Object.values(template.findResources('AWS::S3::BucketPolicy')).flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } }).Properties
          .PolicyDocument.Statement,
    );
    const reads = statements.filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Action).includes('s3:GetObject'));
    expect(reads).toEqual([
      expect.objectContaining({ Principal: { CanonicalUser: { 'Fn::GetAtt': [identity, 'S3CanonicalUserId'] } } }),
    ]);
  });

  it('serve the ICP-filed domain with its IAM certificate and TLS 1.2, without cache policies or functions', () => {
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as {
      Properties: { DistributionConfig: Record<string, unknown> };
    }[];
    const config = distribution!.Properties.DistributionConfig;
    expect(config.Aliases).toEqual([china.domain]);
    expect(config.ViewerCertificate).toEqual({
      IamCertificateId: china.iamCertificateId,
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: minimumViewerTls,
    });
    for (const behavior of [config.DefaultCacheBehavior, ...(config.CacheBehaviors as unknown[])] as Record<
      string,
      unknown
    >[]) {
      expect(behavior.CachePolicyId).toBeUndefined();
      expect(behavior.FunctionAssociations).toBeUndefined();
      expect(behavior).toMatchObject({
        ViewerProtocolPolicy: 'redirect-to-https',
        ForwardedValues: { QueryString: false },
      });
      expect(behavior.ResponseHeadersPolicyId).toBeDefined();
    }
    template.resourceCountIs('AWS::CloudFront::CachePolicy', 0);
    template.resourceCountIs('AWS::CloudFront::Function', 0);
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
  });
});
