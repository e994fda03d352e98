// The report given as last year's must be the same agency's report for the year before: any other makes the
// cross-year rules (R5, R6, R11) accuse the report of contradictions it does not have.
import type { ReportDocument } from '../report/report-document';
import type { Message } from '../validation-finding';

type Identity = Pick<ReportDocument, 'agency' | 'year'>;

const named = (r: Identity) => `${r.agency.name}（${r.agency.code}）${r.year} 年`;
const namedEn = (r: Identity) => `${r.agency.code} ${r.year}`;

/** Why `previous` cannot be last year's report of `report`, or undefined when it is. */
export function previousReportProblem(report: Identity, previous: Identity): Message | undefined {
  const sameAgency = previous.agency.code === report.agency.code;
  const yearBefore = previous.year === report.year - 1;
  if (sameAgency && yearBefore) return undefined;
  const why = !sameAgency
    ? { zh: '不是同一机关', en: 'another agency' }
    : { zh: `应为 ${report.year - 1} 年度`, en: `it should be ${report.year - 1}` };
  return {
    zh: `上年度报告须为同一机关的上一年度报告：本报告为 ${named(report)}，所给上年度报告为 ${named(previous)}（${why.zh}）`,
    en:
      `last year's report must be the same agency's report for the year before: this report is ${namedEn(report)}, ` +
      `the one given is ${namedEn(previous)} (${why.en})`,
  };
}

/** validateReport was given another report as last year's: a caller's mistake, so thrown, not a finding. */
export class PreviousReportMismatchError extends Error {
  override readonly name = 'PreviousReportMismatchError';
  constructor(readonly problem: Message) {
    super(problem.en);
  }
}
