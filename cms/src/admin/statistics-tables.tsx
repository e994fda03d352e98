// The stored statistics as the three official tables, folded: each table's rows with their values, and the
// findings that concern its cells (a cross-footing error shows under the table it is in).
import { Box, Typography } from '@strapi/design-system';
import type { Cell, Finding } from './desk-answers';
import { FindingItem } from './finding-item';

interface TableView {
  readonly title: string;
  readonly rows: Map<string, Cell[]>;
  readonly cellIds: Set<string>;
}

function tablesOf(cells: readonly Cell[]): TableView[] {
  const tables = new Map<string, TableView>();
  for (const cell of cells) {
    let table = tables.get(cell.table);
    if (!table) {
      table = { title: cell.table, rows: new Map(), cellIds: new Set() };
      tables.set(cell.table, table);
    }
    table.cellIds.add(cell.id);
    table.rows.set(cell.row, [...(table.rows.get(cell.row) ?? []), cell]);
  }
  return [...tables.values()];
}

const valueText = (cell: Cell) => (cell.value === null ? '（空）' : String(cell.value));

export function StatisticsTables({ cells, findings }: { cells: readonly Cell[]; findings: readonly Finding[] }) {
  return (
    <>
      {tablesOf(cells).map((table) => {
        const concerning = findings.filter((f) => f.cells.some((id) => table.cellIds.has(id)));
        return (
          <details key={table.title} data-nianbao-table={table.title}>
            <summary>
              <Typography variant="pi" fontWeight="bold">
                {table.title}
                {concerning.length > 0 ? `（${concerning.length} 处问题）` : ''}
              </Typography>
            </summary>
            <Box paddingTop={1}>
              {[...table.rows].map(([row, rowCells]) => (
                <Typography key={row} variant="pi" tag="p">
                  {row}：
                  {rowCells.length === 1 && rowCells[0]
                    ? valueText(rowCells[0])
                    : rowCells.map((c) => `${c.column} ${valueText(c)}`).join('，')}
                </Typography>
              ))}
              {concerning.map((f, i) => (
                <FindingItem key={i} finding={f} />
              ))}
            </Box>
          </details>
        );
      })}
    </>
  );
}
