// Validation: every rule of spec §4 over a report, as one list of findings. A document with S1 findings still gets
// every rule whose inputs are well-formed (a bad date must not hide a table that does not cross-foot).
import { narrativeFields } from '../narrative/narrative-fields';
import { checkReferences, hasReference, resolveReferences } from '../narrative/references';
import { everyPart, readReport, type ReportPart } from '../report/parse-report';
import type { ReportDocument } from '../report/report-document';
import { checkBlankCells } from './blank-cells';
import { checkCrossFooting } from './cross-footing';
import { checkCarriedOver, checkInForce } from './cross-year';
import { checkGlyphCoverage, type GlyphCoverage } from './glyph-coverage';
import { checkIssueDate } from './issue-date';
import { checkNarrativeNumbers } from './narrative-numbers';
import { checkNarrativeCopied } from './narrative-similarity';
import { PreviousReportMismatchError, previousReportProblem } from './previous-report';
import { checkRequiredStatements } from './required-statements';
import { cellValues, type RuleContext } from './rule-context';
import {
  summarize,
  type Message,
  type RuleId,
  type SkippedRule,
  type ValidationFinding,
  type ValidationReport,
} from '../validation-finding';

export interface ValidationOptions {
  /** What the report's fonts can draw (read from the font files outside the core); without it F1 is skipped. */
  readonly glyphCoverage?: GlyphCoverage;
}

interface RuleRun {
  readonly rules: readonly RuleId[];
  /** The document parts the rules read: they run only when all are well-formed. */
  readonly needs: readonly ReportPart[];
  readonly previous?: boolean;
  /** Findings; a rule that runs but cannot judge some of its input says so in `skipped`. */
  readonly run: (
    context: RuleContext,
    options: ValidationOptions,
    skipped: SkippedRule[],
  ) => readonly ValidationFinding[];
}

/** In the order findings are listed. */
const ruleRuns: readonly RuleRun[] = [
  { rules: ['S2'], needs: ['tables'], run: checkBlankCells },
  { rules: ['R1', 'R2', 'R3', 'R4'], needs: ['tables'], run: (c) => checkCrossFooting(c.cells) },
  { rules: ['R5'], needs: ['tables', 'year', 'agency'], previous: true, run: checkCarriedOver },
  { rules: ['R6'], needs: ['tables', 'year', 'agency'], previous: true, run: checkInForce },
  { rules: ['R7'], needs: ['tables', 'narrative'], run: (c, _options, skipped) => checkNarrativeNumbers(c, skipped) },
  { rules: ['R8'], needs: ['template', 'narrative'], run: checkRequiredStatements },
  { rules: ['R9'], needs: ['year', 'agency', 'issuedOn'], run: checkIssueDate },
  {
    rules: ['R10'],
    needs: ['template', 'narrative'],
    // The text was already searched for references: no second pass when it has none.
    run: (c) => (c.withoutReferences ? [] : checkReferences(c.report.template, c.fields)),
  },
  { rules: ['R11'], needs: ['narrative', 'year', 'agency'], previous: true, run: checkNarrativeCopied },
  {
    rules: ['F1'],
    needs: ['narrative', 'agency'],
    run: (c, options) => (options.glyphCoverage ? checkGlyphCoverage(c.report, options.glyphCoverage) : []),
  },
];

/**
 * Every rule over a parsed report. `previous` must be the same agency's report for the year before
 * (PreviousReportMismatchError otherwise: check with previousReportProblem first).
 */
export function validateReport(
  report: ReportDocument,
  previous?: ReportDocument,
  options: ValidationOptions = {},
): ValidationReport {
  if (previous) {
    const problem = previousReportProblem(report, previous);
    if (problem) throw new PreviousReportMismatchError(problem);
  }
  return runRules(report, everyPart, previous, options);
}

/**
 * An untrusted document: its S1 findings, and the findings of every rule whose inputs are well-formed (the others
 * are listed as skipped, with why). `previous` must be last year's report of the same agency, when the document
 * says which agency and year it is.
 */
export function validateDocument(
  input: unknown,
  previous?: ReportDocument,
  options: ValidationOptions = {},
): ValidationReport {
  const read = readReport(input);
  if (read.findings.length === 0) return validateReport(read.report, previous, options);
  const known = read.wellFormed.has('year') && read.wellFormed.has('agency');
  if (previous && known) {
    const problem = previousReportProblem(read.report, previous);
    if (problem) throw new PreviousReportMismatchError(problem);
  }
  const ruled = runRules(read.report, read.wellFormed, previous, options);
  return summarize([...read.findings, ...ruled.findings], ruled.skipped);
}

const malformed: Readonly<Record<ReportPart, Message>> = {
  template: { zh: '模板编号', en: 'the template' },
  year: { zh: '年度', en: 'the year' },
  agency: { zh: '发布机关（agency）', en: 'the agency' },
  issuedOn: { zh: '成文日期（issuedOn）', en: 'the issue date (issuedOn)' },
  narrative: { zh: '正文（narrative）', en: 'the narrative' },
  tables: { zh: '统计表（statistics）', en: 'the tables (statistics)' },
};

function runRules(
  report: ReportDocument,
  wellFormed: ReadonlySet<ReportPart>,
  previous: ReportDocument | undefined,
  options: ValidationOptions,
): ValidationReport {
  const fields = narrativeFields(report.narrative);
  const cells = cellValues(report);
  // References resolve against the tables: unless every cell is well-formed the text is read as written.
  const resolvable = wellFormed === everyPart || (wellFormed.has('tables') && !cells.list.includes(undefined));
  // Searched for only when they could be resolved; none found also tells R10 there is nothing to check.
  const referring = resolvable && fields.some(hasReference);
  const resolved = referring ? resolveReferences(report) : report;
  const context: RuleContext = {
    report,
    resolved,
    withoutReferences: resolvable && !referring,
    fields: resolved === report ? fields : narrativeFields(resolved.narrative),
    cells,
    ...(previous ? { previous: { report: previous, cells: cellValues(previous) } } : {}),
  };
  const findings: ValidationFinding[] = [];
  const skipped: SkippedRule[] = [];
  for (const ruleRun of ruleRuns) {
    const broken = wellFormed === everyPart ? [] : ruleRun.needs.filter((part) => !wellFormed.has(part));
    if (broken.length > 0) {
      const zh = `${broken.map((p) => malformed[p].zh).join('、')}格式有误（见 S1），此项核对未进行`;
      const en = `${broken.map((p) => malformed[p].en).join(', ')} not well-formed (see S1); check not run`;
      skipped.push(...ruleRun.rules.map((rule) => ({ rule, reason: { zh, en } })));
      continue;
    }
    findings.push(...ruleRun.run(context, options, skipped));
  }
  // A malformed cell (S1) leaves the equations that use it unjudged: said once per rule.
  const malformedCells = wellFormed !== everyPart && wellFormed.has('tables') && cells.list.includes(undefined);
  if (malformedCells) skipped.push(...withMalformedCells);
  return summarize(findings, [...skipped, ...otherSkips(report, wellFormed, previous, options)]);
}

const withMalformedCells: readonly SkippedRule[] = (['R1', 'R2', 'R3', 'R4'] as const).map((rule) => ({
  rule,
  reason: {
    zh: '部分单元格格式有误（见 S1），涉及这些单元格的等式未核对，其余照常核对',
    en: 'some cells are malformed (see S1): the equations using them were not checked, the others were',
  },
}));

const withoutFonts: SkippedRule = {
  rule: 'F1',
  reason: {
    zh: '未提供报告字体的字符覆盖范围，字体核对未进行',
    en: "the report fonts' character coverage was not given; font check not run",
  },
};

const withoutLastYear: readonly SkippedRule[] = (['R5', 'R6', 'R11'] as const).map((rule) => ({
  rule,
  reason: {
    zh: '未提供上年度报告，跨年度核对未进行',
    en: "last year's report was not given; cross-year check not run",
  },
}));
const inForceNeeds2021: SkippedRule = {
  rule: 'R6',
  reason: {
    zh: '现行有效件数核对只适用于两年均为 2021 版模板',
    en: 'R6 applies only when both years use template 2021',
  },
};
const withoutIssueDate: SkippedRule = {
  rule: 'R9',
  reason: {
    zh: '报告未写成文日期，发布期限核对未进行（发布时将填入批准日期）',
    en: 'the report has no issue date; deadline check not run (publishing stamps the approval date)',
  },
};

/** Rules skipped for what the report is, not for how it is written. */
function otherSkips(
  report: ReportDocument,
  wellFormed: ReadonlySet<ReportPart>,
  previous: ReportDocument | undefined,
  options: ValidationOptions,
): SkippedRule[] {
  const skipped: SkippedRule[] = [];
  const ran = (rule: RuleId) =>
    wellFormed === everyPart || ruleRuns.find((r) => r.rules.includes(rule))!.needs.every((p) => wellFormed.has(p));
  if (report.issuedOn === undefined && ran('R9')) skipped.push(withoutIssueDate);
  if (!previous) skipped.push(...withoutLastYear.filter((s) => ran(s.rule)));
  else if ((report.template !== '2021' || previous.template !== '2021') && ran('R6')) skipped.push(inForceNeeds2021);
  if (!options.glyphCoverage && ran('F1')) skipped.push(withoutFonts);
  return skipped;
}
