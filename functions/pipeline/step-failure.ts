// A step's failure, one shape, classified: `rejected` (the report is invalid: findings), `retryable` (throttling,
// timeouts, 5xx, a busy slot: the same step again will likely pass), `failed` (anything else: a reason).
import type { ValidationFinding } from '../core/validation-finding';
import { SlotBusyError, SlotLostError } from '../publish/publish-errors';
import type { StepName } from './run-outcome';

/** The name under which a step's retryable failure is thrown out of its Lambda: the state machine retries it. */
export const retryableErrorName = 'RetryableStepError';

export type FailureKind = 'rejected' | 'retryable' | 'failed';

export interface StepFailure {
  readonly kind: FailureKind;
  readonly step: StepName;
  readonly reason: string;
  /** Empty unless rejected. */
  readonly findings: readonly ValidationFinding[];
}

/** What a step returns when the report cannot be published as it is (a rerun of the same inputs fails the same). */
export interface Rejection {
  readonly reason: string;
  /** The reason as the editor reads it, where the step has one. */
  readonly reasonZh?: string;
  readonly findings: readonly ValidationFinding[];
}

/** AWS SDK and Node error names that mean "busy or slow, try again" (the SDK's own retries already gave up). */
const retryableNames = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ServiceUnavailable',
  'InternalError',
]);
const retryableCodes = new Set(['ETIMEDOUT', 'ECONNRESET', 'EPIPE']);

interface ErrorLike {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly $retryable?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** Classifies an unexpected error thrown by a step. A store that refuses connections is down, not busy: failed. */
export function classifyError(step: StepName, error: unknown): StepFailure {
  const e: ErrorLike = typeof error === 'object' && error !== null ? error : {};
  const status = e.$metadata?.httpStatusCode;
  const retryable =
    error instanceof SlotBusyError ||
    error instanceof SlotLostError ||
    Boolean(e.$retryable) ||
    (status !== undefined && (status === 429 || status >= 500)) ||
    retryableNames.has(e.name ?? '') ||
    retryableCodes.has(e.code ?? '');
  return { kind: retryable ? 'retryable' : 'failed', step, reason: errorReason(error), findings: [] };
}

export const errorReason = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
