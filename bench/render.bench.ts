// npm run bench:render — how fast the sample report prints, against the floor and the naive way.
// ours:   renderReport (HTML from the document, its font subsets, guarded page, PDF, document info) on a warm
//         browser; each run a report with a character of its own, so font subsetting is always paid
// floor:  the same HTML, bare: new page, open the file:// origin (needed for the fonts), setContent, page.pdf
// naive:  ours, but launching a fresh browser for each report
// weasyprint: the same HTML file, when `weasyprint` is on PATH
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveReferences } from '../functions/core/narrative/references';
import { parseReport } from '../functions/core/report/parse-report';
import { launchChromium } from '../functions/adapters/launch-chromium';
import { createPdfPrinter, pdfOptions, printOriginUrl } from '../functions/adapters/chromium-pdf-printer';
import { renderPrintHtml, renderReport } from '../functions/render/render-report';
import { renderReportPage } from '../functions/render/render-report-html';

const runs = Number(process.env.RUNS ?? 15);
const loadAtStart = loadavg();
const parsed = parseReport(JSON.parse(readFileSync(new URL('../samples/lishi-2023.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('the fixture does not parse');
const report = parsed.value;
const html = await renderPrintHtml(renderReportPage(resolveReferences(report)));

/** The sample with a character no other run has: every print then subsets its fonts anew, as a new report does. */
let variants = 0;
const variant = (): typeof report => {
  const own = String.fromCharCode(0x5000 + variants++);
  return { ...report, title: `${report.title}${own}` };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

const browser = await launchChromium();
const wsEndpoint = browser.wsEndpoint();
const printer = createPdfPrinter({ browserWSEndpoint: wsEndpoint, concurrency: 1 });
const origin = printOriginUrl();

async function floor(printed = html): Promise<void> {
  const page = await browser.newPage();
  await page.goto(origin);
  await page.setContent(printed, { waitUntil: 'load' });
  await page.pdf(pdfOptions);
  await page.close();
}

async function naive(): Promise<void> {
  const fresh = createPdfPrinter({ concurrency: 1 });
  await renderReport(report, fresh);
  await fresh.close();
}

const pages = (await renderReport(report, printer)).pdf;
for (let i = 0; i < 3; i++) {
  await renderReport(report, printer);
  await floor();
}
const ours: number[] = [];
const floors: number[] = [];
for (let i = 0; i < runs; i++) {
  // Interleaved, so both see the same machine; each run a new report (font subsets made anew), the floor
  // printing the HTML of another such report, made beforehand.
  const fresh = variant();
  const printed = await renderPrintHtml(renderReportPage(resolveReferences(fresh)));
  const again = variant();
  ours.push(await time(() => renderReport(again, printer)));
  floors.push(await time(() => floor(printed)));
}
const htmlOnly: number[] = [];
for (let i = 0; i < runs; i++)
  htmlOnly.push(await time(async () => renderPrintHtml(renderReportPage(resolveReferences(variant())))));
const naives: number[] = [];
for (let i = 0; i < Math.max(3, Math.round(runs / 3)); i++) naives.push(await time(naive));

let weasy: number | undefined;
if (spawnSync('sh', ['-c', 'command -v weasyprint']).status === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-weasy-'));
  writeFileSync(join(dir, 'report.html'), html);
  const times: number[] = [];
  for (let i = 0; i < 2; i++)
    times.push(
      await time(async () =>
        execFileSync('weasyprint', [join(dir, 'report.html'), join(dir, 'report.pdf')], { stdio: 'ignore' }),
      ),
    );
  weasy = median(times);
}

async function perMinute(concurrency: number): Promise<number> {
  const pool = createPdfPrinter({ browserWSEndpoint: wsEndpoint, concurrency });
  const count = 12;
  const ms = await time(() => Promise.all(Array.from({ length: count }, () => renderReport(variant(), pool))));
  await pool.close();
  return (count / ms) * 60_000;
}
const perMinute1 = await perMinute(1);
const perMinute2 = await perMinute(2);

await printer.close();
await browser.close();

const o = median(ours);
const f = median(floors);
const n = median(naives);
const pdfPages = (new TextDecoder('latin1').decode(pages).match(/\/Type \/Page\b/g) ?? []).length;
const min = (xs: number[]) => Math.min(...xs);
const row = (name: string, ms: number | undefined, best: number | undefined, note = '') =>
  ms === undefined
    ? `| ${name} | skipped (weasyprint not on PATH) | | | |`
    : `| ${name} | ${ms.toFixed(0)} | ${best!.toFixed(0)} | ${(ms / f).toFixed(2)}× | ${note} |`;
console.log(
  `Sample: samples/lishi-2023.json, ${pdfPages} A4 pages, ${(pages.length / 1024).toFixed(0)} KiB PDF; median of ${runs} runs (naive: ${naives.length}).`,
);
console.log(
  `Machine: ${cpus().length} cores, load average ${loadAtStart.map((l) => l.toFixed(1)).join(' ')} at start (other work on the machine inflates every row alike).\n`,
);
console.log('| renderer | median ms/report | best | median vs floor | |');
console.log('|---|---:|---:|---:|---|');
console.log(row('ours (warm browser)', o, min(ours), o / f <= 1.15 ? 'target ≤ 1.15× met' : 'target ≤ 1.15× NOT met'));
console.log(
  `| … of which the HTML (templates, Markdown, font subsets) | ${median(htmlOnly).toFixed(1)} | ${min(htmlOnly).toFixed(1)} | | not in the floor |`,
);
console.log(row('floor (bare setContent + page.pdf)', f, min(floors)));
console.log(row('naive (fresh browser per report)', n, min(naives)));
console.log(row('WeasyPrint', weasy, weasy));
console.log(
  `\n| pages at once | reports/minute |\n|---:|---:|\n| 1 | ${perMinute1.toFixed(0)} |\n| 2 | ${perMinute2.toFixed(0)} |`,
);
