import { describe, expect, it } from 'vitest';
import { parseReport } from '../../functions/core/report/parse-report';
import { fixtureJson, zeroReport } from './report-builders';

function problems(input: unknown) {
  const parsed = parseReport(input);
  if (parsed.ok) throw new Error('expected the document to be rejected');
  for (const finding of parsed.error) expect(finding.rule).toBe('S1');
  return parsed.error;
}

describe('parseReport (rule S1)', () => {
  it('accepts the fixture and derives nothing it was given', () => {
    const parsed = parseReport(fixtureJson());
    expect(parsed.ok).toBe(true);
  });

  it('derives the title when it is missing', () => {
    const { title: _title, ...report } = zeroReport('2021');
    const parsed = parseReport(report);
    expect(parsed.ok && parsed.value.title).toBe('测试市人民政府2023年政府信息公开工作年度报告');
  });

  it('rejects something that is not an object', () => {
    expect(problems('hello')[0]!.location).toBe('(document)');
  });

  it('names the path of a wrong type', () => {
    const doc = fixtureJson();
    (doc.statistics.applications as Record<string, Record<string, unknown>>).received!.naturalPerson = '30';
    const [finding, ...rest] = problems(doc);
    expect(rest).toEqual([]);
    expect(finding!.location).toBe('statistics.applications.received.naturalPerson');
    expect(finding!.cells).toEqual(['applications.received.naturalPerson']);
    expect(finding!.message.en).toContain('expected an integer ≥ 0');
    expect(finding!.message.en).toContain('"30"');
  });

  it('rejects negative counts but accepts a negative 2019 本年增/减', () => {
    const doc = fixtureJson();
    (doc.statistics.reviewLitigation as Record<string, Record<string, unknown>>).review!.upheld = -3;
    expect(problems(doc).map((f) => f.location)).toEqual(['statistics.reviewLitigation.review.upheld']);
    const report = zeroReport('2019');
    type Licensing = { statistics: { proactive: { licensing: { change: number } } } };
    const changed = JSON.parse(JSON.stringify(report)) as Licensing;
    changed.statistics.proactive.licensing.change = -2;
    expect(parseReport(changed).ok).toBe(true);
  });

  it('rejects an unknown template, naming the choices', () => {
    const doc = { ...fixtureJson(), template: '2025' };
    const [finding] = problems(doc);
    expect(finding!.location).toBe('template');
    expect(finding!.message.en).toContain('"2019", "2021"');
  });

  it('rejects a template that does not apply to the year', () => {
    const doc = { ...zeroReport('2019'), year: 2023, issuedOn: '2024-01-20' };
    expect(problems(doc).map((f) => f.location)).toEqual(['template']);
  });

  it('names a missing row', () => {
    const doc = fixtureJson();
    delete (doc.statistics.applications as Record<string, Record<string, unknown>>).denied!.stateSecret;
    const [finding, ...rest] = problems(doc);
    expect(rest).toEqual([]);
    expect(finding!.location).toBe('statistics.applications.denied.stateSecret');
    expect(finding!.message.zh).toContain('属于国家秘密');
  });

  it('says a 2021 row in a 2019 document belongs to the other template', () => {
    type OtherHandling = { statistics: { applications: { otherHandling: Record<string, unknown> } } };
    const doc = JSON.parse(JSON.stringify(zeroReport('2019'))) as OtherHandling;
    doc.statistics.applications.otherHandling.unpaidFee = { naturalPerson: 0 };
    const [finding, ...rest] = problems(doc);
    expect(rest).toEqual([]);
    expect(finding!.location).toBe('statistics.applications.otherHandling.unpaidFee');
    expect(finding!.message.en).toContain('belongs to template 2021');
  });

  it('rejects unknown fields and bad dates, one finding each', () => {
    const doc = { ...fixtureJson(), issuedOn: '2024-02-30', colour: 'red' };
    expect(
      problems(doc)
        .map((f) => f.location)
        .sort(),
    ).toEqual(['colour', 'issuedOn']);
  });

  it('rejects an agency code that would not be a safe archive path', () => {
    const doc = fixtureJson();
    (doc.agency as Record<string, unknown>).code = '../etc';
    expect(problems(doc).map((f) => f.location)).toEqual(['agency.code']);
  });
});
