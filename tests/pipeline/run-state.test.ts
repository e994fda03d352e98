// What crossing process boundaries needs: the state survives JSON between every step and publishes the same bytes,
// and each step works with only the ports it declares.
import { describe, expect, it } from 'vitest';
import { LogOutcomeReporter } from '../../functions/adapters/log-outcome-reporter';
import { pipelineSteps, type PipelineStep } from '../../functions/pipeline/pipeline-steps';
import { newRun } from '../../functions/pipeline/run';
import { runPipeline } from '../../functions/pipeline/run-pipeline';
import type { MemoryArtifactStore } from '../../dev/memory-stores/memory-ports';
import { sampleReport } from '../publish/publish-scenarios';
import { deterministicRenderer, guardedPorts, memoryPipeline } from '../support/memory-pipeline';

const publishing = { now: () => new Date('2024-01-31T08:00:00Z') };

/** Publishes the same two versions of one report (a correction on top) through the given steps; the archive. */
async function publishTwice(steps: readonly PipelineStep[]): Promise<MemoryArtifactStore> {
  const { ports, store, seed } = memoryPipeline({ renderer: deterministicRenderer, publishing });
  for (const edit of [0, 1]) {
    await seed(sampleReport('same-bytes', edit));
    const request = { agency: 'same-bytes', year: 2023, ...(edit ? { changeNote: '更正', approver: '办公室' } : {}) };
    const outcome = await runPipeline(newRun(request), ports, new LogOutcomeReporter(), {
      steps,
      serializeState: false,
    });
    expect(outcome).toMatchObject({ kind: 'published', version: edit + 1 });
  }
  return store;
}

describe('the run state', () => {
  it('round-tripped through JSON between every step publishes byte-identical files', async () => {
    let handOffs = 0;
    const serialised = pipelineSteps.map((step) => ({
      ...step,
      run: (input: never, ports: never) => {
        handOffs++;
        return step.run(JSON.parse(JSON.stringify(input)) as never, ports);
      },
    }));
    const direct = await publishTwice(pipelineSteps);
    const parsed = await publishTwice(serialised);
    expect(handOffs).toBe(2 * pipelineSteps.length);
    expect([...parsed.objects.keys()].sort()).toEqual([...direct.objects.keys()].sort());
    expect(direct.objects.size).toBeGreaterThan(15);
    for (const [key, { body, options }] of direct.objects) {
      const other = parsed.objects.get(key);
      expect(Buffer.from(other?.body ?? []).equals(Buffer.from(body)), key).toBe(true);
      expect(other?.options, key).toEqual(options);
    }
  });

  it('a whole publish works with each step given only its declared ports', async () => {
    const { ports, seed, store } = memoryPipeline({ renderer: deterministicRenderer });
    await seed(sampleReport('least-privilege'));
    const touched: string[] = [];
    const portsFor = (step: PipelineStep) =>
      guardedPorts(
        new Proxy(ports, {
          get: (t, name, r) => (touched.push(`${step.name}.${String(name)}`), Reflect.get(t, name, r) as unknown),
        }),
        step.ports,
      );
    const outcome = await runPipeline(
      newRun({ agency: 'least-privilege', year: 2023 }),
      ports,
      new LogOutcomeReporter(),
      { portsFor },
    );
    expect(outcome).toMatchObject({ kind: 'published', version: 1 });
    expect(store.objects.has('assets/fonts/test/noto-serif-sc-0-400-normal.woff2')).toBe(true);
    expect(new Set(touched)).toEqual(new Set(pipelineSteps.flatMap((s) => s.ports.map((p) => `${s.name}.${p}`))));
  });

  it('a step that touches a port it did not declare fails', async () => {
    const { ports, seed } = memoryPipeline();
    await seed(sampleReport('overreach'));
    const steps = pipelineSteps.map((s) => (s.name === 'render' ? { ...s, ports: ['staging'] as const } : s));
    const outcome = await runPipeline(newRun({ agency: 'overreach', year: 2023 }), ports, new LogOutcomeReporter(), {
      steps,
      portsFor: (step) => guardedPorts(ports, step.ports),
    });
    expect(outcome).toMatchObject({
      kind: 'failed',
      step: 'render',
      reason: expect.stringContaining('port renderer was not declared'),
    });
  });
});
