// Rule R9: a report is issued after its year ends and by the deadline (31 Jan; 31 Mar for a consolidated 本级政府 report).
import type { RuleContext } from './rule-context';
import type { ValidationFinding } from '../validation-finding';

export function deadlineOf(year: number, consolidated: boolean): string {
  return consolidated ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

export function checkIssueDate({ report }: RuleContext): ValidationFinding[] {
  const { issuedOn, year } = report;
  const yearEnd = `${year}-12-31`;
  if (issuedOn <= yearEnd) {
    return [{
      rule: 'R9', severity: 'error', cells: [], location: 'issuedOn', expected: `after ${yearEnd}`, actual: issuedOn,
      message: { zh: `成文日期 ${issuedOn} 早于 ${year} 年度结束，年报只能在年度结束后发布`, en: `issuedOn ${issuedOn} is before the end of ${year}` },
    }];
  }
  const consolidated = report.agency.consolidated === true;
  const deadline = deadlineOf(year, consolidated);
  if (issuedOn <= deadline) return [];
  return [{
    rule: 'R9', severity: 'warning', cells: [], location: 'issuedOn', expected: `on or before ${deadline}`, actual: issuedOn,
    message: {
      zh: `成文日期 ${issuedOn} 晚于法定期限 ${deadline}（${consolidated ? '本级政府年报 3 月 31 日' : '部门年报 1 月 31 日'}前）`,
      en: `issuedOn ${issuedOn} is after the deadline ${deadline}`,
    },
  }];
}
