// Issue 15 points 1, 2 and 4: R7 on claims as real reports write them, and findings an editor can find on the page.
import { describe, expect, it } from 'vitest';
import type { CellValue, ReportDocument } from '../../functions/core/report/report-document';
import { validateReport } from '../../functions/core/rules/validate-report';
import { withCells, zeroReport } from './report-builders';

/** 43 received and concluded: 20 予以公开, 15 部分公开, 3 不予公开, 5 无法提供 (all 自然人); one 依申请公开 body. */
function reportSaying(body: string, changes: Record<string, CellValue> = {}): ReportDocument {
  const base = withCells(zeroReport('2021'), {
    'applications.received.naturalPerson': 43,
    'applications.received.total': 43,
    'applications.resultsTotal.naturalPerson': 43,
    'applications.resultsTotal.total': 43,
    'applications.granted.naturalPerson': 20,
    'applications.granted.total': 20,
    'applications.partiallyGranted.naturalPerson': 15,
    'applications.partiallyGranted.total': 15,
    'applications.denied.stateSecret.naturalPerson': 3,
    'applications.denied.stateSecret.total': 3,
    'applications.unavailable.notHeld.naturalPerson': 5,
    'applications.unavailable.notHeld.total': 5,
    ...changes,
  });
  return { ...base, narrative: { ...base.narrative, overview: [{ heading: '依申请公开情况', body }] } };
}

const r7 = (report: ReportDocument) => validateReport(report).findings.filter((f) => f.rule === 'R7');

describe('R7 reads compound and nested claims', () => {
  it.each([
    '全年收到依申请公开申请43件，予以公开及部分公开35件。',
    '全年办理依申请公开申请43件，其中予以公开（含部分公开）35件。',
    '本年度依申请公开工作中，公开和部分公开35件，不予公开、无法提供共8件。',
    '依申请公开办结43件，其中：予以公开20件、部分公开15件、不予公开3件、无法提供5件。',
    '依申请公开申请中，部分予以公开15件，予以公开与部分公开合计35件。',
  ])('no warning when the sum of the rows named agrees: %s', (body) => {
    expect(r7(reportSaying(body))).toEqual([]);
  });

  it('a compound claim that disagrees is one warning, compared with the sum it names', () => {
    const findings = r7(reportSaying('依申请公开申请中，予以公开及部分公开36件。'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ expected: 35, actual: 36 });
    expect(findings[0]!.message.zh).toContain('予以公开 + 部分公开按表格应为 35');
  });

  it('"不予公开、无法提供共N件" is compared with 不予公开 + 无法提供', () => {
    const [finding, ...rest] = r7(reportSaying('依申请公开申请中，不予公开、无法提供共9件。'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ expected: 8, actual: 9 });
    expect(finding!.message.zh).toContain('“不予公开、无法提供共9件”');
  });

  it('"公开和部分公开N件" names the phrase from its first word', () => {
    const [finding] = r7(reportSaying('依申请公开申请中，公开和部分公开30件。'));
    expect(finding).toMatchObject({ expected: 35, actual: 30 });
    expect(finding!.message.zh).toContain('“公开和部分公开30件”');
  });
});

describe('R7 with a blank 总计', () => {
  const blankTotals = {
    'applications.unavailable.notHeld.naturalPerson': 100,
    'applications.unavailable.notHeld.commercial': 50,
    'applications.unavailable.notHeld.total': null,
  };

  it('compares the narrative with the rows when 总计 is blank', () => {
    const findings = r7(reportSaying('依申请公开申请中，无法提供120件。', blankTotals));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ expected: 150, actual: 120 });
    expect(findings[0]!.cells).toContain('applications.unavailable.notHeld.commercial');
  });

  it('says which claims it could not compare when the rows are blank too', () => {
    const report = reportSaying('依申请公开申请中，无法提供120件。', {
      ...blankTotals,
      'applications.unavailable.notHeld.commercial': null,
    });
    const { findings, skipped } = validateReport(report);
    expect(findings.filter((f) => f.rule === 'R7')).toEqual([]);
    expect(skipped.find((s) => s.rule === 'R7')?.reason.zh).toContain('“无法提供”的数字未与表格核对');
  });
});

describe('R7 findings point at the page', () => {
  it('names the section, subsection and paragraph, with an excerpt around the claim', () => {
    const body = '严格依法办理依申请公开。\n\n2023年共受理依申请公开申请43件，予以公开25件，均已按时答复。';
    const [finding] = r7(reportSaying(body));
    expect(finding).toMatchObject({
      location: 'narrative.overview[0].body',
      place: '一、总体情况（一）依申请公开情况 第 2 段',
      expected: 20,
      actual: 25,
    });
    expect(finding!.excerpt).toContain('予以公开25件');
    expect(finding!.excerpt!.length).toBeLessThan(40);
  });
});
