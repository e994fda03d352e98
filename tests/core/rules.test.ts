// For every rule, a report that breaks exactly that rule, and the finding it must produce.
import { describe, expect, it } from 'vitest';
import { cellsOf } from '../../functions/core/format/templates';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { validateReport } from '../../functions/core/rules/validate-report';
import type { RuleId, ValidationFinding } from '../../functions/core/validation-finding';
import { fixtureReport, withCells, zeroReport } from './report-builders';

/** Validates and checks every finding is of the one rule broken. */
function findingsOf(rule: RuleId, report: ReportDocument, previous?: ReportDocument): readonly ValidationFinding[] {
  const { findings } = validateReport(report, previous);
  expect(findings.length).toBeGreaterThan(0);
  expect(new Set(findings.map((f) => f.rule))).toEqual(new Set([rule]));
  return findings;
}

const base = zeroReport('2021');
const withNarrative = (report: ReportDocument, narrative: Partial<ReportDocument['narrative']>): ReportDocument => ({
  ...report,
  narrative: { ...report.narrative, ...narrative },
});
const applicationsBody = (body: string) => ({ overview: [{ heading: '依申请公开情况', body }] });

describe('validateReport', () => {
  it('passes the fixture with no errors and no warnings, and says the cross-year and font rules were skipped', () => {
    const report = validateReport(fixtureReport());
    expect(report.findings).toEqual([]);
    expect(report.skipped.map((s) => s.rule)).toEqual(['R5', 'R6', 'R11', 'F1']);
  });

  it.each(['2019', '2021'] as const)('passes an all-zero report of template %s', (template) => {
    expect(validateReport(zeroReport(template)).findings).toEqual([]);
  });

  it('S2: a blank cell in 三 is an error naming the cell; in 二 it is allowed', () => {
    const [finding] = findingsOf(
      'S2',
      withCells(base, { 'applications.granted.commercial': null, 'proactive.licensing.decisions': null }),
    );
    expect(finding).toMatchObject({ severity: 'error', cells: ['applications.granted.commercial'] });
    expect(finding!.message.zh).toMatch(/^三（一）予以公开：法人或其他组织·商业企业 为空/);
  });

  it('S2: one finding per blank row, listing its columns, its label printed once', () => {
    const carriedOver = cellsOf('2021').filter((c) => c.table.id === 'applications' && c.row.id === 'carriedOver');
    const blankRow = Object.fromEntries(carriedOver.map((c) => [c.id, null]));
    const findings = findingsOf('S2', withCells(base, { ...blankRow, 'reviewLitigation.review.total': null }));
    expect(findings).toHaveLength(2);
    expect(findings[0]!.cells).toHaveLength(7);
    expect(findings[0]!.message.zh).toMatch(/^二、上年结转政府信息公开申请数量：整行 7 格均为空/);
    expect(findings[0]!.message.zh.split('上年结转')).toHaveLength(2);
    expect(findings[1]!.message.zh).toMatch(/^四、行政复议：总计 为空/);
    const twoBlank = { 'applications.granted.research': null, 'applications.granted.other': null };
    const two = findingsOf('S2', withCells(base, twoBlank));
    expect(two[0]!.message.zh).toMatch(/^三（一）予以公开：法人或其他组织·科研机构、法人或其他组织·其他 共 2 格为空/);
  });

  it('R1: 一 + 二 ≠ 三（七）+ 四 in a column', () => {
    const report = withCells(base, { 'applications.received.naturalPerson': 2, 'applications.received.total': 2 });
    const findings = findingsOf('R1', report);
    expect(findings.map((f) => f.cells[0])).toEqual([
      'applications.resultsTotal.naturalPerson',
      'applications.resultsTotal.total',
    ]);
    expect(findings[0]!.cells).toContain('applications.received.naturalPerson');
    expect(findings[0]).toMatchObject({ severity: 'error', expected: 2, actual: 0 });
    expect(findings[0]!.message.zh).toMatch(/^自然人：/);
  });

  it('R2: a row total that is not the sum of its six applicant columns', () => {
    const consistent = withCells(base, {
      'applications.received.naturalPerson': 1,
      'applications.received.total': 1,
      'applications.partiallyGranted.naturalPerson': 1,
      'applications.partiallyGranted.total': 1,
      'applications.resultsTotal.naturalPerson': 1,
      'applications.resultsTotal.total': 1,
    });
    expect(validateReport(consistent).findings).toEqual([]);
    // Moving the total between two result rows keeps every column sum, so only the row totals break.
    const findings = findingsOf(
      'R2',
      withCells(consistent, { 'applications.granted.total': 1, 'applications.partiallyGranted.total': 0 }),
    );
    expect(findings.map((f) => f.cells[0])).toEqual([
      'applications.granted.total',
      'applications.partiallyGranted.total',
    ]);
  });

  it('R3: （七）总计 forced to equal 一 while the result rows say otherwise', () => {
    const report = withCells(base, {
      'applications.received.naturalPerson': 1,
      'applications.received.total': 1,
      'applications.resultsTotal.naturalPerson': 1,
      'applications.resultsTotal.total': 1,
    });
    const findings = findingsOf('R3', report);
    expect(findings.map((f) => f.cells[0])).toEqual([
      'applications.resultsTotal.naturalPerson',
      'applications.resultsTotal.total',
    ]);
    expect(findings[0]).toMatchObject({ expected: 0, actual: 1 });
    expect(findings[0]!.cells).toContain('applications.denied.stateSecret.naturalPerson');
  });

  it('R4: a 四 group total that is not the sum of its outcomes', () => {
    const [finding] = findingsOf('R4', withCells(base, { 'reviewLitigation.litigationDirect.upheld': 1 }));
    expect(finding!.cells[0]).toBe('reviewLitigation.litigationDirect.total');
    expect(finding!.message.zh).toContain('行政诉讼 未经复议直接起诉');
  });

  it("R5: 上年结转 differs from last year's 结转下年度", () => {
    const previous = {
      ...withCells(zeroReport('2021', 2022), {
        'applications.received.naturalPerson': 2,
        'applications.received.total': 2,
        'applications.carriedForward.naturalPerson': 2,
        'applications.carriedForward.total': 2,
      }),
      narrative: { ...base.narrative, problems: '去年的问题。' },
    };
    const findings = findingsOf('R5', base, previous);
    expect(findings.map((f) => f.cells)).toEqual([
      ['applications.carriedOver.naturalPerson'],
      ['applications.carriedOver.total'],
    ]);
    expect(findings[0]).toMatchObject({ expected: 2, actual: 0, severity: 'error' });
  });

  it('R6: 现行有效 does not follow from last year, as a warning', () => {
    const previous = withCells(zeroReport('2021', 2022), { 'proactive.normativeDocuments.inForce': 10 });
    const [finding] = findingsOf(
      'R6',
      withCells(base, { 'proactive.normativeDocuments.issued': 2, 'proactive.normativeDocuments.inForce': 11 }),
      previous,
    );
    expect(finding).toMatchObject({
      severity: 'warning',
      expected: 12,
      actual: 11,
      cells: [
        'proactive.normativeDocuments.inForce',
        'proactive.normativeDocuments.issued',
        'proactive.normativeDocuments.repealed',
      ],
    });
  });

  it('R7: a number in the text contradicts the tables, with its location and line', () => {
    const report = withNarrative(base, applicationsBody('全年工作平稳。\n共受理依申请公开政府信息5件，办结0件。'));
    const [finding, ...rest] = findingsOf('R7', report);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'warning',
      location: 'narrative.overview[0].body',
      line: 2,
      expected: 0,
      actual: 5,
      cells: ['applications.received.total'],
    });
  });

  it('R7 reads tolerantly: 收到申请 may include 上年结转, and hotline figures are not applications', () => {
    const report = withCells(base, {
      'applications.received.naturalPerson': 3,
      'applications.received.total': 3,
      'applications.carriedOver.naturalPerson': 1,
      'applications.carriedOver.total': 1,
      'applications.granted.naturalPerson': 4,
      'applications.granted.total': 4,
      'applications.resultsTotal.naturalPerson': 4,
      'applications.resultsTotal.total': 4,
    });
    const text = '共收到政府信息公开申请4件，办结4件，办结率100%。受理12345热线诉求900件，已办结899件。';
    expect(validateReport(withNarrative(report, applicationsBody(text))).findings).toEqual([]);
    const wrongRate = withNarrative(report, applicationsBody('依申请公开办结率为90%。'));
    expect(findingsOf('R7', wrongRate)[0]).toMatchObject({ expected: '100.00%', actual: '90%' });
  });

  it('R7: 行政复议 and 行政诉讼 counts are checked against 四', () => {
    const report = withNarrative(base, { problems: '本年度发生行政复议2件、行政诉讼1件。' });
    expect(findingsOf('R7', report).map((f) => f.cells)).toEqual([
      ['reviewLitigation.review.total'],
      ['reviewLitigation.litigationDirect.total', 'reviewLitigation.litigationAfterReview.total'],
    ]);
  });

  it('R8: 五 says only 无, and 六 is silent on 信息处理费', () => {
    const findings = findingsOf('R8', withNarrative(base, { problems: '无。', otherMatters: '无其他事项。' }));
    expect(findings.map((f) => f.location)).toEqual(['narrative.problems', 'narrative.otherMatters']);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('R8: a 2019 report need not mention 信息处理费', () => {
    expect(validateReport(withNarrative(zeroReport('2019'), { otherMatters: '无。' })).findings).toEqual([]);
  });

  it('R9: issued before the year ends is an error; after 31 January a warning; consolidated reports have until 31 March', () => {
    expect(findingsOf('R9', { ...base, issuedOn: '2023-12-20' })[0]).toMatchObject({
      severity: 'error',
      location: 'issuedOn',
    });
    expect(findingsOf('R9', { ...base, issuedOn: '2024-02-01' })[0]).toMatchObject({
      severity: 'warning',
      expected: 'on or before 2024-01-31',
    });
    const consolidated = { ...base, agency: { ...base.agency, consolidated: true }, issuedOn: '2024-03-31' };
    expect(validateReport(consolidated).findings).toEqual([]);
  });

  it('R9: a report that prints no 成文日期 is valid, and R9 says it was skipped and why', () => {
    const { issuedOn: _issuedOn, ...undated } = base;
    const report = validateReport(undated);
    expect(report.findings).toEqual([]);
    expect(report.skipped.find((s) => s.rule === 'R9')?.reason.zh).toContain('未写成文日期');
  });

  it('R9: says which deadline it applied and how to change it (agency.consolidated)', () => {
    const [department] = findingsOf('R9', { ...base, issuedOn: '2024-02-15' });
    expect(department!.message.zh).toContain('按部门年报适用 1 月 31 日期限');
    expect(department!.message.zh).toContain('agency.consolidated 设为 true');
    const consolidated = { ...base, agency: { ...base.agency, consolidated: true }, issuedOn: '2024-04-02' };
    const [area] = findingsOf('R9', consolidated);
    expect(area!.message.zh).toContain('本级政府汇总年报');
    expect(area!.message.zh).toContain('3 月 31 日期限（2024-03-31）');
    const preamble = '本报告由本级政府办公室汇总区政府各部门年度报告编制而成。';
    const unmarked = withNarrative({ ...base, issuedOn: '2024-03-15' }, { preamble });
    expect(findingsOf('R9', unmarked)[0]!.message.zh).toContain('开头提到本级政府或汇总，可能是汇总年报');
  });

  it('R10: a reference that names no cell, with its line', () => {
    const report = withNarrative(
      base,
      applicationsBody('第一行。\n新收{{applications.received.total}}件，另有{{applications.bogus.total}}。'),
    );
    const [finding, ...rest] = findingsOf('R10', report);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      location: 'narrative.overview[0].body',
      line: 2,
      actual: '{{applications.bogus.total}}',
    });
    expect(finding).toMatchObject({
      place: '一、总体情况（一）依申请公开情况 第 1 段',
      excerpt: expect.stringContaining('另有{{applications.bogus'),
    });
  });

  it('R11: a narrative copied from last year is a warning', () => {
    const long =
      '我区坚持以人民为中心，加强政策解读，积极回应社会关切，深化重点领域信息公开，规范信息管理，强化平台建设，提高政府工作透明度，'.repeat(
        2,
      );
    const report = withNarrative(base, { overview: [{ heading: '主动公开情况', body: `2023年${long}` }] });
    const previous = withNarrative(zeroReport('2021', 2022), {
      overview: [{ heading: '主动公开情况', body: `2022年${long}` }],
    });
    const [finding] = findingsOf('R11', report, previous);
    expect(finding).toMatchObject({ severity: 'warning', location: 'narrative.overview', actual: '100%' });
    const rewritten = withNarrative(report, {
      overview: [
        {
          heading: '主动公开情况',
          body: '今年重点推进了政务新媒体整合与网站改版，开展了三次面向基层的培训，新增重大决策预公开栏目，答复网民留言二百余条，依申请公开办理时限平均缩短三天。',
        },
      ],
    });
    expect(validateReport(rewritten, previous).findings).toEqual([]);
  });
});
