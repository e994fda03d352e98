// The tables of a report or of a statistics file, checked against the template: every row and cell present, no
// others, each value of its kind. One check for both, so a file is refused for exactly what a report would be.
import { cellsOf, templateIds, templates } from '../format/templates';
import type { TableDefinition, TemplateId } from '../format/table-definition';
import type { CellValue } from '../report/report-document';
import { structureFinding, unknownFieldFinding } from '../structure-findings';
import type { ValidationFinding } from '../validation-finding';
import { cellKinds, isCellValue } from './cell-values';

type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface TablePlan {
  /** For each nesting level (a row-id prefix, '' for the table), the keys allowed there: derived from the row ids. */
  readonly levels: ReadonlyMap<string, ReadonlyMap<string, { readonly id: string; readonly isRow: boolean }>>;
  readonly rows: readonly {
    readonly row: TableDefinition['rows'][number];
    readonly parts: readonly string[];
    readonly columnKeys: readonly string[];
  }[];
}

const tablePlans = new WeakMap<TableDefinition, TablePlan>();

/** What checking a table needs, derived from its definition once: parsing is on the hot path of validation. */
function planOf(table: TableDefinition): TablePlan {
  let plan = tablePlans.get(table);
  if (!plan) {
    const levels = new Map<string, Map<string, { id: string; isRow: boolean }>>();
    const rowIds = new Set(table.rows.map((r) => r.id));
    for (const row of table.rows) {
      const parts = row.id.split('.');
      parts.forEach((key, i) => {
        const prefix = parts.slice(0, i).join('.');
        const id = parts.slice(0, i + 1).join('.');
        const level = levels.get(prefix) ?? new Map<string, { id: string; isRow: boolean }>();
        level.set(key, { id, isRow: rowIds.has(id) });
        levels.set(prefix, level);
      });
    }
    const rows = table.rows.map((row) => ({
      row,
      parts: row.id.split('.'),
      columnKeys: row.columns.map((c) => c.key),
    }));
    plan = { levels, rows };
    tablePlans.set(table, plan);
  }
  return plan;
}

/** An unknown key; when the other template has it, say so (a 2021 row in a 2019 report is a common slip). */
function unknownKey(template: TemplateId, table: TableDefinition, at: string, id: string, allowed: readonly string[]) {
  const inTable = `${table.id}.${id}`;
  const elsewhere = templateIds.find(
    (other) => other !== template && cellsOf(other).some((c) => c.id === inTable || c.id.startsWith(`${inTable}.`)),
  );
  if (!elsewhere) return unknownFieldFinding(`${at}.${id}`, allowed);
  const finding: ValidationFinding = {
    rule: 'S1',
    severity: 'error',
    cells: [],
    location: `${at}.${id}`,
    expected: allowed.join(', '),
    actual: id,
    message: {
      zh: `${at}.${id}：这是 ${elsewhere} 版模板的栏目，${template} 版模板没有（此处应为 ${allowed.join(', ')}）`,
      en: `${at}.${id}: this belongs to template ${elsewhere}, not to template ${template} (expected ${allowed.join(', ')})`,
    },
  };
  return finding;
}

function checkTable(
  template: TemplateId,
  table: TableDefinition,
  values: unknown,
  root: string,
  found: ValidationFinding[],
  collected: (CellValue | undefined)[],
): void {
  const at = `${root}.${table.id}`;
  if (!isJsonObject(values)) {
    const expected = { zh: `对象（表${table.section}的各行）`, en: `an object (the rows of table ${table.section})` };
    found.push(structureFinding(at, expected, values));
    for (const row of table.rows) collected.push(...row.columns.map(() => undefined));
    return;
  }
  const { levels, rows } = planOf(table);
  const walk = (node: JsonObject, prefix: string): void => {
    const level = levels.get(prefix)!;
    for (const key in node) {
      const child = level.get(key);
      if (!child) found.push(unknownKey(template, table, at, prefix ? `${prefix}.${key}` : key, [...level.keys()]));
      else if (!child.isRow && isJsonObject(node[key])) walk(node[key], child.id);
    }
  };
  walk(values, '');

  for (const { row, parts, columnKeys } of rows) {
    let node: unknown = values;
    for (const part of parts) node = isJsonObject(node) ? node[part] : undefined;
    if (!isJsonObject(node)) {
      const expected = {
        zh: `对象（${row.label}：${columnKeys.join(', ')}）`,
        en: `an object with ${columnKeys.join(', ')}`,
      };
      found.push(structureFinding(`${at}.${row.id}`, expected, node));
      collected.push(...columnKeys.map(() => undefined));
      continue;
    }
    let present = 0;
    for (const column of row.columns) {
      const value = node[column.key];
      if (value !== undefined) present++;
      if (isCellValue(column.kind, value)) collected.push(value);
      else {
        collected.push(undefined);
        const cell = `${table.id}.${row.id}.${column.key}`;
        found.push(structureFinding(`${at}.${row.id}.${column.key}`, cellKinds[column.kind].expected, value, [cell]));
      }
    }
    // Every column present and no more keys than columns means no unknown key: the common case skips the search.
    if (present !== columnKeys.length || Object.keys(node).length !== present) {
      for (const key of Object.keys(node)) {
        if (!columnKeys.includes(key)) found.push(unknownKey(template, table, at, `${row.id}.${key}`, columnKeys));
      }
    }
  }
}

export interface CheckedStatistics {
  readonly findings: ValidationFinding[];
  /** Every cell value in `cellsOf(template)` order; undefined where the cell is missing or malformed (a finding). */
  readonly values: (CellValue | undefined)[];
}

/** Checks the tables object of a template; `root` is its path in the input, e.g. statistics or [2].statistics. */
export function checkStatistics(template: TemplateId, statistics: JsonObject, root = 'statistics'): CheckedStatistics {
  const findings: ValidationFinding[] = [];
  const values: (CellValue | undefined)[] = [];
  const tables = templates[template].tables;
  const tableIds = tables.map((t) => t.id as string);
  for (const key of Object.keys(statistics)) {
    if (!tableIds.includes(key)) findings.push(unknownFieldFinding(`${root}.${key}`, tableIds));
  }
  for (const table of tables) checkTable(template, table, statistics[table.id], root, findings, values);
  return { findings, values };
}
