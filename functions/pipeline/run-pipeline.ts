// The local runner: the step list, in order, in this process. Stops at the first failure and returns it.
import { ok, type Result } from '../core/result';
import type { PipelinePorts } from './pipeline-ports';
import type { PipelineFailure, PipelineState, PublishRequestInput, StepName } from './pipeline-state';
import { pipelineSteps, type PipelineStep } from './pipeline-steps';

export interface RunOptions {
  readonly steps?: readonly PipelineStep[];
  readonly onStep?: (step: StepName, request: PublishRequestInput) => void;
}

export async function runPipeline(request: PublishRequestInput, ports: PipelinePorts, options: RunOptions = {}): Promise<Result<PipelineState, PipelineFailure>> {
  let state: PipelineState = { request };
  for (const step of options.steps ?? pipelineSteps) {
    options.onStep?.(step.name, request);
    const result = await step.run(state, ports);
    if (!result.ok) return result;
    state = result.value;
  }
  return ok(state);
}

export interface BatchItem {
  readonly request: PublishRequestInput;
  readonly result: Result<PipelineState, PipelineFailure> | { readonly ok: false; readonly error: Error };
}

/** Runs many reports with at most `concurrency` in flight (rendering is the bottleneck; match the printer's pages). */
export async function runBatch(
  requests: readonly PublishRequestInput[],
  ports: PipelinePorts,
  options: RunOptions & { readonly concurrency?: number; readonly onDone?: (item: BatchItem) => void } = {},
): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++] as PublishRequestInput;
      let item: BatchItem;
      try {
        item = { request, result: await runPipeline(request, ports, options) };
      } catch (error) {
        item = { request, result: { ok: false, error: error as Error } };
      }
      items.push(item);
      options.onDone?.(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return items;
}
