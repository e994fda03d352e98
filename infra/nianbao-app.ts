// The stacks of one deployment, from the context read once (infra/deploy-config.ts), checked by cdk-nag's
// AwsSolutions rules: `cdk synth` fails on any finding not acknowledged with a reason next to its resource.
import { Stack, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ArchiveStack } from './archive-stack';
import { EdgeWebAcl } from './constructs/edge-web-acl';
import { readDeployConfig, type DeployConfig, type DeployEnvironment } from './deploy-config';

export interface NianbaoStacks {
  readonly config: DeployConfig;
  readonly archive: ArchiveStack;
  /** Only with waf=true outside us-east-1: the web ACL must live there. */
  readonly edgeWaf: Stack | undefined;
}

export function addNianbaoStacks(app: App, environment: DeployEnvironment = process.env): NianbaoStacks {
  const config = readDeployConfig((key) => app.node.tryGetContext(key), environment);
  const { stackName, account, region } = config;
  const description = 'nianbao: statistics table and the immutable public archive of 政府信息公开工作年度报告';

  // WAF outside us-east-1: a small stack there holds the web ACL; CDK passes its ARN across regions (an SSM
  // parameter written there, read here by a custom resource).
  const crossRegion = config.waf && region !== 'us-east-1';
  const edgeWaf = crossRegion
    ? new Stack(app, `${stackName}EdgeWaf`, {
        env: { account, region: 'us-east-1' },
        crossRegionReferences: true,
        description: 'nianbao: the AWS WAF web ACL of the archive CDN (CloudFront web ACLs live in us-east-1)',
      })
    : undefined;
  const webAclArn = edgeWaf && new EdgeWebAcl(edgeWaf, 'EdgeWebAcl').webAcl.attrArn;
  const archive = new ArchiveStack(app, stackName, {
    env: { account, region },
    description,
    config,
    crossRegionReferences: crossRegion,
    ...(webAclArn && { webAclArn }),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { config, archive, edgeWaf };
}
