// nianbao validate <report.json> [--previous <last-year.json>] [--json]
import type { Command } from 'commander';
import { parseReport, readReport } from '../../core/report/parse-report';
import type { ReportDocument } from '../../core/report/report-document';
import { previousReportProblem } from '../../core/rules/previous-report';
import { validateDocument } from '../../core/rules/validate-report';
import { reportGlyphCoverage } from '../../render/glyph-coverage';
import { summarize } from '../../core/validation-finding';
import { formatFindings } from '../print-findings';
import { readJsonFile, type JsonFileRefusal } from '../read-json-file';

import { exitCodes } from '../exit-codes';

interface ValidateOptions {
  previous?: string;
  json?: boolean;
}

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a report against the official format and every rule (S1, S2, R1–R11)')
    .argument('<report.json>', 'the report document')
    .option('--previous <last-year.json>', "last year's report, for the cross-year rules R5, R6, R11")
    .option('--json', 'print the findings as JSON')
    .action(async (path: string, options: ValidateOptions) => {
      process.exitCode = await validateCommand(path, options);
    });
}

async function validateCommand(path: string, options: ValidateOptions): Promise<number> {
  const input = await readJsonFile(path);
  if (!input.ok) return unreadable(input.error);
  let previous: ReportDocument | undefined;
  if (options.previous) {
    const last = await readJsonFile(options.previous);
    if (!last.ok) return unreadable(last.error);
    const parsedLast = parseReport(last.value);
    if (!parsedLast.ok) {
      console.error(
        `${options.previous}: 上年度报告本身不符合格式，无法用于跨年度核对\n${formatFindings(summarize(parsedLast.error), undefined)}`,
      );
      return exitCodes.unreadable;
    }
    previous = parsedLast.value;
  }
  const identity = readReport(input.value);
  const known = identity.wellFormed.has('year') && identity.wellFormed.has('agency');
  const mismatch = previous && known ? previousReportProblem(identity.report, previous) : undefined;
  if (mismatch) {
    console.error(`${options.previous}: ${mismatch.zh}`);
    return exitCodes.unreadable;
  }
  const report = validateDocument(input.value, previous, { glyphCoverage: await reportGlyphCoverage() });
  const template = identity.wellFormed.has('template') ? identity.report.template : undefined;
  console.log(options.json ? JSON.stringify(report, null, 2) : formatFindings(report, template));
  return report.errors === 0 ? exitCodes.ok : exitCodes.invalid;
}

function unreadable(refusal: JsonFileRefusal): number {
  console.error(refusal.message);
  return refusal.exitCode;
}
