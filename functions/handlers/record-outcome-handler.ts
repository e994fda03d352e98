// The state machine's last state on every path. It turns where the run ended (the last stage, a step's
// failure, or an error the state machine caught) into the run's outcome, records it in staging (the first
// recorded outcome of a run id stands) and tells the run's source. If it cannot, it throws: the state machine
// retries it, then sends the run to the dead-letter queue.
import type { ArtifactStore } from '../publish/ports';
import type { Run } from '../pipeline/run';
import type { RunOutcome, RunOutcomeReporter, StepName } from '../pipeline/run-outcome';
import { recordOutcome } from '../pipeline/run-record';
import type { Listed } from '../pipeline/run-stages';
import { failedOutcome, publishedOutcome } from '../pipeline/step-outcome';
import { logger, withRunId } from './handler-logger';
import type { StepFailed } from './step-handler';
import { retryableErrorName } from '../pipeline/step-failure';

/** What the state machine caught (its Catch's ResultPath) and in which step (set by the state it went through). */
export interface CaughtError {
  readonly run: Run;
  readonly caught: { readonly Error: string; readonly Cause?: string };
  readonly failedStep: StepName;
}

export type RecordOutcomeEvent = Listed | StepFailed | CaughtError;

/** A Lambda error's Cause is JSON with its message and stack: only the message goes into the outcome. */
function causeMessage(cause: string | undefined): string {
  if (!cause) return '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    return typeof parsed.errorMessage === 'string' ? parsed.errorMessage : cause;
  } catch {
    return cause;
  }
}

export function outcomeOfEvent(event: RecordOutcomeEvent): RunOutcome {
  if ('failure' in event) return failedOutcome(event.failure);
  if ('caught' in event) {
    const { Error: name, Cause } = event.caught;
    const message = causeMessage(Cause);
    const retried = name === retryableErrorName ? ' (still failing after the retries)' : '';
    return { kind: 'failed', step: event.failedStep, reason: `${name}${message ? `: ${message}` : ''}${retried}` };
  }
  return publishedOutcome(event);
}

export function createRecordOutcomeHandler(staging: ArtifactStore, reporter: RunOutcomeReporter) {
  return (event: RecordOutcomeEvent): Promise<RunOutcome> =>
    withRunId(event.run.id, async () => {
      const outcome = await recordOutcome(staging, event.run, outcomeOfEvent(event));
      await reporter.outcome(event.run, outcome);
      logger.info('outcome recorded', { kind: outcome.kind, ...('step' in outcome ? { step: outcome.step } : {}) });
      return outcome;
    });
}
