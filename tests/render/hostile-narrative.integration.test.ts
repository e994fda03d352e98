// Editor text is hostile until proven otherwise: nothing in it may run, load, or be read as a template.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPdfPrinter } from '../../functions/adapters/chromium-pdf-printer';
import type { PdfPrinter } from '../../functions/render/pdf-printer';
import { renderReport } from '../../functions/render/render-report';
import { renderReportHtml } from '../../functions/render/render-report-html';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { lishi2023 } from './render-fixtures';
import { readPdf } from './read-pdf';

let server: Server;
let base = '';
const hits: string[] = [];
const blocked: string[] = [];
let printer: PdfPrinter;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  printer = createPdfPrinter({
    browserWSEndpoint: inject('chromiumWsEndpoint'),
    onBlockedRequest: (url) => blocked.push(url),
  });
});

afterAll(async () => {
  await printer.close();
  await new Promise((resolve) => server.close(resolve));
});

function hostile(): ReportDocument {
  const report = lishi2023();
  const attack = [
    `<script>fetch('${base}/script')</script>`,
    `<img src="${base}/img" onerror="fetch('${base}/onerror')">`,
    `![pic](${base}/markdown-image)`,
    `[点我](javascript:alert(1)) <a href="javascript:alert(2)">链接</a>`,
    `<iframe src="${base}/iframe"></iframe>`,
    `<link rel="stylesheet" href="${base}/css"><style>@import url(${base}/import);</style>`,
    `<svg onload="fetch('${base}/svg')"></svg> <object data="${base}/object"></object>`,
    '{{#each statistics}}模板{{/each}} {{{agency.issuer}}}',
  ].join('\n\n');
  return {
    ...report,
    narrative: {
      ...report.narrative,
      problems: attack,
      overview: [{ heading: `<img src=${base}/heading>`, body: attack }],
    },
  };
}

describe('a hostile narrative', () => {
  it('comes out as escaped text, with no script, handler, frame or javascript: link', () => {
    const html = renderReportHtml(hostile());
    expect(/<(script|iframe|img|svg|object|link)\b/i.exec(html)?.[0]).toBeUndefined();
    expect(/<[a-z][^>]*\son\w+=/i.exec(html)?.[0]).toBeUndefined();
    expect(/<a [^>]*href="(?!https?:|mailto:)/i.exec(html)?.[0]).toBeUndefined();
    expect(html.includes('&lt;script&gt;')).toBe(true);
    expect(html.includes('{{#each statistics}}模板{{/each}}')).toBe(true);
  });

  it('prints without running or fetching anything, the text shown literally', async () => {
    const { pdf } = await renderReport(hostile(), printer);
    const text = (await readPdf(pdf)).pages.join('');
    expect(text.includes('<script>fetch(')).toBe(true);
    // Whitespace is removed from the PDF text: the Handlebars syntax is there, as typed, and did nothing.
    expect(text.includes('{{#eachstatistics}}模板{{/each}}{{{agency.issuer}}}')).toBe(true);
    expect(hits).toEqual([]);
  });

  it('is contained by the page even when the sanitizer is bypassed', async () => {
    blocked.length = 0;
    const html = `<!DOCTYPE html><html lang="zh-CN"><head><title>t</title><link rel="stylesheet" href="${base}/raw-css"></head><body>
      <img src="${base}/raw-img"><img src="file:///etc/passwd"><iframe src="${base}/raw-iframe"></iframe>
      <script>document.title = 'ran'; fetch('${base}/raw-script')</script><p style="background:url(${base}/raw-bg)">x</p></body></html>`;
    const pdf = await printer.print(html);
    expect(hits).toEqual([]);
    expect(blocked).toEqual(expect.arrayContaining([`${base}/raw-img`, 'file:///etc/passwd']));
    expect((await readPdf(pdf)).pages.join('')).not.toContain('ran');
  });
});
