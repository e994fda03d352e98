// 四、政府信息公开行政复议、行政诉讼情况 (spec §3.3): the same in both templates.
import type { ColumnDefinition, TableDefinition } from './table-definition';

const outcomeColumns: readonly ColumnDefinition[] = [
  { key: 'upheld', label: '结果维持', kind: 'count' },
  { key: 'corrected', label: '结果纠正', kind: 'count' },
  { key: 'other', label: '其他结果', kind: 'count' },
  { key: 'pending', label: '尚未审结', kind: 'count' },
  { key: 'total', label: '总计', kind: 'count' },
];

const litigation = { key: 'litigation', number: '', label: '行政诉讼' };

export const reviewLitigationTable: TableDefinition = {
  id: 'reviewLitigation',
  section: '四',
  heading: '政府信息公开行政复议、行政诉讼情况',
  layout: 'byGroup',
  blankIsError: true,
  rows: [
    { id: 'review', number: '', label: '行政复议', groups: [], columns: outcomeColumns },
    { id: 'litigationDirect', number: '', label: '未经复议直接起诉', groups: [litigation], columns: outcomeColumns },
    { id: 'litigationAfterReview', number: '', label: '复议后起诉', groups: [litigation], columns: outcomeColumns },
  ],
};
