// Where the publish adapters point, read once from the environment; a missing variable fails at start, by name.

export interface PublishConfig {
  readonly region: string;
  /** The single DynamoDB table (docs/data-model.md). */
  readonly table: string;
  /** The archive bucket, served by the CDN at the same paths. */
  readonly bucket: string;
  /** The runs' private staging bucket (report document, HTML, PDF between steps; objects expire after a few days). */
  readonly stagingBucket: string;
  /** Set for local stand-ins (dynalite); unset on AWS. */
  readonly dynamodbEndpoint?: string;
  /** Set for s3rver; path-style addressing and no streaming checksums follow. */
  readonly s3Endpoint?: string;
  /** CloudFront distribution to invalidate; unset means the local recording invalidator. */
  readonly distributionId?: string;
  /** Base URL the public reads the bucket at, e.g. https://nianbao.example.gov.cn or http://127.0.0.1:8080. */
  readonly publicBaseUrl?: string;
  /** Local narrative source: a folder of {agency}-{year}.json (until the CMS issue lands). */
  readonly narrativeDir?: string;
}

export class MissingConfigError extends Error {
  override name = 'MissingConfigError';
  constructor(readonly variable: string) {
    super(`environment variable ${variable} is not set (see docs/local-stack.md)`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** A store a process may need; each is one variable. */
export type ConfiguredStore = 'table' | 'bucket' | 'stagingBucket';

const storeVariables = {
  table: 'NIANBAO_TABLE',
  bucket: 'NIANBAO_BUCKET',
  stagingBucket: 'NIANBAO_STAGING_BUCKET',
} as const satisfies Record<ConfiguredStore, string>;

/** The value of a variable that must be set; otherwise a MissingConfigError naming it. */
export function requiredVariable(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new MissingConfigError(name);
  return value;
}

/**
 * `needs: 'statistics'` asks only for the table (stats import/export need no bucket); a list asks for just those
 * stores (a Lambda handler is given only its own), the others are ''.
 */
export function readPublishConfig(
  env: Env = process.env,
  needs: 'publish' | 'statistics' | readonly ConfiguredStore[] = 'publish',
): PublishConfig {
  const required = (name: string): string => requiredVariable(env, name);
  const stores: readonly ConfiguredStore[] =
    needs === 'publish' ? ['table', 'bucket', 'stagingBucket'] : needs === 'statistics' ? ['table'] : needs;
  const store = (name: ConfiguredStore) =>
    stores.includes(name) ? required(storeVariables[name]) : (env[storeVariables[name]] ?? '');
  const optional = (name: string) => (env[name] ? { [name]: env[name] } : {});
  const o = {
    ...optional('NIANBAO_DYNAMODB_ENDPOINT'),
    ...optional('NIANBAO_S3_ENDPOINT'),
    ...optional('NIANBAO_CLOUDFRONT_DISTRIBUTION_ID'),
    ...optional('NIANBAO_PUBLIC_BASE_URL'),
    ...optional('NIANBAO_NARRATIVE_DIR'),
  };
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? required('AWS_REGION'),
    table: store('table'),
    bucket: store('bucket'),
    stagingBucket: store('stagingBucket'),
    ...(o.NIANBAO_DYNAMODB_ENDPOINT ? { dynamodbEndpoint: o.NIANBAO_DYNAMODB_ENDPOINT } : {}),
    ...(o.NIANBAO_S3_ENDPOINT ? { s3Endpoint: o.NIANBAO_S3_ENDPOINT } : {}),
    ...(o.NIANBAO_CLOUDFRONT_DISTRIBUTION_ID ? { distributionId: o.NIANBAO_CLOUDFRONT_DISTRIBUTION_ID } : {}),
    ...(o.NIANBAO_PUBLIC_BASE_URL ? { publicBaseUrl: o.NIANBAO_PUBLIC_BASE_URL } : {}),
    ...(o.NIANBAO_NARRATIVE_DIR ? { narrativeDir: o.NIANBAO_NARRATIVE_DIR } : {}),
  };
}

/** The environment that points the CLI at a running local stack (what `npm start` prints). */
export function localStackEnv(config: PublishConfig): Record<string, string> {
  return {
    AWS_REGION: config.region,
    NIANBAO_TABLE: config.table,
    NIANBAO_BUCKET: config.bucket,
    NIANBAO_STAGING_BUCKET: config.stagingBucket,
    ...(config.dynamodbEndpoint ? { NIANBAO_DYNAMODB_ENDPOINT: config.dynamodbEndpoint } : {}),
    ...(config.s3Endpoint ? { NIANBAO_S3_ENDPOINT: config.s3Endpoint } : {}),
    ...(config.publicBaseUrl ? { NIANBAO_PUBLIC_BASE_URL: config.publicBaseUrl } : {}),
    ...(config.narrativeDir ? { NIANBAO_NARRATIVE_DIR: config.narrativeDir } : {}),
  };
}
