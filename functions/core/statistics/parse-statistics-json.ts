// Statistics as JSON: a record `{ agency, year, template?, statistics }`, a whole report document, or a list of either.
// Identifiers and tables are checked by the same code as a report's, so a file is refused for what a report would be.
import type { TemplateId } from '../format/table-definition';
import { isTemplateId } from '../format/templates';
import { agencyCodeFinding, isAgencyCode, isReportYear, reportYearFinding } from '../identifiers';
import type { StatisticsRecord } from '../merge/merge-report';
import type { Statistics } from '../report/report-document';
import { fail, ok, type Result } from '../result';
import { structureFinding } from '../structure-findings';
import type { ValidationFinding } from '../validation-finding';
import { checkStatistics, isJsonObject } from './check-statistics';
import { templateCoversYear, templateExpected, templateForYear } from './template-for-year';

function parseEntry(entry: unknown, at: string, findings: ValidationFinding[]): StatisticsRecord | undefined {
  if (!isJsonObject(entry)) {
    findings.push(structureFinding(at || '(document)', { zh: '对象', en: 'an object' }, entry));
    return undefined;
  }
  const before = findings.length;
  // A report document names its agency in agency.code; a record in agency.
  const [agency, agencyAt] = isJsonObject(entry.agency) ? [entry.agency.code, 'agency.code'] : [entry.agency, 'agency'];
  if (!isAgencyCode(agency)) findings.push(agencyCodeFinding(`${at}${agencyAt}`, agency));
  const year = entry.year;
  if (!isReportYear(year)) findings.push(reportYearFinding(`${at}year`, year));
  const template: TemplateId | undefined =
    entry.template === undefined && isReportYear(year) ? templateForYear(year) : (entry.template as TemplateId);
  if (!isTemplateId(template) || (isReportYear(year) && !templateCoversYear(template, year))) {
    findings.push(
      structureFinding(`${at}template`, templateExpected(isReportYear(year) ? year : undefined), entry.template),
    );
    return undefined;
  }
  if (!isJsonObject(entry.statistics)) {
    const expected = { zh: '对象（各统计表）', en: 'an object (the tables)' };
    findings.push(structureFinding(`${at}statistics`, expected, entry.statistics));
    return undefined;
  }
  findings.push(...checkStatistics(template, entry.statistics, `${at}statistics`).findings);
  if (findings.length > before || !isAgencyCode(agency) || !isReportYear(year)) return undefined;
  return { agency, year, template, statistics: entry.statistics as unknown as Statistics };
}

/** All-or-nothing: every problem is returned, each naming its path (`[2].statistics.applications…` in a list). */
export function parseStatisticsJson(json: unknown): Result<StatisticsRecord[], ValidationFinding[]> {
  const list: unknown[] = Array.isArray(json) ? json : [json];
  const findings: ValidationFinding[] = [];
  const records = list.map((entry, i) => parseEntry(entry, Array.isArray(json) ? `[${i}].` : '', findings));
  if (findings.length > 0) return fail(findings);
  return ok(records.filter((r) => r !== undefined));
}
