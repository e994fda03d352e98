// The security posture of the public archive: private buckets read only through CloudFront, HTTPS only, security
// headers (no script on report pages), TLS 1.2 on a custom domain, access logs everywhere, WAF when asked for.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLogPrefixes } from '../../infra/constructs/access-log-bucket';
import { managedRuleGroups } from '../../infra/constructs/edge-web-acl';
import { fontsPathPattern, pdfPathPattern, reportPathPattern } from '../../infra/constructs/public-archive';
import { synthNianbao } from '../support/synth-nianbao-app';

const certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab';
const customDomain = { domain: 'nianbao.example.gov.cn', certificateArn };

type Resources = Record<string, { Properties: Record<string, unknown> }>;
const only = (template: Template, type: string) => {
  const found = Object.values(template.findResources(type) as Resources);
  expect(found).toHaveLength(1);
  return found[0]!.Properties;
};
const distributionConfig = (template: Template) =>
  only(template, 'AWS::CloudFront::Distribution').DistributionConfig as Record<string, unknown>;

interface HeadersPolicy {
  Name?: string;
  Comment: string;
  SecurityHeadersConfig: {
    ContentSecurityPolicy?: { ContentSecurityPolicy: string };
    StrictTransportSecurity: { AccessControlMaxAgeSec: number; IncludeSubdomains: boolean };
    ContentTypeOptions: { Override: boolean };
    ReferrerPolicy: { ReferrerPolicy: string };
    FrameOptions: { FrameOption: string };
  };
}
/** The response headers policy a behaviour points at, by the logical id in its Ref. */
function headersOf(template: Template, behavior: Record<string, unknown>): HeadersPolicy {
  const ref = (behavior.ResponseHeadersPolicyId as { Ref: string }).Ref;
  const policies = template.findResources('AWS::CloudFront::ResponseHeadersPolicy') as Resources;
  return policies[ref]!.Properties.ResponseHeadersPolicyConfig as HeadersPolicy;
}
const directives = (csp: string) => new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('the public archive by default (no domain, no WAF)', () => {
  let template: Template;
  beforeAll(() => {
    template = synthNianbao().template;
  });

  it('lets only CloudFront read the archive bucket (origin access control, this distribution only)', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy') as Resources);
    const statements = policies.flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );
    const allows = statements.filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Action).includes('s3:GetObject'));
    expect(allows).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      }),
    ]);
  });

  it('serves every path over HTTPS only, GET and HEAD only', () => {
    const config = distributionConfig(template);
    const behaviors = [config.DefaultCacheBehavior, ...(config.CacheBehaviors as unknown[])];
    expect(behaviors).toHaveLength(4);
    for (const behavior of behaviors)
      expect(behavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] });
  });

  it('gives report pages a Content-Security-Policy that allows no script at all', () => {
    const config = distributionConfig(template);
    const reports = (config.CacheBehaviors as Record<string, unknown>[]).find(
      (b) => b.PathPattern === reportPathPattern,
    );
    const csp = directives(
      headersOf(template, reports!).SecurityHeadersConfig.ContentSecurityPolicy!.ContentSecurityPolicy,
    );
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.has('script-src')).toBe(false);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it('lets site pages load script files from the archive itself, and nothing inline', () => {
    const site = headersOf(template, distributionConfig(template).DefaultCacheBehavior as Record<string, unknown>);
    const csp = directives(site.SecurityHeadersConfig.ContentSecurityPolicy!.ContentSecurityPolicy);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
  });

  it('sends PDFs, matched before the report pages, without a CSP (it would blank Chrome’s PDF viewer)', () => {
    const patterns = (distributionConfig(template).CacheBehaviors as { PathPattern: string }[]).map(
      (b) => b.PathPattern,
    );
    expect(patterns).toEqual([pdfPathPattern, reportPathPattern, fontsPathPattern]);
    const pdfs = (distributionConfig(template).CacheBehaviors as Record<string, unknown>[])[0]!;
    expect(headersOf(template, pdfs).SecurityHeadersConfig.ContentSecurityPolicy).toBeUndefined();
  });

  it('lets any origin read the fonts (the CMS preview prints with them), and nothing else', () => {
    const behaviors = distributionConfig(template).CacheBehaviors as Record<string, unknown>[];
    const fonts = behaviors.find((b) => b.PathPattern === fontsPathPattern)!;
    const cors = (headersOf(template, fonts) as unknown as { CorsConfig?: Record<string, unknown> }).CorsConfig;
    expect(cors).toMatchObject({
      AccessControlAllowOrigins: { Items: ['*'] },
      AccessControlAllowMethods: { Items: ['GET', 'HEAD'] },
      AccessControlAllowCredentials: false,
    });
    const others = [distributionConfig(template).DefaultCacheBehavior, ...behaviors.filter((b) => b !== fonts)];
    for (const behavior of others)
      expect((headersOf(template, behavior as Record<string, unknown>) as { CorsConfig?: unknown }).CorsConfig).toBe(
        undefined,
      );
  });

  it('sends HSTS, nosniff, a referrer policy and frame denial on every page', () => {
    const config = distributionConfig(template);
    for (const behavior of [config.DefaultCacheBehavior, ...(config.CacheBehaviors as unknown[])]) {
      const headers = headersOf(template, behavior as Record<string, unknown>).SecurityHeadersConfig;
      expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
      expect(headers.StrictTransportSecurity.IncludeSubdomains).toBe(true);
      expect(headers.ContentTypeOptions.Override).toBe(true);
      expect(headers.ReferrerPolicy.ReferrerPolicy).toBe('strict-origin-when-cross-origin');
      expect(headers.FrameOptions.FrameOption).toBe('DENY');
    }
  });

  it('logs CloudFront requests and every bucket’s accesses into the private log bucket', () => {
    const logBucket = Object.entries(template.findResources('AWS::S3::Bucket') as Resources).find(
      ([, bucket]) =>
        (bucket.Properties.OwnershipControls as { Rules: { ObjectOwnership: string }[] } | undefined)?.Rules[0]
          ?.ObjectOwnership === 'BucketOwnerPreferred',
    );
    expect(logBucket).toBeDefined();
    const [logBucketId, { Properties: logBucketProperties }] = logBucket!;
    expect(logBucketProperties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(distributionConfig(template).Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logBucketId, 'RegionalDomainName'] },
      Prefix: accessLogPrefixes.distribution,
    });
    const logged = Object.entries(template.findResources('AWS::S3::Bucket') as Resources)
      .filter(([id]) => id !== logBucketId)
      .map(([, bucket]) => bucket.Properties.LoggingConfiguration);
    expect(logged).toEqual(
      [accessLogPrefixes.archiveBucket, accessLogPrefixes.stagingBucket].map((prefix) => ({
        DestinationBucketName: { Ref: logBucketId },
        LogFilePrefix: prefix,
      })),
    );
  });

  it('lets S3 deliver access logs through the log bucket’s policy, not a public-ish ACL', () => {
    const buckets = JSON.stringify(template.findResources('AWS::S3::Bucket'));
    expect(buckets).not.toContain('LogDeliveryWrite');
    const policies = JSON.stringify(template.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toContain('logging.s3.amazonaws.com');
  });

  it('has no web ACL', () => {
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    expect(distributionConfig(template).WebACLId).toBeUndefined();
  });
});

describe('the public archive on a custom domain in us-east-1, with WAF', () => {
  let template: Template;
  beforeAll(() => {
    template = synthNianbao({ context: { ...customDomain, waf: 'true' }, region: 'us-east-1' }).template;
  });

  it('serves the domain with its ACM certificate and TLS 1.2 at least', () => {
    expect(distributionConfig(template)).toMatchObject({
      Aliases: [customDomain.domain],
      ViewerCertificate: {
        AcmCertificateArn: certificateArn,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
  });

  it('puts a CloudFront-scope web ACL with the AWS managed rule groups in front of the distribution', () => {
    const acl = only(template, 'AWS::WAFv2::WebACL');
    expect(acl.Scope).toBe('CLOUDFRONT');
    const rules = acl.Rules as { Statement: { ManagedRuleGroupStatement?: { VendorName: string; Name: string } } }[];
    const managed = rules.flatMap((r) => r.Statement.ManagedRuleGroupStatement ?? []);
    expect(managed).toEqual(managedRuleGroups.map((Name) => ({ VendorName: 'AWS', Name })));
    const [aclId] = Object.keys(template.findResources('AWS::WAFv2::WebACL'));
    expect(distributionConfig(template).WebACLId).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
  });
});

describe('WAF outside us-east-1', () => {
  it('puts the web ACL in a us-east-1 stack and reads its ARN from there', () => {
    const { template, edgeWafTemplate, edgeWaf } = synthNianbao({ context: { waf: 'true' }, region: 'eu-west-1' });
    expect(edgeWaf?.region).toBe('us-east-1');
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    edgeWafTemplate!.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT' });
    const reference = distributionConfig(template).WebACLId as Record<string, Record<string, string>>;
    expect(reference['Fn::GetStackOutput']).toMatchObject({ StackName: edgeWaf!.stackName, Region: 'us-east-1' });
    const [aclId] = Object.keys(edgeWafTemplate!.findResources('AWS::WAFv2::WebACL'));
    edgeWafTemplate!.hasOutput(reference['Fn::GetStackOutput']!.OutputName!, {
      Value: { 'Fn::GetAtt': [aclId, 'Arn'] },
    });
  });
});
