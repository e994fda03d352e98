// Every real report of the shared corpus, printed by the shared test browser (drafts, as `render --force`,
// when they have validation errors), looks finished: no page is more than half empty except the last, and
// column headers do not break inside a word (自然/人).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reportSections } from '../../functions/core/format/report-sections';
import { templates } from '../../functions/core/format/templates';
import { parseReport } from '../../functions/core/report/parse-report';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { validateReport } from '../../functions/core/rules/validate-report';
import { createPdfPrinter } from '../../functions/adapters/chromium-pdf-printer';
import type { PdfPrinter } from '../../functions/render/pdf-printer';
import { renderReport } from '../../functions/render/render-report';
import { pageFills, type PageFill } from './page-fill';
import { lishi2023 } from './render-fixtures';
import { corpusCases } from '../support/report-corpus';

function parseCorpusReport(document: unknown, name: string): ReportDocument {
  const parsed = parseReport(document);
  if (parsed.ok) return parsed.value;
  throw new Error(`${name}: ${parsed.error.map((f) => `${f.location}: ${f.message.en}`).join('; ')}`);
}

/** Pages allowed to be more than half empty: the last. (No section of the official layout starts a page.) */
const mayBeShort = (index: number, pages: readonly PageFill[]) => index === pages.length - 1;

const cases = corpusCases().map(({ name, document }) => ({ file: `${name}.json`, document }));
const files = cases.map((c) => c.file);
const printed = new Map<string, { report: ReportDocument; pages: PageFill[] }>();
let printer: PdfPrinter;

beforeAll(async () => {
  printer = createPdfPrinter({ browserWSEndpoint: inject('chromiumWsEndpoint'), concurrency: 2 });
  await Promise.all(
    cases.map(async ({ file, document }) => {
      const report = parseCorpusReport(document, file);
      const draft = validateReport(report).errors > 0;
      const { pdf } = await renderReport(report, printer, { draft });
      printed.set(file, { report, pages: await pageFills(pdf) });
    }),
  );
}, 120_000);

afterAll(() => printer.close());

describe('the printed corpus', () => {
  it('has reports of both templates', () => {
    expect(cases.length).toBeGreaterThan(0);
    const used = new Set([...printed.values()].map((p) => p.report.template));
    expect([...used].sort()).toEqual(['2019', '2021']);
  });

  it.each(files)('%s: no page but the last is more than half empty', (file) => {
    const { pages } = printed.get(file)!;
    const fills = pages.map((p) => Math.round(p.fill * 100));
    console.log(`${file}: page fill % ${fills.join(' ')}`);
    const short = pages.flatMap((p, i) =>
      p.fill < 0.5 && !mayBeShort(i, pages) ? [`page ${i + 1}: ${fills[i]}%`] : [],
    );
    expect(short).toEqual([]);
  });

  it.each(files)('%s: no page ends with a section heading', (file) => {
    const { report, pages } = printed.get(file)!;
    const headings = reportSections(report.template).map((s) => `${s.number}、${s.heading}`);
    // The last line in the page's content box: page numbers and 草稿 are in the margins.
    const alone = pages.flatMap((p, i) => (headings.includes(p.lastLine) ? [`page ${i + 1}: ${p.lastLine}`] : []));
    expect(alone).toEqual([]);
  });

  it.each(files)('%s: a title on two lines breaks into balanced lines, no orphan character', (file) => {
    const { report, pages } = printed.get(file)!;
    const title = report.title.replace(/\s+/g, '');
    const lines = pages[0]!.lines;
    const first = lines.findIndex((line) => line.length > 0 && title.startsWith(line));
    const titleLines: string[] = [];
    for (let i = first; i >= 0 && titleLines.join('').length < title.length; i++) titleLines.push(lines[i]!);
    expect(titleLines.join('')).toBe(title);
    const lengths = titleLines.map((line) => line.length);
    expect(Math.min(...lengths), titleLines.join(' / ')).toBeGreaterThanOrEqual(0.4 * Math.max(...lengths));
  });

  it.each(files)('%s: each 第二十条 item block of 二 is on one page', (file) => {
    const { report, pages } = printed.get(file)!;
    const rows = templates[report.template].tables.find((t) => t.id === 'proactive')!.rows;
    const blocks = [...new Set(rows.map((r) => r.groups[0]!.label))];
    for (const block of blocks) {
      // The block's title is a line of its own; its rows follow it on the same page.
      const page = pages.findIndex((p) => p.lines.includes(block));
      expect(page, block).toBeGreaterThanOrEqual(0);
      const after = pages[page]!.lines.slice(pages[page]!.lines.indexOf(block) + 1).join('');
      for (const row of rows.filter((r) => r.groups[0]!.label === block)) {
        expect(after, `${block} ${row.label}`).toContain(row.label);
      }
    }
  });

  it.each(files)('%s: every column header word is on one line', (file) => {
    const { report, pages } = printed.get(file)!;
    const lines = pages.flatMap((p) => p.lines);
    const tables = templates[report.template].tables;
    const labels = tables.flatMap((t) => t.rows.flatMap((r) => r.columns.map((c) => c.label)));
    // A header may break at its punctuation (本年收费金额 / （单位：万元）), not inside the words between.
    const words = [...new Set(labels.flatMap((label) => label.split(/[（）：、/]/)).filter((w) => w.length > 1))];
    const broken = words.filter((word) => !lines.some((line) => line.includes(word)));
    expect(broken).toEqual([]);
  });
});

describe('三 starting anywhere on a page', () => {
  // The 2023 fixture with space pushed in before 三, so that it starts ever lower on its page.
  const offsets = [0, 40, 80, 120, 160];
  const fills = new Map<number, PageFill[]>();

  beforeAll(async () => {
    const { html } = await renderReport(lishi2023(), printer);
    for (const mm of offsets) {
      const style = `<style>@media print { section:has(.t-applications) { margin-top: ${mm}mm } }</style>`;
      fills.set(mm, await pageFills(await printer.print(html.replace('</head>', `${style}</head>`))));
    }
  }, 60_000);

  it.each(offsets)('%i mm lower: no page but the last is half empty, and no row of 三 is split', (mm) => {
    const pages = fills.get(mm)!;
    const short = pages.flatMap((p, i) => (p.fill < 0.5 && !mayBeShort(i, pages) ? [`page ${i + 1}`] : []));
    expect(short, pages.map((p) => Math.round(p.fill * 100)).join(' ')).toEqual([]);
    const rows = templates['2021'].tables.find((t) => t.id === 'applications')!.rows;
    const split = rows.filter((row) => !pages.some((p) => p.text.includes(row.label.replace(/\s+/g, ''))));
    expect(split.map((row) => row.label)).toEqual([]);
  });
});
