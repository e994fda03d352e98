// A grid in the layout of table-grids.ts (as `stats export` writes it, maybe edited in Excel) read back into
// statistics: every error names its line and cell, and nothing is partial.
import { columnLabel, rowLabel } from '../format/labels';
import type { CellDefinition, TemplateId } from '../format/table-definition';
import { cellsOf, findCell } from '../format/templates';
import type { CellValue, Statistics } from '../report/report-document';
import { fail, ok, type Result } from '../result';
import type { ValidationFinding } from '../validation-finding';
import { cellKinds, tooLargeText } from './cell-values';
import { cellsToStatistics } from './cells';

function gridError(line: number, cells: string[], zh: string, en: string, actual?: string): ValidationFinding {
  return {
    rule: 'S1',
    severity: 'error',
    cells,
    location: `line ${line}`,
    line,
    ...(actual === undefined ? {} : { actual }),
    message: { zh: `第 ${line} 行：${zh}`, en: `line ${line}: ${en}` },
  };
}

function cellError(line: number, cell: CellDefinition, text: string): ValidationFinding {
  const { expectedText } = cellKinds[cell.column.kind];
  const why = tooLargeText(text);
  return gridError(
    line,
    [cell.id],
    `${cell.id}（${rowLabel(cell.row)} · ${columnLabel(cell.column)}）应为${expectedText.zh}，实际为“${text}”${why?.zh ?? ''}`,
    `${cell.id} should be ${expectedText.en}, got "${text}"${why?.en ?? ''}`,
    text,
  );
}

/** Reads a grid in the layout above back into statistics; every error names its line and cell, and nothing is partial. */
export function parseStatisticsGrid(
  template: TemplateId,
  grid: readonly (readonly string[])[],
): Result<Statistics, ValidationFinding[]> {
  const errors: ValidationFinding[] = [];
  const values = new Map<string, CellValue>();
  /** The line that gave each cell its value: a second value for a cell is an error naming both lines. */
  const givenOn = new Map<string, number>();
  let keys: readonly string[] | undefined;
  const rowIds = new Set(cellsOf(template).map((c) => `${c.table.id}.${c.row.id}`));
  grid.forEach((cellsOfLine, index) => {
    const line = index + 1;
    const [first = '', ...rest] = cellsOfLine.map((c) => c.trim());
    if (first === 'row') return void (keys = rest.slice(1));
    if (first === '' || first.startsWith('#')) return; // label rows, blank lines and comments
    if (!keys)
      return void errors.push(
        gridError(line, [], '数据行之前缺少列名行（row,label,…）', 'a data row before any key row (row,label,…)'),
      );
    const values_ = rest.slice(1);
    if (!rowIds.has(first)) {
      return void errors.push(
        gridError(
          line,
          [],
          `${first} 不是 ${template} 版模板中的行`,
          `${first} is not a row of template ${template}`,
          first,
        ),
      );
    }
    if (values_.length < keys.length) {
      const missing = keys.slice(values_.length).map((k) => `${first}.${k}`);
      errors.push(
        gridError(
          line,
          missing,
          `缺少 ${missing.join(', ')} 的值（此行比列名行少 ${missing.length} 列）`,
          `no value for ${missing.join(', ')} (the line has ${missing.length} fewer columns than its key row)`,
        ),
      );
    }
    const repeated: string[] = [];
    let firstLine = 0;
    keys.slice(0, values_.length).forEach((key, i) => {
      const id = `${first}.${key}`;
      const cell = findCell(template, id);
      if (!cell)
        return void errors.push(
          gridError(
            line,
            [id],
            `${id} 不是 ${template} 版模板的单元格`,
            `${id} is not a cell of template ${template}`,
            id,
          ),
        );
      const earlier = givenOn.get(id);
      if (earlier !== undefined) {
        firstLine ||= earlier;
        return void repeated.push(id);
      }
      givenOn.set(id, line);
      const text = (values_[i] ?? '').trim();
      const value = text === '' ? null : cellKinds[cell.column.kind].fromText(text);
      if (value === undefined) return void errors.push(cellError(line, cell, text));
      values.set(id, value);
    });
    if (repeated.length > 0) {
      errors.push(
        gridError(
          line,
          repeated,
          `${first} 已在第 ${firstLine} 行给出，第 ${line} 行重复（${repeated.length} 个单元格）`,
          `${first} is given twice, on line ${firstLine} and line ${line} (${repeated.length} cell(s))`,
        ),
      );
    }
    if (values_.length > keys.length)
      errors.push(
        gridError(
          line,
          [],
          `比列名行多出 ${values_.length - keys.length} 个值`,
          `${values_.length - keys.length} more values than the key row has columns`,
        ),
      );
  });
  // Cells no line gave a value: one finding per table row, naming the row as printed.
  const reported = new Set(errors.flatMap((e) => e.cells));
  const missing = new Map<string, string[]>();
  for (const cell of cellsOf(template)) {
    if (values.has(cell.id) || reported.has(cell.id)) continue;
    const rowKey = `${cell.table.id}.${cell.row.id}`;
    missing.set(rowKey, [...(missing.get(rowKey) ?? []), cell.id]);
  }
  for (const [rowKey, ids] of missing) {
    const cell = findCell(template, ids[0]!)!;
    errors.push({
      rule: 'S1',
      severity: 'error',
      cells: ids,
      location: rowKey,
      message: {
        zh: `缺少 ${rowKey}（${rowLabel(cell.row)}）的 ${ids.length} 个单元格：${ids.map((id) => id.split('.').at(-1)).join(', ')}`,
        en: `missing ${ids.length} cell(s) of row ${rowKey}: ${ids.join(', ')}`,
      },
    });
  }
  if (errors.length > 0) return fail(errors);
  return ok(cellsToStatistics(template, values));
}
