// The approval check: the report as it would be published (this narrative, the stored statistics, last year's
// published report), validated by the same code as the pipeline's assemble and validate steps. The CMS runs it
// before it lets a publish through, so a report with errors never reaches the archive.
import { findingKey } from '../core/acknowledgement';
import { findingPlace } from '../core/finding-place';
import { cellPlace, columnLabel, rowPlace } from '../core/format/labels';
import type { TemplateId } from '../core/format/table-definition';
import { cellsOf } from '../core/format/templates';
import { agencyCodeFinding, isAgencyCode, isReportYear, reportYearFinding } from '../core/identifiers';
import { mergeReport, type NarrativeSource } from '../core/merge/merge-report';
import type { CellValue, ReportDocument } from '../core/report/report-document';
import { fail, type Result } from '../core/result';
import { readCell } from '../core/statistics/cells';
import { templateForYear } from '../core/statistics/template-for-year';
import { ruleAdvice } from '../core/rules/rule-advice';
import { validateReport } from '../core/rules/validate-report';
import { summarize, type ValidationFinding, type ValidationReport } from '../core/validation-finding';
import { reportGlyphCoverage } from '../render/glyph-coverage';
import type { PipelinePorts } from './pipeline-ports';
import type { Rejection } from './step-failure';

/** The narrative and the stored statistics as one report document, or why they don't make one. */
export async function assembleReport(
  narrative: NarrativeSource | undefined,
  { statistics }: Pick<PipelinePorts, 'statistics'>,
  agency: string,
  year: number,
): Promise<Result<ReportDocument, Rejection>> {
  if (!narrative)
    return fail({
      reason: `no narrative for ${agency} ${year}`,
      reasonZh: `没有 ${agency} ${year} 年度的正文`,
      findings: [],
    });
  // Checked before they make a storage key (the key builders refuse unchecked values).
  if (!isAgencyCode(agency) || !isReportYear(year)) {
    const findings = [
      ...(isAgencyCode(agency) ? [] : [agencyCodeFinding('agency.code', agency)]),
      ...(isReportYear(year) ? [] : [reportYearFinding('year', year)]),
    ];
    return fail({
      reason: `${agency} ${year} is not a report the archive can hold`,
      reasonZh: '机关代码或年度无效',
      findings,
    });
  }
  const record = await statistics.get(agency, year);
  if (!record)
    return fail({
      reason: `no statistics for ${agency} ${year} (nianbao stats import)`,
      reasonZh: `尚无 ${agency} ${year} 年度的统计数据：请在“统计数据”中上传 CSV`,
      findings: [],
    });
  const merged = mergeReport(narrative, record);
  return merged.ok
    ? merged
    : fail({
        reason: `${agency} ${year} does not assemble`,
        reasonZh: '正文与统计表不能合成一份年报',
        findings: merged.error,
      });
}

/** Every rule, with last year's published report for the cross-year ones. */
export async function validateForPublication(
  report: ReportDocument,
  { previousReports }: Pick<PipelinePorts, 'previousReports'>,
): Promise<ValidationReport> {
  const previous = await previousReports.get(report.agency.code, report.year - 1);
  return validateReport(report, previous, { glyphCoverage: await reportGlyphCoverage() });
}

/** A cell of the report as an editor cites it: `{{id}}`, where it is printed, and what it holds now. */
export interface DraftCell {
  readonly id: string;
  /** Row · column, as printed. */
  readonly place: string;
  /** The printed table, row and column, for showing the tables. */
  readonly table: string;
  readonly row: string;
  readonly column: string;
  /** null: blank, or no statistics stored yet. */
  readonly value: CellValue;
}

/** What publishing a draft now would find, as JSON for the CMS. */
export interface DraftCheck extends ValidationReport {
  /** Each with the key an acknowledgement names it by, and what to do about it. */
  readonly findings: readonly (ValidationFinding & { readonly key: string; readonly advice: string })[];
  /** Set when the draft could not be checked as a whole, e.g. no statistics stored for it. */
  readonly reason?: string;
  /** The same, as the editor reads it. */
  readonly reasonZh?: string;
  /** The cells a narrative may cite, in printed order (the template of the draft's year). */
  readonly cells: readonly DraftCell[];
}

function draftCells(template: TemplateId | undefined, report: ReportDocument | undefined): DraftCell[] {
  if (!template) return [];
  return cellsOf(template).map((cell) => ({
    id: cell.id,
    place: cellPlace(cell),
    table: `${cell.table.section}、${cell.table.heading}`,
    row: rowPlace(cell.table, cell.row),
    column: columnLabel(cell.column),
    value: report ? (readCell(report.statistics, cell.path) ?? null) : null,
  }));
}

/** What publishing this narrative now would find: the findings of assembling it, or of validating the result. */
export async function checkReport(
  narrative: NarrativeSource,
  ports: Pick<PipelinePorts, 'statistics' | 'previousReports'>,
): Promise<DraftCheck> {
  const assembled = await assembleReport(narrative, ports, narrative.agency.code, narrative.year);
  const report = assembled.ok
    ? await validateForPublication(assembled.value, ports)
    : summarize(assembled.error.findings);
  const template = assembled.ok
    ? assembled.value.template
    : isReportYear(narrative.year)
      ? templateForYear(narrative.year)
      : undefined;
  return {
    ...report,
    findings: report.findings.map((finding) => {
      // Every finding says where, as the CLI prints it: the CMS shows it as it comes.
      const place = findingPlace(finding, template);
      return { ...finding, ...(place ? { place } : {}), key: findingKey(finding), advice: ruleAdvice[finding.rule] };
    }),
    ...(assembled.ok
      ? {}
      : { reason: assembled.error.reason, reasonZh: assembled.error.reasonZh ?? assembled.error.reason }),
    cells: draftCells(template, assembled.ok ? assembled.value : undefined),
  };
}
