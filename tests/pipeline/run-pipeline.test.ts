// The pipeline on in-memory ports: one step list, a run's outcome, the run id as idempotency key, rejections that
// write nothing, retries, and a crash in the public view step repaired by the next run.
import { describe, expect, it } from 'vitest';
import { ok } from '../../functions/core/result';
import { LogOutcomeReporter } from '../../functions/adapters/log-outcome-reporter';
import { pipelineSteps } from '../../functions/pipeline/pipeline-steps';
import { newRun } from '../../functions/pipeline/run';
import type { Requested } from '../../functions/pipeline/run-stages';
import { declaredPorts, runBatch, runPipeline } from '../../functions/pipeline/run-pipeline';
import type { Manifest } from '../../functions/publish/manifest';
import { SlotBusyError } from '../../functions/publish/publish-errors';
import { publicView, sampleReport } from '../publish/publish-scenarios';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { memoryPipeline } from '../support/memory-pipeline';

const run = (agency: string, id?: string) => newRun({ agency, year: 2023 }, { kind: 'cli' }, id);
const fastRetry = { attempts: 3, delayMs: 1 };

describe('the step list', () => {
  it('is data: names, stages in order, declared ports', () => {
    expect(pipelineSteps.map((s) => [s.name, s.input, s.output])).toEqual([
      ['assemble', 'requested', 'assembled'],
      ['validate', 'assembled', 'validated'],
      ['render', 'validated', 'rendered'],
      ['publish', 'rendered', 'published'],
      ['updatePublicView', 'published', 'listed'],
    ]);
    for (const [before, after] of pipelineSteps.slice(0, -1).map((s, i) => [s, pipelineSteps[i + 1]] as const))
      expect(after?.input).toBe(before.output);
    expect(pipelineSteps.find((s) => s.name === 'render')?.ports).toEqual(['staging', 'renderer']);
  });

  it('gives a step only the ports it declares', () => {
    const { ports } = memoryPipeline();
    for (const step of pipelineSteps)
      expect(Object.keys(declaredPorts(step, ports)).sort()).toEqual([...step.ports].sort());
  });
});

describe('runPipeline', () => {
  it('publishes the sample: HTML, PDF, JSON, CSV tables and manifest; a new run returns the same version', async () => {
    const { ports, store, seed } = memoryPipeline();
    await seed(sampleReport('lvliang-lishi'));
    const outcome = await runPipeline(run('lvliang-lishi'), ports, new LogOutcomeReporter());
    expect(outcome).toEqual({
      kind: 'published',
      version: 1,
      reused: false,
      keys: {
        html: 'reports/lvliang-lishi/2023/v1/report.html',
        pdf: 'reports/lvliang-lishi/2023/v1/report.pdf',
        index: 'reports/lvliang-lishi/2023/index.html',
      },
    });
    const manifest = store.json('reports/lvliang-lishi/2023/v1/manifest.json') as Manifest;
    expect(manifest.files.map((f) => f.name)).toEqual([
      'report.html',
      'report.json',
      'report.pdf',
      'table-2-proactive.csv',
      'table-3-applications.csv',
      'table-4-review-litigation.csv',
    ]);
    expect(manifest.validation.errors).toBe(0);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      store.objects.get('reports/lvliang-lishi/2023/v1/table-3-applications.csv')?.body,
    );
    expect(csv.startsWith('\ufeffrow,label,naturalPerson')).toBe(true);
    expect((await publicView(store, { agency: 'lvliang-lishi', year: 2023 })).latest?.version).toBe(1);

    expect(await runPipeline(run('lvliang-lishi'), ports, new LogOutcomeReporter())).toMatchObject({
      kind: 'published',
      version: 1,
      reused: true,
    });
  });

  it('keeps large artifacts in staging under the run, never in the archive, and the state small', async () => {
    const { ports, store, staging, seed } = memoryPipeline();
    await seed(sampleReport('staged'));
    const sizes: number[] = [];
    const steps = pipelineSteps.map((step) => ({
      ...step,
      run: async (input: never, p: never) => {
        const result = await step.run(input, p);
        if (result.ok) sizes.push(JSON.stringify(result.value).length);
        return result;
      },
    }));
    await runPipeline(run('staged', 'run-staged-1'), ports, new LogOutcomeReporter(), { steps });
    expect([...staging.objects.keys()].sort()).toEqual(
      ['outcome.json', 'report.html', 'report.json', 'report.pdf'].map((n) => `runs/run-staged-1/${n}`),
    );
    expect([...store.objects.keys()].some((k) => k.startsWith('runs/'))).toBe(false);
    expect(staging.objects.get('runs/run-staged-1/report.pdf')?.options.cacheControl).toBe('private, no-store');
    expect(sizes).toHaveLength(5);
    // The sample's staged report is ~20 KB and its PDF more; the state carries keys and counts.
    expect(Math.max(...sizes)).toBeLessThan(4 * 1024);
  });

  it('refuses a state over the 256 KB Step Functions passes between states', async () => {
    const { ports, seed } = memoryPipeline();
    await seed(sampleReport('bloated'));
    const steps = pipelineSteps.map((s) =>
      s.name === 'validate'
        ? { ...s, run: async (input: never) => ok({ ...(input as Requested), pdf: 'x'.repeat(300_000) }) }
        : s,
    );
    const outcome = await runPipeline(run('bloated'), ports, new LogOutcomeReporter(), { steps });
    expect(outcome).toMatchObject({
      kind: 'failed',
      step: 'validate',
      reason: expect.stringContaining('StateTooLargeError'),
    });
  });

  it('gives the same run id one outcome: a second run returns it without running a step', async () => {
    const { ports, store, seed } = memoryPipeline();
    await seed(sampleReport('same-id'));
    const first = await runPipeline(run('same-id', 'cms-entry-7-run-1'), ports, new LogOutcomeReporter());
    const puts = store.puts.length;
    const reporter = new LogOutcomeReporter();
    const again = await runPipeline(run('same-id', 'cms-entry-7-run-1'), ports, reporter);
    expect(again).toEqual(first);
    expect(store.puts.length).toBe(puts);
    expect(reporter.events).toEqual([{ runId: 'cms-entry-7-run-1', outcome: first }]);

    const concurrent = await Promise.all(
      [1, 2, 3].map(() => runPipeline(run('same-id', 'cms-entry-7-run-2'), ports, new LogOutcomeReporter())),
    );
    expect(new Set(concurrent.map((o) => JSON.stringify(o))).size).toBe(1);

    const other = await runPipeline(run('another-agency', 'cms-entry-7-run-1'), ports, new LogOutcomeReporter());
    expect(other).toMatchObject({
      kind: 'failed',
      step: 'run',
      reason: expect.stringContaining('already used for another request'),
    });
    expect(await runPipeline(run('same-id', 'not/a key'), ports, new LogOutcomeReporter())).toMatchObject({
      kind: 'failed',
      step: 'run',
    });
  });

  it('rejects a report with validation errors with the findings, having written nothing to the archive', async () => {
    const { ports, store, publications, statistics, narratives } = memoryPipeline();
    const { statistics: stats, ...narrative } = sampleReport('broken');
    const apps = stats.applications as unknown as Record<string, Record<string, number>>;
    narratives.add(narrative);
    await statistics.put({
      agency: 'broken',
      year: 2023,
      template: narrative.template,
      statistics: {
        ...stats,
        applications: { ...apps, granted: { ...apps.granted, naturalPerson: 999 } },
      },
    });
    const outcome = await runPipeline(run('broken'), ports, new LogOutcomeReporter());
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind !== 'rejected') return;
    expect(outcome.step).toBe('validate');
    expect(
      outcome.findings.some((f) => f.rule === 'R3' && f.cells.includes('applications.resultsTotal.naturalPerson')),
    ).toBe(true);
    expect(store.puts).toEqual([]);
    expect(publications.slots.size).toBe(0);
  });

  it('names what is missing', async () => {
    const { ports, narratives } = memoryPipeline();
    narratives.add(splitReport(sampleReport('no-stats')).narrative);
    const batch = await runBatch([run('no-stats'), run('nobody')], ports, new LogOutcomeReporter(), { concurrency: 2 });
    expect(batch.map((b) => b.outcome.kind === 'rejected' && b.outcome.reason).sort()).toEqual([
      'no narrative for nobody 2023',
      'no statistics for no-stats 2023 (nianbao stats import)',
    ]);
  });

  it('retries a retryable failure, and fails once the attempts are used up', async () => {
    const { ports, store, seed } = memoryPipeline({ publishing: { pollMs: 1 } });
    await seed(sampleReport('busy'));
    let busy = 1;
    const putNew = store.putNew.bind(store);
    store.putNew = async (...args) => {
      if (busy-- > 0)
        throw Object.assign(new Error('Service Unavailable'), {
          name: 'ServiceUnavailable',
          $metadata: { httpStatusCode: 503 },
        });
      return putNew(...args);
    };
    expect(await runPipeline(run('busy'), ports, new LogOutcomeReporter(), { retry: fastRetry })).toMatchObject({
      kind: 'published',
      version: 1,
    });

    const steps = pipelineSteps.map((s) =>
      s.name === 'publish' ? { ...s, run: () => Promise.reject(new SlotBusyError('still being written')) } : s,
    );
    const outcome = await runPipeline(run('busy'), ports, new LogOutcomeReporter(), { retry: fastRetry, steps });
    expect(outcome).toEqual({
      kind: 'failed',
      step: 'publish',
      reason: 'SlotBusyError: still being written (still failing after 3 attempts)',
    });
  });

  it('a crash in the public view step leaves the view on the previous version; the next run repairs it', async () => {
    let crash = true;
    const fault = async (point: string) => {
      if (crash && point === 'before-index') throw new Error(`crash at ${point}`);
    };
    const { ports, store, seed } = memoryPipeline({ publishing: { fault } });
    const key = { agency: 'crashy', year: 2023 };
    crash = false;
    await seed(sampleReport('crashy'));
    await runPipeline(run('crashy'), ports, new LogOutcomeReporter());
    const before = await publicView(store, key);
    crash = true;
    await seed(sampleReport('crashy', 1));
    expect(await runPipeline(run('crashy'), ports, new LogOutcomeReporter())).toMatchObject({
      kind: 'failed',
      step: 'updatePublicView',
    });
    expect((await publicView(store, key)).index).toEqual(before.index);
    crash = false;
    expect(await runPipeline(run('crashy'), ports, new LogOutcomeReporter())).toMatchObject({
      kind: 'published',
      version: 2,
      reused: true,
    });
    expect((await publicView(store, key)).index?.versions.map((v) => v.version)).toEqual([2, 1]);
  });
});
