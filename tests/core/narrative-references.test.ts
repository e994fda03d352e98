// References are scanned in one pass: hostile braces cost linear time, and valid references read as they always did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCell } from '../../functions/core/format/templates';
import { narrativeFields } from '../../functions/core/narrative/narrative-fields';
import { checkReferences, resolveReferences } from '../../functions/core/narrative/references';
import { readCell } from '../../functions/core/statistics/cells';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { validateReport } from '../../functions/core/rules/validate-report';
import { fixtureReport } from './report-builders';

const withProblems = (report: ReportDocument, problems: string): ReportDocument => ({
  ...report,
  narrative: { ...report.narrative, problems },
});

const megabyte = 1_000_000;
const fill = (unit: string) => unit.repeat(Math.ceil(megabyte / unit.length));

describe('narrative references', () => {
  it('validates a 1 MB field of hostile braces in well under a second, with the right findings', () => {
    const report = fixtureReport();
    const shapes: [name: string, text: string, unknownReferences: number][] = [
      ['unclosed {{', fill('{{'), 0],
      ['{{{{ runs', fill('{{{{a'), 0],
      ['unclosed {{ on many lines', fill('{{x\n'), 0],
      ['nested, closed once at the end', `${fill('{{a')}}}`, 1],
      ['one long name', `{{${fill('a')}}}`, 1],
      ['a reference in a sea of opening braces', `${fill('{{')}{{applications.received.total}}`, 1],
    ];
    for (const [name, text, unknownReferences] of shapes) {
      const started = performance.now();
      const result = validateReport(withProblems(report, text));
      const elapsed = performance.now() - started;
      expect(elapsed, name).toBeLessThan(1_000);
      expect(result.findings.filter((f) => f.rule === 'R10').length, name).toBe(unknownReferences);
    }
  });

  it('quotes at most 80 characters of a long reference in a finding', () => {
    const [finding] = checkReferences(
      '2021',
      narrativeFields(withProblems(fixtureReport(), `{{${'x'.repeat(10_000)}}}`).narrative),
    );
    expect(finding!.actual).toHaveLength(80);
    expect(finding!.message.en.length).toBeLessThan(250);
  });

  it('numbers the lines of references as the text has them', () => {
    const text = '第一行{{nope}}\n\n第三行 {{a}} {{applications.received.total}}\n{{b';
    const findings = checkReferences('2021', narrativeFields(withProblems(fixtureReport(), text).narrative));
    expect(findings.map((f) => [f.actual, f.line])).toEqual([
      ['{{nope}}', 1],
      ['{{a}}', 3],
    ]);
  });

  it('finds and replaces exactly what the lazy pattern /\\{\\{([\\s\\S]*?)\\}\\}/g did', () => {
    const report = fixtureReport();
    const known = [
      '{{applications.received.total}}',
      '{{ applications.received.naturalPerson }}',
      '{{applications.carriedOver.total}}',
    ];
    const piece = fc.oneof(
      fc.constantFrom('{', '}', '{{', '}}', 'a', ' ', '\n', '。', ...known),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')),
        (text) => {
          const pattern = /\{\{([\s\S]*?)\}\}/g;
          const template = report.template;
          const expectedUnknown = [...text.matchAll(pattern)]
            .filter((m) => !findCell(template, m[1]!.trim()))
            .map((m) => m[0]);
          const found = checkReferences(template, [{ location: 'x', text, heading: undefined }]).map((f) => f.actual);
          expect(found).toEqual(expectedUnknown);
          const resolved = resolveReferences(withProblems(report, text)).narrative.problems;
          const byRegex = text.replace(pattern, (whole, path: string) => {
            const cell = findCell(template, path.trim());
            return cell ? String(readCell(report.statistics, cell.path) ?? '—') : whole;
          });
          expect(resolved).toEqual(byRegex);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
