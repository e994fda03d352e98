// The CMS's hand-over: the approved narrative is what runs (not the current one), a repeated hand-over of the same
// run makes one version, and a malformed message is refused naming the field.
import { describe, expect, it } from 'vitest';
import { splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { checkReport } from '../../functions/pipeline/check-report';
import { versionPageKey } from '../../functions/publish/site/site-keys';
import { acceptHandOver, parseHandOver, type HandOver } from '../../functions/pipeline/hand-over';
import { newRun } from '../../functions/pipeline/run';
import { runPipeline } from '../../functions/pipeline/run-pipeline';
import { LogOutcomeReporter } from '../../functions/adapters/log-outcome-reporter';
import { withCells } from '../core/report-builders';
import { sampleReport } from '../publish/publish-scenarios';
import { memoryPipeline } from '../support/memory-pipeline';

const quiet = () => new LogOutcomeReporter(() => undefined);

function handOverOf(agency: string, problems: string, id = `run-${agency}`): HandOver {
  const { narrative } = splitReport(sampleReport(agency));
  const source = { kind: 'cms', documentId: 'doc1', runRecordId: '7' } as const;
  return {
    run: newRun({ agency, year: 2023, approver: '审核人' }, source, id),
    narrative: { ...narrative, narrative: { ...narrative.narrative, problems } },
  };
}

describe('the hand-over from the CMS', () => {
  it('publishes the narrative as approved, whatever the narrative repository holds now', async () => {
    const pipeline = memoryPipeline();
    await pipeline.seed(sampleReport('approved', 1)); // the "current" narrative differs from the approved one
    const handOver = handOverOf('approved', '审核通过的文本。');
    const outcome = await runPipeline(await acceptHandOver(handOver, pipeline.staging), pipeline.ports, quiet());
    expect(outcome).toMatchObject({ kind: 'published', version: 1 });
    const json = await pipeline.store.get('reports/approved/2023/v1/report.json');
    expect(new TextDecoder().decode(json)).toContain('审核通过的文本。');
  });

  it('makes one version when the same run is handed over twice, even with another narrative the second time', async () => {
    const pipeline = memoryPipeline();
    await pipeline.seed(sampleReport('twice'));
    const first = await acceptHandOver(handOverOf('twice', '第一次。'), pipeline.staging);
    const second = await acceptHandOver(handOverOf('twice', '第二次。'), pipeline.staging);
    const outcomes = await Promise.all([first, second].map((s) => runPipeline(s, pipeline.ports, quiet())));
    expect(outcomes.map((o) => o.kind === 'published' && o.version)).toEqual([1, 1]);
    expect(await pipeline.store.get('reports/twice/2023/v2/report.json')).toBeUndefined();
    const json = new TextDecoder().decode(await pipeline.store.get('reports/twice/2023/v1/report.json'));
    expect(json).toContain('第一次。');
  });

  it('round-trips through JSON and refuses malformed messages naming the field', () => {
    const handOver = handOverOf('parsed', '文本。');
    expect(parseHandOver(JSON.parse(JSON.stringify(handOver)))).toEqual({ ok: true, value: handOver });
    // A mutable copy shaped like the message, as a CMS might send it.
    type Loose = {
      run: { id: unknown; source: Record<string, unknown>; request: Record<string, unknown> };
      narrative: unknown;
    };
    const refused = (edit: (h: Loose) => void) => {
      const copy = JSON.parse(JSON.stringify(handOver)) as Loose;
      edit(copy);
      const parsed = parseHandOver(copy);
      return parsed.ok ? 'accepted' : parsed.error;
    };
    expect(refused((h) => (h.run.id = '../etc'))).toMatch(/^run\.id:/);
    expect(refused((h) => (h.run.source.kind = 'cli'))).toMatch(/^run\.source\.kind:/);
    expect(refused((h) => (h.run.source.documentId = 'a/b'))).toMatch(/^run\.source\.documentId:/);
    expect(refused((h) => (h.run.request.agency = '../x'))).toMatch(/^run\.request\.agency:/);
    expect(refused((h) => (h.run.request.year = 2023.5))).toMatch(/^run\.request\.year:/);
    expect(refused((h) => (h.run.request.changeNote = 5))).toMatch(/^run\.request\.changeNote:/);
    expect(refused((h) => (h.narrative = { ...(h.narrative as object), year: 2022 }))).toMatch(/^narrative:/);
    const ack = { key: 'R7|narrative.overview[0].body|', reason: '口径不同', by: '审核人', at: '2026-12-01T00:00:00Z' };
    expect(refused((h) => (h.run.request.acknowledgements = [ack]))).toBe('accepted');
    expect(refused((h) => (h.run.request.acknowledgements = [{ ...ack, reason: ' ' }]))).toMatch(
      /^run\.request\.acknowledgements\[0\]\.reason:/,
    );
    expect(refused((h) => (h.run.request.acknowledgements = [{ ...ack, at: 'soon' }]))).toMatch(/\[0\]\.at:/);
    expect(refused((h) => (h.run.request.acknowledgements = 'all'))).toMatch(/^run\.request\.acknowledgements:/);
    expect(refused((h) => (h.run.request.acknowledgements = [{ ...ack, reason: '理'.repeat(501) }]))).toMatch(
      /\[0\]\.reason:/,
    );
    expect(refused((h) => (h.run.request.acknowledgements = Array.from({ length: 201 }, () => ack)))).toMatch(
      /at most 200/,
    );
    expect(refused((h) => (h.narrative = []))).toMatch(/^narrative:/);
  });
});

describe('acknowledged warnings', () => {
  it("go into the published version's validation summary with the approver's reason", async () => {
    const pipeline = memoryPipeline();
    // 五 says only 无: an R8 warning, which the approver publishes over.
    const report = sampleReport('acknowledged');
    await pipeline.seed(report);
    const handOver = handOverOf('acknowledged', '无');
    const checked = await checkReport(handOver.narrative, pipeline.ports);
    const warning = checked.findings.find((f) => f.severity === 'warning');
    expect(warning?.rule).toBe('R8');
    const acknowledgement = {
      key: warning!.key,
      reason: '本年度确无问题',
      by: '审核人',
      at: '2026-12-01T08:00:00.000Z',
    };
    const run = { ...handOver.run, request: { ...handOver.run.request, acknowledgements: [acknowledgement] } };
    const outcome = await runPipeline(
      await acceptHandOver({ ...handOver, run }, pipeline.staging),
      pipeline.ports,
      quiet(),
    );
    expect(outcome).toMatchObject({ kind: 'published', version: 1 });
    const manifest = JSON.parse(
      new TextDecoder().decode(await pipeline.store.get('reports/acknowledged/2023/v1/manifest.json')),
    ) as { validation: { findings: { rule: string; acknowledged?: unknown }[] } };
    expect(manifest.validation.findings.find((f) => f.rule === 'R8')?.acknowledged).toEqual({
      reason: '本年度确无问题',
      by: '审核人',
      at: '2026-12-01T08:00:00.000Z',
    });
    // And the public version page says why the warning was published over.
    const page = new TextDecoder().decode(
      await pipeline.store.get(versionPageKey({ agency: 'acknowledged', year: 2023 }, 1)),
    );
    expect(page).toContain('R8：');
    expect(page).toContain('（审核人确认：本年度确无问题）');
  });
});

describe('the approval check', () => {
  it('finds the R1 error a publish would be rejected for, and nothing in a good report', async () => {
    const pipeline = memoryPipeline();
    const good = sampleReport('checked');
    const broken = withCells(good, { 'applications.received.total': 999 });
    await pipeline.statistics.put(splitReport(broken).statistics);
    const checked = await checkReport(splitReport(good).narrative, pipeline.ports);
    expect(checked.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('R1');
    // Where, as the CLI prints it: the printed row and column of the checked total.
    expect(checked.findings.find((f) => f.rule === 'R1')?.place).toBe('三（七）总计 · 总计');
    expect(checked.cells.find((c) => c.id === 'applications.received.total')).toEqual({
      id: 'applications.received.total',
      place: '一、本年新收政府信息公开申请数量 · 总计',
      table: '三、收到和处理政府信息公开申请情况',
      row: '一、本年新收政府信息公开申请数量',
      column: '总计',
      value: 999,
    });
    await pipeline.statistics.put(splitReport(good).statistics);
    const clean = await checkReport(splitReport(good).narrative, pipeline.ports);
    expect(clean.errors).toBe(0);
    expect(clean.reason).toBeUndefined();
  });

  it('says why when there is nothing to check against', async () => {
    const checked = await checkReport(splitReport(sampleReport('nostats')).narrative, memoryPipeline().ports);
    expect(checked.reason).toBe('no statistics for nostats 2023 (nianbao stats import)');
    // The cells can still be cited: the template is the year's, the values unknown.
    expect(checked.cells.length).toBeGreaterThan(100);
    expect(checked.cells.every((c) => c.value === null)).toBe(true);
  });
});
