// record-outcome: where a run ended becomes its outcome, recorded once per run id and told to the run's source.
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryArtifactStore } from '../../dev/memory-stores/memory-ports';
import { logger } from '../../functions/handlers/handler-logger';
import { createRecordOutcomeHandler, outcomeOfEvent } from '../../functions/handlers/record-outcome-handler';
import { newRun, type Run } from '../../functions/pipeline/run';
import type { RunOutcome, RunOutcomeReporter } from '../../functions/pipeline/run-outcome';
import type { Listed } from '../../functions/pipeline/run-stages';
import { retryableErrorName } from '../../functions/pipeline/step-failure';

const run = newRun({ agency: 'outcome', year: 2023 }, { kind: 'cms', documentId: 'doc1', runRecordId: '7' });

beforeAll(() => logger.setLogLevel('SILENT'));

describe('record-outcome', () => {
  it('turns the last stage into published, with its keys', () => {
    const listed = {
      run,
      publication: { version: 2, reused: false, keys: { html: 'h', pdf: 'p' } },
      publicView: { index: 'i' },
    } as unknown as Listed;
    expect(outcomeOfEvent(listed)).toEqual({
      kind: 'published',
      version: 2,
      reused: false,
      keys: { html: 'h', pdf: 'p', index: 'i' },
    });
  });

  it('turns a caught error into failed at its step, with the message but not the stack', () => {
    const cause = JSON.stringify({ errorType: retryableErrorName, errorMessage: 'SlowDown: busy', trace: ['at x'] });
    expect(outcomeOfEvent({ run, caught: { Error: retryableErrorName, Cause: cause }, failedStep: 'render' })).toEqual({
      kind: 'failed',
      step: 'render',
      reason: `${retryableErrorName}: SlowDown: busy (still failing after the retries)`,
    });
    expect(outcomeOfEvent({ run, caught: { Error: 'States.Timeout' }, failedStep: 'publish' })).toEqual({
      kind: 'failed',
      step: 'publish',
      reason: 'States.Timeout',
    });
  });

  it('records the first outcome of a run id and reports the one that stands', async () => {
    const told: { run: Run; outcome: RunOutcome }[] = [];
    const reporter: RunOutcomeReporter = {
      async progress() {},
      async outcome(r, outcome) {
        told.push({ run: r, outcome });
      },
    };
    const handler = createRecordOutcomeHandler(new MemoryArtifactStore(), reporter);
    const rejected = { kind: 'rejected', step: 'validate', reason: 'no', findings: [] } as const;
    expect(await handler({ run, failure: rejected })).toEqual(rejected);
    // A duplicate delivery with another ending: the recorded outcome stands.
    expect(await handler({ run, failure: { kind: 'failed', step: 'render', reason: 'x', findings: [] } })).toEqual(
      rejected,
    );
    expect(told.map((t) => t.outcome)).toEqual([rejected, rejected]);
  });
});
