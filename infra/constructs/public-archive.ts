// The archive bucket, private, served only through CloudFront, HTTPS only, with security headers and access logs.
// Published versions are immutable: the bucket is versioned and retained so nothing published is ever lost.
// China regions differ (docs/deploy.md#china-regions): origin access identity instead of origin access control, no
// cache policies, no CloudFront Functions, and an IAM server certificate on the ICP-filed domain.
import { Duration, RemovalPolicy, Validations, type CfnResource } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HttpVersion,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
  type ICachePolicy,
  type IResponseHeadersPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { accessLogPrefixes } from './access-log-bucket';
import { privateBucketProps } from './private-bucket';
import { SecurityHeaders } from './security-headers';

/** S3 has no folder index: `/reports/x/2023/` must serve `…/index.html`, as the local CDN does. */
const folderIndex = `function handler(event) {
  var request = event.request;
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
}`;

/** Report pages and their files: the strictest headers (no script). Everything else is a site page. */
export const reportPathPattern = 'reports/*';
/** The reports' PDFs, matched before reportPathPattern (CloudFront takes the first behaviour that matches). */
export const pdfPathPattern = 'reports/*.pdf';
/** The report fonts (font-site-assets.ts), read cross-origin by the CMS's draft preview. */
export const fontsPathPattern = 'assets/fonts/*';

/** The lowest TLS version viewers may use on a custom domain. */
export const minimumViewerTls = SecurityPolicyProtocol.TLS_V1_2_2021;

/** Objects carry their own Cache-Control (immutable versions, short-lived indexes): the CDN honours it. */
const cacheTtl = { defaultTtl: Duration.seconds(60), minTtl: Duration.seconds(0), maxTtl: Duration.days(365) };

export interface PublicArchiveProps {
  readonly logBucket: IBucket;
  /** A custom domain with its ACM certificate (us-east-1). Without one, `*.cloudfront.net` serves the archive. */
  readonly customDomain?: { readonly domain: string; readonly certificate: ICertificate } | undefined;
  /** China regions: the ICP-filed domain and the IAM server certificate id; switches to what CloudFront China has. */
  readonly china?: { readonly domain: string; readonly iamCertificateId: string } | undefined;
  /** ARN of a CloudFront-scope AWS WAF web ACL. */
  readonly webAclArn?: string | undefined;
}

export class PublicArchive extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly headers: SecurityHeaders;

  constructor(scope: Construct, id: string, props: PublicArchiveProps) {
    super(scope, id);
    const { logBucket, customDomain, china, webAclArn } = props;
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucketProps,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: accessLogPrefixes.archiveBucket,
    });
    this.headers = new SecurityHeaders(this, 'Headers');
    // CloudFront China has no CloudFront Functions: there, folder URLs need their explicit index.html.
    const folderIndexFunction = china
      ? undefined
      : new CloudFrontFunction(this, 'FolderIndex', { code: FunctionCode.fromInline(folderIndex) });
    // CloudFront China has no cache policies: the default is stripped again below, and no policy resource is made.
    const cachePolicy: ICachePolicy | undefined = china
      ? undefined
      : new CachePolicy(this, 'HonourOriginCacheControl', {
          ...cacheTtl,
          enableAcceptEncodingGzip: true,
          enableAcceptEncodingBrotli: true,
        });
    const origin = china
      ? S3BucketOrigin.withOriginAccessIdentity(this.bucket)
      : S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behavior = (responseHeadersPolicy: IResponseHeadersPolicy): BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      ...(cachePolicy && { cachePolicy }),
      responseHeadersPolicy,
      ...(folderIndexFunction && {
        functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: folderIndexFunction }],
      }),
    });
    // In this order: CloudFront takes the first pattern that matches.
    const additionalBehaviors = {
      [pdfPathPattern]: behavior(this.headers.pdfDownloads),
      [reportPathPattern]: behavior(this.headers.reportPages),
      [fontsPathPattern]: behavior(this.headers.siteFonts),
    };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'nianbao public archive',
      defaultBehavior: behavior(this.headers.sitePages),
      additionalBehaviors,
      defaultRootObject: 'index.html',
      httpVersion: china ? HttpVersion.HTTP2 : HttpVersion.HTTP2_AND_3,
      ...(customDomain && {
        domainNames: [customDomain.domain],
        certificate: customDomain.certificate,
        minimumProtocolVersion: minimumViewerTls,
      }),
      enableLogging: true,
      logBucket,
      logFilePrefix: accessLogPrefixes.distribution,
      ...(webAclArn && { webAclId: webAclArn }),
    });
    if (china) adaptToCloudFrontChina(this.distribution, china, Object.keys(additionalBehaviors).length);
    this.acknowledgeFindings(props);
  }

  private acknowledgeFindings({ customDomain, china, webAclArn }: PublicArchiveProps): void {
    const findings = Validations.of(this.distribution);
    if (china)
      findings.acknowledge({
        id: 'AwsSolutions-CFR7',
        reason:
          'CloudFront in China regions has no origin access control: an origin access identity keeps the bucket private.',
      });
    findings.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Published disclosure reports are public records for every reader, wherever they are.',
    });
    if (!webAclArn)
      findings.acknowledge({
        id: 'AwsSolutions-CFR2',
        reason: china
          ? 'AWS WAF in China regions is regional only and cannot attach to CloudFront; the origin is private, GET/HEAD only.'
          : 'waf=false: a read-only static archive (GET/HEAD only, private origin); turn WAF on with -c waf=true.',
      });
    if (china)
      findings.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Remediated by property override (cdk-nag reads the L1 props, not overrides): the IAM certificate with ' +
          'TLSv1.2_2021, asserted in tests/infra/deploy-checks.test.ts.',
      });
    else if (!customDomain)
      findings.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain: the default *.cloudfront.net certificate, whose viewer policy CloudFront fixes; ' +
          'with -c domain and -c certificateArn the minimum is TLS 1.2.',
      });
  }
}

/**
 * CloudFront China takes no CachePolicyId (aws-cdk issues 13584 and 31033, still open in aws-cdk-lib 2.276): each
 * behaviour gets the legacy ForwardedValues and TTLs instead. Its certificate is an IAM server certificate, which
 * the L2 Distribution cannot take, so the aliases and viewer certificate are set on the CloudFormation resource.
 */
function adaptToCloudFrontChina(
  distribution: Distribution,
  china: { domain: string; iamCertificateId: string },
  additionalBehaviors: number,
) {
  const resource = distribution.node.defaultChild as CfnResource;
  const legacyCaching = {
    ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } },
    MinTTL: cacheTtl.minTtl.toSeconds(),
    DefaultTTL: cacheTtl.defaultTtl.toSeconds(),
    MaxTTL: cacheTtl.maxTtl.toSeconds(),
  };
  const additional = Array.from(
    { length: additionalBehaviors },
    (_, index) => `DistributionConfig.CacheBehaviors.${index}`,
  );
  for (const path of ['DistributionConfig.DefaultCacheBehavior', ...additional]) {
    resource.addPropertyDeletionOverride(`${path}.CachePolicyId`);
    for (const [name, value] of Object.entries(legacyCaching)) resource.addPropertyOverride(`${path}.${name}`, value);
  }
  resource.addPropertyOverride('DistributionConfig.Aliases', [china.domain]);
  resource.addPropertyOverride('DistributionConfig.ViewerCertificate', {
    IamCertificateId: china.iamCertificateId,
    SslSupportMethod: 'sni-only',
    MinimumProtocolVersion: minimumViewerTls,
  });
}
