// The cells a narrative may cite: current values, a search, and 插入 (appends {{id}} to a narrative field of the form)
// or 复制.
import { useState } from 'react';
import { Box, Flex, TextButton, Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import reportFormat from '../nianbao/report-format.json';
import { fieldLabels, type Cell } from './desk-answers';

function citableFields(values: Record<string, unknown>): { path: string; label: string }[] {
  return Object.entries(reportFormat.narrativeFields).flatMap(([field, kind]) => {
    if (kind === 'body') return [{ path: field, label: fieldLabels[field] ?? field }];
    const sections = Array.isArray(values[field]) ? (values[field] as { heading?: string }[]) : [];
    return sections.map((section, index) => ({
      path: `${field}.${index}.body`,
      label: `一、总体情况（${index + 1}）${section.heading ?? ''}`,
    }));
  });
}

function readPath(values: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], values);
}

export function CellReferences({ cells, canEdit }: { cells: Cell[]; canEdit: boolean }) {
  const values = useForm('NianbaoCellReferences', (state) => state.values) as Record<string, unknown>;
  const onChange = useForm('NianbaoCellReferences', (state) => state.onChange);
  const fields = citableFields(values);
  const [target, setTarget] = useState(fields[0]?.path ?? '');
  const [filter, setFilter] = useState('');
  const [copied, setCopied] = useState('');
  // The first few, until the editor looks for one: a template has some 150 cells.
  const shown = filter
    ? cells.filter((c) => c.id.includes(filter) || c.place.includes(filter)).slice(0, 40)
    : cells.slice(0, 5);
  const insert = (cell: Cell) => {
    const current = readPath(values, target);
    const text = typeof current === 'string' ? current : '';
    // Appended where the editor will see it; 复制 puts it anywhere else.
    onChange(target, `${text}${text === '' || text.endsWith(' ') ? '' : ' '}{{${cell.id}}}`);
  };
  return (
    <>
      <input
        data-nianbao="cell-filter"
        aria-label="查找单元格"
        placeholder="查找：编号或表中位置，如 本年新收"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {canEdit ? (
        <label>
          <Typography variant="pi">插入到：</Typography>
          <select data-nianbao="cell-target" value={target} onChange={(event) => setTarget(event.target.value)}>
            {fields.map((f) => (
              <option key={f.path} value={f.path}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {shown.map((cell) => (
        <Box key={cell.id} data-nianbao-cell={cell.id} paddingBottom={1}>
          <Typography variant="pi" tag="p">
            {cell.place}：<strong>{cell.value ?? '—'}</strong>
          </Typography>
          <Flex gap={1} alignItems="center">
            <code style={{ fontSize: 11, overflowWrap: 'anywhere' }}>{`{{${cell.id}}}`}</code>
            {canEdit ? (
              <TextButton data-nianbao="insert" onClick={() => insert(cell)}>
                插入
              </TextButton>
            ) : null}
            <TextButton
              onClick={() => {
                void navigator.clipboard.writeText(`{{${cell.id}}}`).then(() => setCopied(cell.id));
              }}
            >
              {copied === cell.id ? '已复制' : '复制'}
            </TextButton>
          </Flex>
        </Box>
      ))}
      {cells.length > shown.length ? (
        <Typography variant="pi" textColor="neutral600">
          共 {cells.length} 个单元格，输入关键字查找其余的。
        </Typography>
      ) : null}
    </>
  );
}
