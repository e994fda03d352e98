// The run id as idempotency key: a run's final outcome is recorded in staging (create-only), and a run of the same id
// gets that outcome instead of running again, for as long as staging keeps it (its lifecycle: a few days; on AWS,
// Step Functions refuses a second execution of the same name as well).
import { canonicalJson } from '../publish/input-hash';
import type { ArtifactStore } from '../publish/ports';
import type { Run } from './run';
import type { RunOutcome } from './run-outcome';
import { readStagedJson, stagingCacheControl, stagingKey } from './staged-artifacts';

interface RunRecord {
  readonly run: Run;
  readonly outcome: RunOutcome;
}

const recordKey = (run: Run) => stagingKey(run, 'outcome.json');

function outcomeOf(record: RunRecord, run: Run): RunOutcome {
  if (canonicalJson(record.run) === canonicalJson(run)) return record.outcome;
  return { kind: 'failed', step: 'run', reason: `run id ${run.id} was already used for another request` };
}

export async function recordedOutcome(staging: ArtifactStore, run: Run): Promise<RunOutcome | undefined> {
  const body = await staging.get(recordKey(run));
  return body && outcomeOf(JSON.parse(new TextDecoder().decode(body)) as RunRecord, run);
}

/** Records the outcome unless a run of the same id recorded one first; returns the one that stands. */
export async function recordOutcome(staging: ArtifactStore, run: Run, outcome: RunOutcome): Promise<RunOutcome> {
  const body = new TextEncoder().encode(JSON.stringify({ run, outcome } satisfies RunRecord));
  if (
    await staging.putNew(recordKey(run), body, { contentType: 'application/json', cacheControl: stagingCacheControl })
  )
    return outcome;
  return outcomeOf(await readStagedJson<RunRecord>(staging, recordKey(run)), run);
}
