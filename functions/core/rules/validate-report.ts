// Validation: every rule of spec §4 over a parsed report, as one list of findings.
import { narrativeFields } from '../narrative/narrative-fields';
import { checkReferences, hasReference, resolveReferences } from '../narrative/references';
import type { ReportDocument } from '../report/report-document';
import { checkBlankCells } from './blank-cells';
import { checkCrossFooting } from './cross-footing';
import { checkCarriedOver, checkInForce } from './cross-year';
import { checkGlyphCoverage, type GlyphCoverage } from './glyph-coverage';
import { checkIssueDate } from './issue-date';
import { checkNarrativeNumbers } from './narrative-numbers';
import { checkNarrativeCopied } from './narrative-similarity';
import { checkRequiredStatements } from './required-statements';
import { cellValues, type RuleContext } from './rule-context';
import { summarize, type SkippedRule, type ValidationReport } from '../validation-finding';

const crossYearRules = ['R5', 'R6', 'R11'] as const;

export interface ValidationOptions {
  /** What the report's fonts can draw (read from the font files outside the core); without it F1 is skipped. */
  readonly glyphCoverage?: GlyphCoverage;
}

export function validateReport(
  report: ReportDocument,
  previous?: ReportDocument,
  options: ValidationOptions = {},
): ValidationReport {
  const cells = cellValues(report);
  const fields = narrativeFields(report.narrative);
  const resolved = fields.some(hasReference) ? resolveReferences(report) : report;
  const context: RuleContext = {
    report,
    resolved,
    fields: resolved === report ? fields : narrativeFields(resolved.narrative),
    cells,
    ...(previous ? { previous: { report: previous, cells: cellValues(previous) } } : {}),
  };
  const findings = [
    ...checkBlankCells(context),
    ...checkCrossFooting(cells),
    ...checkCarriedOver(context),
    ...checkInForce(context),
    ...checkNarrativeNumbers(context),
    ...checkRequiredStatements(context),
    ...checkIssueDate(context),
    ...checkReferences(report.template, fields),
    ...checkNarrativeCopied(context),
    ...(options.glyphCoverage ? checkGlyphCoverage(report, options.glyphCoverage) : []),
  ];
  const skipped = skippedRules(report, previous);
  return summarize(findings, options.glyphCoverage ? skipped : [...skipped, withoutFonts]);
}

const withoutFonts: SkippedRule = {
  rule: 'F1',
  reason: {
    zh: '未提供报告字体的字符覆盖范围，字体核对未进行',
    en: "the report fonts' character coverage was not given; font check not run",
  },
};

const withoutLastYear: readonly SkippedRule[] = crossYearRules.map((rule) => ({
  rule,
  reason: { zh: '未提供上年度报告，跨年度核对未进行', en: "last year's report was not given; cross-year check not run" },
}));
const inForceNeeds2021: readonly SkippedRule[] = [{ rule: 'R6', reason: { zh: '现行有效件数核对只适用于两年均为 2021 版模板', en: 'R6 applies only when both years use template 2021' } }];

const withoutIssueDate: SkippedRule = {
  rule: 'R9',
  reason: { zh: '报告未写成文日期，发布期限核对未进行（发布时将填入批准日期）', en: 'the report has no issue date; deadline check not run (publishing stamps the approval date)' },
};

function skippedRules(report: ReportDocument, previous: ReportDocument | undefined): readonly SkippedRule[] {
  const skipped = report.issuedOn === undefined ? [withoutIssueDate] : [];
  if (!previous) return [...skipped, ...withoutLastYear];
  if (report.template !== '2021' || previous.template !== '2021') return [...skipped, ...inForceNeeds2021];
  return skipped;
}
