// The publishing pipeline, defined once: assemble → validate → render → publish → notify.
// The local runner runs this list in-process; the Step Functions definition will be generated from the same list.
import { mergeReport } from '../core/merge/merge-report';
import { fail, ok, type Result } from '../core/result';
import { validateReport } from '../core/rules/validate-report';
import { archiveFiles } from '../publish/archive-files';
import { inputHash } from '../publish/input-hash';
import { publishVersion } from '../publish/publish-version';
import { publishSiteAssets } from '../publish/site-assets';
import { summarizeValidation } from '../publish/validation-summary';
import type { PipelinePorts } from './pipeline-ports';
import type { PipelineFailure, PipelineState, StepName } from './pipeline-state';

export interface PipelineStep {
  readonly name: StepName;
  readonly run: (state: PipelineState, ports: PipelinePorts) => Promise<Result<PipelineState, PipelineFailure>>;
}

const missing = (step: StepName, what: string): never => {
  throw new Error(`pipeline step ${step} ran without ${what}: the step list is out of order`);
};

const assemble: PipelineStep = {
  name: 'assemble',
  async run(state, ports) {
    const { agency, year } = state.request;
    const [narrative, statistics, previous] = await Promise.all([
      ports.narratives.get(agency, year),
      ports.statistics.get(agency, year),
      ports.previousReport?.(agency, year - 1),
    ]);
    if (!narrative) return fail({ step: 'assemble', reason: 'missing-narrative', message: `no narrative for ${agency} ${year}`, findings: [] });
    if (!statistics) return fail({ step: 'assemble', reason: 'missing-statistics', message: `no statistics for ${agency} ${year} (nianbao stats import)`, findings: [] });
    const merged = mergeReport(narrative, statistics);
    if (!merged.ok) return fail({ step: 'assemble', reason: 'invalid', message: `${agency} ${year} does not assemble`, findings: merged.error });
    return ok({ ...state, report: merged.value, ...(previous ? { previous } : {}) });
  },
};

const validate: PipelineStep = {
  name: 'validate',
  async run(state) {
    const report = state.report ?? missing('validate', 'a report');
    const validation = validateReport(report, state.previous);
    if (validation.errors > 0) {
      return fail({ step: 'validate', reason: 'invalid', message: `${validation.errors} validation error(s): nothing was published`, findings: validation.findings });
    }
    return ok({ ...state, validation });
  },
};

const render: PipelineStep = {
  name: 'render',
  async run(state, ports) {
    const report = state.report ?? missing('render', 'a report');
    return ok({ ...state, rendered: await ports.renderer.render(report) });
  },
};

const publish: PipelineStep = {
  name: 'publish',
  async run(state, ports) {
    const report = state.report ?? missing('publish', 'a report');
    const rendered = state.rendered ?? missing('publish', 'a rendering');
    const validation = state.validation ?? missing('publish', 'a validation');
    const { changeNote, approver } = state.request;
    // The fonts the HTML refers to exist before any version that needs them does.
    await publishSiteAssets(ports.publish.store, rendered.assets ?? []);
    const publication = await publishVersion(
      {
        report,
        inputHash: inputHash(report),
        files: archiveFiles(report, rendered),
        validation: summarizeValidation(validation),
        ...(changeNote ? { changeNote } : {}),
        ...(approver ? { approver } : {}),
      },
      ports.publish,
    );
    return ok({ ...state, publication });
  },
};

const notify: PipelineStep = {
  name: 'notify',
  async run(state, ports) {
    const p = state.publication ?? missing('notify', 'a publication');
    await ports.notifier.published({ agency: state.request.agency, year: state.request.year, version: p.version, reused: p.reused, html: p.keys.html, pdf: p.keys.pdf });
    return ok(state);
  },
};

export const pipelineSteps: readonly PipelineStep[] = [assemble, validate, render, publish, notify];
