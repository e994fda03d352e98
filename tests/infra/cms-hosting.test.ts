// The CMS when hosted here (cms=true): tasks and database in private subnets, secrets from Secrets Manager only,
// HTTPS-only load balancer with its access logs, a private uploads bucket; nothing of it without the flag.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchiveStack } from '../../infra/archive-stack';
import { pipelineSteps } from '../../functions/pipeline/pipeline-steps';
import { accessLogPrefixes } from '../../infra/constructs/access-log-bucket';
import { resultsTokenVariable, strapiSecretVariables } from '../../infra/constructs/cms-hosting';
import { readDeployConfig } from '../../infra/deploy-config';
import { synthNianbao } from '../support/synth-nianbao-app';

const cmsCertificateArn = 'arn:aws:acm:eu-west-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab';
const editors = '203.0.113.0/24';

type Resources = Record<string, { Properties: Record<string, unknown> }>;
type Ref = { Ref: string };
const resources = (template: Template, type: string) => template.findResources(type) as Resources;
const onlyOf = (template: Template, type: string) => {
  const all = Object.values(resources(template, type));
  expect(all).toHaveLength(1);
  return all[0]!.Properties;
};

/** Where a subnet's default route goes: 'nat', 'internet' or 'none' (isolated). */
function defaultRouteOf(template: Template, subnet: Ref): 'nat' | 'internet' | 'none' {
  const association = Object.values(resources(template, 'AWS::EC2::SubnetRouteTableAssociation')).find(
    (a) => (a.Properties.SubnetId as Ref).Ref === subnet.Ref,
  );
  const table = (association!.Properties.RouteTableId as Ref).Ref;
  const route = Object.values(resources(template, 'AWS::EC2::Route')).find(
    (r) => (r.Properties.RouteTableId as Ref).Ref === table && r.Properties.DestinationCidrBlock === '0.0.0.0/0',
  );
  if (!route) return 'none';
  return route.Properties.NatGatewayId ? 'nat' : 'internet';
}

describe('CMS hosting (cms=true)', () => {
  let template: Template;
  beforeAll(() => {
    const context = { cms: 'true', cmsCertificateArn, cmsAllowedCidrs: editors, cmsDomain: 'cms.example.gov.cn' };
    template = synthNianbao({ context, region: 'eu-west-1' }).template;
  });

  it('runs Strapi in private subnets without a public IP', () => {
    const service = onlyOf(template, 'AWS::ECS::Service');
    const network = (
      service.NetworkConfiguration as { AwsvpcConfiguration: { AssignPublicIp: string; Subnets: Ref[] } }
    ).AwsvpcConfiguration;
    expect(network.AssignPublicIp).toBe('DISABLED');
    expect(network.Subnets.map((subnet) => defaultRouteOf(template, subnet))).toEqual(['nat', 'nat']);
  });

  it('keeps PostgreSQL in isolated subnets, encrypted, private, reachable only from the Strapi tasks', () => {
    const database = onlyOf(template, 'AWS::RDS::DBInstance');
    expect(database).toMatchObject({
      Engine: 'postgres',
      StorageEncrypted: true,
      PubliclyAccessible: false,
      DeletionProtection: true,
    });
    const subnetGroup = onlyOf(template, 'AWS::RDS::DBSubnetGroup');
    expect((subnetGroup.SubnetIds as Ref[]).map((subnet) => defaultRouteOf(template, subnet))).toEqual([
      'none',
      'none',
    ]);
    const [databaseGroup] = database.VPCSecurityGroups as { 'Fn::GetAtt': [string, string] }[];
    const ingress = Object.values(resources(template, 'AWS::EC2::SecurityGroupIngress')).filter(
      (rule) =>
        (rule.Properties.GroupId as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0] === databaseGroup!['Fn::GetAtt'][0],
    );
    expect(ingress).toHaveLength(1);
    expect(ingress[0]!.Properties.SourceSecurityGroupId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^CmsServiceSecurityGroup/), 'GroupId'],
    });
  });

  it('gives Strapi every secret from Secrets Manager and none in its plain environment', () => {
    const [container] = onlyOf(template, 'AWS::ECS::TaskDefinition').ContainerDefinitions as {
      Environment: { Name: string; Value: unknown }[];
      Secrets: { Name: string; ValueFrom: unknown }[];
    }[];
    // NIANBAO_PIPELINE_SECRET: the hand-over secret the stack gives the CMS to sign its calls to the pipeline.
    const secretNames = [
      'DATABASE_USERNAME',
      'DATABASE_PASSWORD',
      resultsTokenVariable,
      'NIANBAO_PIPELINE_SECRET',
      ...strapiSecretVariables,
    ];
    expect(container!.Secrets.map((s) => s.Name).sort()).toEqual([...secretNames].sort());
    const environment = container!.Environment.map((e) => e.Name);
    expect(environment.filter((name) => secretNames.includes(name))).toEqual([]);
    expect(environment).toEqual(
      expect.arrayContaining(['DATABASE_CLIENT', 'DATABASE_HOST', 'DATABASE_PORT', 'DATABASE_NAME', 'DATABASE_SSL']),
    );
    expect(container!.Environment).toContainEqual({ Name: 'DATABASE_SSL', Value: 'true' });
    // One generated secret per Strapi key, the database's own, and the pipeline's two it shares with the CMS (the
    // results token, the hand-over secret).
    template.resourceCountIs('AWS::SecretsManager::Secret', strapiSecretVariables.length + 3);
  });

  it('answers HTTPS only (TLS 1.2+), redirects HTTP, lets only the editors in, and logs its requests', () => {
    const listeners = Object.values(resources(template, 'AWS::ElasticLoadBalancingV2::Listener')).map(
      (l) => l.Properties,
    );
    expect(listeners).toContainEqual(
      expect.objectContaining({
        Protocol: 'HTTPS',
        Certificates: [{ CertificateArn: cmsCertificateArn }],
        SslPolicy: expect.stringMatching(/^ELBSecurityPolicy-TLS13-1-2-/),
      }),
    );
    const plain = listeners.filter((l) => l.Protocol === 'HTTP');
    expect(plain.map((l) => (l.DefaultActions as { Type: string }[])[0]!.Type)).toEqual(['redirect']);
    const albGroup = Object.values(resources(template, 'AWS::EC2::SecurityGroup')).find((g) =>
      String(g.Properties.GroupDescription).includes('ELB'),
    );
    const sources = (albGroup!.Properties.SecurityGroupIngress as { CidrIp: string }[]).map((rule) => rule.CidrIp);
    expect(new Set(sources)).toEqual(new Set([editors]));
    const attributes = onlyOf(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer').LoadBalancerAttributes;
    expect(attributes).toContainEqual({ Key: 'access_logs.s3.enabled', Value: 'true' });
    expect(attributes).toContainEqual({ Key: 'access_logs.s3.prefix', Value: accessLogPrefixes.cmsLoadBalancer });
  });

  it('keeps uploads in a private, logged bucket the task role reaches by object only', () => {
    const uploads = Object.values(resources(template, 'AWS::S3::Bucket')).find(
      (b) =>
        (b.Properties.LoggingConfiguration as { LogFilePrefix?: string } | undefined)?.LogFilePrefix ===
        accessLogPrefixes.cmsUploadsBucket,
    );
    expect(uploads?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const taskPolicy = Object.values(resources(template, 'AWS::IAM::Policy')).find((p) =>
      JSON.stringify(p.Properties.Roles).includes('TaskRole'),
    );
    const statements = (
      taskPolicy!.Properties.PolicyDocument as { Statement: { Action: string[]; Resource: unknown }[] }
    ).Statement;
    expect(statements).toEqual([
      expect.objectContaining({
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^CmsUploads/), 'Arn'] }, '/*']] },
      }),
    ]);
  });
});

describe('CMS hosting watched', () => {
  it('alarms when no Strapi task is healthy for 10 minutes, missing data included', () => {
    const { template } = synthNianbao({ context: { cms: 'true', cmsCertificateArn }, region: 'eu-west-1' });
    const alarms = Object.values(resources(template, 'AWS::CloudWatch::Alarm'))
      .map((alarm) => alarm.Properties)
      .filter((alarm) => alarm.MetricName === 'HealthyHostCount');
    expect(alarms).toEqual([
      expect.objectContaining({
        MetricName: 'HealthyHostCount',
        ComparisonOperator: 'LessThanThreshold',
        Threshold: 1,
        EvaluationPeriods: 2,
        TreatMissingData: 'breaching',
        AlarmActions: [{ Ref: expect.stringMatching(/^MonitoringTopic/) }],
      }),
    ]);
  });
});

describe('CMS hosting wired to the pipeline', () => {
  it('takes further settings as plain environment and further secrets from Secrets Manager', () => {
    const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
    const context: Record<string, string> = { cms: 'true', cmsCertificateArn, region: 'eu-west-1' };
    const stack = new ArchiveStack(app, 'Wired', { config: readDeployConfig((key) => context[key], {}) });
    stack.cms!.addSetting('NIANBAO_START_RUN_URL', 'https://example.org/runs');
    stack.cms!.addSecret('NIANBAO_START_RUN_SECRET', new Secret(stack, 'StartRunSecret'));
    const [container] = onlyOf(Template.fromStack(stack), 'AWS::ECS::TaskDefinition').ContainerDefinitions as {
      Environment: { Name: string; Value: unknown }[];
      Secrets: { Name: string; ValueFrom: unknown }[];
    }[];
    expect(container!.Environment).toContainEqual({ Name: 'NIANBAO_START_RUN_URL', Value: 'https://example.org/runs' });
    expect(container!.Secrets).toContainEqual({
      Name: 'NIANBAO_START_RUN_SECRET',
      ValueFrom: { Ref: expect.stringMatching(/^StartRunSecret/) },
    });
  });
});

describe('without cms=true', () => {
  it('has no VPC, database, cluster or load balancer', () => {
    const { template } = synthNianbao({ region: 'eu-west-1' });
    for (const type of [
      'AWS::EC2::VPC',
      'AWS::RDS::DBInstance',
      'AWS::ECS::Cluster',
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
    ])
      template.resourceCountIs(type, 0);
  });
});

describe('the pipeline telling the hosted CMS', () => {
  const { template } = synthNianbao({
    context: { cms: 'true', cmsCertificateArn, cmsDomain: 'cms.example.gov.cn' },
    region: 'eu-west-1',
  });
  const functions = Object.entries(resources(template, 'AWS::Lambda::Function')).map(([id, f]) => ({
    id,
    roleId: (f.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0],
    env: (f.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {},
  }));
  const toldTheCms = functions.filter(({ env }) => env.NIANBAO_CMS_URL !== undefined);

  it("gives record-outcome and each step function the CMS's URL and the results token's secret", () => {
    expect(toldTheCms.map((f) => f.id.replace(/^Pipeline|[0-9A-F]{8}$/g, '')).sort()).toEqual(
      [...pipelineSteps.map((s) => s.name), 'recordOutcome'].map((n) => n[0]!.toUpperCase() + n.slice(1)).sort(),
    );
    for (const { env } of toldTheCms)
      expect(env).toMatchObject({
        NIANBAO_CMS_URL: 'https://cms.example.gov.cn',
        NIANBAO_CMS_TOKEN_SECRET_ARN: expect.anything(),
      });
    const recordOutcome = toldTheCms.find((f) => f.id.startsWith('PipelineRecordOutcome'));
    expect(recordOutcome?.env).toMatchObject({ NIANBAO_PUBLIC_BASE_URL: expect.anything() });
  });

  it('lets exactly those functions read the results token', () => {
    const token = Object.keys(resources(template, 'AWS::SecretsManager::Secret')).find((id) =>
      id.startsWith('PipelineCmsResultsToken'),
    )!;
    type Policy = { Statement: { Action: unknown; Resource: unknown }[] };
    const readerRoles = Object.values(resources(template, 'AWS::IAM::Policy'))
      .filter((p) =>
        (p.Properties.PolicyDocument as Policy).Statement.some(
          (st) =>
            JSON.stringify(st.Action).includes('secretsmanager:GetSecretValue') &&
            JSON.stringify(st.Resource).includes(token),
        ),
      )
      .flatMap((p) => (p.Properties.Roles as { Ref: string }[]).map((r) => r.Ref));
    const readers = functions.filter((f) => readerRoles.includes(f.roleId));
    expect(readers.map((f) => f.id).sort()).toEqual(toldTheCms.map((f) => f.id).sort());
  });
});
