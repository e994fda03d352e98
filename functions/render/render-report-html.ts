// A report document → one self-contained HTML page (fonts by URL, CSS inline, no script).
import type { ReportDocument } from '../core/report/report-document';
import { fontFiles } from './font-faces';
import { renderMarkdown } from './markdown';
import { reportMetadata } from './report-metadata';
import { chineseNumeral, reportSections } from '../core/format/report-sections';
import { draftCss, reportCss, reportTemplate } from './report-template';
import { tableLayout } from './table-layout';

export interface RenderHtmlOptions {
  /** Marks every page 草稿 (a report printed despite validation errors). */
  readonly draft?: boolean;
  /**
   * Where the page loads its woff2 fonts from, e.g. `/assets/fonts/` on the public site. By default the
   * font files on this machine (file:// URLs), which is what the PDF printer allows and nothing else.
   */
  readonly fontBaseUrl?: string;
  /** @font-face rules to use instead, e.g. the per-report subsets the printer uses (print-fonts.ts). */
  readonly fontFaces?: string;
}

function issuedOnText(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function fontSource(fontBaseUrl: string | undefined): string {
  if (fontBaseUrl === undefined) return 'file:';
  return /^https?:\/\//.test(fontBaseUrl) ? new URL(fontBaseUrl).origin : "'self'";
}

/**
 * Renders the report as HTML. Render the document with its narrative references already resolved
 * (`resolveReferences`); the text is Markdown, sanitized, and never evaluated as a template.
 */
export function renderReportHtml(report: ReportDocument, options: RenderHtmlOptions = {}): string {
  const { narrative } = report;
  const meta = reportMetadata(report);
  const sections = reportSections(report.template).map((section, i) => {
    const id = `section-${i + 1}`;
    if (section.kind === 'table') return { id, number: section.number, heading: section.heading, table: tableLayout(section.table, report.statistics) };
    if (section.field === 'overview') {
      return {
        id, number: section.number, heading: section.heading,
        intro: narrative.overviewIntro ? renderMarkdown(narrative.overviewIntro) : '',
        subsections: narrative.overview.map((sub, k) => ({ number: `（${chineseNumeral(k + 1)}）`, heading: sub.heading, body: renderMarkdown(sub.body) })),
      };
    }
    return { id, number: section.number, heading: section.heading, intro: renderMarkdown(narrative[section.field]), subsections: [] };
  });
  const base = options.fontBaseUrl;
  const context = {
    title: meta.title,
    issuer: meta.author,
    subject: meta.subject,
    keywords: meta.keywords.join(','),
    language: meta.language,
    fontSource: fontSource(base),
    css: reportCss,
    draftCss,
    draft: options.draft === true,
    preamble: renderMarkdown(narrative.preamble),
    sections,
    issuedOn: report.issuedOn,
    issuedOnText: issuedOnText(report.issuedOn),
  };
  // Declare only the font subsets this page's characters need (CJK fonts come in ~100 subsets per weight):
  // a fifth of the CSS, and a page that ships its fonts copies only these files (fontFilesFor).
  if (options.fontFaces !== undefined) return reportTemplate({ ...context, fontFaces: options.fontFaces });
  const page = reportTemplate({ ...context, fontFaces: '' });
  return reportTemplate({ ...context, fontFaces: fontFiles().css(base === undefined ? undefined : () => base, page) });
}

/** The woff2 files an HTML page from renderReportHtml refers to: copy them next to it under its fontBaseUrl. */
export function fontFilesFor(html: string): string[] {
  return fontFiles().files(html);
}
