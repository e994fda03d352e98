// How a row, column or cell is named to an editor: the printed numbering and labels, e.g. 三（七）总计 · 自然人.
import type { CellDefinition, ColumnDefinition, RowDefinition, TableDefinition } from './table-definition';

export function rowLabel(row: RowDefinition): string {
  const numbers = [...row.groups.map((g) => g.number), row.number].filter((n) => n !== '');
  // 三、（三）1. reads 三（三）1.: only the last number keeps its 、
  const prefix = numbers.map((n, i) => (i < numbers.length - 1 ? n.replace(/、$/, '') : n)).join('');
  const unnumbered = row.groups.filter((g) => g.number === '').map((g) => g.label);
  return [...unnumbered, prefix + row.label].join(' ');
}

export function columnLabel(column: ColumnDefinition): string {
  return column.group ? `${column.group}·${column.label}` : column.label;
}

export function cellLabel(cell: CellDefinition): string {
  return `${rowLabel(cell.row)} · ${columnLabel(cell.column)}`;
}

/** A row as an editor finds it: its own numbering (三（七）总计, 一、本年新收…) or, for the rows of 二 and 四 that
 * have none, the table's (四、行政复议): never both (三、三（七）). */
export function rowPlace(table: TableDefinition, row: RowDefinition): string {
  const numbered = row.number !== '' || row.groups.some((g) => g.number !== '');
  return numbered ? rowLabel(row) : `${table.section}、${rowLabel(row)}`;
}

export function cellPlace(cell: CellDefinition): string {
  return `${rowPlace(cell.table, cell.row)} · ${columnLabel(cell.column)}`;
}
