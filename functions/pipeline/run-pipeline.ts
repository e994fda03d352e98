// The local runner: the step list, in order, in this process, as Step Functions will run it: the state crosses
// between steps as JSON, each step gets only the ports it declares, retryable failures are retried, and the run's
// source hears progress per step and exactly one final outcome.
import type { PipelinePorts, PortName } from './pipeline-ports';
import { pipelineSteps, type PipelineStep } from './pipeline-steps';
import { runIdPattern, type Run } from './run';
import type { RunOutcome, RunOutcomeReporter } from './run-outcome';
import { reportProgress } from './report-progress';
import { recordOutcome, recordedOutcome } from './run-record';
import type { Listed, Requested } from './run-stages';
import { classifyError, errorReason, type StepFailure } from './step-failure';
import { failedOutcome, publishedOutcome } from './step-outcome';

/** Step Functions passes at most 256 KB between states. */
export const maxStateBytes = 256 * 1024;

export interface RunOptions {
  readonly steps?: readonly PipelineStep[];
  /** Round-trip the state through JSON between steps, as Step Functions does (default true). */
  readonly serializeState?: boolean;
  /** Attempts per step for retryable failures, and the first pause between them (doubling). */
  readonly retry?: { readonly attempts: number; readonly delayMs: number };
  /** The ports a step is given; default: only the ones it declares. */
  readonly portsFor?: (step: PipelineStep, ports: PipelinePorts) => PipelinePorts;
}

export class StateTooLargeError extends Error {
  override name = 'StateTooLargeError';
}

/** The ports a step declared, and no others. */
export const declaredPorts = (step: PipelineStep, ports: PipelinePorts): PipelinePorts =>
  Object.fromEntries(step.ports.map((name: PortName) => [name, ports[name]])) as unknown as PipelinePorts;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function handOff(state: unknown, options: RunOptions): unknown {
  if (options.serializeState === false) return state;
  const json = JSON.stringify(state);
  const bytes = Buffer.byteLength(json);
  if (bytes > maxStateBytes)
    throw new StateTooLargeError(`the run's state is ${bytes} bytes, over ${maxStateBytes}: stage it`);
  return JSON.parse(json) as unknown;
}

async function runStep(
  step: PipelineStep,
  state: unknown,
  ports: PipelinePorts,
  options: RunOptions,
): Promise<{ state: unknown } | StepFailure> {
  const { attempts, delayMs } = options.retry ?? { attempts: 3, delayMs: 500 };
  for (let attempt = 1; ; attempt++) {
    let failure: StepFailure;
    try {
      const result = await step.run(state as never, (options.portsFor ?? declaredPorts)(step, ports));
      if (result.ok) return { state: handOff(result.value, options) };
      failure = { kind: 'rejected', step: step.name, ...result.error };
    } catch (error) {
      failure = classifyError(step.name, error);
    }
    if (failure.kind !== 'retryable') return failure;
    if (attempt >= attempts)
      return { ...failure, kind: 'failed', reason: `${failure.reason} (still failing after ${attempts} attempts)` };
    await sleep(delayMs * 2 ** (attempt - 1));
  }
}

async function runSteps(
  requested: Requested,
  ports: PipelinePorts,
  reporter: RunOutcomeReporter,
  options: RunOptions,
): Promise<RunOutcome> {
  const { run } = requested;
  let state: unknown = requested;
  for (const step of options.steps ?? pipelineSteps) {
    await reportProgress(reporter, run, step.status);
    const result = await runStep(step, state, ports, options);
    if (!('state' in result)) return failedOutcome(result);
    state = result.state;
  }
  return publishedOutcome(state as Listed);
}

async function decide(
  requested: Requested,
  ports: PipelinePorts,
  reporter: RunOutcomeReporter,
  options: RunOptions,
): Promise<RunOutcome> {
  const { run } = requested;
  if (!runIdPattern.test(run.id))
    return {
      kind: 'failed',
      step: 'run',
      reason: `run id ${JSON.stringify(run.id)} is not 1–80 letters, digits, - or _`,
    };
  try {
    // The same id twice: the outcome the first run recorded, without running anything.
    const recorded = await recordedOutcome(ports.staging, run);
    if (recorded) return recorded;
  } catch (error) {
    return { kind: 'failed', step: 'run', reason: errorReason(error) };
  }
  const outcome = await runSteps(requested, ports, reporter, options);
  // A run of the same id that finished first wins; if the record cannot be written, the outcome still stands.
  return recordOutcome(ports.staging, run, outcome).catch(() => outcome);
}

/**
 * Runs one run (a CLI run, or a handed-over CMS run with its staged narrative) to its outcome, reports it, and
 * returns it. Throws only if the outcome could not be reported.
 */
export async function runPipeline(
  start: Run | Requested,
  ports: PipelinePorts,
  reporter: RunOutcomeReporter,
  options: RunOptions = {},
): Promise<RunOutcome> {
  const requested: Requested = 'run' in start ? start : { run: start };
  const { run } = requested;
  const outcome = await decide(requested, ports, reporter, options);
  await reporter.outcome(run, outcome);
  return outcome;
}

export interface BatchItem {
  readonly run: Run;
  readonly outcome: RunOutcome;
}

/** Runs many runs with at most `concurrency` in flight (rendering is the bottleneck; match the printer's pages). */
export async function runBatch(
  runs: readonly Run[],
  ports: PipelinePorts,
  reporter: RunOutcomeReporter,
  options: RunOptions & { readonly concurrency?: number; readonly onDone?: (item: BatchItem) => void } = {},
): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  let next = 0;
  const worker = async () => {
    while (next < runs.length) {
      const run = runs[next++] as Run;
      const outcome = await runPipeline(run, ports, reporter, options).catch((error: unknown): RunOutcome => ({
        kind: 'failed',
        step: 'run',
        reason: `the outcome was not reported: ${errorReason(error)}`,
      }));
      const item = { run, outcome };
      items.push(item);
      options.onDone?.(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return items;
}
