// Acceptance for the printed report, read back with pdf.js. The shared browser sees no system fonts,
// so everything that prints here prints with the report's own fonts (as on Lambda).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cellsOf, templates } from '../../functions/core/format/templates';
import { readCell } from '../../functions/core/statistics/cells';
import { createPdfPrinter } from '../../functions/adapters/chromium-pdf-printer';
import type { PdfPrinter } from '../../functions/render/pdf-printer';
import { renderReport } from '../../functions/render/render-report';
import { lishi2023, report2019 } from './render-fixtures';
import { isSubsequence, readPdf, type PdfFacts } from './read-pdf';
import { officialHeadings as sectionHeadings } from '../support/official-headings';

const report = lishi2023();
let printer: PdfPrinter;
let pdf: PdfFacts;
let draft: PdfFacts;
let large: PdfFacts;
let old: PdfFacts;
const report19 = report2019();

beforeAll(async () => {
  printer = createPdfPrinter({ browserWSEndpoint: inject('chromiumWsEndpoint') });
  const [normal, forced, of2019] = await Promise.all([
    renderReport(report, printer),
    renderReport(report, printer, { draft: true }),
    renderReport(report19, printer),
  ]);
  pdf = await readPdf(normal.pdf);
  draft = await readPdf(forced.pdf);
  old = await readPdf(of2019.pdf);
  // 三 fits one page as printed; in larger type (13pt) it runs over three, which shows the header repeating.
  large = await readPdf(
    await printer.print(
      normal.html.replace('</head>', '<style>@media print { table { font-size: 13pt !important; } }</style></head>'),
    ),
  );
}, 60_000);

afterAll(() => printer.close());

describe('the printed 2023 fixture', () => {
  it('contains every number of the three tables, in printed order', () => {
    const values = cellsOf(report.template).map((cell) => String(readCell(report.statistics, cell.path)));
    expect(isSubsequence(values, pdf.numbers)).toEqual({ ok: true, missingAt: values.length });
  });

  it('contains every section heading, and the outline has the six sections', () => {
    const text = pdf.pages.join('');
    for (const heading of sectionHeadings) expect(text.includes(heading), heading).toBe(true);
    for (const heading of sectionHeadings) expect(pdf.outline, heading).toContain(heading);
  });

  it('numbers every page 第 N 页 共 M 页', () => {
    const total = pdf.pages.length;
    expect(total).toBeGreaterThan(2);
    pdf.pages.forEach((text, i) => expect(text.includes(`第${i + 1}页共${total}页`), `page ${i + 1}`).toBe(true));
  });

  it('repeats the header of 三 on every page it continues on, and splits no row', () => {
    const rows = templates['2021'].tables[1]!.rows;
    const pageOf = (text: string) => large.pages.findIndex((t) => t.includes(text));
    const start = pageOf(rows[0]!.number + rows[0]!.label);
    const end = pageOf(rows.at(-1)!.number + rows.at(-1)!.label);
    expect(end).toBeGreaterThan(start);
    for (let p = start; p <= end; p++) expect(large.pages[p]!.includes('申请人情况'), `page ${p + 1}`).toBe(true);
    // A row's label is found whole on one page.
    for (const row of rows) expect(pageOf(row.label.replace(/\s+/g, '')), row.label).toBeGreaterThanOrEqual(0);
  });

  it('embeds only the report fonts, as CID TrueType, no Type 3', () => {
    expect(pdf.type3).toBe(false);
    expect(pdf.baseFonts.length).toBeGreaterThan(0);
    for (const name of pdf.baseFonts) expect(name).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)SC/);
    expect(pdf.raw.includes('/CIDFontType2')).toBe(true);
    expect(pdf.raw.includes('/FontFile2')).toBe(true);
  });

  it('is tagged, in zh-CN, with title, author, subject and keywords', () => {
    expect(pdf.marked).toBe(true);
    expect(pdf.raw.includes('/StructTreeRoot')).toBe(true);
    expect(pdf.raw.includes('/Lang (zh-CN)')).toBe(true);
    expect(pdf.info).toMatchObject({ Title: report.title, Author: report.agency.issuer });
    expect(String(pdf.info.Subject)).toContain('政府信息公开工作年度报告');
    expect(String(pdf.info.Keywords)).toContain(report.agency.name);
  });

  it('prints a 2019-template report too: every number, six sections, page numbers', () => {
    const values = cellsOf('2019').map((cell) => String(readCell(report19.statistics, cell.path)));
    expect(isSubsequence(values, old.numbers)).toEqual({ ok: true, missingAt: values.length });
    for (const heading of sectionHeadings) expect(old.outline, heading).toContain(heading);
    old.pages.forEach((text, i) =>
      expect(text.includes(`第${i + 1}页共${old.pages.length}页`), `page ${i + 1}`).toBe(true),
    );
  });

  it('marks every page of a forced print as a draft', () => {
    expect(draft.pages.length).toBeGreaterThan(0);
    draft.pages.forEach((text, i) => expect(text.includes('草稿'), `page ${i + 1}`).toBe(true));
    expect(pdf.pages.some((text) => text.includes('草稿'))).toBe(false);
  });
});
