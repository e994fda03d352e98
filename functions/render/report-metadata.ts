// What a report says about itself: the HTML <title>/<meta> and the PDF document information come from here.
import { templates } from '../core/format/templates';
import type { ReportDocument } from '../core/report/report-document';

export interface DocumentMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly language: string;
}

export function reportMetadata(report: ReportDocument): DocumentMetadata {
  return {
    title: report.title,
    author: report.agency.issuer,
    subject: `${report.agency.name}${report.year}年政府信息公开工作年度报告（${templates[report.template].source}格式）`,
    keywords: ['政府信息公开', '年度报告', `${report.year}年`, report.agency.name],
    language: 'zh-CN',
  };
}
