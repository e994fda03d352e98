// The run's state machine, generated from the step list (functions/pipeline/pipeline-steps.ts): a Lambda Task per
// step in its order; a step's retryable error (thrown under one name) retried with exponential backoff and full
// jitter; a rejection or failure (returned as `failure`) and anything caught go to record-outcome, which records
// the outcome and tells the run's source; a run whose outcome cannot be recorded goes to the dead-letter queue.
// Executions are named after the run id (start-run), so Step Functions itself refuses a second start of a run.
import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Fail,
  IntegrationPattern,
  JitterType,
  JsonPath,
  LogLevel,
  Map as MapState,
  Pass,
  Result,
  StateMachine,
  Succeed,
  TaskInput,
  type IChainable,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke, SqsSendMessage, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { pipelineSteps, type PipelineStep } from '../../functions/pipeline/pipeline-steps';
import type { StepName } from '../../functions/pipeline/run-outcome';
import { retryableErrorName } from '../../functions/pipeline/step-failure';

/** Retries of a retryable step error: 2 s, 4 s, 8 s, 16 s (each drawn between 0 and that: full jitter). */
export const stepRetry = {
  interval: Duration.seconds(2),
  maxAttempts: 4,
  backoffRate: 2,
  maxDelay: Duration.minutes(1),
};

/** The name of the state that records a run's outcome. */
export const recordOutcomeState = 'recordOutcome';
export const deadLetterState = 'sendToDeadLetters';

export interface PipelineStateMachineProps {
  readonly steps?: readonly PipelineStep[];
  /** The function of each step, and the one that records the outcome. */
  readonly functions: Readonly<Record<StepName | 'recordOutcome', IFunction>>;
  readonly deadLetters: IQueue;
  readonly logs: ILogGroup;
  /** Runs of a batch in flight at once (rendering is the costly part). */
  readonly batchConcurrency?: number;
}

const invoke = (scope: Construct, stateName: string, fn: IFunction) =>
  new LambdaInvoke(scope, stateName, {
    stateName,
    lambdaFunction: fn,
    // The function's own result is the state: the steps pass stages to each other as the local runner does.
    payloadResponseOnly: true,
    retryOnServiceExceptions: true,
  });

export class PipelineStateMachine extends Construct {
  readonly stateMachine: StateMachine;
  /** "Publish every agency's report for year Y": a Map over runs, each a pipeline execution named after its run. */
  readonly batch: StateMachine;

  constructor(scope: Construct, id: string, props: PipelineStateMachineProps) {
    super(scope, id);
    const steps = props.steps ?? pipelineSteps;

    const notRecorded = new SqsSendMessage(this, 'DeadLetter', {
      stateName: deadLetterState,
      queue: props.deadLetters,
      messageBody: TaskInput.fromJsonPathAt('$'),
    }).next(new Fail(this, 'OutcomeNotRecorded', { error: 'OutcomeNotRecorded', cause: 'sent to the dead letters' }));
    const record = invoke(this, recordOutcomeState, props.functions.recordOutcome)
      .addRetry({ errors: ['States.ALL'], ...stepRetry, jitterStrategy: JitterType.FULL })
      .addCatch(notRecorded, { resultPath: '$.notRecorded' });
    record.next(
      new Choice(this, 'Outcome')
        .when(Condition.stringEquals('$.kind', 'failed'), new Fail(this, 'RunFailed', { error: 'RunFailed' }))
        .otherwise(new Succeed(this, 'RunDone')),
    );

    // Built from the last step back, so each step's "passed" leads to the next one's Task.
    let next: IChainable = record;
    for (const step of [...steps].reverse()) {
      const task = invoke(this, step.name, props.functions[step.name])
        .addRetry({ errors: [retryableErrorName], ...stepRetry, jitterStrategy: JitterType.FULL })
        .addCatch(
          new Pass(this, `${step.name}Caught`, {
            result: Result.fromString(step.name),
            resultPath: '$.failedStep',
          }).next(record),
          { resultPath: '$.caught' },
        );
      task.next(new Choice(this, `${step.name}Passed`).when(Condition.isPresent('$.failure'), record).otherwise(next));
      next = task;
    }

    this.stateMachine = new StateMachine(this, 'Run', {
      definitionBody: DefinitionBody.fromChainable(next),
      timeout: Duration.minutes(30),
      tracingEnabled: true,
      // Errors only, without execution data: a run's state holds the narrative's keys, never its text, but still.
      logs: { destination: props.logs, level: LogLevel.ERROR, includeExecutionData: false },
    });

    const runOne = new StepFunctionsStartExecution(this, 'RunOne', {
      stateName: 'runOne',
      stateMachine: this.stateMachine,
      integrationPattern: IntegrationPattern.RUN_JOB,
      name: JsonPath.stringAt('$.run.id'),
      input: TaskInput.fromJsonPathAt('$'),
      resultSelector: { 'status.$': '$.Status' },
    }).addCatch(new Pass(this, 'RunNotPublished', { parameters: { 'status.$': '$.Error' } }));
    const map = new MapState(this, 'EachRun', {
      stateName: 'eachRun',
      itemsPath: '$.runs',
      maxConcurrency: props.batchConcurrency ?? 10,
      // 10,000 results would not fit the 256 KB a state may hold: each run's outcome is in its own execution.
      resultPath: JsonPath.DISCARD,
    });
    map.itemProcessor(runOne);
    this.batch = new StateMachine(this, 'Batch', {
      definitionBody: DefinitionBody.fromChainable(map),
      timeout: Duration.hours(24),
      tracingEnabled: true,
      logs: { destination: props.logs, level: LogLevel.ERROR, includeExecutionData: false },
    });
  }
}
