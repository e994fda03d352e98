// Rule F1: characters the report's fonts lack are a warning naming them and where they are; the fonts' coverage is
// given to the core (here a fake: every code point but U+0900–U+0FFF and those beyond the BMP).
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { validateReport } from '../../functions/core/rules/validate-report';
import { fixtureReport } from './report-builders';

const glyphCoverage = { has: (codePoint: number) => (codePoint < 0x0900 || codePoint > 0x0fff) && codePoint <= 0xffff };

const withText = (report: ReportDocument, problems: string, title = report.title): ReportDocument => ({
  ...report,
  title,
  narrative: { ...report.narrative, problems },
});

describe('F1: characters missing from the report fonts', () => {
  it('is silent for the fixture, and not run (listed as skipped) without the coverage', () => {
    expect(
      validateReport(fixtureReport(), undefined, { glyphCoverage: { has: () => true } }).skipped.map((s) => s.rule),
    ).not.toContain('F1');
    const all = validateReport(fixtureReport(), undefined, { glyphCoverage: { has: () => true } });
    expect(all.findings).toEqual([]);
    expect(validateReport(withText(fixtureReport(), '𠀀')).findings).toEqual([]);
  });

  it('warns once per field, naming each missing code point once, at its first line', () => {
    const report = withText(fixtureReport(), '第一行\n代码 `𠀀 ก` 与 𠀀\n😀', '标题𠀀');
    const { findings, errors } = validateReport(report, undefined, { glyphCoverage });
    expect(errors).toBe(0);
    expect(findings.map((f) => [f.rule, f.severity, f.location, f.line])).toEqual([
      ['F1', 'warning', 'title', undefined],
      ['F1', 'warning', 'narrative.problems', 2],
    ]);
    expect(findings[1]!.actual).toBe('U+20000 U+0E01 U+1F600');
    expect(findings[1]!.message.zh).toContain('U+20000 𠀀、U+0E01 ก、U+1F600 😀');
    expect(findings[1]!.message.en).toMatch(/print as a box/);
  });

  it('does not count characters that are never drawn: line breaks, tabs, zero-width and variation characters', () => {
    const report = withText(fixtureReport(), '甲\t乙\r\n丙\u200b丁\u200d戊\u{E0101}己\u00ad');
    expect(validateReport(report, undefined, { glyphCoverage }).findings).toEqual([]);
  });

  it('checks the issuer and every narrative field, and lists a dozen characters then counts the rest', () => {
    const many = Array.from({ length: 20 }, (_, i) => String.fromCodePoint(0x0900 + i)).join('');
    const report = { ...withText(fixtureReport(), many), agency: { ...fixtureReport().agency, issuer: '机关ก' } };
    const findings = validateReport(report, undefined, { glyphCoverage }).findings;
    expect(findings.map((f) => f.location)).toEqual(['agency.issuer', 'narrative.problems']);
    expect(findings[1]!.message.en).toContain('and 8 more');
    expect(findings[1]!.actual!.toString().split(' ')).toHaveLength(20);
  });
});
