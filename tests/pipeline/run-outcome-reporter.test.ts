// What the source of a run hears: progress per step, then exactly one final outcome.
import { describe, expect, it } from 'vitest';
import { LogOutcomeReporter, type RunEvent } from '../../functions/adapters/log-outcome-reporter';
import { newRun } from '../../functions/pipeline/run';
import { runPipeline } from '../../functions/pipeline/run-pipeline';
import type { ArtifactStore } from '../../functions/publish/ports';
import { withCells } from '../core/report-builders';
import { sampleReport } from '../publish/publish-scenarios';
import { memoryPipeline } from '../support/memory-pipeline';

const finals = (events: readonly RunEvent[]) => events.filter((e) => 'outcome' in e);

async function eventsOf(agency: string, prepare: (pipeline: ReturnType<typeof memoryPipeline>) => Promise<void>) {
  const pipeline = memoryPipeline();
  await prepare(pipeline);
  const lines: string[] = [];
  const reporter = new LogOutcomeReporter((line) => lines.push(line));
  const run = newRun(
    { agency, year: 2023 },
    { kind: 'cms', documentId: 'doc-1', runRecordId: `record-${agency}` },
    `run-${agency}`,
  );
  await runPipeline(run, pipeline.ports, reporter, { retry: { attempts: 2, delayMs: 1 } });
  expect(finals(reporter.events)).toHaveLength(1);
  expect(reporter.events.every((e) => e.runId === run.id)).toBe(true);
  return { events: reporter.events.map(({ runId: _, ...event }) => event), lines };
}

describe('the run outcome reporter', () => {
  it('hears a published run: every step, then published with its version and keys', async () => {
    const { events, lines } = await eventsOf('heard', (p) => p.seed(sampleReport('heard')));
    expect(events).toEqual([
      { progress: 'assembling' },
      { progress: 'validating' },
      { progress: 'rendering' },
      { progress: 'publishing' },
      { progress: 'updating-public-view' },
      {
        outcome: {
          kind: 'published',
          version: 1,
          reused: false,
          keys: {
            html: 'reports/heard/2023/v1/report.html',
            pdf: 'reports/heard/2023/v1/report.pdf',
            index: 'reports/heard/2023/index.html',
          },
        },
      },
    ]);
    expect(lines).toEqual(['heard 2023: v1 → reports/heard/2023/v1/report.html']);
  });

  it('hears a rejected run (an R1 error): assembling, validating, rejected with the findings', async () => {
    const report = sampleReport('r1');
    const received =
      (report.statistics.applications as unknown as Record<string, Record<string, number>>).received ?? {};
    const broken = withCells(report, {
      'applications.received.naturalPerson': Number(received.naturalPerson) + 1,
      'applications.received.total': Number(received.total) + 1,
    });
    const { events } = await eventsOf('r1', (p) => p.seed(broken));
    expect(events.slice(0, -1)).toEqual([{ progress: 'assembling' }, { progress: 'validating' }]);
    const last = events.at(-1);
    expect(last && 'outcome' in last && last.outcome).toMatchObject({ kind: 'rejected', step: 'validate' });
    const findings = last && 'outcome' in last && last.outcome.kind === 'rejected' ? last.outcome.findings : [];
    expect(
      findings.some(
        (f) => f.rule === 'R1' && f.severity === 'error' && f.cells.includes('applications.received.naturalPerson'),
      ),
    ).toBe(true);
  });

  it('hears a failed run (archive storage down): each step up to publishing, then failed with the reason', async () => {
    const down = (): never => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4569'), { code: 'ECONNREFUSED' });
    };
    const { events } = await eventsOf('down', async (p) => {
      await p.seed(sampleReport('down'));
      const archive: ArtifactStore = { head: down, get: async () => undefined, put: down, putNew: down };
      Object.assign(p.ports, { archive });
    });
    expect(events).toEqual([
      { progress: 'assembling' },
      { progress: 'validating' },
      { progress: 'rendering' },
      { progress: 'publishing' },
      { outcome: { kind: 'failed', step: 'publish', reason: 'Error: connect ECONNREFUSED 127.0.0.1:4569' } },
    ]);
  });

  it('a source that cannot hear progress still gets the one outcome', async () => {
    const pipeline = memoryPipeline();
    await pipeline.seed(sampleReport('deaf'));
    const outcomes: string[] = [];
    const reporter = {
      progress: () => Promise.reject(new Error('CMS unreachable')),
      outcome: async (_run: unknown, outcome: { kind: string }) => void outcomes.push(outcome.kind),
    };
    await runPipeline(newRun({ agency: 'deaf', year: 2023 }), pipeline.ports, reporter);
    expect(outcomes).toEqual(['published']);
  });
});
