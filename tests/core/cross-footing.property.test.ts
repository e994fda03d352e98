// Property tests: tables built to satisfy R1–R4 pass; any single changed cell of 三 or 四 is caught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsOf, tableOf, templateIds } from '../../functions/core/format/templates';
import type { TemplateId } from '../../functions/core/format/table-definition';
import type { CellValue } from '../../functions/core/report/report-document';
import { checkCrossFooting } from '../../functions/core/rules/cross-footing';
import { cellValuesOf } from '../../functions/core/rules/rule-context';

const small = fc.nat({ max: 50 });

/** Cells of 三 and 四 that cross-foot by construction, derived from the format definition. */
function consistentTables(template: TemplateId): fc.Arbitrary<Map<string, CellValue>> {
  const applications = tableOf(template, 'applications');
  const applicants = applications.rows[0]!.columns.filter((c) => c.key !== 'total').map((c) => c.key);
  const resultRows = applications.rows
    .filter((r) => r.groups[0]?.key === 'results' && r.id !== 'resultsTotal')
    .map((r) => r.id);
  const groups = tableOf(template, 'reviewLitigation').rows;
  const outcomes = groups[0]!.columns.filter((c) => c.key !== 'total').map((c) => c.key);
  return fc
    .record({
      results: fc.array(fc.array(small, { minLength: applicants.length, maxLength: applicants.length }), {
        minLength: resultRows.length,
        maxLength: resultRows.length,
      }),
      carriedForward: fc.array(small, { minLength: applicants.length, maxLength: applicants.length }),
      carriedOverShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: applicants.length,
        maxLength: applicants.length,
      }),
      review: fc.array(fc.array(small, { minLength: outcomes.length, maxLength: outcomes.length }), {
        minLength: groups.length,
        maxLength: groups.length,
      }),
    })
    .map(({ results, carriedForward, carriedOverShare, review }) => {
      const cells = new Map<string, CellValue>();
      const setRow = (row: string, values: number[]) => {
        applicants.forEach((key, i) => cells.set(`applications.${row}.${key}`, values[i]!));
        cells.set(
          `applications.${row}.total`,
          values.reduce((a, b) => a + b, 0),
        );
      };
      resultRows.forEach((row, r) => setRow(row, results[r]!));
      const resultsTotal = applicants.map((_, i) => results.reduce((sum, row) => sum + row[i]!, 0));
      setRow('resultsTotal', resultsTotal);
      setRow('carriedForward', carriedForward);
      const handled = applicants.map((_, i) => resultsTotal[i]! + carriedForward[i]!);
      const carriedOver = handled.map((h, i) => Math.floor(h * carriedOverShare[i]!));
      setRow('carriedOver', carriedOver);
      setRow(
        'received',
        handled.map((h, i) => h - carriedOver[i]!),
      );
      groups.forEach((group, g) => {
        outcomes.forEach((key, i) => cells.set(`reviewLitigation.${group.id}.${key}`, review[g]![i]!));
        cells.set(
          `reviewLitigation.${group.id}.total`,
          review[g]!.reduce((a, b) => a + b, 0),
        );
      });
      return cells;
    });
}

describe.each(templateIds)('cross-footing, template %s', (template) => {
  const checkedCells = cellsOf(template)
    .filter((c) => c.table.id !== 'proactive')
    .map((c) => c.id);

  it('constructs every cell of 三 and 四', () => {
    fc.assert(
      fc.property(consistentTables(template), (cells) => {
        expect([...cells.keys()].sort()).toEqual([...checkedCells].sort());
      }),
      { numRuns: 5 },
    );
  });

  it('passes tables that satisfy R1–R4 by construction', () => {
    fc.assert(
      fc.property(consistentTables(template), (cells) => {
        expect(checkCrossFooting(cellValuesOf(template, (id) => cells.get(id)))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('catches any single cell changed by any non-zero amount, every cell', () => {
    // Every cell is exercised deterministically; the amount and the rest of the table are random.
    for (const id of checkedCells) {
      fc.assert(
        fc.property(
          consistentTables(template),
          fc.integer({ min: -1000, max: 1000 }).filter((d) => d !== 0),
          (cells, delta) => {
            const changed = new Map(cells).set(id, (cells.get(id) as number) + delta);
            const findings = checkCrossFooting(cellValuesOf(template, (cellId) => changed.get(cellId)));
            expect(findings.length).toBeGreaterThan(0);
            expect(findings.every((f) => ['R1', 'R2', 'R3', 'R4'].includes(f.rule))).toBe(true);
            expect(findings.some((f) => f.cells.includes(id))).toBe(true);
          },
        ),
        { numRuns: 10 },
      );
    }
  });
});
