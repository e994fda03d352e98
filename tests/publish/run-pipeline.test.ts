// The pipeline on in-memory ports: the step list runs in order, and a validation error stops it before any write.
import { describe, expect, it } from 'vitest';
import { LogNotifier } from '../../functions/adapters/log-notifier';
import type { PipelinePorts } from '../../functions/pipeline/pipeline-ports';
import { pipelineSteps } from '../../functions/pipeline/pipeline-steps';
import { runBatch, runPipeline } from '../../functions/pipeline/run-pipeline';
import type { Manifest } from '../../functions/publish/manifest';
import { cheapRenderer, MemoryNarratives, MemoryStatistics, splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { MemoryArtifactStore, MemoryPublicationRepository, RecordingCdn } from '../../dev/memory-stores/memory-ports';
import { sampleReport } from './publish-scenarios';

function ports() {
  const store = new MemoryArtifactStore();
  const publications = new MemoryPublicationRepository();
  const narratives = new MemoryNarratives();
  const statistics = new MemoryStatistics();
  const notifier = new LogNotifier();
  const p: PipelinePorts = { narratives, statistics, renderer: cheapRenderer, publish: { store, publications, cdn: new RecordingCdn() }, notifier };
  return { p, store, publications, narratives, statistics, notifier };
}

describe('runPipeline', () => {
  it('is one list: assemble, validate, render, publish, notify', () => {
    expect(pipelineSteps.map((s) => s.name)).toEqual(['assemble', 'validate', 'render', 'publish', 'notify']);
  });

  it('publishes the sample with its HTML, PDF, JSON, CSV tables and manifest, then returns the same version', async () => {
    const { p, store, narratives, statistics, notifier } = ports();
    const { narrative, statistics: record } = splitReport(sampleReport('lvliang-lishi'));
    narratives.add(narrative);
    await statistics.put(record);
    const steps: string[] = [];
    const result = await runPipeline({ agency: 'lvliang-lishi', year: 2023 }, p, { onStep: (s) => steps.push(s) });
    expect(result.ok).toBe(true);
    expect(steps).toEqual(['assemble', 'validate', 'render', 'publish', 'notify']);
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
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(store.objects.get('reports/lvliang-lishi/2023/v1/table-3-applications.csv')?.body);
    expect(csv.startsWith('\ufeffrow,label,naturalPerson')).toBe(true);
    expect(notifier.notices).toEqual([expect.objectContaining({ version: 1, reused: false })]);

    const again = await runPipeline({ agency: 'lvliang-lishi', year: 2023 }, p);
    expect(again.ok && again.value.publication).toMatchObject({ version: 1, reused: true });
  });

  it('stops at validation with the findings, having written nothing', async () => {
    const { p, store, publications, narratives, statistics } = ports();
    const report = sampleReport('broken');
    const { narrative, statistics: record } = splitReport(report);
    const apps = record.statistics.applications as Record<string, Record<string, number>>;
    narratives.add(narrative);
    await statistics.put({ ...record, statistics: { ...record.statistics, applications: { ...apps, granted: { ...apps.granted, naturalPerson: 999 } } } });
    const result = await runPipeline({ agency: 'broken', year: 2023 }, p);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.step).toBe('validate');
    expect(result.error.findings.some((f) => f.rule === 'R3' && f.cells.includes('applications.resultsTotal.naturalPerson'))).toBe(true);
    expect(store.puts).toEqual([]);
    expect(publications.slots.size).toBe(0);
  });

  it('names what is missing', async () => {
    const { p, narratives } = ports();
    narratives.add(splitReport(sampleReport('no-stats')).narrative);
    const batch = await runBatch([{ agency: 'no-stats', year: 2023 }, { agency: 'nobody', year: 2023 }], p, { concurrency: 2 });
    expect(batch.map((b) => !b.result.ok && 'reason' in b.result.error && b.result.error.reason).sort()).toEqual(['missing-narrative', 'missing-statistics']);
  });
});
