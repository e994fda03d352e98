// nianbao publish --year <y> [--agency <code>…] [--change-note "…"] [--concurrency n]
// One run per agency through the pipeline (assemble → validate → render → publish → updatePublicView) against the
// configured stores.
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { ChromiumRenderer } from '../../adapters/chromium-renderer';
import { pipelinePorts } from '../../adapters/pipeline-wiring';
import { publicUrl } from '../../adapters/public-url';
import { MissingConfigError, readPublishConfig } from '../../adapters/publish-config';
import { summarize } from '../../core/validation-finding';
import { identityFromFlags } from '../../statistics/identity-flags';
import { LogOutcomeReporter } from '../../adapters/log-outcome-reporter';
import { newRun, runIdPattern } from '../../pipeline/run';
import { runBatch, type BatchItem } from '../../pipeline/run-pipeline';
import { formatFindings } from '../print-findings';
import { exitCodes } from '../exit-codes';

interface PublishOptions {
  year: string;
  agency?: string[];
  changeNote?: string;
  approver?: string;
  runId?: string;
  concurrency: string;
}

export function registerPublishCommand(program: Command): void {
  program
    .command('publish')
    .description(
      'validate, render and publish reports as new immutable versions (identical content returns the existing version)',
    )
    .requiredOption('--year <year>', 'report year')
    .option('--agency <code...>', 'agency code(s); default: every agency with statistics for the year')
    .option('--change-note <text>', '更正说明: why this version replaces the previous one')
    .option('--approver <name>', 'who approved the publication (recorded in the manifest)')
    .option('--run-id <id>', "one agency only: the run's idempotency key (the same id again gives the first outcome)")
    .option('--concurrency <n>', 'reports rendered at once', '2')
    .action(async (options: PublishOptions) => {
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
      // Identifiers are checked before anything is read: they become file names and keys.
      const asked = [{ year: options.year }, ...(options.agency ?? []).map((agency) => ({ agency }))];
      const flags = asked.map(identityFromFlags);
      const findings = flags.flatMap((f) => (f.ok ? [] : f.error));
      if (findings.length > 0) {
        console.error(`nianbao publish: nothing published\n${formatFindings(summarize(findings), undefined)}`);
        process.exitCode = exitCodes.invalid;
        return;
      }
      try {
        process.exitCode = await publishCommand(options);
      } catch (error) {
        if (!(error instanceof MissingConfigError)) throw error;
        console.error(`nianbao publish: ${error.message}`);
        process.exitCode = exitCodes.unreadable;
      }
    });
}

async function publishCommand(options: PublishOptions): Promise<number> {
  const config = readPublishConfig();
  const year = Number(options.year);
  const concurrency = Math.max(1, Number(options.concurrency) || 1);
  const renderer = new ChromiumRenderer({ concurrency });
  try {
    const ports = pipelinePorts(config, renderer);
    const agencies = options.agency ?? (await ports.statistics.listYear(year)).map((r) => r.agency).sort();
    if (agencies.length === 0) {
      console.error(`no statistics for ${year}: import them first (nianbao stats import)`);
      return exitCodes.invalid;
    }
    if (options.runId !== undefined && (agencies.length !== 1 || !runIdPattern.test(options.runId))) {
      console.error('nianbao publish: --run-id takes 1–80 letters, digits, - or _, and exactly one --agency');
      return exitCodes.invalid;
    }
    const request = { year, changeNote: options.changeNote, approver: options.approver };
    const runs = agencies.map((agency) => newRun({ ...request, agency }, { kind: 'cli' }, options.runId));
    const barFormat = { format: '{bar} {value}/{total} reports · {agency}', hideCursor: true };
    const bar = runs.length > 1 && process.stderr.isTTY ? new SingleBar(barFormat, Presets.shades_classic) : undefined;
    bar?.start(runs.length, 0, { agency: '' });
    const onDone = (item: BatchItem) => bar?.increment({ agency: item.run.request.agency });
    const items = await runBatch(runs, ports, new LogOutcomeReporter(), { concurrency, onDone });
    bar?.stop();
    return report(items, config);
  } finally {
    await renderer.close();
  }
}

function report(items: readonly BatchItem[], config: ReturnType<typeof readPublishConfig>): number {
  let failed = 0;
  for (const { run, outcome } of items) {
    const name = `${run.request.agency} ${run.request.year}`;
    if (outcome.kind === 'published') {
      const { version, reused, keys } = outcome;
      const same = reused ? ' (identical to the published version, nothing new)' : '';
      console.log(`${name}: v${version}${same}\n  ${publicUrl(config, keys.html)}\n  ${publicUrl(config, keys.pdf)}`);
      continue;
    }
    failed++;
    console.error(`${name}: not published (${outcome.kind} at ${outcome.step}): ${outcome.reason}`);
    if (outcome.kind === 'rejected' && outcome.findings.length > 0) {
      console.error(formatFindings(summarize(outcome.findings), undefined));
    }
  }
  if (items.length > 1) console.log(`${items.length - failed} of ${items.length} published`);
  if (items.some((i) => i.outcome.kind === 'failed')) return exitCodes.failed;
  return failed > 0 ? exitCodes.invalid : exitCodes.ok;
}
