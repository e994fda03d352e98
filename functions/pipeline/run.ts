// A run: one request to publish one report, with an id that is its idempotency key (the same id twice gives one
// outcome) and where it came from, so its outcome can be reported back there.
import { randomUUID } from 'node:crypto';
import type { Acknowledgement } from '../core/acknowledgement';

/** Who asked: the CLI, or a CMS entry (its document id) and the run record the CMS keeps for this request. */
export type RunSource =
  { readonly kind: 'cli' } | { readonly kind: 'cms'; readonly documentId: string; readonly runRecordId: string };

export interface RunRequest {
  readonly agency: string;
  readonly year: number;
  /** 更正说明 for a version that replaces an earlier one. */
  readonly changeNote: string | null;
  readonly approver: string | null;
  /** Warnings the approver published over, each with a reason (a CMS run; the CLI has none). */
  readonly acknowledgements?: readonly Acknowledgement[];
}

export interface Run {
  /** Also the Step Functions execution name later: letters, digits, `-` and `_`, at most 80. */
  readonly id: string;
  readonly source: RunSource;
  readonly request: RunRequest;
}

export const runIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

/** A new run with a fresh id (the CLI's case; the CMS brings its own id). */
export function newRun(
  request: Pick<RunRequest, 'agency' | 'year'> & {
    readonly changeNote?: string | undefined;
    readonly approver?: string | undefined;
  },
  source: RunSource = { kind: 'cli' },
  id: string = randomUUID(),
): Run {
  const { agency, year, changeNote, approver } = request;
  return { id, source, request: { agency, year, changeNote: changeNote || null, approver: approver || null } };
}
