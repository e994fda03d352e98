// A step as a Lambda handler: the next stage on success; a rejection or a failure returned for the state machine's
// Choice; a busy service thrown under the one name its Retry knows; only the declared ports made.
import { beforeAll, describe, expect, it } from 'vitest';
import { fail, ok } from '../../functions/core/result';
import { logger } from '../../functions/handlers/handler-logger';
import { RetryableStepError } from '../../functions/handlers/retryable-step-error';
import {
  createStepHandler,
  declaredStepPorts,
  stepNamed,
  UnwiredPortError,
} from '../../functions/handlers/step-handler';
import type { PipelineStep } from '../../functions/pipeline/pipeline-steps';
import type { PipelinePorts } from '../../functions/pipeline/pipeline-ports';
import { newRun } from '../../functions/pipeline/run';
import { retryableErrorName } from '../../functions/pipeline/step-failure';

const run = newRun({ agency: 'steps', year: 2023 });
const ports = {} as PipelinePorts;
const stepThat = (result: PipelineStep['run']): PipelineStep => ({ ...stepNamed('render'), run: result });

beforeAll(() => logger.setLogLevel('SILENT'));

describe('a step handler', () => {
  it('returns the next stage', async () => {
    const handler = createStepHandler(
      stepThat(async (state) => ok({ ...state, rendered: true } as never)),
      ports,
    );
    expect(await handler({ run })).toEqual({ run, rendered: true });
  });

  it('returns a rejection as { run, failure } with its findings', async () => {
    const handler = createStepHandler(
      stepThat(async () => fail({ reason: 'no', findings: [] })),
      ports,
    );
    expect(await handler({ run })).toEqual({
      run,
      failure: { kind: 'rejected', step: 'render', reason: 'no', findings: [] },
    });
  });

  it('throws a busy service as RetryableStepError, and returns anything else as failed', async () => {
    const busy = createStepHandler(
      stepThat(async () => {
        throw Object.assign(new Error('slow down'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
      }),
      ports,
    );
    await expect(busy({ run })).rejects.toMatchObject({ name: retryableErrorName });
    await expect(busy({ run })).rejects.toBeInstanceOf(RetryableStepError);
    const broken = createStepHandler(
      stepThat(async () => {
        throw new TypeError('undefined is not a function');
      }),
      ports,
    );
    expect(await broken({ run })).toEqual({
      run,
      failure: { kind: 'failed', step: 'render', reason: 'TypeError: undefined is not a function', findings: [] },
    });
  });

  it('fails a state over the 256 KB Step Functions passes between states', async () => {
    const handler = createStepHandler(
      stepThat(async () => ok({ run, big: 'x'.repeat(300_000) } as never)),
      ports,
    );
    expect(await handler({ run })).toMatchObject({
      failure: { kind: 'failed', reason: expect.stringContaining('over 262144') },
    });
  });

  it('makes only the ports its step declares, and fails at cold start on a declared port it cannot make', () => {
    const made: string[] = [];
    const maker = (name: string) => () => {
      made.push(name);
      return {} as never;
    };
    const step = stepNamed('render');
    const wired = declaredStepPorts(step, {
      staging: maker('staging'),
      renderer: maker('renderer'),
      archive: maker('archive'),
    });
    expect(Object.keys(wired).sort()).toEqual([...step.ports].sort());
    expect(made.sort()).toEqual(['renderer', 'staging']);
    expect(() => declaredStepPorts(step, { staging: maker('staging') })).toThrow(UnwiredPortError);
  });
});
