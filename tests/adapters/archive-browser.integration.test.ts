// The public archive in a browser, against the local stack (dynalite, s3rver, the local CDN), with real renders
// printed by the test run's shared Chromium (this file launches none): open the home page, search for an agency,
// open its page, open v1 and v2 of a corrected report, download both PDFs and check their SHA-256 against the
// manifests, see the banner and what changed on v1's page; axe finds nothing on any page type; usable at 375 px.
// SCREENSHOTS=1 also writes docs/images/archive-*.png.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ChromiumRenderer } from '../../functions/adapters/chromium-renderer';
import { LogOutcomeReporter } from '../../functions/adapters/log-outcome-reporter';
import { pipelinePorts } from '../../functions/adapters/pipeline-wiring';
import { defaultTitle } from '../../functions/core/report/report-document';
import { newRun } from '../../functions/pipeline/run';
import { runPipeline } from '../../functions/pipeline/run-pipeline';
import type { Manifest } from '../../functions/publish/manifest';
import { MemoryNarratives, splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { startLocalStack, type LocalStack } from '../../dev/local-stack/local-stack';
import { correctedReport, sampleReport } from '../publish/publish-scenarios';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const imagesDir = new URL('../../docs/images/', import.meta.url).pathname;

let dataDir = '';
let stack: LocalStack | undefined;
let renderer: ChromiumRenderer | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'nianbao-archive-'));
  stack = await startLocalStack({ dataDir });
  const endpoint = inject('chromiumWsEndpoint');
  renderer = new ChromiumRenderer({ browserWSEndpoint: endpoint });
  const narratives = new MemoryNarratives();
  const ports = pipelinePorts(stack.config, renderer, { stores: stack.stores, narratives });
  const lishi = sampleReport('lvliang-lishi');
  const other = sampleReport('taiyuan-xiaodian');
  const name = '太原市小店区人民政府';
  const xiaodian = { ...other, agency: { ...other.agency, name }, title: defaultTitle(name, other.year) };
  for (const [report, changeNote] of [
    [lishi, undefined],
    [xiaodian, undefined],
    [correctedReport(lishi), '更正行政许可处理决定数量'],
  ] as const) {
    const { narrative, statistics } = splitReport(report);
    narratives.add(narrative);
    await stack.stores.statistics.put(statistics);
    const run = newRun({ agency: report.agency.code, year: report.year, ...(changeNote ? { changeNote } : {}) });
    const outcome = await runPipeline(run, ports, new LogOutcomeReporter());
    if (outcome.kind !== 'published') throw new Error(`not published: ${JSON.stringify(outcome)}`);
  }
  browser = await puppeteer.connect({ browserWSEndpoint: endpoint });
  page = await browser.newPage();
  // The pages' CSP lets in only their own script: this test page also lets axe in.
  await page.setBypassCSP(true);
  await page.setViewport({ width: 375, height: 800 });
}, 180_000);

afterAll(async () => {
  // Whatever beforeAll got to before it failed.
  await (page as Page | undefined)?.close();
  await browser?.disconnect();
  await renderer?.close();
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const url = (path: string) => `${stack?.cdnUrl ?? ''}${path}`;

async function open(path: string) {
  const response = await page.goto(url(path), { waitUntil: 'networkidle0' });
  expect(response?.status(), path).toBe(200);
  // Usable on a phone: nothing wider than the screen but the tables' own scrolling regions.
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
}

async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function screenshot(name: string) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: join(imagesDir, `archive-${name}.png`) });
}

/** [text, href] of the links a selector matches. */
const links = (selector: string) =>
  page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((a) => [a.textContent.trim(), a.getAttribute('href') ?? ''])`,
  ) as Promise<[string, string][]>;

async function sha256Of(path: string) {
  const response = await fetch(url(path));
  expect(response.status, path).toBe(200);
  return createHash('sha256')
    .update(new Uint8Array(await response.arrayBuffer()))
    .digest('hex');
}

describe('the public archive in a browser', () => {
  it(
    'finds an agency from the home page, and shows both versions of a corrected report',
    { timeout: 120_000 },
    async () => {
      await open('/');
      expect(await axeViolations()).toEqual([]);
      await screenshot('home');

      // Search (the page's one script): by pinyin initials, then by name.
      await page.type('#search-text', 'tysxd');
      await page.waitForSelector('#search-results a');
      expect((await links('#search-results a')).map(([text]) => text)).toEqual(['太原市小店区人民政府']);
      await screenshot('home-search');
      await page.evaluate("document.querySelector('#search-text').value = ''");
      await page.type('#search-text', '离石');
      await page.waitForFunction("document.querySelector('#search-results a')?.textContent === '吕梁市离石区人民政府'");
      const agencyHref = (await links('#search-results a'))[0]?.[1];
      expect(agencyHref).toBe('/reports/lvliang-lishi/');

      await open(agencyHref ?? '');
      expect(await axeViolations()).toEqual([]);
      expect(await page.$$eval('figure svg[role="img"]', (svgs) => svgs.length)).toBeGreaterThanOrEqual(3);
      await screenshot('agency');
      await page.evaluate("document.getElementById('charts-heading').scrollIntoView()");
      await screenshot('agency-charts');
      const versionLinks = (await links('ol a')).filter(([text]) => /^第 \d 版$/.test(text));
      expect(versionLinks.map(([text]) => text)).toEqual(['第 2 版', '第 1 版']);

      for (const [, href] of versionLinks) {
        await open(href);
        expect(await axeViolations()).toEqual([]);
        const version = Number(/v(\d+)\.html$/.exec(href)?.[1]);
        const text = (await page.evaluate('document.body.innerText')) as string;
        // The PDF offered on the page is the one its manifest lists.
        const manifest = (await (
          await fetch(url(`/reports/lvliang-lishi/2023/v${version}/manifest.json`))
        ).json()) as Manifest;
        const pdf = manifest.files.find((f) => f.name === 'report.pdf')!;
        const [, pdfHref = ''] = (await links('a')).find(([t]) => t === '下载 PDF') ?? [];
        expect(await sha256Of(pdfHref)).toBe(pdf.sha256);
        expect(text).toContain(pdf.sha256);
        if (version === 1) {
          expect(text).toContain('已被新版本替代');
          expect(text).toMatch(/更改内容：第 1 版 → 第 2 版[\s\S]*更正行政许可处理决定数量/);
          expect(await page.$$eval('del', (d) => d.length)).toBeGreaterThanOrEqual(1);
          await screenshot('superseded-version');
        } else {
          expect(text).not.toContain('已被新版本替代');
        }
      }

      await open('/reports/lvliang-lishi/2023/');
      expect(await axeViolations()).toEqual([]);
    },
  );

  it('serves an Atom feed, linked from the pages, that lists the correction with its change note', async () => {
    const response = await fetch(url('/feed.xml'));
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const feed = parseFeed(await response.text());
    const correction = feed.items.find((item) => item.url?.endsWith('/reports/lvliang-lishi/2023/v2.html'));
    expect(correction?.description ?? '').toContain('更正行政许可处理决定数量');
    const home = await (await fetch(url('/'))).text();
    expect(home).toContain(
      '<link rel="alternate" type="application/atom+xml" title="公开档案：发布与更正" href="/feed.xml">',
    );
  });
});
