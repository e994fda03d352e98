// What an editor fills in for a report, as data: the agency, the narrative fields of the template (spec §2), the
// issue date and a correction's change note. The CMS's content types are generated from this (scripts/
// generate-cms-schemas.ts), and `satisfies` below stops the build when the report document gains a field this list
// does not name.
import type { Agency, Narrative } from '../report/report-document';
import { reportLimits, type TextFieldKind } from '../report/limits';
import { narrativeSection } from './report-sections';

/** Any editable field: what it holds and how the CMS labels it. */
interface FieldDefinition {
  readonly kind: string;
  readonly label: string;
  readonly required: boolean;
}

export interface TextFieldDefinition extends FieldDefinition {
  readonly kind: Extract<TextFieldKind, 'title' | 'name' | 'heading' | 'body'>;
  readonly maxLength: number;
}

export interface SectionsFieldDefinition extends FieldDefinition {
  readonly kind: 'sections';
  readonly maxSections: number;
  readonly heading: TextFieldDefinition;
  readonly body: TextFieldDefinition;
}

const text = (kind: TextFieldDefinition['kind'], label: string, required = true): TextFieldDefinition => ({
  kind,
  label,
  required,
  maxLength: reportLimits.fieldChars[kind],
});

const sectionLabel = (field: 'overview' | 'problems' | 'otherMatters') => {
  const { number, heading } = narrativeSection(field);
  return `${number}、${heading}`;
};

/** The narrative, field by field; bodies are Markdown. */
export const narrativeFieldDefinitions = {
  preamble: text('body', '引言'),
  overviewIntro: text('body', `${sectionLabel('overview')}（导语）`, false),
  overview: {
    kind: 'sections',
    label: `${sectionLabel('overview')}（分节：（一）（二）…）`,
    required: true,
    maxSections: reportLimits.overviewSections,
    heading: text('heading', '小标题'),
    body: text('body', '正文'),
  },
  problems: text('body', sectionLabel('problems')),
  otherMatters: text('body', sectionLabel('otherMatters')),
} as const satisfies Record<keyof Narrative, TextFieldDefinition | SectionsFieldDefinition>;

/** The agency as the report names it. */
export const agencyFieldDefinitions = {
  code: { kind: 'code', label: '机关代码', required: true },
  name: text('name', '机关名称'),
  issuer: text('name', '发布单位'),
  consolidated: { kind: 'boolean', label: '本级政府汇总年报（3月31日前发布）', required: false },
} as const satisfies Record<keyof Agency, FieldDefinition>;

/** Where an agency sits, for the public archive's grouping; not part of the report document. */
export const agencyLevels = {
  central: '中央国家机关',
  provincial: '省级',
  municipal: '市级',
  county: '县级',
  township: '乡镇（街道）',
} as const;

/** Fields of a report's entry beside its narrative. */
export const reportEntryFieldDefinitions = {
  title: text('title', '标题（留空：机关名称 + 年度 + 政府信息公开工作年度报告）', false),
  issuedOn: { kind: 'date', label: '成文日期', required: false },
  changeNote: text('body', '更正说明（更正已发布的年报时填写）', false),
} as const satisfies Record<string, FieldDefinition>;
