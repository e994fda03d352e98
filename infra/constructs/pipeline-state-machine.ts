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
  /** The function of each step, the one that records the outcome, and the batch's listing of agencies. */
  readonly functions: Readonly<Record<StepName | 'recordOutcome' | 'listAgencies', IFunction>>;
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
  /**
   * "Publish every agency's report for year Y": the agencies with statistics for Y, page by page, each a pipeline
   * execution named after its run.
   */
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

    // The batch: a page of the year's agencies from the statistics table, a run for each (at most batchConcurrency at
    // once), and the next page while there is one. Input: { year, changeNote?, approver? }.
    const listAgencies = new LambdaInvoke(this, 'ListAgencies', {
      stateName: 'listAgencies',
      lambdaFunction: props.functions.listAgencies,
      payload: TaskInput.fromObject({ 'request.$': '$', 'execution.$': '$$.Execution.Name' }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    }).addRetry({ errors: [retryableErrorName], ...stepRetry, jitterStrategy: JitterType.FULL });
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
      itemsPath: '$.agencies',
      // Each agency's run (a Requested stage without a staged narrative: assemble reads narratives/ in staging),
      // named {agency}-{year}-{batch}: the same batch started again starts no run twice.
      itemSelector: {
        run: {
          id: JsonPath.format(
            '{}-{}-{}',
            JsonPath.stringAt('$$.Map.Item.Value'),
            JsonPath.stringAt('$.year'),
            JsonPath.stringAt('$.batch'),
          ),
          source: { kind: 'cli' },
          request: {
            agency: JsonPath.stringAt('$$.Map.Item.Value'),
            year: JsonPath.numberAt('$.year'),
            changeNote: JsonPath.stringAt('$.changeNote'),
            approver: JsonPath.stringAt('$.approver'),
          },
        },
      },
      maxConcurrency: props.batchConcurrency ?? 10,
      // 1,000 results would crowd the 256 KB a state may hold: each run's outcome is in its own execution.
      resultPath: JsonPath.DISCARD,
    });
    map.itemProcessor(runOne);
    const nextPage = new Pass(this, 'NextPage', {
      stateName: 'nextPage',
      parameters: {
        'year.$': '$.year',
        'changeNote.$': '$.changeNote',
        'approver.$': '$.approver',
        'batch.$': '$.batch',
        'startAfter.$': '$.next',
      },
    }).next(listAgencies);
    listAgencies
      .next(map)
      .next(
        new Choice(this, 'MorePages', { stateName: 'morePages' })
          .when(Condition.isPresent('$.next'), nextPage)
          .otherwise(new Succeed(this, 'BatchDone')),
      );
    this.batch = new StateMachine(this, 'Batch', {
      definitionBody: DefinitionBody.fromChainable(listAgencies),
      timeout: Duration.hours(24),
      tracingEnabled: true,
      logs: { destination: props.logs, level: LogLevel.ERROR, includeExecutionData: false },
    });
  }
}
