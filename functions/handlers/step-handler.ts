// One step of the pipeline as a Lambda handler: the step's input stage in, the next stage out. What the state
// machine does next follows from the result: a retryable error is thrown with a stable name (its Retry), a
// rejection or a failure is returned as `{ run, failure }` (its Choice routes it to record-outcome). Before the step
// runs, the run's source hears its status ("rendering"), as the local runner tells it (report-progress.ts).
import type { PipelinePorts, PortName } from '../pipeline/pipeline-ports';
import { pipelineSteps, type PipelineStep } from '../pipeline/pipeline-steps';
import type { Run } from '../pipeline/run';
import { reportProgress } from '../pipeline/report-progress';
import type { RunOutcomeReporter, StepName } from '../pipeline/run-outcome';
import { maxStateBytes } from '../pipeline/run-pipeline';
import { classifyError, type StepFailure } from '../pipeline/step-failure';
import { RetryableStepError } from './retryable-step-error';
import { logger, withRunId } from './handler-logger';
import { stepConfig } from './lambda-ports';
import type { PublishConfig } from '../adapters/publish-config';
import { configuredReporter, loggedOutcomes } from './run-reporter';

export class UnwiredPortError extends Error {
  override name = 'UnwiredPortError';
}

/** What a step that did not get to its next stage returns: the state machine's Choice looks for `failure`. */
export interface StepFailed {
  readonly run: Run;
  readonly failure: StepFailure;
}

export const stepNamed = (name: StepName): PipelineStep => {
  const step = pipelineSteps.find((s) => s.name === name);
  if (!step) throw new Error(`no step ${name} in the step list`);
  return step;
};

/** How a handler makes each port it can wire; only the ones its step declares are made (at cold start). */
export type PortFactories = { readonly [P in PortName]?: () => PipelinePorts[P] };

/** The ports a step declared, made once; a declared port the handler cannot make fails the cold start. */
export function declaredStepPorts(step: PipelineStep, factories: PortFactories): PipelinePorts {
  const entries = step.ports.map((name) => {
    const make = factories[name];
    if (!make) throw new UnwiredPortError(`the ${step.name} handler wires no ${name} port`);
    return [name, make()] as const;
  });
  return Object.fromEntries(entries) as unknown as PipelinePorts;
}

export function createStepHandler(
  step: PipelineStep,
  ports: PipelinePorts,
  /** Told the step's status first; default: nobody (the log reporter's progress is silent). */
  reporter: RunOutcomeReporter = loggedOutcomes,
) {
  return (event: { readonly run: Run }): Promise<unknown> =>
    withRunId(event.run.id, async () => {
      logger.info('step started', { step: step.name });
      await reportProgress(reporter, event.run, step.status, (error) =>
        logger.warn('progress not reported', { step: step.name, status: step.status, error }),
      );
      let failure: StepFailure;
      try {
        const result = await step.run(event, ports);
        if (result.ok) {
          const bytes = Buffer.byteLength(JSON.stringify(result.value));
          if (bytes <= maxStateBytes) {
            logger.info('step done', { step: step.name, stateBytes: bytes });
            return result.value;
          }
          failure = {
            kind: 'failed',
            step: step.name,
            reason: `the run's state is ${bytes} bytes, over ${maxStateBytes}: stage it`,
            findings: [],
          };
        } else failure = { kind: 'rejected', step: step.name, ...result.error };
      } catch (error) {
        failure = classifyError(step.name, error);
        if (failure.kind === 'retryable') {
          logger.warn('step will be retried', { step: step.name, reason: failure.reason });
          throw new RetryableStepError(failure.reason, { cause: error });
        }
      }
      logger[failure.kind === 'rejected' ? 'warn' : 'error']('step did not pass', {
        step: step.name,
        kind: failure.kind,
        reason: failure.reason,
        findings: failure.findings.length,
      });
      return { run: event.run, failure } satisfies StepFailed;
    });
}

/**
 * The Lambda handler of `step` (imported on its own from pipeline-steps.ts, not looked up in the list: the bundle
 * then holds only that step's code): its configuration read, its declared ports and the run's reporter (the CMS's
 * when NIANBAO_CMS_URL is set, run-reporter.ts) made once, at cold start.
 */
export function stepLambda(step: PipelineStep, factories: (config: PublishConfig) => PortFactories) {
  const config = stepConfig(step.ports);
  return createStepHandler(step, declaredStepPorts(step, factories(config)), configuredReporter()(config));
}
