// What an office chooses at deploy time, read once from CDK context (`-c key=value` or cdk.json) and checked here,
// so a wrong value fails `cdk synth` with the key's name instead of a CloudFormation rollback later.
// docs/deploy.md lists every key.

/** The context keys, by their exact names on the command line. */
export const contextKeys = {
  stackName: 'stackName',
  region: 'region',
  domain: 'domain',
  certificateArn: 'certificateArn',
  iamCertificateId: 'iamCertificateId',
  alarmEmail: 'alarmEmail',
  waf: 'waf',
  cms: 'cms',
  cmsDomain: 'cmsDomain',
  cmsCertificateArn: 'cmsCertificateArn',
  cmsAllowedCidrs: 'cmsAllowedCidrs',
  cmsNodeImage: 'cmsNodeImage',
} as const;

type ContextKey = (typeof contextKeys)[keyof typeof contextKeys];

export interface CmsConfig {
  /** ACM (or IAM server) certificate of the ALB's HTTPS listener, in the stack's region. */
  readonly certificateArn: string;
  /** The host name editors open (a CNAME to the ALB), for Strapi's public URL; optional. */
  readonly domain: string | undefined;
  /** Who may reach the ALB; everyone when empty. */
  readonly allowedCidrs: readonly string[];
  /** The Node 20 base image of the CMS build, when the default registry is out of reach (China). */
  readonly nodeImage: string | undefined;
}

export interface DeployConfig {
  readonly stackName: string;
  /** Undefined when neither `-c region` nor the CLI's default region is set: an environment-agnostic stack. */
  readonly region: string | undefined;
  readonly account: string | undefined;
  /** cn-north-1 and cn-northwest-1: the `aws-cn` partition, where CloudFront works differently. */
  readonly china: boolean;
  readonly domain: string | undefined;
  /** ACM certificate in us-east-1 (CloudFront's certificates live there), outside China. */
  readonly certificateArn: string | undefined;
  /** IAM server certificate id: CloudFront in China takes no ACM certificate. */
  readonly iamCertificateId: string | undefined;
  readonly alarmEmail: string | undefined;
  readonly waf: boolean;
  readonly cms: CmsConfig | undefined;
}

export const defaultStackName = 'Nianbao';

/** A context value that is wrong or missing, named by its key. */
export class DeployConfigError extends Error {
  override readonly name = 'DeployConfigError';
  constructor(key: ContextKey, problem: string) {
    super(`context key "${key}": ${problem}`);
  }
}

type Lookup = (key: string) => unknown;

export interface DeployEnvironment {
  readonly CDK_DEFAULT_REGION?: string | undefined;
  readonly CDK_DEFAULT_ACCOUNT?: string | undefined;
}

export function readDeployConfig(context: Lookup, environment: DeployEnvironment): DeployConfig {
  const text = (key: ContextKey, pattern?: RegExp, shape?: string): string | undefined => {
    const value = context(key);
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new DeployConfigError(key, `expected text, got ${JSON.stringify(value)}`);
    if (pattern && !pattern.test(value)) throw new DeployConfigError(key, `"${value}" is not ${shape ?? pattern}`);
    return value;
  };
  const flag = (key: ContextKey): boolean => {
    const value = context(key);
    if (value === undefined || value === false || value === 'false') return false;
    if (value === true || value === 'true') return true;
    throw new DeployConfigError(key, `expected true or false, got ${JSON.stringify(value)}`);
  };

  const region =
    text(contextKeys.region, /^[a-z]{2}(-[a-z]+)+-\d$/, 'a region such as cn-north-1') ??
    (environment.CDK_DEFAULT_REGION || undefined);
  const china = region?.startsWith('cn-') ?? false;
  const domain = text(contextKeys.domain, hostName, 'a host name such as nianbao.example.gov.cn');
  const certificateArn = text(contextKeys.certificateArn, acmInUsEast1, 'an ACM certificate ARN in us-east-1');
  const iamCertificateId = text(contextKeys.iamCertificateId, /^[A-Z0-9]{16,}$/, 'an IAM server certificate id');
  const alarmEmail = text(contextKeys.alarmEmail, /^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an e-mail address');
  const waf = flag(contextKeys.waf);

  if (china) {
    // CloudFront in China serves only an ICP-filed alternate domain, with a certificate uploaded to IAM.
    if (!domain) throw new DeployConfigError(contextKeys.domain, `required in ${region} (an ICP-filed domain)`);
    if (!iamCertificateId)
      throw new DeployConfigError(
        contextKeys.iamCertificateId,
        `required in ${region} (CloudFront there takes no ACM)`,
      );
    if (certificateArn) throw new DeployConfigError(contextKeys.certificateArn, `not usable in ${region}`);
    if (waf) throw new DeployConfigError(contextKeys.waf, `AWS WAF in ${region} is regional only, not for CloudFront`);
  } else {
    if (iamCertificateId) throw new DeployConfigError(contextKeys.iamCertificateId, 'only for China regions');
    if (domain && !certificateArn) throw new DeployConfigError(contextKeys.certificateArn, `required with a domain`);
    if (certificateArn && !domain) throw new DeployConfigError(contextKeys.domain, 'required with certificateArn');
    // A CloudFront web ACL lives in us-east-1: outside it, the app adds a stack there, which needs the region.
    if (waf && !region) throw new DeployConfigError(contextKeys.waf, 'needs the region (-c region=… or AWS_REGION)');
  }

  return {
    stackName: text(contextKeys.stackName, /^[A-Za-z][A-Za-z0-9-]{0,100}$/, 'a stack name') ?? defaultStackName,
    region,
    account: environment.CDK_DEFAULT_ACCOUNT || undefined,
    china,
    domain,
    certificateArn,
    iamCertificateId,
    alarmEmail,
    waf,
    cms: flag(contextKeys.cms) ? readCmsConfig(text, region) : undefined,
  };
}

const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/;
const acmInUsEast1 = /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/;
const cidr = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/;

function readCmsConfig(
  text: (key: ContextKey, pattern?: RegExp, shape?: string) => string | undefined,
  region: string | undefined,
): CmsConfig {
  // The load balancer's access logs are delivered by a per-region principal, so the region must be known.
  if (!region) throw new DeployConfigError(contextKeys.region, 'required with cms=true (-c region=… or AWS_REGION)');
  // No certificate, no CMS: editors' passwords and the API token never travel over plain HTTP.
  const certificateArn = text(
    contextKeys.cmsCertificateArn,
    /^arn:aws(-cn)?:(acm|iam):/,
    'an ACM or IAM certificate ARN',
  );
  if (!certificateArn)
    throw new DeployConfigError(contextKeys.cmsCertificateArn, 'required with cms=true (HTTPS only)');
  const cidrs =
    text(contextKeys.cmsAllowedCidrs)
      ?.split(',')
      .map((part) => part.trim()) ?? [];
  const wrong = cidrs.find((part) => !cidr.test(part));
  if (wrong !== undefined) throw new DeployConfigError(contextKeys.cmsAllowedCidrs, `"${wrong}" is not an IPv4 CIDR`);
  return {
    certificateArn,
    domain: text(contextKeys.cmsDomain, hostName, 'a host name such as cms.example.gov.cn'),
    allowedCidrs: cidrs,
    nodeImage: text(
      contextKeys.cmsNodeImage,
      /^[\w.\-/:@]+$/,
      'an image reference such as registry/node:20-bookworm-slim',
    ),
  };
}

/** No context at all: an environment-agnostic stack on *.cloudfront.net, no WAF, no CMS. */
export const defaultDeployConfig: DeployConfig = readDeployConfig(() => undefined, {});
