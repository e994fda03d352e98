// Narrative references: `{{applications.received.total}}` in editor text becomes the cell's value at merge time.
// Only this literal substitution happens; editor text is never compiled as a template.
import { findCell } from '../format/templates';
import { readCell } from '../statistics/cells';
import type { ReportDocument } from '../report/report-document';
import type { ValidationFinding } from '../validation-finding';
import type { TemplateId } from '../format/table-definition';
import { excerptAround, lineCounter, placeCounter, withFieldTexts, type NarrativeField } from './narrative-fields';

interface Reference {
  /** Offset of the opening `{{`. */
  readonly index: number;
  /** 1-based line of the opening `{{`. */
  readonly line: number;
  /** `{{…}}` as typed. */
  readonly whole: string;
  /** What is between the braces, trimmed. */
  readonly path: string;
}

/**
 * Every `{{…}}` in order: from each `{{` to the first `}}` after it, as the lazy pattern /\{\{([\s\S]*?)\}\}/g reads
 * them, but in one pass. The pattern tried every `{{` against the rest of the text, so unclosed ones made it quadratic.
 */
function* referencesIn(text: string): Generator<Reference> {
  const lineAt = lineCounter(text);
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', open)) {
    const close = text.indexOf('}}', open + 2);
    // No `}}` after this `{{` means none after any later one either.
    if (close === -1) return;
    const whole = text.slice(open, close + 2);
    yield { index: open, line: lineAt(open), whole, path: text.slice(open + 2, close).trim() };
    open = close + 2;
  }
}

/** How a referenced blank cell reads in the text. */
const blankText = '—';

/** A finding quotes at most this much of a reference: a hostile one may be a megabyte long. */
const quotedLength = 80;
const quoted = (whole: string) => (whole.length <= quotedLength ? whole : `${whole.slice(0, quotedLength - 3)}…}}`);

const example = '{{applications.received.total}}';

/** Rule R10: every reference names a cell of the report's template. */
export const hasReference = (field: NarrativeField) => field.text.includes('{{');

export function checkReferences(template: TemplateId, fields: readonly NarrativeField[]): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  for (const field of fields) {
    if (!hasReference(field)) continue;
    const placeAt = placeCounter(field);
    for (const reference of referencesIn(field.text)) {
      if (findCell(template, reference.path)) continue;
      const actual = quoted(reference.whole);
      findings.push({
        rule: 'R10',
        severity: 'error',
        cells: [],
        location: field.location,
        line: reference.line,
        place: placeAt(reference.index),
        excerpt: excerptAround(field.text, reference.index, reference.index + reference.whole.length),
        expected: 'a cell id',
        actual,
        message: {
          zh: `引用 ${actual} 不是 ${template} 版模板中的单元格（应形如 ${example}）`,
          en: `reference ${actual} names no cell of template ${template} (expected e.g. ${example})`,
        },
      });
    }
  }
  return findings;
}

/** Replaces every reference that names a cell by the cell's value; unknown ones stay as typed (R10 reports them). */
export function resolveReferences(report: ReportDocument): ReportDocument {
  const narrative = withFieldTexts(report.narrative, (_location, text) => {
    if (!text.includes('{{')) return text;
    const parts: string[] = [];
    let copied = 0;
    for (const { index, whole, path } of referencesIn(text)) {
      const cell = findCell(report.template, path);
      if (!cell) continue;
      const value = readCell(report.statistics, cell.path);
      parts.push(text.slice(copied, index), value === null ? blankText : String(value));
      copied = index + whole.length;
    }
    return copied === 0 ? text : parts.join('') + text.slice(copied);
  });
  return { ...report, narrative };
}
