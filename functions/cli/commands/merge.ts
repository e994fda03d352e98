// nianbao merge --narrative <narrative.json> --statistics <statistics.json> [--out <report.json>]
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { mergeReport, type NarrativeSource, type StatisticsRecord } from '../../core/merge/merge-report';
import { summarize } from '../../core/validation-finding';
import { formatFindings } from '../print-findings';
import { readJsonFile } from '../read-json-file';
import { exitCodes } from '../exit-codes';

interface MergeOptions {
  narrative: string;
  statistics: string;
  out?: string;
}

export function registerMergeCommand(program: Command): void {
  program
    .command('merge')
    .description('merge a narrative (report without statistics) and a statistics record into one report document')
    .requiredOption('--narrative <narrative.json>', 'the report document without its statistics, as editors write it')
    .requiredOption('--statistics <statistics.json>', '{ agency, year, template, statistics } as stored')
    .option('--out <report.json>', 'write the report here instead of standard output')
    .action(async (options: MergeOptions) => {
      process.exitCode = await mergeCommand(options);
    });
}

async function mergeCommand(options: MergeOptions): Promise<number> {
  const [narrative, statistics] = await Promise.all([
    readJsonFile(options.narrative),
    readJsonFile(options.statistics),
  ]);
  const refusals = [narrative, statistics].flatMap((r) => (r.ok ? [] : [r.error]));
  if (!narrative.ok || !statistics.ok) {
    console.error(refusals.map((r) => r.message).join('\n'));
    return Math.max(...refusals.map((r) => r.exitCode));
  }
  // Shapes are checked by mergeReport's parse; a wrong shape becomes S1 findings, not a crash.
  const merged = mergeReport(narrative.value as NarrativeSource, (statistics.value ?? {}) as StatisticsRecord);
  if (!merged.ok) {
    console.error(formatFindings(summarize(merged.error), undefined));
    return exitCodes.invalid;
  }
  const json = `${JSON.stringify(merged.value, null, 2)}\n`;
  if (options.out) {
    await writeFile(options.out, json);
    console.error(`wrote ${options.out}`);
  } else process.stdout.write(json);
  return exitCodes.ok;
}
