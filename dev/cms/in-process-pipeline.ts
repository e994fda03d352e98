// The pipeline as the local CMS sees it: the approval check, the draft preview, the statistics upload and the
// hand-over, run in this process (on AWS the same calls go to the pipeline's endpoints and a hand-over starts a Step
// Functions execution).
import type { NarrativeSource } from '../../functions/core/merge/merge-report';
import { checkReport } from '../../functions/pipeline/check-report';
import { acceptHandOver, parseHandOver } from '../../functions/pipeline/hand-over';
import { parseStatisticsUpload, uploadStatistics } from '../../functions/pipeline/upload-statistics';
import type { PipelinePorts } from '../../functions/pipeline/pipeline-ports';
import { previewDraft } from '../../functions/pipeline/preview-draft';
import type { RunOutcomeReporter } from '../../functions/pipeline/run-outcome';
import { runPipeline } from '../../functions/pipeline/run-pipeline';
import type { ApprovalCheck, PipelineGateway } from '../../cms/src/nianbao/pipeline-contract';

export class PipelineUnavailableError extends Error {
  override readonly name = 'PipelineUnavailableError';
}

export class HandOverRefusedError extends Error {
  override readonly name = 'HandOverRefusedError';
}

export class RendererBrokenError extends Error {
  override readonly name = 'RendererBrokenError';
}

const brokenRenderer: PipelinePorts['renderer'] = {
  render: () => Promise.reject(new RendererBrokenError('the renderer is broken (injected fault)')),
};

export interface InProcessPipeline {
  readonly gateway: PipelineGateway;
  /** Local fault injection: while down, hand-overs fail (the CMS retries them). */
  down: boolean;
  /** Local fault injection: the next run's renderer breaks (not retryable), so the run ends failed. */
  breakNextRender: boolean;
  /** Resolves when every handed-over run has finished. */
  idle(): Promise<void>;
}

export function inProcessPipeline(
  ports: PipelinePorts,
  reporter: RunOutcomeReporter,
  /** Where previews load the report fonts from (the archive's site). */
  fontBaseUrl: string,
  log: (line: string) => void = console.error,
): InProcessPipeline {
  const running = new Set<Promise<void>>();
  const pipeline: InProcessPipeline = {
    down: false,
    breakNextRender: false,
    gateway: {
      async check(narrative): Promise<ApprovalCheck> {
        return checkReport(narrative as unknown as NarrativeSource, ports);
      },
      preview: (narrative) => previewDraft(narrative as unknown as NarrativeSource, ports, fontBaseUrl),
      async uploadStatistics(request) {
        const upload = parseStatisticsUpload(request);
        if (!upload.ok) return { stored: false, reason: `上传内容有误：${upload.error}`, findings: [] };
        return uploadStatistics(upload.value, ports.statistics);
      },
      async handOver(message) {
        // Crash test (tests/cms/hand-over-crash.integration.test.ts): the process dies after the approval committed
        // and before the pipeline has the run.
        if (process.env.NIANBAO_FAULT === 'kill-at-hand-over') process.kill(process.pid, 'SIGKILL');
        if (pipeline.down) throw new PipelineUnavailableError('the pipeline is not running');
        const parsed = parseHandOver(message);
        if (!parsed.ok) throw new HandOverRefusedError(`hand-over refused: ${parsed.error}`);
        const requested = await acceptHandOver(parsed.value, ports.staging);
        const runPorts = pipeline.breakNextRender ? { ...ports, renderer: brokenRenderer } : ports;
        pipeline.breakNextRender = false;
        const run = runPipeline(requested, runPorts, reporter).then(
          () => undefined,
          (error: unknown) => log(`run ${requested.run.id}: ${String(error)}`),
        );
        running.add(run);
        void run.finally(() => running.delete(run));
      },
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
  return pipeline;
}
