// Any text a report may hold renders to HTML (the part before the browser): never a throw or a hang, never a
// control character in the page, never a script; drafts included, as `render --force` prints them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveReferences } from '../../functions/core/narrative/references';
import { parseReport } from '../../functions/core/report/parse-report';
import { renderReportHtml } from '../../functions/render/render-report-html';
import { hostileJson, sampleWithHostileText } from '../support/hostile-documents';

/** Rendering one document may take this long here; the sample takes a few milliseconds. */
const timeBox = 2_000;

function renderIfParsed(input: unknown): void {
  const parsed = parseReport(input);
  if (!parsed.ok) return;
  const started = performance.now();
  const html = renderReportHtml(resolveReferences(parsed.value), { draft: true });
  expect(performance.now() - started).toBeLessThan(timeBox);
  // No control character but the line breaks and tabs of the template and the bodies: the font slots are filled.
  expect(html).not.toMatch(/(?![\t\n\r])\p{Cc}/u);
  // Markup in the text comes out as text: no script element, no handler attribute, no javascript: link.
  expect(html).not.toMatch(/<script/i);
  expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/i);
}

describe('hostile text, rendered to HTML', () => {
  it('any text in any text field renders or is refused before rendering', () => {
    fc.assert(fc.property(sampleWithHostileText, renderIfParsed), { numRuns: 150 });
  });

  it('any JSON in any part of the sample renders or is refused before rendering', () => {
    fc.assert(fc.property(hostileJson, renderIfParsed), { numRuns: 100 });
  });
});
