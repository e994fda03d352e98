// The page's fonts go in through the template's parameters: no report text can take their place (issue 10, point 3).
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { renderReportPage, renderWebPage, withFonts } from '../../functions/render/render-report-html';
import { lishi2023 } from './render-fixtures';

// The markers the page used to be filled at, and look-alikes: typed into every metadata field, parsing bypassed.
const markers = ['\u0000font-faces\u0000', '\u0000font-src\u0000', '{{{fontFaces}}}', '{{fontSource}}'];

function forged(): ReportDocument {
  const report = lishi2023();
  const text = markers.join(' ');
  return {
    ...report,
    title: `标题${text}`,
    agency: { ...report.agency, name: `机关${text}`, issuer: `发布机关${text}` },
  };
}

/** The text of every element named `tag`. */
const elements = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

describe('font slots', () => {
  it('a title, agency or issuer holding the old markers leaves the fonts where the template puts them', () => {
    const { html } = renderWebPage(renderReportPage(forged()), '/fonts/');
    const [fontStyle, ...otherStyles] = elements(html, 'style');
    expect(fontStyle).toMatch(/^@font-face\s*\{/);
    expect(otherStyles.join('')).not.toContain('@font-face');
    expect(elements(html, 'title')[0]).not.toContain('@font-face');
    expect(html.match(/@font-face/g)?.length).toBe(fontStyle!.match(/@font-face/g)?.length);
    expect(html).toMatch(/font-src (&#x27;|')self(&#x27;|');/);
    // The forged text is printed as text, where it was typed.
    expect(elements(html, 'h1')[0]).toContain('标题');
    expect(elements(html, 'footer')[0]).toContain('发布机关');
  });

  it('the fonts are whatever withFonts is given, once each, whatever the report says', () => {
    const page = renderReportPage(forged());
    const html = withFonts(page, { source: 'FONT-SOURCE', faces: 'FONT-FACES' });
    expect(html.split('FONT-FACES')).toHaveLength(2);
    expect(html.split('FONT-SOURCE')).toHaveLength(2);
    expect(html).toContain('<style>FONT-FACES</style>');
    expect(html).toContain('font-src FONT-SOURCE;');
  });

  it('the page is plain data: it survives JSON', () => {
    const page = renderReportPage(lishi2023());
    const fonts = { source: 'file:', faces: '' };
    expect(withFonts(JSON.parse(JSON.stringify(page)), fonts)).toBe(withFonts(page, fonts));
  });
});
