// Issue 15 point 7 and 3: one S1 must not hide the rest, and last year's report must be last year's.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../functions/core/report/parse-report';
import { PreviousReportMismatchError, previousReportProblem } from '../../functions/core/rules/previous-report';
import { validateDocument, validateReport } from '../../functions/core/rules/validate-report';
import { fixtureJson, fixtureReport } from './report-builders';

/** The sample with the 复议 total printed 0 beside 维持 10 + 纠正 1, as in a real 2023 report. */
function reviewTotalZero() {
  const doc = fixtureJson();
  const review = (doc.statistics.reviewLitigation as Record<string, Record<string, number>>).review!;
  Object.assign(review, { upheld: 10, corrected: 1, total: 0 });
  return doc;
}

const rulesOf = (report: { findings: readonly { rule: string }[] }) => report.findings.map((f) => f.rule);

describe('a document with S1 findings still gets every rule whose inputs are well-formed', () => {
  it('a bad 成文日期 does not hide a 复议 total that does not cross-foot; R9 says why it was skipped', () => {
    const doc = { ...reviewTotalZero(), issuedOn: '2024-02-30' };
    expect(parseReport(doc).ok).toBe(false);
    const report = validateDocument(doc);
    expect(report.findings.find((f) => f.rule === 'S1')).toMatchObject({ location: 'issuedOn' });
    expect(report.findings.find((f) => f.rule === 'R4')).toMatchObject({ expected: 11, actual: 0 });
    expect(report.skipped.find((s) => s.rule === 'R9')?.reason.zh).toContain('成文日期（issuedOn）格式有误');
  });

  it('a report with no 成文日期 gets R4 and R7, and R9 is skipped', () => {
    const { issuedOn: _issuedOn, ...doc } = reviewTotalZero();
    const report = validateDocument(doc);
    expect(rulesOf(report)).toEqual(expect.arrayContaining(['R4', 'R7']));
    expect(rulesOf(report)).not.toContain('S1');
    expect(report.skipped.map((s) => s.rule)).toContain('R9');
  });

  it('a malformed narrative skips the narrative rules, and the tables are still checked', () => {
    const doc = { ...reviewTotalZero(), narrative: { ...fixtureJson().narrative, overview: '依申请公开 30 件' } };
    const report = validateDocument(doc);
    expect(rulesOf(report)).toEqual(expect.arrayContaining(['S1', 'R4']));
    const skipped = report.skipped.filter((s) => s.reason.zh.includes('正文（narrative）格式有误')).map((s) => s.rule);
    expect(skipped).toEqual(expect.arrayContaining(['R7', 'R8', 'R10']));
  });

  it('a malformed cell leaves the other equations checked and no S2 for it', () => {
    const doc = reviewTotalZero();
    (doc.statistics.applications as Record<string, Record<string, unknown>>).granted!.naturalPerson = '十';
    const report = validateDocument(doc);
    expect(rulesOf(report)).toContain('R4');
    expect(
      report.findings.filter((f) => f.cells.includes('applications.granted.naturalPerson')).map((f) => f.rule),
    ).toEqual(['S1']);
    expect(report.skipped.find((s) => s.rule === 'R3')?.reason.zh).toContain('涉及这些单元格的等式未核对');
  });

  it('an unknown template runs no table rule and says so', () => {
    const report = validateDocument({ ...reviewTotalZero(), template: '2030' });
    expect(rulesOf(report)).not.toContain('R4');
    expect(report.skipped.find((s) => s.rule === 'R1')?.reason.zh).toContain('统计表（statistics）');
  });
});

describe("last year's report must be the same agency and the year before", () => {
  const report = fixtureReport();
  const lastYear = { ...report, year: report.year - 1 };
  it.each([
    [
      'another agency',
      { ...lastYear, agency: { ...report.agency, code: 'lvliang-fenyang', name: '汾阳市人民政府' } },
      '不是同一机关',
    ],
    ['a later year', { ...report, year: report.year + 1 }, `应为 ${report.year - 1} 年度`],
    ['two years back', { ...report, year: report.year - 2 }, `应为 ${report.year - 1} 年度`],
    ['the same year', report, `应为 ${report.year - 1} 年度`],
  ])('%s is refused before any rule runs, naming both', (_case, previous, why) => {
    const problem = previousReportProblem(report, previous);
    expect(problem?.zh).toContain(`${report.agency.name}（${report.agency.code}）${report.year} 年`);
    expect(problem?.zh).toContain(`（${previous.agency.code}）${previous.year} 年`);
    expect(problem?.zh).toContain(why);
    expect(() => validateReport(report, previous)).toThrow(PreviousReportMismatchError);
    expect(() => validateDocument(fixtureJson(), previous)).toThrow(PreviousReportMismatchError);
  });

  it("accepts the same agency's report of the year before", () => {
    expect(previousReportProblem(report, lastYear)).toBeUndefined();
    expect(rulesOf(validateReport(report, lastYear))).not.toContain('R5');
  });
});
