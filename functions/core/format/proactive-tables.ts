// 二、主动公开政府信息情况 (spec §3.1): the one table that differs most between templates.
import type { ColumnDefinition, RowDefinition, RowGroup, TableDefinition } from './table-definition';

const heading = '主动公开政府信息情况';

function article(item: string): RowGroup {
  return { key: `article20-${item}`, number: '', label: `第二十条第（${item}）项` };
}

function block(
  group: RowGroup,
  columns: readonly ColumnDefinition[],
  items: readonly [id: string, label: string][],
): RowDefinition[] {
  return items.map(([id, label]) => ({ id, number: '', label, groups: [group], columns }));
}

function proactiveTable(rows: readonly RowDefinition[]): TableDefinition {
  return { id: 'proactive', section: '二', heading, layout: 'byRow', blankIsError: false, rows };
}

const decisions2021: readonly ColumnDefinition[] = [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }];

export const proactiveTable2021 = proactiveTable([
  ...block(
    article('一'),
    [
      { key: 'issued', label: '本年制发件数', kind: 'count' },
      { key: 'repealed', label: '本年废止件数', kind: 'count' },
      { key: 'inForce', label: '现行有效件数', kind: 'count' },
    ],
    [
      ['regulations', '规章'],
      ['normativeDocuments', '行政规范性文件'],
    ],
  ),
  ...block(article('五'), decisions2021, [['licensing', '行政许可']]),
  ...block(article('六'), decisions2021, [
    ['penalties', '行政处罚'],
    ['coercion', '行政强制'],
  ]),
  ...block(
    article('八'),
    [{ key: 'amount', label: '本年收费金额（单位：万元）', kind: 'amount' }],
    [['fees', '行政事业性收费']],
  ),
]);

const items2019: readonly ColumnDefinition[] = [
  { key: 'previousItems', label: '上一年项目数量', kind: 'count' },
  { key: 'change', label: '本年增/减', kind: 'signedCount' },
  { key: 'decisions', label: '处理决定数量', kind: 'count' },
];

export const proactiveTable2019 = proactiveTable([
  ...block(
    article('一'),
    [
      { key: 'made', label: '本年新制作数量', kind: 'count' },
      { key: 'published', label: '本年新公开数量', kind: 'count' },
      { key: 'totalPublic', label: '对外公开总数量', kind: 'count' },
    ],
    [
      ['regulations', '规章'],
      ['normativeDocuments', '规范性文件'],
    ],
  ),
  ...block(article('五'), items2019, [
    ['licensing', '行政许可'],
    ['otherServices', '其他对外管理服务事项'],
  ]),
  ...block(article('六'), items2019, [
    ['penalties', '行政处罚'],
    ['coercion', '行政强制'],
  ]),
  ...block(article('八'), items2019.slice(0, 2), [['fees', '行政事业性收费']]),
  ...block(
    article('九'),
    [
      { key: 'projects', label: '采购项目数量', kind: 'count' },
      { key: 'amount', label: '采购总金额（单位：万元）', kind: 'amount' },
    ],
    [['procurement', '政府集中采购']],
  ),
]);
