// What a run is doing, told to its source before each step. Advisory: a source that cannot be told "rendering"
// still gets the run's outcome, so a failed write is handed to `onError` (a log line) and never fails the step.
import type { Run } from './run';
import type { RunOutcomeReporter, RunStatus } from './run-outcome';

export async function reportProgress(
  reporter: RunOutcomeReporter,
  run: Run,
  status: RunStatus,
  onError: (error: unknown) => void = () => undefined,
): Promise<void> {
  try {
    await reporter.progress(run, status);
  } catch (error) {
    onError(error);
  }
}
