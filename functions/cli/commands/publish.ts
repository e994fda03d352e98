// nianbao publish --year <y> [--agency <code>…] [--change-note "…"] [--concurrency n]
// Runs the pipeline (assemble → validate → render → publish → notify) against the configured stores.
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { ChromiumRenderer } from '../../adapters/chromium-renderer';
import { pipelinePorts, publicUrl } from '../../adapters/pipeline-wiring';
import { MissingConfigError, readPublishConfig } from '../../adapters/publish-config';
import { summarize } from '../../core/validation-finding';
import { identityFromFlags } from '../../statistics/identity-flags';
import { runBatch, type BatchItem } from '../../pipeline/run-pipeline';
import { formatFindings } from '../print-findings';
import { exitCodes } from '../exit-codes';

interface PublishOptions {
  year: string;
  agency?: string[];
  changeNote?: string;
  approver?: string;
  concurrency: string;
}

export function registerPublishCommand(program: Command): void {
  program
    .command('publish')
    .description('validate, render and publish reports as new immutable versions (identical content returns the existing version)')
    .requiredOption('--year <year>', 'report year')
    .option('--agency <code...>', 'agency code(s); default: every agency with statistics for the year')
    .option('--change-note <text>', '更正说明: why this version replaces the previous one')
    .option('--approver <name>', 'who approved the publication (recorded in the manifest)')
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
    const requests = agencies.map((agency) => ({ agency, year, ...(options.changeNote ? { changeNote: options.changeNote } : {}), ...(options.approver ? { approver: options.approver } : {}) }));
    const bar = requests.length > 1 && process.stderr.isTTY ? new SingleBar({ format: '{bar} {value}/{total} reports · {agency}', hideCursor: true }, Presets.shades_classic) : undefined;
    bar?.start(requests.length, 0, { agency: '' });
    const items = await runBatch(requests, ports, { concurrency, onDone: (item) => bar?.increment({ agency: item.request.agency }) });
    bar?.stop();
    return report(items, config);
  } finally {
    await renderer.close();
  }
}

function report(items: readonly BatchItem[], config: ReturnType<typeof readPublishConfig>): number {
  let failed = 0;
  for (const { request, result } of items) {
    const name = `${request.agency} ${request.year}`;
    if (result.ok) {
      const p = result.value.publication;
      if (p) console.log(`${name}: v${p.version}${p.reused ? ' (identical to the published version, nothing new)' : ''}\n  ${publicUrl(config, p.keys.html)}\n  ${publicUrl(config, p.keys.pdf)}`);
      continue;
    }
    failed++;
    const error = result.error;
    if ('step' in error) {
      console.error(`${name}: not published (${error.step}): ${error.message}`);
      if (error.findings.length > 0) console.error(formatFindings(summarize(error.findings), undefined));
    } else console.error(`${name}: failed: ${error.name}: ${error.message}`);
  }
  if (items.length > 1) console.log(`${items.length - failed} of ${items.length} published`);
  return failed > 0 ? exitCodes.invalid : exitCodes.ok;
}
