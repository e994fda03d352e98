// 三、收到和处理政府信息公开申请情况 (spec §3.2). Both templates share it but for （六）其他处理.
import type { ColumnDefinition, RowDefinition, RowGroup, TableDefinition } from './table-definition';

const organisation = '法人或其他组织';

export const applicantColumns: readonly ColumnDefinition[] = [
  { key: 'naturalPerson', label: '自然人', kind: 'count' },
  { key: 'commercial', label: '商业企业', group: organisation, kind: 'count' },
  { key: 'research', label: '科研机构', group: organisation, kind: 'count' },
  { key: 'publicInterest', label: '社会公益组织', group: organisation, kind: 'count' },
  { key: 'legalService', label: '法律服务机构', group: organisation, kind: 'count' },
  { key: 'other', label: '其他', group: organisation, kind: 'count' },
  { key: 'total', label: '总计', kind: 'count' },
];

/** The group of every 办理结果 row; rule R3 sums the rows inside it. */
export const resultsGroup: RowGroup = { key: 'results', number: '三、', label: '本年度办理结果' };

type RowSpec = readonly [id: string, number: string, label: string];

function rows(groups: readonly RowGroup[], specs: readonly RowSpec[]): RowDefinition[] {
  return specs.map(([id, number, label]) => ({ id, number, label, groups, columns: applicantColumns }));
}

function subgroup(key: string, number: string, label: string, items: readonly RowSpec[]): RowDefinition[] {
  return rows([resultsGroup, { key, number, label }], items);
}

export function applicationsTable(otherHandling: readonly RowDefinition[]): TableDefinition {
  return {
    id: 'applications',
    section: '三',
    heading: '收到和处理政府信息公开申请情况',
    note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    columnsHeading: '申请人情况',
    layout: 'byRow',
    blankIsError: true,
    rows: [
      ...rows(
        [],
        [
          ['received', '一、', '本年新收政府信息公开申请数量'],
          ['carriedOver', '二、', '上年结转政府信息公开申请数量'],
        ],
      ),
      ...rows(
        [resultsGroup],
        [
          ['granted', '（一）', '予以公开'],
          ['partiallyGranted', '（二）', '部分公开（区分处理的，只计这一情形，不计其他情形）'],
        ],
      ),
      ...subgroup('denied', '（三）', '不予公开', [
        ['denied.stateSecret', '1.', '属于国家秘密'],
        ['denied.prohibitedByLaw', '2.', '其他法律行政法规禁止公开'],
        ['denied.endangersSecurity', '3.', '危及“三安全一稳定”'],
        ['denied.thirdPartyRights', '4.', '保护第三方合法权益'],
        ['denied.internalAffairs', '5.', '属于三类内部事务信息'],
        ['denied.processInformation', '6.', '属于四类过程性信息'],
        ['denied.enforcementFiles', '7.', '属于行政执法案卷'],
        ['denied.administrativeQuery', '8.', '属于行政查询事项'],
      ]),
      ...subgroup('unavailable', '（四）', '无法提供', [
        ['unavailable.notHeld', '1.', '本机关不掌握相关政府信息'],
        ['unavailable.needsCreation', '2.', '没有现成信息需要另行制作'],
        ['unavailable.unclearAfterCorrection', '3.', '补正后申请内容仍不明确'],
      ]),
      ...subgroup('notProcessed', '（五）', '不予处理', [
        ['notProcessed.complaint', '1.', '信访举报投诉类申请'],
        ['notProcessed.repeated', '2.', '重复申请'],
        ['notProcessed.publication', '3.', '要求提供公开出版物'],
        ['notProcessed.excessive', '4.', '无正当理由大量反复申请'],
        ['notProcessed.confirmation', '5.', '要求行政机关确认或重新出具已获取信息'],
      ]),
      ...otherHandling,
      ...rows([resultsGroup], [['resultsTotal', '（七）', '总计']]),
      ...rows([], [['carriedForward', '四、', '结转下年度继续办理']]),
    ],
  };
}

/** 2021: （六）其他处理 has three items. */
export const otherHandlingItems2021 = subgroup('otherHandling', '（六）', '其他处理', [
  ['otherHandling.overdueCorrection', '1.', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['otherHandling.unpaidFee', '2.', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['otherHandling.other', '3.', '其他'],
]);

/** 2019: （六）其他处理 is a single row. */
export const otherHandlingRow2019 = rows([resultsGroup], [['otherHandling', '（六）', '其他处理']]);
