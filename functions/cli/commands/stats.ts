// nianbao stats import <file.json|file.csv> · nianbao stats export --year <y> [--agency <code>] [--out <path>]
// Statistics live in DynamoDB (docs/data-model.md); the work is done by functions/statistics, this reads and writes
// files, prints and picks the exit code.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { TemplateId } from '../../core/format/table-definition';
import { summarize, type ValidationFinding } from '../../core/validation-finding';
import { dynamoDocumentClient } from '../../adapters/dynamodb-client';
import { DynamoStatisticsRepository } from '../../adapters/dynamodb-statistics-repository';
import { MissingConfigError, readPublishConfig } from '../../adapters/publish-config';
import { exportStatistics, type ExportFile } from '../../statistics/export-statistics';
import { identityFromFlags, type IdentityFlags } from '../../statistics/identity-flags';
import { importStatistics } from '../../statistics/import-statistics';
import type { StatisticsRepository } from '../../statistics/statistics-repository';
import { makeFolder } from '../make-folder';
import { formatFindings } from '../print-findings';
import { exitCodes } from '../exit-codes';

type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

interface ExportOptions {
  year: string;
  agency?: string;
  out?: string;
}

/** Refused input: the findings, and nothing was written. */
function refused(what: string, findings: ValidationFinding[], template?: TemplateId): ExitCode {
  console.error(`${what}, nothing written\n${formatFindings(summarize(findings), template)}`);
  return exitCodes.invalid;
}

export async function runStatsImport(
  file: string,
  flags: IdentityFlags,
  repository: () => StatisticsRepository,
): Promise<ExitCode> {
  const identity = identityFromFlags(flags);
  if (!identity.ok) return refused(`${file}: not imported`, identity.error);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    return exitCodes.unreadable;
  }
  const result = await importStatistics({ name: basename(file), bytes }, identity.value, repository());
  if (!result.ok) {
    if (result.error.kind === 'invalid')
      return refused(`${file}: not imported`, result.error.findings, result.error.template);
    console.error(result.error.message);
    return exitCodes.unreadable;
  }
  for (const r of result.value) console.log(`imported ${r.agency} ${r.year}`);
  return exitCodes.ok;
}

export async function runStatsExport(
  options: ExportOptions,
  repository: () => StatisticsRepository,
): Promise<ExitCode> {
  const identity = identityFromFlags({ year: options.year, agency: options.agency });
  if (!identity.ok) return refused('not exported', identity.error);
  const result = await exportStatistics({ year: identity.value.year!, agency: identity.value.agency }, repository());
  if (!result.ok) {
    if (result.error.kind === 'invalid') return refused('not exported', result.error.findings);
    console.error(result.error.message);
    return exitCodes.invalid;
  }
  const files = result.value;
  if (!options.out) {
    for (const f of files) process.stdout.write(f.bytes);
    return exitCodes.ok;
  }
  const toOneFile = options.agency !== undefined && extname(options.out).toLowerCase() === '.csv';
  return writeAll(toOneFile ? [[options.out, files[0]!]] : inFolder(options.out, files));
}

/** Each file's path in the folder; a name that would leave it is a bug (the names are checked identifiers). */
function inFolder(folder: string, files: readonly ExportFile[]): [string, ExportFile][] {
  return files.map((f) => {
    const path = join(folder, f.fileName);
    if (relative(resolve(folder), resolve(path)) !== f.fileName)
      throw new Error(`export file name escapes --out: ${f.fileName}`);
    return [path, f];
  });
}

/** Writes every file beside its target first and renames them into place only when all were written. */
async function writeAll(targets: readonly [string, ExportFile][]): Promise<ExitCode> {
  const staged: string[] = [];
  try {
    for (const [path, file] of targets) {
      await makeFolder(dirname(path));
      const temporary = `${path}.${process.pid}.partial`;
      staged.push(temporary);
      await writeFile(temporary, file.bytes);
    }
  } catch (error) {
    await Promise.all(staged.map((p) => rm(p, { force: true })));
    console.error(`not exported, nothing written: ${(error as Error).message}`);
    return exitCodes.unreadable;
  }
  for (const [i, [path]] of targets.entries()) {
    await rename(staged[i]!, path);
    console.log(path);
  }
  return exitCodes.ok;
}

export function registerStatsCommand(program: Command): void {
  const stats = program.command('stats').description('statistics in the configured DynamoDB table (NIANBAO_TABLE)');
  stats
    .command('import <file>')
    .description(
      'import statistics from a CSV (official table layout, cell ids as keys) or JSON file; nothing is written if any cell is wrong',
    )
    .option('--agency <code>', 'agency code (CSV without a "# agency=" line)')
    .option('--year <year>', 'report year (CSV without a "# year=" line)')
    .option('--template <id>', 'template 2019 or 2021 (default: by year)')
    .action(async (file: string, options: IdentityFlags) => {
      process.exitCode = await runStatsImport(file, options, statisticsRepository);
    });
  stats
    .command('export')
    .description('export statistics as CSV in the official table layout')
    .requiredOption('--year <year>', 'report year')
    .option('--agency <code>', 'one agency (default: every agency with statistics for the year)')
    .option('--out <path>', 'a file (one agency) or a folder (one {agency}-{year}.csv each); default: standard output')
    .action(async (options: ExportOptions) => {
      process.exitCode = await runStatsExport(options, statisticsRepository);
    });
}

function statisticsRepository(): StatisticsRepository {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let config;
  try {
    config = readPublishConfig(process.env, 'statistics');
  } catch (error) {
    if (!(error instanceof MissingConfigError)) throw error;
    console.error(`nianbao stats: ${error.message}`);
    process.exit(exitCodes.unreadable);
  }
  return new DynamoStatisticsRepository(dynamoDocumentClient(config), config.table);
}
