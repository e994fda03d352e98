// Alarms for what needs a person: a run that failed or timed out, a function that errors or is throttled, a
// dead-letter queue that holds anything, the CMS without a healthy task. Every alarm notifies one SNS topic; `-c alarmEmail=…` subscribes an address.
// The pipeline construct calls watchStateMachine / watchFunction / watchQueue for each of its resources.
import { Duration, Names } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type AlarmProps,
  TreatMissingData,
  type IMetric,
  type MetricOptions,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IApplicationTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct, type IConstruct } from 'constructs';

/** Unique in the app (two constructs may both call their function "Handler"), readable in the alarm's name. */
const watchedName = (watched: IConstruct): string => Names.uniqueId(watched);

/** Each alarm looks at 5-minute sums: one failed run is worth a message, so the threshold is 1. */
const window: MetricOptions = { period: Duration.minutes(5), statistic: 'Sum' };

export interface MonitoringProps {
  readonly alarmEmail?: string | undefined;
}

export class Monitoring extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: MonitoringProps = {}) {
    super(scope, id);
    // Encrypted with a key CloudWatch may use: alarms cannot publish to a topic under the AWS-managed SNS key.
    const key = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'nianbao alarm topic' });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', { displayName: 'nianbao alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
  }

  /** A run that ended failed, timed out or aborted: the run record says why. */
  watchStateMachine(stateMachine: IStateMachine): Alarm[] {
    const name = watchedName(stateMachine);
    return [
      this.alarm(`${name}Failed`, stateMachine.metricFailed(window), `${name}: an execution failed`),
      this.alarm(`${name}TimedOut`, stateMachine.metricTimedOut(window), `${name}: an execution timed out`),
      this.alarm(`${name}Aborted`, stateMachine.metricAborted(window), `${name}: an execution was aborted`),
    ];
  }

  /** Errors are faults the state machine did not expect or retried in vain; throttles mean the limits are too low. */
  watchFunction(fn: IFunction): Alarm[] {
    const name = watchedName(fn);
    return [
      this.alarm(`${name}Errors`, fn.metricErrors(window), `${name}: invocations ended in an error`),
      this.alarm(`${name}Throttles`, fn.metricThrottles(window), `${name}: invocations were throttled`),
    ];
  }

  /** A dead-letter queue is empty when all is well: anything in it is a run whose outcome was not recorded. */
  watchQueue(queue: IQueue): Alarm[] {
    const depth = queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' });
    const name = watchedName(queue);
    return [this.alarm(`${name}NotEmpty`, depth, `${name}: messages are waiting in the queue`)];
  }

  /**
   * A service behind a load balancer (the CMS) with no healthy target for 10 minutes: editors cannot work, and runs
   * cannot report their outcome. Missing data counts as down here: a target group without targets reports nothing.
   */
  watchService(name: string, targetGroup: IApplicationTargetGroup): Alarm[] {
    const healthy = targetGroup.metrics.healthyHostCount({ period: Duration.minutes(5), statistic: 'Minimum' });
    return [
      this.alarm(`${name}Down`, healthy, `${name}: no healthy target behind the load balancer`, {
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: TreatMissingData.BREACHING,
      }),
    ];
  }

  private alarm(id: string, metric: IMetric, description: string, options: Partial<AlarmProps> = {}): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data is no failure: a quiet week is not an alarm.
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
      ...options,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    return alarm;
  }
}
