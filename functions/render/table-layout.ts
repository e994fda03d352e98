// The printed grid of one official table, derived from its definition: merged header cells, merged row
// headers, and the ids/headers that tie every data cell to all its headers for screen readers.
// Templates only loop over this; no row or column is named here.
import { readCell } from '../core/statistics/cells';
import type { Statistics } from '../core/report/report-document';
import type { RowDefinition, TableDefinition } from '../core/format/table-definition';

export interface GridCell {
  readonly header: boolean;
  readonly text: string;
  readonly colspan?: number;
  readonly rowspan?: number;
  readonly scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  readonly id?: string;
  /** Space-separated ids of every header of a data cell. */
  readonly headers?: string;
  readonly className?: string;
}

export interface GridSection {
  /** `head` sections repeat on every printed page. */
  readonly kind: 'head' | 'body';
  readonly rows: readonly (readonly GridCell[])[];
}

export interface TableLayout {
  readonly id: string;
  readonly caption: string;
  readonly sections: readonly GridSection[];
}

type Cells = GridCell[];

const cellText = (value: number | string | null): string => (value === null ? '' : String(value));

/** Runs of consecutive items sharing a key: [start, length]. */
function runs<T>(
  items: readonly T[],
  key: (item: T) => string | undefined,
): { start: number; length: number; key: string | undefined }[] {
  const out: { start: number; length: number; key: string | undefined }[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    const last = out.at(-1);
    if (last && k !== undefined && last.key === k) last.length++;
    else out.push({ start: i, length: 1, key: k });
  });
  return out;
}

const span = (n: number) => (n > 1 ? n : undefined);

/**
 * byRow with one set of columns for all rows (三): a header block (note, columnsHeading, column groups,
 * columns), then each row with its merged row-group headers.
 */
function byRowShared(table: TableDefinition, statistics: Statistics, prefix: string): GridSection[] {
  const columns = table.rows[0]?.columns ?? [];
  const depth = Math.max(...table.rows.map((r) => r.groups.length)) + 1;
  const hasGroups = columns.some((c) => c.group);
  const headRows: Cells[] = [];
  const columnHeaders = columns.map((): string[] => []);
  const headCount = (table.columnsHeading ? 1 : 0) + (hasGroups ? 2 : 1);
  const corner: GridCell = {
    header: true,
    text: table.note ?? '',
    colspan: span(depth),
    rowspan: span(headCount),
    className: 'corner',
    ...(table.note ? {} : { text: '项目' }),
  };
  let first = true;
  const head = (cells: Cells) => {
    headRows.push(first ? [corner, ...cells] : cells);
    first = false;
  };
  if (table.columnsHeading) {
    const id = `${prefix}-ch`;
    head([{ header: true, text: table.columnsHeading, colspan: span(columns.length), scope: 'colgroup', id }]);
    columnHeaders.forEach((h) => h.push(id));
  }
  if (hasGroups) {
    const top: Cells = [];
    const bottom: Cells = [];
    for (const run of runs(columns, (c) => c.group)) {
      const column = columns[run.start]!;
      if (column.group) {
        const id = `${prefix}-cg${run.start}`;
        top.push({ header: true, text: column.group, colspan: span(run.length), scope: 'colgroup', id });
        for (let i = run.start; i < run.start + run.length; i++) {
          const c = columns[i]!;
          const cid = `${prefix}-c-${c.key}`;
          bottom.push({ header: true, text: c.label, scope: 'col', id: cid });
          columnHeaders[i]!.push(id, cid);
        }
      } else {
        const cid = `${prefix}-c-${column.key}`;
        top.push({ header: true, text: column.label, rowspan: 2, scope: 'col', id: cid });
        columnHeaders[run.start]!.push(cid);
      }
    }
    head(top);
    headRows.push(bottom);
  } else {
    head(
      columns.map((c, i) => {
        const cid = `${prefix}-c-${c.key}`;
        columnHeaders[i]!.push(cid);
        return { header: true, text: c.label, scope: 'col', id: cid };
      }),
    );
  }

  const bodyRows: Cells[] = table.rows.map((row, r) => {
    const cells: Cells = [];
    const rowHeaders: string[] = [];
    row.groups.forEach((group, level) => {
      const id = `${prefix}-g${level}-${group.key}`;
      rowHeaders.push(id);
      const previous = table.rows[r - 1]?.groups[level];
      if (previous?.key === group.key) return;
      let length = 1;
      while (table.rows[r + length]?.groups[level]?.key === group.key) length++;
      cells.push({
        header: true,
        text: group.number + group.label,
        rowspan: span(length),
        scope: 'rowgroup',
        id,
        className: 'row-group',
      });
    });
    const id = `${prefix}-r-${row.id.replace(/\./g, '-')}`;
    rowHeaders.push(id);
    cells.push({
      header: true,
      text: row.number + row.label,
      colspan: span(depth - row.groups.length),
      scope: 'row',
      id,
      className: 'row-label',
    });
    const values = readRow(statistics, table, row);
    row.columns.forEach((_column, i) => {
      cells.push({
        header: false,
        text: values[i]!,
        headers: [...rowHeaders, ...columnHeaders[i]!].join(' '),
        className: 'num',
      });
    });
    return cells;
  });
  return [
    { kind: 'head', rows: headRows },
    { kind: 'body', rows: bodyRows },
  ];
}

function readRow(statistics: Statistics, table: TableDefinition, row: RowDefinition): string[] {
  return row.columns.map((c) => cellText(readCell(statistics, [table.id, ...row.id.split('.'), c.key])));
}

/**
 * byRow whose blocks have their own columns (二): each block (第二十条第（X）项) prints its title across
 * the table, a header row 信息内容 + its columns, then its rows. A block with fewer columns lets its
 * last column span the rest, as in the official form.
 */
function byRowBlocks(table: TableDefinition, statistics: Statistics, prefix: string): GridSection[] {
  const width = Math.max(...table.rows.map((r) => r.columns.length));
  const sections: GridSection[] = [];
  for (const run of runs(table.rows, (r) => r.groups[0]?.key)) {
    const rows = table.rows.slice(run.start, run.start + run.length);
    const block = rows[0]!.groups[0];
    const blockId = `${prefix}-b${run.start}`;
    const labelId = `${blockId}-label`;
    const columns = rows[0]!.columns;
    const spans = columns.map((_c, i) => (i === columns.length - 1 ? width - columns.length + 1 : 1));
    const out: Cells[] = [];
    if (block)
      out.push([
        {
          header: true,
          text: block.number + block.label,
          colspan: span(width + 1),
          scope: 'colgroup',
          id: blockId,
          className: 'block',
        },
      ]);
    out.push([
      { header: true, text: '信息内容', scope: 'col', id: labelId },
      ...columns.map((c, i): GridCell => ({
        header: true,
        text: c.label,
        colspan: span(spans[i]!),
        scope: 'col',
        id: `${blockId}-c-${c.key}`,
      })),
    ]);
    for (const row of rows) {
      const rowId = `${prefix}-r-${row.id.replace(/\./g, '-')}`;
      const values = readRow(statistics, table, row);
      out.push([
        {
          header: true,
          text: row.number + row.label,
          scope: 'row',
          id: rowId,
          headers: block ? `${blockId} ${labelId}` : labelId,
          className: 'row-label',
        },
        ...columns.map((c, i): GridCell => ({
          header: false,
          text: values[i]!,
          colspan: span(spans[i]!),
          headers: [...(block ? [blockId] : []), rowId, `${blockId}-c-${c.key}`].join(' '),
          className: 'num',
        })),
      ]);
    }
    sections.push({ kind: 'body', rows: out });
  }
  return sections;
}

/**
 * byGroup (四): each row of the definition is printed as a group of columns, its row groups (行政诉讼)
 * as spanning headers above; one data row holds every value.
 */
function byGroup(table: TableDefinition, statistics: Statistics, prefix: string): GridSection[] {
  const depth = Math.max(...table.rows.map((r) => r.groups.length));
  const headRows: Cells[] = [];
  const groupHeaders = table.rows.map((): string[] => []);
  for (let level = 0; level <= depth; level++) {
    const cells: Cells = [];
    table.rows.forEach((row, r) => {
      if (level < row.groups.length) {
        const group = row.groups[level]!;
        const id = `${prefix}-g${level}-${group.key}`;
        groupHeaders[r]!.push(id);
        if (table.rows[r - 1]?.groups[level]?.key === group.key) return;
        let width = 0;
        for (let k = r; table.rows[k]?.groups[level]?.key === group.key; k++) width += table.rows[k]!.columns.length;
        cells.push({ header: true, text: group.number + group.label, colspan: span(width), scope: 'colgroup', id });
      } else if (level === row.groups.length) {
        const id = `${prefix}-r-${row.id.replace(/\./g, '-')}`;
        groupHeaders[r]!.push(id);
        cells.push({
          header: true,
          text: row.number + row.label,
          colspan: span(row.columns.length),
          rowspan: span(depth - row.groups.length + 1),
          scope: 'colgroup',
          id,
        });
      }
    });
    headRows.push(cells);
  }
  const columnRow: Cells = [];
  const dataRow: Cells = [];
  table.rows.forEach((row, r) => {
    const values = readRow(statistics, table, row);
    row.columns.forEach((c, i) => {
      const id = `${prefix}-c-${row.id.replace(/\./g, '-')}-${c.key}`;
      columnRow.push({ header: true, text: c.label, scope: 'col', id });
      dataRow.push({ header: false, text: values[i]!, headers: [...groupHeaders[r]!, id].join(' '), className: 'num' });
    });
  });
  headRows.push(columnRow);
  return [
    { kind: 'head', rows: headRows },
    { kind: 'body', rows: [dataRow] },
  ];
}

export function tableLayout(table: TableDefinition, statistics: Statistics): TableLayout {
  const prefix = `t-${table.id}`;
  const caption = `${table.section}、${table.heading}`;
  if (table.layout === 'byGroup') return { id: prefix, caption, sections: byGroup(table, statistics, prefix) };
  const shared = table.rows.every((r) => r.columns === table.rows[0]!.columns);
  return {
    id: prefix,
    caption,
    sections: shared ? byRowShared(table, statistics, prefix) : byRowBlocks(table, statistics, prefix),
  };
}
