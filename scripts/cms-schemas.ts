// The CMS's content types (Strapi 5 schema files), generated from the editable fields of the format
// (functions/core/format/editable-fields.ts): what an editor can type is what a report document can hold.
// `npm run build:cms-schemas` writes them; tests/cms/cms-schemas.test.ts fails when the files and the format differ.
import { agencyCodeMaxLength, agencyCodePattern, firstReportYear, lastReportYear } from '../functions/core/identifiers';
import {
  agencyFieldDefinitions,
  agencyLevels,
  narrativeFieldDefinitions,
  reportEntryFieldDefinitions,
  type TextFieldDefinition,
} from '../functions/core/format/editable-fields';
import { templates } from '../functions/core/format/templates';

type Attribute = Record<string, unknown>;

const overviewComponent = 'report.overview-section';

const labelsOf = (fields: Record<string, { readonly label: string }>) =>
  Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.label]));

function textAttribute(field: TextFieldDefinition): Attribute {
  // Bodies are Markdown (the renderer's input); names and headings are one line.
  return {
    type: field.kind === 'body' ? 'richtext' : 'string',
    required: field.required,
    maxLength: field.maxLength,
  };
}

function narrativeAttributes(): Record<string, Attribute> {
  return Object.fromEntries(
    Object.entries(narrativeFieldDefinitions).map(([name, field]): [string, Attribute] => [
      name,
      field.kind === 'sections'
        ? {
            type: 'component',
            repeatable: true,
            component: overviewComponent,
            required: field.required,
            min: 1,
            max: field.maxSections,
          }
        : textAttribute(field),
    ]),
  );
}

function agencyAttributes(): Record<string, Attribute> {
  const { code, name, issuer, consolidated } = agencyFieldDefinitions;
  return {
    code: {
      type: 'string',
      required: code.required,
      unique: true,
      maxLength: agencyCodeMaxLength,
      regex: agencyCodePattern.source,
    },
    name: textAttribute(name),
    issuer: textAttribute(issuer),
    consolidated: { type: 'boolean', default: false, required: consolidated.required },
    level: { type: 'enumeration', enum: Object.keys(agencyLevels) },
    region: { type: 'string', maxLength: name.maxLength },
    parent: { type: 'relation', relation: 'manyToOne', target: 'api::agency.agency' },
    reports: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'api::annual-report.annual-report',
      mappedBy: 'agency',
    },
  };
}

function reportAttributes(): Record<string, Attribute> {
  const { title, issuedOn, changeNote } = reportEntryFieldDefinitions;
  return {
    title: textAttribute(title),
    agency: { type: 'relation', relation: 'manyToOne', target: 'api::agency.agency', inversedBy: 'reports' },
    // The template follows from the year (functions/core/statistics/template-for-year.ts).
    year: { type: 'integer', required: true, min: firstReportYear, max: lastReportYear },
    ...narrativeAttributes(),
    issuedOn: { type: 'date', required: issuedOn.required },
    changeNote: textAttribute(changeNote),
  };
}

const templateYears = Object.values(templates)
  .map((t) => `${t.years.from}–${t.years.to ?? ''}: ${t.source}`)
  .join('; ');

/** Each generated file, by its path under cms/. */
export function cmsSchemas(): Record<string, unknown> {
  const { heading, body } = narrativeFieldDefinitions.overview;
  return {
    'src/api/agency/content-types/agency/schema.json': {
      kind: 'collectionType',
      collectionName: 'agencies',
      info: {
        singularName: 'agency',
        pluralName: 'agencies',
        displayName: '发布机关',
        description: '发布年报的行政机关：代码、名称、发布单位、层级、地区',
      },
      options: { draftAndPublish: false },
      pluginOptions: {},
      attributes: agencyAttributes(),
    },
    'src/api/annual-report/content-types/annual-report/schema.json': {
      kind: 'collectionType',
      collectionName: 'annual_reports',
      info: {
        singularName: 'annual-report',
        pluralName: 'annual-reports',
        displayName: '政府信息公开工作年度报告',
        description: `正文部分；统计表在 DynamoDB。模板按年度确定（${templateYears}）。发布 = 审核通过。`,
      },
      options: { draftAndPublish: true },
      pluginOptions: {},
      attributes: reportAttributes(),
    },
    // What the CMS's own code needs of the format to turn an entry into a narrative (cms/src/nianbao/).
    'src/nianbao/report-format.json': {
      narrativeFields: Object.fromEntries(Object.entries(narrativeFieldDefinitions).map(([n, f]) => [n, f.kind])),
      agencyFields: Object.keys(agencyFieldDefinitions),
      templates: Object.values(templates).map((t) => ({ id: t.id, from: t.years.from, to: t.years.to ?? null })),
      // What the admin calls each field (cms/src/nianbao/field-labels.ts applies them at start).
      labels: {
        'api::annual-report.annual-report': {
          agency: '发布机关',
          year: '年度',
          ...labelsOf(narrativeFieldDefinitions),
          ...labelsOf(reportEntryFieldDefinitions),
        },
        'api::agency.agency': {
          ...labelsOf(agencyFieldDefinitions),
          level: '层级',
          region: '地区',
          parent: '上级机关',
        },
        [overviewComponent]: labelsOf({ heading, body }),
      },
    },
    'src/components/report/overview-section.json': {
      collectionName: 'components_report_overview_sections',
      info: { displayName: '总体情况分节', description: '一、总体情况的一个分节：（一）（二）… 由模板编号' },
      options: {},
      attributes: { heading: textAttribute(heading), body: textAttribute(body) },
    },
  };
}
