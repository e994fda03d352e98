// The publishing pipeline, defined once as data: assemble → validate → render → publish → updatePublicView.
// Each step names its input and output stage and the ports it uses; the local runner runs this list in-process and
// a Step Functions definition (a Lambda per step) can be generated from the same list.
import type { NarrativeSource } from '../core/merge/merge-report';
import type { ReportDocument } from '../core/report/report-document';
import { fail, ok, type Result } from '../core/result';
import { archiveFiles } from '../publish/archive-files';
import { publicViewKeys } from '../publish/archive-keys';
import { inputHash } from '../publish/input-hash';
import { publishVersion } from '../publish/publish-version';
import { publishSiteAssets } from '../publish/site-assets';
import { updatePublicView as updateView } from '../publish/update-public-view';
import { updateSite } from '../publish/site/update-site';
import { summarizeValidation } from '../publish/validation-summary';
import { assembleReport, validateForPublication } from './check-report';
import type { PipelinePorts, PortName } from './pipeline-ports';
import type { RunStatus, StepName } from './run-outcome';
import type { StageName, Stages } from './run-stages';
import { readStaged, readStagedJson, stage, stageJson, stagingKey } from './staged-artifacts';
import type { Rejection } from './step-failure';

export interface PipelineStep<
  I extends StageName = StageName,
  O extends StageName = StageName,
  P extends PortName = PortName,
> {
  readonly name: StepName;
  /** What the run's source is told while the step runs. */
  readonly status: RunStatus;
  readonly input: I;
  readonly output: O;
  readonly ports: readonly P[];
  /** Expected failures are returned (rejected); anything thrown is classified by the runner (step-failure.ts). */
  run(input: Stages[I], ports: Pick<PipelinePorts, P>): Promise<Result<Stages[O], Rejection>>;
}

const step = <I extends StageName, O extends StageName, P extends PortName>(s: PipelineStep<I, O, P>) => s;
// Each step is exported on its own and marked pure, so a step's Lambda bundle (which imports only its own step) leaves
// the other steps' code out: the site pages' charts and search index stay in updatePublicView's.
const rejected = (reason: string, findings: Rejection['findings'] = []) => fail({ reason, findings });

export const assemble = /* @__PURE__ */ step({
  name: 'assemble',
  status: 'assembling',
  input: 'requested',
  output: 'assembled',
  ports: ['narratives', 'statistics', 'staging'] as const,
  async run({ run, staged }, { narratives, statistics, staging }) {
    const { agency, year } = run.request;
    // A CMS run brings the narrative its approver approved; a CLI run reads the current one.
    const narrative = staged
      ? await readStagedJson<NarrativeSource>(staging, staged.narrative)
      : await narratives.get(agency, year);
    const assembled = await assembleReport(narrative, { statistics }, agency, year);
    if (!assembled.ok) return assembled;
    return ok({ run, staged: { report: await stageJson(staging, stagingKey(run, 'report.json'), assembled.value) } });
  },
});

export const validate = /* @__PURE__ */ step({
  name: 'validate',
  status: 'validating',
  input: 'assembled',
  output: 'validated',
  ports: ['staging', 'previousReports'] as const,
  async run(state, { staging, previousReports }) {
    const report = await readStagedJson<ReportDocument>(staging, state.staged.report);
    const validation = await validateForPublication(report, { previousReports });
    if (validation.errors > 0)
      return rejected(`${validation.errors} validation error(s): nothing was published`, validation.findings);
    return ok({ ...state, validation: summarizeValidation(validation, state.run.request.acknowledgements) });
  },
});

export const render = /* @__PURE__ */ step({
  name: 'render',
  status: 'rendering',
  input: 'validated',
  output: 'rendered',
  ports: ['staging', 'renderer'] as const,
  async run(state, { staging, renderer }) {
    const rendered = await renderer.render(await readStagedJson<ReportDocument>(staging, state.staged.report));
    const [html, pdf] = await Promise.all([
      stage(
        staging,
        stagingKey(state.run, 'report.html'),
        new TextEncoder().encode(rendered.html),
        'text/html; charset=utf-8',
      ),
      stage(staging, stagingKey(state.run, 'report.pdf'), rendered.pdf, 'application/pdf'),
    ]);
    return ok({ ...state, staged: { ...state.staged, html, pdf }, assets: rendered.assets });
  },
});

export const publish = /* @__PURE__ */ step({
  name: 'publish',
  status: 'publishing',
  input: 'rendered',
  output: 'published',
  ports: ['staging', 'archive', 'publications', 'siteAssets', 'publishing'] as const,
  async run(state, { staging, archive, publications, siteAssets, publishing }) {
    const { changeNote, approver } = state.run.request;
    const [report, html, pdf] = await Promise.all([
      readStagedJson<ReportDocument>(staging, state.staged.report),
      readStaged(staging, state.staged.html),
      readStaged(staging, state.staged.pdf),
      // The fonts the HTML refers to exist before any version that needs them does.
      publishSiteAssets(archive, state.assets, siteAssets),
    ]);
    const publication = await publishVersion(
      {
        report,
        inputHash: inputHash(report),
        files: archiveFiles(report, { html: new TextDecoder().decode(html), pdf }),
        validation: state.validation,
        ...(changeNote ? { changeNote } : {}),
        ...(approver ? { approver } : {}),
      },
      { ...publishing, store: archive, publications },
    );
    return ok({ ...state, publication });
  },
});

export const updatePublicView = /* @__PURE__ */ step({
  name: 'updatePublicView',
  status: 'updating-public-view',
  input: 'published',
  output: 'listed',
  ports: ['archive', 'publications', 'cdn', 'publishing', 'site', 'siteAssets'] as const,
  async run(state, { archive, publications, cdn, publishing, site, siteAssets }) {
    const { report } = state.publication;
    await updateView(report, state.publication, {
      store: archive,
      publications,
      cdn,
      site,
      siteAssets,
      ...(publishing.fault ? { fault: publishing.fault } : {}),
    });
    // Then the pages around it: its version pages, its agency's page, the home page, feed, search and bulk files.
    await updateSite(report, { store: archive, publications, cdn, site, siteAssets });
    return ok({ ...state, publicView: { index: publicViewKeys(report).indexHtml } });
  },
});

// Compile-time check that the list is in order: each step's output stage is the next step's input stage.
type InOrder<S extends readonly PipelineStep[]> = S extends readonly [
  infer A extends PipelineStep,
  infer B extends PipelineStep,
  ...infer R extends PipelineStep[],
]
  ? A['output'] extends B['input']
    ? InOrder<readonly [B, ...R]>
    : { readonly outOfOrder: [A['name'], B['name']] }
  : true;
const steps = [assemble, validate, render, publish, updatePublicView] as const;
const inOrder: InOrder<typeof steps> = true;

// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- always true: the check is in its type
export const pipelineSteps: readonly PipelineStep[] = inOrder && steps;
