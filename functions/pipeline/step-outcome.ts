// A run's final outcome from where its steps ended: the last stage (published), or a step's failure. One mapping
// for the local runner and the state machine's record-outcome function.
import type { RunOutcome } from './run-outcome';
import type { Listed } from './run-stages';
import type { StepFailure } from './step-failure';

export const publishedOutcome = ({ publication, publicView }: Listed): RunOutcome => ({
  kind: 'published',
  version: publication.version,
  reused: publication.reused,
  keys: { html: publication.keys.html, pdf: publication.keys.pdf, index: publicView.index },
});

/** A retryable failure that got here has exhausted its retries: the run failed. */
export const failedOutcome = ({ kind, step, reason, findings }: StepFailure): RunOutcome =>
  kind === 'rejected' ? { kind, step, reason, findings } : { kind: 'failed', step, reason };
