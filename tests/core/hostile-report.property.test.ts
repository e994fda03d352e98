// Whatever a document holds, parsing and validating it end with findings or a report: never a throw, never a hang,
// and a report that parsed carries no control character in its text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativeFields } from '../../functions/core/narrative/narrative-fields';
import { parseReport } from '../../functions/core/report/parse-report';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { validateDocument, validateReport } from '../../functions/core/rules/validate-report';
import { hostileJson, sampleWithHostileText } from '../support/hostile-documents';

/** The most one document may take to parse and validate here; real ones take well under a millisecond. */
const timeBox = 1_000;

function parseAndValidate(input: unknown): ReportDocument | undefined {
  const started = performance.now();
  const parsed = parseReport(input);
  if (parsed.ok) {
    const report = validateReport(parsed.value);
    expect(report.errors + report.warnings).toBe(report.findings.length);
  } else {
    expect(parsed.error.length).toBeGreaterThan(0);
    for (const finding of parsed.error) expect(finding.rule).toBe('S1');
    // The rules on the well-formed parts: the same S1 findings first, then never a throw.
    const partial = validateDocument(input);
    expect(partial.findings.slice(0, parsed.error.length)).toEqual(parsed.error);
    expect(partial.errors).toBeGreaterThan(0);
  }
  expect(performance.now() - started).toBeLessThan(timeBox);
  return parsed.ok ? parsed.value : undefined;
}

const controlInLine = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const controlInBody = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;

describe('hostile documents, parsed and validated', () => {
  it('any JSON ends in findings or a report', () => {
    fc.assert(
      fc.property(hostileJson, (input) => void parseAndValidate(input)),
      { numRuns: 500 },
    );
  });

  it('any text in any text field ends in findings or a report whose text holds no control character', () => {
    fc.assert(
      fc.property(sampleWithHostileText, (input) => {
        const report = parseAndValidate(input);
        if (!report) return;
        for (const line of [
          report.title,
          report.agency.name,
          report.agency.issuer,
          ...report.narrative.overview.map((s) => s.heading),
        ]) {
          expect(line).not.toMatch(controlInLine);
        }
        for (const field of narrativeFields(report.narrative)) expect(field.text).not.toMatch(controlInBody);
      }),
      { numRuns: 500 },
    );
  });
});
