// The batch's first state ("publish every agency's report for year Y"): a page of the agencies with statistics for
// the year, from the statistics table, for the Map to start one run each. The batch state machine loops while
// there is a `next` page, so a province's 10,000 agencies never have to fit in one state (256 KB).
import { isReportYear } from '../core/identifiers';
import { isRecord } from '../pipeline/hand-over';
import { classifyError } from '../pipeline/step-failure';
import type { AgencyPage } from '../adapters/dynamodb-statistics-repository';
import { createHash } from 'node:crypto';
import { logger } from './handler-logger';
import { RetryableStepError } from './retryable-step-error';

/** What an operator starts a batch with; `batch` and `startAfter` are carried from page to page. */
export interface BatchPageRequest {
  readonly year: number;
  readonly changeNote?: string | null;
  readonly approver?: string | null;
  readonly batch?: string;
  readonly startAfter?: string;
}

/** One page for the Map: each agency's run id is `{agency}-{year}-{batch}` (the run's execution name). */
export interface BatchPage extends Required<Omit<BatchPageRequest, 'startAfter'>> {
  readonly agencies: readonly string[];
  readonly next?: string;
}

export class BatchRequestError extends Error {
  override name = 'BatchRequestError';
}

/** 1,000 codes of ≤ 64 characters: ≤ 70 KB of state. */
export const agenciesPerPage = 1000;

const optionalText = (value: unknown, field: string): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new BatchRequestError(`${field}: expected text`);
  return value;
};

/**
 * The batch's id: 10 hex digits of its execution's name, so starting the same batch (execution name) again names
 * the same runs, which Step Functions then refuses to start twice.
 */
const batchId = (execution: string) => createHash('sha256').update(execution).digest('hex').slice(0, 10);

export function createListAgenciesHandler(
  listPage: (year: number, page: { after?: string; limit: number }) => Promise<AgencyPage>,
  limit = agenciesPerPage,
) {
  return async (event: { readonly request: unknown; readonly execution: string }): Promise<BatchPage> => {
    const request = isRecord(event.request) ? event.request : {};
    const { year, startAfter, batch } = request;
    if (typeof year !== 'number' || !isReportYear(year))
      throw new BatchRequestError(
        `year: expected a report year (2019–2100), got ${year === undefined ? 'nothing' : JSON.stringify(year)}`,
      );
    const after = typeof startAfter === 'string' ? startAfter : undefined;
    let page: AgencyPage;
    try {
      page = await listPage(year, { ...(after === undefined ? {} : { after }), limit });
    } catch (error) {
      const failure = classifyError('assemble', error);
      if (failure.kind === 'retryable') throw new RetryableStepError(failure.reason, { cause: error });
      throw error;
    }
    if (page.agencies.length === 0 && after === undefined)
      throw new BatchRequestError(`no statistics for ${year}: import them first (nianbao stats import)`);
    logger.info('batch page listed', { year, after, agencies: page.agencies.length, next: page.next });
    return {
      year,
      changeNote: optionalText(request.changeNote, 'changeNote'),
      approver: optionalText(request.approver, 'approver'),
      batch: typeof batch === 'string' ? batch : batchId(event.execution),
      agencies: page.agencies,
      ...(page.next === undefined ? {} : { next: page.next }),
    };
  };
}
