// The one error name the state machines retry (stepRetry): a busy service, a lost slot, a timeout (classifyError).
import { retryableErrorName } from '../pipeline/step-failure';

export class RetryableStepError extends Error {
  override name = retryableErrorName;
}
