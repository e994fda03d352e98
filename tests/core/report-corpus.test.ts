// Real published reports against what a careful reader found in them: every known defect found at its severity,
// no error the reader did not find, and R7 warnings beyond the truth counted as false positives (target 0).
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../functions/core/report/parse-report';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { validateDocument } from '../../functions/core/rules/validate-report';
import type { ValidationFinding } from '../../functions/core/validation-finding';
import { corpusCases, type TruthDefect } from '../support/report-corpus';

const cases = corpusCases();
const byName = new Map(cases.map((c) => [c.name, c]));

function parsed(document: unknown, name: string): ReportDocument {
  const result = parseReport(document);
  if (!result.ok) throw new Error(`${name} does not parse: ${result.error.map((f) => f.message.en).join('; ')}`);
  return result.value;
}

function matches(defect: TruthDefect, finding: ValidationFinding): boolean {
  if (finding.rule !== defect.rule || finding.severity !== defect.severity) return false;
  const cells = [...(defect.cells ?? []), ...(defect.cell ? [defect.cell] : [])];
  if (!cells.every((cell) => finding.cells.includes(cell))) return false;
  return defect.column === undefined || finding.cells.some((cell) => cell.endsWith(`.${defect.column}`));
}

const describeFinding = (f: ValidationFinding) => `${f.rule} ${f.severity} ${f.message.zh}`;
const r7FalsePositives: string[] = [];

describe('the corpus of real reports', () => {
  afterAll(() => {
    console.log(`R7 false positives on the corpus: ${r7FalsePositives.length}`);
    for (const line of r7FalsePositives) console.log(`  ${line}`);
  });

  it('says where the corpus was expected when it is missing', () => {
    const missing = '/nonexistent/shared/corpus';
    expect(() => corpusCases(missing)).toThrow(`the report corpus is missing: looked in ${missing} `);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: finds every known defect and no other error', (name, c) => {
    const previous = c.previous ? parsed(byName.get(c.previous)!.document, c.previous) : undefined;
    const { findings } = validateDocument(c.document, previous);
    const missed = c.defects.filter((defect) => !findings.some((f) => matches(defect, f)));
    expect(missed, `${name}: defects not found`).toEqual([]);
    const known = (f: ValidationFinding) => c.defects.some((defect) => matches(defect, f));
    const falseErrors = findings.filter((f) => f.severity === 'error' && !known(f)).map(describeFinding);
    expect(falseErrors, `${name}: errors the truth does not list`).toEqual([]);
    const falseR7 = findings.filter((f) => f.rule === 'R7' && !known(f)).map((f) => `${name}: ${describeFinding(f)}`);
    r7FalsePositives.push(...falseR7);
    expect(falseR7, `${name}: R7 false positives`).toEqual([]);
  });
});
