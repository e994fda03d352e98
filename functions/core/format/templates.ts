// The two official templates, and the cell list derived from each.
import { applicationsTable, otherHandlingItems2021, otherHandlingRow2019 } from './applications-table';
import { proactiveTable2019, proactiveTable2021 } from './proactive-tables';
import { reviewLitigationTable } from './review-litigation-table';
import type { CellDefinition, TableDefinition, TemplateDefinition, TemplateId } from './table-definition';

export const templates: Readonly<Record<TemplateId, TemplateDefinition>> = {
  '2019': {
    id: '2019',
    source: '国办公开办函〔2019〕60号',
    years: { from: 2019, to: 2020 },
    tables: [proactiveTable2019, applicationsTable(otherHandlingRow2019), reviewLitigationTable],
  },
  '2021': {
    id: '2021',
    source: '国办公开办函〔2021〕30号',
    years: { from: 2021 },
    tables: [proactiveTable2021, applicationsTable(otherHandlingItems2021), reviewLitigationTable],
  },
};

export const templateIds = Object.keys(templates) as TemplateId[];

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && Object.hasOwn(templates, value);
}

function cellsOfTable(table: TableDefinition): CellDefinition[] {
  return table.rows.flatMap((row) =>
    row.columns.map((column) => {
      const path = [table.id, ...row.id.split('.'), column.key];
      return { id: path.join('.'), path, table, row, column };
    }),
  );
}

const cellCache = new Map<TemplateId, { list: readonly CellDefinition[]; byId: ReadonlyMap<string, CellDefinition> }>();

function cellIndex(template: TemplateId) {
  let index = cellCache.get(template);
  if (!index) {
    const list = templates[template].tables.flatMap(cellsOfTable);
    index = { list, byId: new Map(list.map((cell) => [cell.id, cell])) };
    cellCache.set(template, index);
  }
  return index;
}

/** Every cell of a template, in printed order (table, row, column). */
export function cellsOf(template: TemplateId): readonly CellDefinition[] {
  return cellIndex(template).list;
}

export function findCell(template: TemplateId, cellId: string): CellDefinition | undefined {
  return cellIndex(template).byId.get(cellId);
}

export function tableOf(template: TemplateId, table: TableDefinition['id']): TableDefinition {
  const found = templates[template].tables.find((t) => t.id === table);
  if (!found) throw new Error(`template ${template} has no table ${table}`);
  return found;
}
