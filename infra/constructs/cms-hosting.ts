// The CMS (Strapi 5) when an office hosts it here (`-c cms=true`): one Fargate task in private subnets behind an
// HTTPS-only load balancer, PostgreSQL in isolated subnets, uploads in a private bucket, every secret from Secrets
// Manager (injected by ECS at task start, never in the task definition's plain environment).
import { fileURLToPath } from 'node:url';
import { Duration, IgnoreMode, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  FlowLogDestination,
  GatewayVpcEndpointAwsService,
  InstanceClass,
  InstanceSize,
  InstanceType,
  Peer,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import {
  Cluster,
  ContainerImage,
  ContainerInsights,
  CpuArchitecture,
  LogDrivers,
  OperatingSystemFamily,
  Secret as EcsSecret,
} from 'aws-cdk-lib/aws-ecs';
import { ApplicationLoadBalancedFargateService } from 'aws-cdk-lib/aws-ecs-patterns';
import { ApplicationProtocol, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Credentials,
  DatabaseInstance,
  DatabaseInstanceEngine,
  PostgresEngineVersion,
  StorageType,
} from 'aws-cdk-lib/aws-rds';
import { Bucket, type CfnBucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, type IConstruct } from 'constructs';
import type { CmsConfig } from '../deploy-config';
import { accessLogPrefixes } from './access-log-bucket';
import { privateBucketProps } from './private-bucket';

/**
 * The CMS image's build context: the repository's root (the CMS is a workspace; its versions are in the root
 * lockfile), narrowed by the root .dockerignore to package.json, package-lock.json and cms/. Built by `cdk deploy`
 * (Docker), not by synth, which only copies that context.
 */
export const cmsImageContext = fileURLToPath(new URL('../..', import.meta.url));

/** Strapi's own secrets, one generated Secrets Manager secret each, injected under these variable names. */
export const strapiSecretVariables = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  'JWT_SECRET',
] as const;

/** The token the pipeline presents when it writes a run's results into the CMS. */
export const resultsTokenVariable = 'NIANBAO_RESULTS_TOKEN';

const strapiPort = 1337;
/** RDS's CA bundle for the China regions (the global one is the Dockerfile's default). */
const rdsCaBundleInChina = 'https://rds-truststore.s3.cn-north-1.amazonaws.com.cn/global/global-bundle.pem';
const databaseName = 'strapi';

export interface CmsHostingProps {
  readonly config: CmsConfig;
  readonly logBucket: IBucket;
  /** The pipeline's copy of the results token, when it made one; else the CMS makes its own. */
  readonly resultsToken?: ISecret | undefined;
}

export class CmsHosting extends Construct {
  readonly vpc: Vpc;
  readonly database: DatabaseInstance;
  readonly uploads: Bucket;
  readonly resultsToken: ISecret;
  readonly service: ApplicationLoadBalancedFargateService;

  constructor(scope: Construct, id: string, props: CmsHostingProps) {
    super(scope, id);
    const { config, logBucket } = props;
    this.vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      // One NAT gateway: cheaper than the four interface endpoints a task needs (ECR, logs, Secrets Manager).
      natGateways: 1,
      subnetConfiguration: [
        { name: 'Public', subnetType: SubnetType.PUBLIC },
        { name: 'Service', subnetType: SubnetType.PRIVATE_WITH_EGRESS },
        { name: 'Database', subnetType: SubnetType.PRIVATE_ISOLATED },
      ],
      gatewayEndpoints: { S3: { service: GatewayVpcEndpointAwsService.S3 } },
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: FlowLogDestination.toCloudWatchLogs(
        new LogGroup(this, 'FlowLogGroup', { retention: RetentionDays.THREE_MONTHS }),
      ),
    });

    this.database = new DatabaseInstance(this, 'Database', {
      engine: DatabaseInstanceEngine.postgres({ version: PostgresEngineVersion.VER_16 }),
      instanceType: InstanceType.of(InstanceClass.T4G, InstanceSize.MICRO),
      vpc: this.vpc,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
      credentials: Credentials.fromGeneratedSecret('strapi'),
      databaseName,
      storageEncrypted: true,
      storageType: StorageType.GP3,
      allocatedStorage: 20,
      // PostgreSQL answers; it never calls out.
      securityGroups: [new SecurityGroup(this, 'DatabaseSecurityGroup', { vpc: this.vpc, allowAllOutbound: false })],
      backupRetention: Duration.days(7),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      cloudwatchLogsExports: ['postgresql'],
      autoMinorVersionUpgrade: true,
    });

    this.uploads = new Bucket(this, 'Uploads', {
      ...privateBucketProps,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: accessLogPrefixes.cmsUploadsBucket,
    });

    this.resultsToken = props.resultsToken ?? generatedSecret(this, 'ResultsToken', resultsTokenVariable);
    const secrets: Record<string, EcsSecret> = {
      DATABASE_USERNAME: EcsSecret.fromSecretsManager(this.database.secret!, 'username'),
      DATABASE_PASSWORD: EcsSecret.fromSecretsManager(this.database.secret!, 'password'),
      [resultsTokenVariable]: EcsSecret.fromSecretsManager(this.resultsToken),
    };
    for (const variable of strapiSecretVariables)
      secrets[variable] = EcsSecret.fromSecretsManager(generatedSecret(this, variable, variable));

    const cluster = new Cluster(this, 'Cluster', { vpc: this.vpc, containerInsightsV2: ContainerInsights.ENABLED });
    this.service = new ApplicationLoadBalancedFargateService(this, 'Service', {
      cluster,
      cpu: 512,
      memoryLimitMiB: 1024,
      runtimePlatform: { cpuArchitecture: CpuArchitecture.X86_64, operatingSystemFamily: OperatingSystemFamily.LINUX },
      desiredCount: 1,
      minHealthyPercent: 100,
      circuitBreaker: { rollback: true },
      taskSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
      publicLoadBalancer: true,
      protocol: ApplicationProtocol.HTTPS,
      certificate: Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn),
      sslPolicy: SslPolicy.RECOMMENDED_TLS,
      redirectHTTP: true,
      openListener: config.allowedCidrs.length === 0,
      taskImageOptions: {
        image: ContainerImage.fromAsset(cmsImageContext, {
          file: 'cms/Dockerfile',
          ignoreMode: IgnoreMode.DOCKER,
          platform: Platform.LINUX_AMD64,
          buildArgs: {
            ...(config.nodeImage && { NODE_IMAGE: config.nodeImage }),
            ...(Stack.of(this).region.startsWith('cn-') && { RDS_CA_BUNDLE_URL: rdsCaBundleInChina }),
          },
        }),
        containerPort: strapiPort,
        logDriver: LogDrivers.awsLogs({
          streamPrefix: 'cms',
          logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_YEAR }),
        }),
        // Settings only; everything secret is in `secrets`.
        environment: {
          NODE_ENV: 'production',
          HOST: '0.0.0.0',
          PORT: String(strapiPort),
          STRAPI_TELEMETRY_DISABLED: 'true',
          DATABASE_CLIENT: 'postgres',
          DATABASE_HOST: this.database.dbInstanceEndpointAddress,
          DATABASE_PORT: this.database.dbInstanceEndpointPort,
          DATABASE_NAME: databaseName,
          DATABASE_SSL: 'true',
          CMS_UPLOADS_BUCKET: this.uploads.bucketName,
          AWS_REGION: Stack.of(this).region,
          ...(config.domain && { PUBLIC_URL: `https://${config.domain}` }),
        },
        secrets,
      },
    });
    this.service.targetGroup.configureHealthCheck({ path: '/_health', healthyHttpCodes: '204' });
    for (const cidr of config.allowedCidrs)
      for (const port of [443, 80])
        this.service.loadBalancer.connections.allowFrom(Peer.ipv4(cidr), Port.tcp(port), `editors from ${cidr}`);
    this.service.loadBalancer.logAccessLogs(logBucket, accessLogPrefixes.cmsLoadBalancer);
    this.database.connections.allowDefaultPortFrom(this.service.service, 'Strapi to PostgreSQL');
    // Objects only, no bucket configuration: what Strapi's S3 upload provider calls.
    this.service.taskDefinition.addToTaskRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [this.uploads.arnForObjects('*')],
      }),
    );
    this.acknowledgeFindings(config);
  }

  /** A plain setting for Strapi (e.g. the pipeline's start-run URL); never a secret. */
  addSetting(variable: string, value: string): void {
    this.container().addEnvironment(variable, value);
  }

  /** A secret for Strapi (e.g. the shared secret of the start-run endpoint), injected by ECS at task start. */
  addSecret(variable: string, secret: ISecret, field?: string): void {
    this.container().addSecret(variable, EcsSecret.fromSecretsManager(secret, field));
  }

  private container() {
    return this.service.taskDefinition.defaultContainer!;
  }

  private acknowledgeFindings(config: CmsConfig): void {
    const acknowledge = (scope: IConstruct, id: string, reason: string) => {
      Validations.of(scope).acknowledge({ id, reason });
    };
    const rds = this.database;
    acknowledge(
      rds,
      'AwsSolutions-RDS3',
      'One editor office: a single-AZ instance with 7 days of backups; Multi-AZ doubles the cost.',
    );
    acknowledge(
      rds,
      'AwsSolutions-RDS11',
      'Isolated subnets, reachable only from the Strapi tasks: a non-default port would hide nothing.',
    );
    acknowledge(
      rds.node.findChild('Secret'),
      'AwsSolutions-SMG4',
      'Strapi reads the password once at task start; rotating it is a documented manual step with a redeploy.',
    );
    const { taskDefinition } = this.service;
    acknowledge(
      taskDefinition.taskRole,
      `AwsSolutions-IAM5[Resource::<${this.logicalId(this.uploads)}.Arn>/*]`,
      'Strapi stores each upload under its own key: the role reaches any object of the uploads bucket, nothing else.',
    );
    acknowledge(
      taskDefinition.obtainExecutionRole(),
      'AwsSolutions-IAM5[Resource::*]',
      'ecr:GetAuthorizationToken has no resource scope; the other actions are scoped to the image repository and log group.',
    );
    acknowledge(
      taskDefinition,
      'AwsSolutions-ECS2',
      'Plain environment holds settings only (host, port, bucket name); every secret comes from Secrets Manager.',
    );
    if (config.allowedCidrs.length === 0)
      acknowledge(
        this.service.loadBalancer,
        'AwsSolutions-EC23',
        'cmsAllowedCidrs not set: editors reach the CMS from anywhere, over HTTPS only.',
      );
  }

  private logicalId(bucket: Bucket): string {
    return Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnBucket);
  }
}

function generatedSecret(scope: Construct, id: string, variable: string): Secret {
  const secret = new Secret(scope, id, {
    description: `nianbao CMS ${variable}`,
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason: `${variable} is a signing key or salt: rotating it logs every editor out or voids tokens, so it is rotated by hand.`,
  });
  return secret;
}
