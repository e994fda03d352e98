// Rule R9: a report is issued after its year ends and by the deadline (31 Jan; 31 Mar for a consolidated 本级政府 report).
import type { RuleContext } from './rule-context';
import type { Message, ValidationFinding } from '../validation-finding';

export function deadlineOf(year: number, consolidated: boolean): string {
  return consolidated ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

/** Which deadline applied and why, and how to change it: an editor can only correct a setting they are told about. */
function deadlineRule(year: number, consolidated: boolean): Message {
  const deadline = deadlineOf(year, consolidated);
  return consolidated
    ? {
        zh: `按本级政府汇总年报（agency.consolidated 为 true）适用 3 月 31 日期限（${deadline}）；如为部门年报，请将 agency.consolidated 设为 false`,
        en:
          `the 31 March deadline (${deadline}) of a consolidated 本级政府 report applied (agency.consolidated is true); ` +
          "for a department's report set agency.consolidated to false",
      }
    : {
        zh: `按部门年报适用 1 月 31 日期限（${deadline}）；如为本级政府汇总年报（期限 3 月 31 日），请将 agency.consolidated 设为 true`,
        en:
          `the 31 January deadline (${deadline}) of a department's report applied; for a government's consolidated ` +
          '本级政府 report (due 31 March) set agency.consolidated to true',
      };
}

/** How a government's consolidated report describes itself in its preamble. */
const consolidatedWording = /本级政府|汇总|各部门/;

export function checkIssueDate({ report }: RuleContext): ValidationFinding[] {
  const { issuedOn, year } = report;
  if (issuedOn === undefined) return [];
  const yearEnd = `${year}-12-31`;
  if (issuedOn <= yearEnd) {
    return [
      {
        rule: 'R9',
        severity: 'error',
        cells: [],
        location: 'issuedOn',
        expected: `after ${yearEnd}`,
        actual: issuedOn,
        message: {
          zh: `成文日期 ${issuedOn} 早于 ${year} 年度结束，年报只能在年度结束后发布`,
          en: `issuedOn ${issuedOn} is before the end of ${year}`,
        },
      },
    ];
  }
  const consolidated = report.agency.consolidated === true;
  const deadline = deadlineOf(year, consolidated);
  if (issuedOn <= deadline) return [];
  const applied = deadlineRule(year, consolidated);
  const hint =
    !consolidated && consolidatedWording.test(report.narrative.preamble)
      ? {
          zh: '（开头提到本级政府或汇总，可能是汇总年报）',
          en: ' (the preamble mentions 本级政府 or 汇总: it may be a consolidated report)',
        }
      : { zh: '', en: '' };
  return [
    {
      rule: 'R9',
      severity: 'warning',
      cells: [],
      location: 'issuedOn',
      expected: `on or before ${deadline}`,
      actual: issuedOn,
      message: {
        zh: `成文日期 ${issuedOn} 晚于法定期限 ${deadline}。${applied.zh}${hint.zh}`,
        en: `issuedOn ${issuedOn} is after the deadline ${deadline}: ${applied.en}${hint.en}`,
      },
    },
  ];
}
