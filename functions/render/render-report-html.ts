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
}

function issuedOnText(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function fontSource(fontBaseUrl: string | undefined): string {
  if (fontBaseUrl === undefined) return 'file:';
  return /^https?:\/\//.test(fontBaseUrl) ? new URL(fontBaseUrl).origin : "'self'";
}

/** Where the @font-face rules go in a page from renderReportPage: they depend on the page's own characters. */
const fontFacesSlot = '\u0000font-faces\u0000';

/**
 * Renders the report as HTML with an empty slot for its @font-face rules (fill it with withFontFaces). Render the
 * document with its narrative references already resolved (`resolveReferences`); the text is Markdown, sanitized,
 * and never evaluated as a template.
 */
export function renderReportPage(report: ReportDocument, options: RenderHtmlOptions = {}): string {
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
  return reportTemplate({
    title: meta.title,
    issuer: meta.author,
    subject: meta.subject,
    keywords: meta.keywords.join(','),
    language: meta.language,
    fontSource: fontSource(options.fontBaseUrl),
    css: reportCss,
    draftCss,
    draft: options.draft === true,
    preamble: renderMarkdown(narrative.preamble),
    sections,
    issuedOn: report.issuedOn,
    issuedOnText: issuedOnText(report.issuedOn),
    fontFaces: fontFacesSlot,
  });
}

/** Fills the font slot of a page from renderReportPage. */
export function withFontFaces(page: string, fontFaces: string): string {
  return page.replace(fontFacesSlot, () => fontFaces);
}

/**
 * Renders the report as HTML. Render the document with its narrative references already resolved
 * (`resolveReferences`); the text is Markdown, sanitized, and never evaluated as a template.
 */
export function renderReportHtml(report: ReportDocument, options: RenderHtmlOptions = {}): string {
  const page = renderReportPage(report, options);
  // Declare only the font subsets this page's characters need (CJK fonts come in ~100 subsets per weight):
  // a fifth of the CSS, and a page that ships its fonts copies only these files (fontFilesFor).
  const base = options.fontBaseUrl;
  return withFontFaces(page, fontFiles().css(base === undefined ? undefined : () => base, page));
}

/** The woff2 files an HTML page from renderReportHtml refers to: copy them next to it under its fontBaseUrl. */
export function fontFilesFor(html: string): string[] {
  return fontFiles().files(html);
}
