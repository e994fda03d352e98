// Local outcome reporter: writes a run's progress and outcome to a log function and keeps them (the CMS adapter will
// update the entry's run record instead).
import type { Run } from '../pipeline/run';
import type { RunOutcome, RunOutcomeReporter, RunStatus } from '../pipeline/run-outcome';

export type RunEvent =
  { readonly runId: string; readonly progress: RunStatus } | { readonly runId: string; readonly outcome: RunOutcome };

export class LogOutcomeReporter implements RunOutcomeReporter {
  readonly events: RunEvent[] = [];
  constructor(private readonly log?: (line: string) => void) {}

  async progress(run: Run, status: RunStatus): Promise<void> {
    this.events.push({ runId: run.id, progress: status });
  }

  async outcome(run: Run, outcome: RunOutcome): Promise<void> {
    this.events.push({ runId: run.id, outcome });
    const name = `${run.request.agency} ${run.request.year}`;
    if (outcome.kind === 'published') {
      this.log?.(
        `${name}: v${outcome.version}${outcome.reused ? ' (unchanged, existing version)' : ''} → ${outcome.keys.html}`,
      );
    } else this.log?.(`${name}: ${outcome.kind} (${outcome.step}): ${outcome.reason}`);
  }
}
