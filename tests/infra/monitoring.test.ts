// The alarms the pipeline construct will ask for, on a throwaway state machine, function and queue: each alarm
// watches the right metric and notifies the one encrypted topic, which mails the address given.
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, Pass, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Construct } from 'constructs';
import { Monitoring } from '../../infra/constructs/monitoring';

type Resources = Record<string, { Properties: Record<string, unknown> }>;
let template: Template;
let alarmCounts: { stateMachine: number; fn: number; queue: number };

beforeAll(() => {
  const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Watched');
  const monitoring = new Monitoring(stack, 'Monitoring', { alarmEmail: 'ops@example.gov.cn' });
  const stateMachine = new StateMachine(stack, 'Run', {
    definitionBody: DefinitionBody.fromChainable(new Pass(stack, 'P')),
  });
  const fn = new LambdaFunction(stack, 'Render', {
    runtime: Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: Code.fromInline('exports.handler = async () => {}'),
  });
  const queue = new Queue(stack, 'OutcomeDlq');
  alarmCounts = {
    stateMachine: monitoring.watchStateMachine(stateMachine).length,
    fn: monitoring.watchFunction(fn).length,
    queue: monitoring.watchQueue(queue).length,
  };
  template = Template.fromStack(stack);
});

const alarms = () =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm') as Resources).map((a) => a.Properties);
const topicRef = () => ({ Ref: Object.keys(template.findResources('AWS::SNS::Topic'))[0] });
const alarmOn = (namespace: string, metricName: string) =>
  alarms().find((a) => a.Namespace === namespace && a.MetricName === metricName);

describe('Monitoring', () => {
  it('has one topic, encrypted with a rotating key CloudWatch may use, mailing the given address', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    const [keyId] = Object.keys(template.findResources('AWS::KMS::Key'));
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const keyPolicy = JSON.stringify(Object.values(template.findResources('AWS::KMS::Key') as Resources)[0]);
    expect(keyPolicy).toContain('cloudwatch.amazonaws.com');
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.gov.cn',
      TopicArn: topicRef(),
    });
  });

  it.each([
    ['AWS/States', 'ExecutionsFailed'],
    ['AWS/States', 'ExecutionsTimedOut'],
    ['AWS/States', 'ExecutionsAborted'],
    ['AWS/Lambda', 'Errors'],
    ['AWS/Lambda', 'Throttles'],
    ['AWS/SQS', 'ApproximateNumberOfMessagesVisible'],
  ])('alarms on %s %s at the first occurrence and notifies the topic', (namespace, metricName) => {
    const alarm = alarmOn(namespace, metricName);
    expect(alarm).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topicRef()],
    });
  });

  it('watches the resource it was given', () => {
    const dimensionOf = (namespace: string, metricName: string) =>
      (alarmOn(namespace, metricName)?.Dimensions as { Name: string; Value: unknown }[])[0];
    expect(dimensionOf('AWS/States', 'ExecutionsFailed')).toEqual({
      Name: 'StateMachineArn',
      Value: { Ref: expect.stringMatching(/^Run/) },
    });
    expect(dimensionOf('AWS/Lambda', 'Errors')).toEqual({
      Name: 'FunctionName',
      Value: { Ref: expect.stringMatching(/^Render/) },
    });
    expect(dimensionOf('AWS/SQS', 'ApproximateNumberOfMessagesVisible')).toEqual({
      Name: 'QueueName',
      Value: { 'Fn::GetAtt': [expect.stringMatching(/^OutcomeDlq/), 'QueueName'] },
    });
  });

  it('returns the alarms it made, one per watched condition', () => {
    expect(alarmCounts).toEqual({ stateMachine: 3, fn: 2, queue: 1 });
    expect(alarms()).toHaveLength(6);
  });
});

describe('Monitoring of constructs that name their parts alike', () => {
  it('watches two functions both called Handler in different constructs', () => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Alike');
    const monitoring = new Monitoring(stack, 'Monitoring');
    const handlers = ['Validate', 'Publish'].map(
      (step) =>
        new LambdaFunction(new Construct(stack, step), 'Handler', {
          runtime: Runtime.NODEJS_22_X,
          handler: 'index.handler',
          code: Code.fromInline('exports.handler = async () => {}'),
        }),
    );
    for (const handler of handlers) monitoring.watchFunction(handler);
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Alarm', 4);
  });
});
