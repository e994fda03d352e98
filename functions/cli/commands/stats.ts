// nianbao stats import <file.json|file.csv> · nianbao stats export --year <y> [--agency <code>] [--out <path>]
// Statistics live in DynamoDB (docs/data-model.md); files are CSV in the official table layout or JSON.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import type { TemplateId } from '../../core/format/table-definition';
import { isTemplateId } from '../../core/format/templates';
import { fail, ok, type Result } from '../../core/result';
import { summarize, type ValidationFinding } from '../../core/validation-finding';
import { dynamoDocumentClient } from '../../adapters/dynamodb-client';
import { DynamoStatisticsRepository } from '../../adapters/dynamodb-statistics-repository';
import { MissingConfigError, readPublishConfig } from '../../adapters/publish-config';
import { parseStatisticsCsv, parseStatisticsJson, statisticsCsv } from '../../publish/statistics-file';
import type { StatisticsRepository } from '../../publish/statistics-repository';
import { formatFindings } from '../print-findings';
import { exitCodes } from '../exit-codes';

interface ImportOptions {
  agency?: string;
  year?: string;
  template?: string;
}

interface ExportOptions {
  year: string;
  agency?: string;
  out?: string;
}

export type ImportFailure = { kind: 'unreadable'; message: string } | { kind: 'invalid'; findings: ValidationFinding[]; template?: TemplateId };

/** Reads and checks the whole file first; writes only when every record is valid. */
export async function importStatistics(file: string, options: ImportOptions, repository: StatisticsRepository): Promise<Result<{ agency: string; year: number }[], ImportFailure>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail({ kind: 'unreadable', message: `${file}: ${(error as Error).message}` });
  }
  const template = options.template && isTemplateId(options.template) ? options.template : undefined;
  let parsed;
  if (extname(file).toLowerCase() === '.csv') {
    const csv = parseStatisticsCsv(text, { ...(options.agency ? { agency: options.agency } : {}), ...(options.year ? { year: Number(options.year) } : {}), ...(template ? { template } : {}) });
    parsed = csv.ok ? ok([csv.value]) : csv;
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return fail({ kind: 'unreadable', message: `${file}: not valid JSON (${(error as Error).message})` });
    }
    parsed = parseStatisticsJson(json);
  }
  if (!parsed.ok) return fail({ kind: 'invalid', findings: parsed.error, ...(template ? { template } : {}) });
  for (const record of parsed.value) await repository.put(record);
  return ok(parsed.value.map(({ agency, year }) => ({ agency, year })));
}

export function registerStatsCommand(program: Command): void {
  const stats = program.command('stats').description('statistics in the configured DynamoDB table (NIANBAO_TABLE)');
  stats
    .command('import <file>')
    .description('import statistics from a CSV (official table layout, cell ids as keys) or JSON file; nothing is written if any cell is wrong')
    .option('--agency <code>', 'agency code (CSV without a "# agency=" line)')
    .option('--year <year>', 'report year (CSV without a "# year=" line)')
    .option('--template <id>', 'template 2019 or 2021 (default: by year)')
    .action(async (file: string, options: ImportOptions) => {
      const repository = statisticsRepository();
      const result = await importStatistics(file, options, repository);
      if (!result.ok) {
        if (result.error.kind === 'unreadable') console.error(result.error.message);
        else console.error(`${file}: not imported, nothing written\n${formatFindings(summarize(result.error.findings), result.error.template)}`);
        process.exitCode = result.error.kind === 'unreadable' ? exitCodes.unreadable : exitCodes.invalid;
        return;
      }
      for (const r of result.value) console.log(`imported ${r.agency} ${r.year}`);
    });
  stats
    .command('export')
    .description('export statistics as CSV in the official table layout')
    .requiredOption('--year <year>', 'report year')
    .option('--agency <code>', 'one agency (default: every agency with statistics for the year)')
    .option('--out <path>', 'a file (one agency) or a folder (one {agency}-{year}.csv each); default: standard output')
    .action(async (options: ExportOptions) => {
      const repository = statisticsRepository();
      const year = Number(options.year);
      const records = options.agency ? [await repository.get(options.agency, year)].filter((r) => r !== undefined) : await repository.listYear(year);
      if (records.length === 0) {
        console.error(`no statistics for ${options.agency ?? 'any agency'} in ${year}`);
        process.exitCode = exitCodes.invalid;
        return;
      }
      if (!options.out) {
        for (const r of records) process.stdout.write(statisticsCsv(r));
        return;
      }
      if (options.agency && extname(options.out).toLowerCase() === '.csv') {
        await writeFile(options.out, statisticsCsv(records[0]!));
        console.log(options.out);
        return;
      }
      await mkdir(options.out, { recursive: true });
      for (const r of records) {
        const path = join(options.out, `${r.agency}-${r.year}.csv`);
        await writeFile(path, statisticsCsv(r));
        console.log(path);
      }
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
