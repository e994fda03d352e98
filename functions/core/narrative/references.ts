// Narrative references: `{{applications.received.total}}` in editor text becomes the cell's value at merge time.
// Only this literal substitution happens; editor text is never compiled as a template.
import { findCell } from '../format/templates';
import { readCell } from '../statistics/cells';
import type { ReportDocument } from '../report/report-document';
import type { ValidationFinding } from '../validation-finding';
import type { TemplateId } from '../format/table-definition';
import { lineAt, withFieldTexts, type NarrativeField } from './narrative-fields';

const reference = /\{\{([\s\S]*?)\}\}/g;

/** How a referenced blank cell reads in the text. */
const blankText = '—';

/** Rule R10: every reference names a cell of the report's template. */
export const hasReference = (field: NarrativeField) => field.text.includes('{{');

export function checkReferences(template: TemplateId, fields: readonly NarrativeField[]): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  for (const field of fields) {
    if (!hasReference(field)) continue;
    for (const match of field.text.matchAll(reference)) {
      const path = match[1]!.trim();
      if (findCell(template, path)) continue;
      findings.push({
        rule: 'R10',
        severity: 'error',
        cells: [],
        location: field.location,
        line: lineAt(field.text, match.index),
        expected: 'a cell id',
        actual: match[0],
        message: {
          zh: `引用 ${match[0]} 不是 ${template} 版模板中的单元格（应形如 {{applications.received.total}}）`,
          en: `reference ${match[0]} names no cell of template ${template} (expected e.g. {{applications.received.total}})`,
        },
      });
    }
  }
  return findings;
}

/** Replaces every reference that names a cell by the cell's value; unknown ones stay as typed (R10 reports them). */
export function resolveReferences(report: ReportDocument): ReportDocument {
  const narrative = withFieldTexts(report.narrative, (_location, text) =>
    text.includes('{{')
      ? text.replace(reference, (whole, path: string) => {
          const cell = findCell(report.template, path.trim());
          if (!cell) return whole;
          const value = readCell(report.statistics, cell.path);
          return value === null ? blankText : String(value);
        })
      : text,
  );
  return { ...report, narrative };
}
