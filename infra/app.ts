// The CDK app: `npx cdk synth` (offline) or `npx cdk deploy` (AWS credentials). See docs/deploy.md.
import { App } from 'aws-cdk-lib';
import { ArchiveStack } from './archive-stack';

const app = new App();
new ArchiveStack(app, (app.node.tryGetContext('stackName') as string | undefined) ?? 'Nianbao', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: 'nianbao: statistics table and the immutable public archive of 政府信息公开工作年度报告',
});
