// The CDK app: `npx cdk synth` (offline) or `npx cdk deploy -c key=value …` (AWS credentials). See docs/deploy.md.
import { App } from 'aws-cdk-lib';
import { addNianbaoStacks } from './nianbao-app';

addNianbaoStacks(new App());
