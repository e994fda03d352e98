// npm run bench:publish [-- N] — publishing N synthetic agencies' reports through the whole local pipeline
// (assemble, validate, HTML, PDF, staging and archive on S3 via s3rver, DynamoDB via dynalite, public view)
// with 1 and 2 renders at once,
// and in the same run bare Chrome printing the same HTML at the same concurrency (new page, file:// origin for the
// fonts, setContent, page.pdf): the floor. The two alternate in rounds (ROUNDS, default 4). Targets: ≥ 200
// reports/minute; pipeline ≥ 0.8× bare. STORES=memory runs the pipeline on the tests' in-memory stores instead of
// s3rver and dynalite: not the target's setup, but it shows what the stand-ins cost.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { ChromiumRenderer } from '../functions/adapters/chromium-renderer';
import { startLocalStack } from '../dev/local-stack/local-stack';
import { pipelinePorts } from '../functions/adapters/pipeline-wiring';
import type { NarrativeSource } from '../functions/core/merge/merge-report';
import { resolveReferences } from '../functions/core/narrative/references';
import { parseReport } from '../functions/core/report/parse-report';
import type { ReportDocument } from '../functions/core/report/report-document';
import type { PipelinePorts } from '../functions/pipeline/pipeline-ports';
import { runBatch } from '../functions/pipeline/run-pipeline';
import { launchChromium } from '../functions/adapters/launch-chromium';
import { pdfOptions, printOriginUrl } from '../functions/adapters/chromium-pdf-printer';
import { renderPrintHtml } from '../functions/render/render-report';
import { renderReportPage } from '../functions/render/render-report-html';
import { addCpu, measureCpu, noCpu, type CpuByRole } from './process-cpu';
import { sampleRss } from './publish-rss';
import { memoryStores } from '../dev/memory-stores/memory-ports';
import { LogOutcomeReporter } from '../functions/adapters/log-outcome-reporter';
import { newRun } from '../functions/pipeline/run';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const n = Number(process.argv[2] ?? process.env.N ?? 200);
const rounds = Number(process.env.ROUNDS ?? 4);
const parsed = parseReport(JSON.parse(readFileSync(new URL('../samples/lishi-2023.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('the fixture does not parse');
const sample = parsed.value;

/** Han characters no two synthetic agencies share, so each report needs its own font subsets, as real ones do. */
const ownCharacters = (i: number) => String.fromCharCode(0x5000 + ((i * 2) % 0x4000), 0x5001 + ((i * 2) % 0x4000));

/** A synthetic agency: the sample under another code and name, so every report is distinct content. */
function syntheticReport(code: string, i: number): ReportDocument {
  const name = `示例县${ownCharacters(i)}第${i + 1}局`;
  return {
    ...sample,
    agency: { ...sample.agency, code, name },
    title: `${name}${sample.year}年政府信息公开工作年度报告`,
  };
}

const narratives = new Map<string, NarrativeSource>();
const dataDir = await mkdtemp(join(tmpdir(), 'nianbao-bench-'));
const stack = await startLocalStack({ dataDir });
const inMemory = process.env.STORES === 'memory';
const stores = inMemory ? memoryStores() : stack.stores;

async function seed(prefix: string): Promise<ReportDocument[]> {
  const reports = Array.from({ length: n }, (_, i) => syntheticReport(`${prefix}-${String(i).padStart(4, '0')}`, i));
  for (const r of reports) {
    const { statistics, ...narrative } = r;
    narratives.set(`${r.agency.code}/${r.year}`, narrative);
    await stores.statistics.put({ agency: r.agency.code, year: r.year, template: r.template, statistics });
  }
  return reports;
}

const perMinute = (count: number, ms: number) => (count / ms) * 60_000;

/** Publishes a slice of the reports through the pipeline; the time, and a check that each made a new version. */
async function pipelineRound(
  reports: readonly ReportDocument[],
  ports: PipelinePorts,
  renders: number,
): Promise<number> {
  const t = performance.now();
  // One more report in flight than pages, so S3/DynamoDB work overlaps printing.
  const runs = reports.map((r) => newRun({ agency: r.agency.code, year: r.year }));
  const items = await runBatch(runs, ports, new LogOutcomeReporter(), { concurrency: renders + 1 });
  const ms = performance.now() - t;
  const failed = items.filter((i) => i.outcome.kind !== 'published');
  if (failed.length > 0) throw new Error(`${failed.length} reports failed: ${JSON.stringify(failed[0]?.outcome)}`);
  const published = items.filter((i) => i.outcome.kind === 'published' && !i.outcome.reused).length;
  if (published !== reports.length) throw new Error(`expected ${reports.length} new versions, got ${published}`);
  return ms;
}

/**
 * A report's print HTML with its font subsets copied aside: the print-font cache keeps only the newest subsets on
 * disk, so HTML made for many reports up front would otherwise point at deleted files and print without its fonts.
 */
async function pinnedPrintHtml(report: ReportDocument, folder: string): Promise<string> {
  let html = await renderPrintHtml(renderReportPage(resolveReferences(report)));
  for (const [, url] of html.matchAll(/url\((file:[^)]+)\)/g)) {
    const copy = join(folder, basename(fileURLToPath(url as string)));
    await copyFile(fileURLToPath(url as string), copy);
    html = html.replace(url as string, pathToFileURL(copy).href);
  }
  return html;
}

/** Bare Chrome printing the given HTML, `renders` pages at a time; the time. */
async function bareRound(browser: Browser, htmls: readonly string[], renders: number): Promise<number> {
  const origin = printOriginUrl();
  const print = async (html: string) => {
    const page = await browser.newPage();
    await page.goto(origin);
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf(pdfOptions);
    await page.close();
  };
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: renders }, async () => {
      while (next < htmls.length) await print(htmls[next++] as string);
    }),
  );
  return performance.now() - t;
}

/**
 * The pipeline and bare Chrome in alternating rounds of the same reports, so a slow phase of the VM (they last
 * minutes here) slows both sides alike instead of whichever ran then. Each round has the machine to itself: its own
 * browser, launched and warmed before the clock starts.
 */
async function compare(renders: number) {
  const reports = await seed(`bench-c${renders}`);
  const fonts = await mkdtemp(join(dataDir, 'bare-fonts-'));
  const warmHtml = await pinnedPrintHtml(sample, fonts);
  const totals = {
    pipelineMs: 0,
    bareMs: 0,
    pipelineMb: { treeMb: 0, nodeMb: 0 },
    bareMb: 0,
    pipelineCpu: noCpu,
    bareCpu: noCpu,
  };
  for (let round = 0; round < rounds; round++) {
    const slice = reports.slice(Math.floor((round * n) / rounds), Math.floor(((round + 1) * n) / rounds));

    const renderer = new ChromiumRenderer({ concurrency: renders });
    const ports = pipelinePorts(stack.config, renderer, {
      stores,
      narratives: { get: async (a, y) => narratives.get(`${a}/${y}`) },
    });
    await renderer.render(sample);
    let rss = sampleRss();
    let cpu = measureCpu();
    const pipelineRoundMs = await pipelineRound(slice, ports, renders);
    totals.pipelineMs += pipelineRoundMs;
    totals.pipelineCpu = addCpu(totals.pipelineCpu, cpu.stop());
    const pipelineMb = rss.stop();
    await renderer.close();
    totals.pipelineMb = {
      treeMb: Math.max(totals.pipelineMb.treeMb, pipelineMb.treeMb),
      nodeMb: Math.max(totals.pipelineMb.nodeMb, pipelineMb.nodeMb),
    };

    // Made after the pipeline published these reports, so the pipeline made their font subsets itself; not timed.
    const htmls: string[] = [];
    for (const r of slice) htmls.push(await pinnedPrintHtml(r, fonts));
    const browser = await launchChromium();
    await bareRound(browser, [warmHtml], 1);
    rss = sampleRss();
    cpu = measureCpu();
    const bareMs = await bareRound(browser, htmls, renders);
    totals.bareMs += bareMs;
    totals.bareCpu = addCpu(totals.bareCpu, cpu.stop());
    console.error(
      `  round ${round + 1}/${rounds}, ${renders} at once: pipeline ÷ bare ${(bareMs / pipelineRoundMs).toFixed(2)}×`,
    );
    totals.bareMb = Math.max(totals.bareMb, rss.stop().treeMb);
    await browser.close();
  }
  return totals;
}

const rows: string[] = [];
const cpuRows: string[] = [];
/** A side's CPU per report, and the share of it that is not Chrome, with and without the stand-ins. */
const cpuRow = (renders: number, side: string, cpu: CpuByRole) => {
  const per = (ms: number) => (ms / n).toFixed(0);
  const all = cpu.chromeMs + cpu.thisProcessMs + cpu.standInsMs;
  const share = (ms: number, of: number) => `${((100 * ms) / of).toFixed(0)}%`;
  return `| ${renders} | ${side} | ${per(cpu.chromeMs)} | ${per(cpu.thisProcessMs)} | ${per(cpu.standInsMs)} | ${share(all - cpu.chromeMs, all)} | ${share(cpu.thisProcessMs, all - cpu.standInsMs)} |`;
};
try {
  for (const renders of [1, 2]) {
    const run = await compare(renders);
    const ours = perMinute(n, run.pipelineMs);
    const floor = perMinute(n, run.bareMs);
    rows.push(
      `| ${renders} | ${n} | ${ours.toFixed(0)} | ${(run.pipelineMs / n).toFixed(0)} | ${run.pipelineMb.treeMb} (node ${run.pipelineMb.nodeMb}) | ${floor.toFixed(0)} | ${run.bareMb} | ${(ours / floor).toFixed(2)}× |`,
    );
    cpuRows.push(cpuRow(renders, 'pipeline', run.pipelineCpu), cpuRow(renders, 'bare Chrome', run.bareCpu));
    console.error(`renders at once ${renders}: pipeline ${ours.toFixed(0)}/min, bare ${floor.toFixed(0)}/min`);
  }
} finally {
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
}

console.log(
  `\nPublishing ${n} synthetic reports through the local pipeline${inMemory ? ' (in-memory stores, STORES=memory)' : ''} vs bare Chrome printing the same HTML\n`,
);
console.log(
  '| renders at once | reports | pipeline reports/min | ms/report | pipeline peak RSS MB (tree) | bare Chrome reports/min | bare peak RSS MB | pipeline ÷ bare |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(
  '\nTargets: ≥ 200 reports/minute; pipeline ≥ 0.80× bare Chrome. RSS: this process + Chromium + the stand-ins, sampled every 500 ms.',
);
console.log(
  '\nCPU ms per report, from /proc (Chrome includes its closed pages; the stand-ins are s3rver and dynalite)\n',
);
console.log(
  '| renders at once | side | Chrome | this process | stand-ins | not Chrome, share of all | this process, share without stand-ins |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of cpuRows) console.log(row);
