// A report document → one self-contained HTML page (fonts by URL, CSS inline, no script).
import type { ReportDocument } from '../core/report/report-document';
import { distinctCharacters } from './distinct-characters';
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

/** The CSP font-src for a page whose fonts load from `fontBaseUrl` (undefined: this machine's files). */
export function fontSource(fontBaseUrl: string | undefined): string {
  if (fontBaseUrl === undefined) return 'file:';
  return /^https?:\/\//.test(fontBaseUrl) ? new URL(fontBaseUrl).origin : "'self'";
}

/** A report rendered once, fonts still open: the same page is printed (local subsets) and published (woff2 by URL). */
export interface ReportPage {
  /**
   * The template's parameters except the fonts. The fonts go in through the template's own parameters (withFonts),
   * never by replacing a marker in rendered text, so no report text can stand in for them. Plain data (JSON).
   */
  readonly content: ReportPageContent;
  /** Every character of the page, each once, in code point order: what its fonts must cover. */
  readonly characters: readonly string[];
}

/** What the page shows, as the report template takes it (templates/report.hbs), without its CSS and fonts. */
export type ReportPageContent = Readonly<ReturnType<typeof pageContent>>;

/** The fonts of a page: the CSP's font-src and the @font-face rules. */
export interface PageFonts {
  readonly source: string;
  readonly faces: string;
}

/**
 * Renders the report as HTML with its fonts left open (fill them with withFonts). Render the document with its
 * narrative references already resolved (`resolveReferences`); the text is Markdown, sanitized, and never evaluated
 * as a template.
 */
export function renderReportPage(report: ReportDocument, options: Pick<RenderHtmlOptions, 'draft'> = {}): ReportPage {
  const content = pageContent(report, options);
  // The characters of the page without fonts: the font rules add none that the page's fonts must draw.
  return { content, characters: distinctCharacters(withFonts({ content, characters: [] }, { source: '', faces: '' })) };
}

function pageContent(report: ReportDocument, options: Pick<RenderHtmlOptions, 'draft'>) {
  const { narrative } = report;
  const meta = reportMetadata(report);
  const sections = reportSections(report.template).map((section, i) => {
    const id = `section-${i + 1}`;
    if (section.kind === 'table')
      return {
        id,
        number: section.number,
        heading: section.heading,
        table: tableLayout(section.table, report.statistics),
      };
    if (section.field === 'overview') {
      return {
        id,
        number: section.number,
        heading: section.heading,
        intro: narrative.overviewIntro ? renderMarkdown(narrative.overviewIntro) : '',
        subsections: narrative.overview.map((sub, k) => ({
          number: `（${chineseNumeral(k + 1)}）`,
          heading: sub.heading,
          body: renderMarkdown(sub.body),
        })),
      };
    }
    return {
      id,
      number: section.number,
      heading: section.heading,
      intro: renderMarkdown(narrative[section.field]),
      subsections: [],
    };
  });
  return {
    title: meta.title,
    issuer: meta.author,
    subject: meta.subject,
    keywords: meta.keywords.join(','),
    language: meta.language,
    draft: options.draft === true,
    preamble: renderMarkdown(narrative.preamble),
    sections,
    issuedOn: report.issuedOn,
    issuedOnText: report.issuedOn === undefined ? '' : issuedOnText(report.issuedOn),
  };
}

/** The page's HTML with its CSS and fonts: the CSP's font-src and the @font-face rules. */
export function withFonts(page: ReportPage, fonts: PageFonts): string {
  // Ours last: the page's content (plain data, maybe from JSON) can never stand in for them.
  const fontParameters = { fontSource: fonts.source, fontFaces: fonts.faces };
  return reportTemplate({ ...page.content, css: reportCss, draftCss, ...fontParameters });
}

/**
 * The page as the public reads it, fonts by URL under `fontBaseUrl` (default: this machine's files), and the woff2
 * files it refers to, to copy there. Only the subsets the page's characters need are declared (CJK fonts come in
 * ~100 subsets per weight): a fifth of the CSS and of the files.
 */
export function renderWebPage(
  page: ReportPage,
  fontBaseUrl?: string,
): { readonly html: string; readonly fontFiles: readonly string[] } {
  const fonts = fontFiles();
  const faces = fonts.css(fontBaseUrl === undefined ? undefined : () => fontBaseUrl, page.characters);
  return { html: withFonts(page, { source: fontSource(fontBaseUrl), faces }), fontFiles: fonts.files(page.characters) };
}

/**
 * Renders the report as public HTML. Render the document with its narrative references already resolved
 * (`resolveReferences`); the text is Markdown, sanitized, and never evaluated as a template.
 */
export function renderReportHtml(report: ReportDocument, options: RenderHtmlOptions = {}): string {
  return renderWebPage(renderReportPage(report, options), options.fontBaseUrl).html;
}
