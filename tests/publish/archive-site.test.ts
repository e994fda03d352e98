// The archive's pages after real pipeline runs on in-memory ports: home, agency, version pages with the banner and
// what changed, the feed, the search index and the bulk files, all from the publication records.
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { LogOutcomeReporter } from '../../functions/adapters/log-outcome-reporter';
import { newRun } from '../../functions/pipeline/run';
import { runPipeline } from '../../functions/pipeline/run-pipeline';
import type { Manifest } from '../../functions/publish/manifest';
import type { ArtifactStore, PutOptions } from '../../functions/publish/ports';
import { pinyinInitials, type SearchIndex } from '../../functions/publish/site/search-index';
import { agencyPageKey, siteKeys, versionPageKey } from '../../functions/publish/site/site-keys';
import { groupByPlacement, unplacedHeading } from '../../functions/publish/site/site-model';
import { rebuildSite } from '../../functions/publish/site/update-site';
import { correctedReport, sampleReport } from './publish-scenarios';
import { memoryPipeline } from '../support/memory-pipeline';

const reporter = new LogOutcomeReporter();
const keys = siteKeys('');

async function publishedArchive() {
  const pipeline = memoryPipeline();
  const { ports, seed } = pipeline;
  const first = sampleReport('lvliang-lishi');
  for (const [report, changeNote] of [
    [first, undefined],
    [sampleReport('taiyuan-xiaodian'), undefined],
    [correctedReport(first), '更正行政许可处理决定数量'],
  ] as const) {
    await seed(report);
    const run = newRun({ agency: report.agency.code, year: report.year, ...(changeNote ? { changeNote } : {}) });
    const outcome = await runPipeline(run, ports, reporter);
    expect(outcome.kind === 'published' ? outcome.kind : JSON.stringify(outcome)).toBe('published');
  }
  const text = (key: string) => {
    const body = pipeline.store.objects.get(key)?.body;
    if (!body) throw new Error(`${key} was not written`);
    return new TextDecoder().decode(body);
  };
  return { ...pipeline, text, report: { agency: 'lvliang-lishi', year: first.year } };
}

/** The archive bucket as one publisher sees it, holding back its first write of one key until told to go on. */
class HeldStore implements ArtifactStore {
  private held = false;
  constructor(
    private readonly inner: ArtifactStore,
    private readonly hold: { readonly key: string; readonly reached: () => void; readonly release: Promise<void> },
  ) {}
  head(key: string) {
    return this.inner.head(key);
  }
  get(key: string) {
    return this.inner.get(key);
  }
  putNew(key: string, body: Uint8Array, options: PutOptions) {
    return this.inner.putNew(key, body, options);
  }
  async put(key: string, body: Uint8Array, options: PutOptions) {
    if (key === this.hold.key && !this.held) {
      this.held = true;
      this.hold.reached();
      await this.hold.release;
    }
    return this.inner.put(key, body, options);
  }
}

describe('the archive site', () => {
  it('ends with every agency on the home page when an older write of it lands last', async () => {
    // A builds the home page with itself only; B publishes in full; then A's stale write lands, after B's.
    const { ports, store, seed } = memoryPipeline();
    let reached = () => {};
    const atHold = new Promise<void>((resolve) => (reached = resolve));
    let release = () => {};
    const held = new HeldStore(store, { key: keys.home, reached, release: new Promise((r) => (release = r)) });
    await seed(sampleReport('agency-a'));
    await seed(sampleReport('agency-b'));
    const a = runPipeline(newRun({ agency: 'agency-a', year: 2023 }), { ...ports, archive: held }, reporter);
    await atHold;
    // B on its own view of the bucket (another process): nothing makes the two take turns.
    const b = { ...ports, archive: new HeldStore(store, { key: '', reached: () => {}, release: Promise.resolve() }) };
    expect((await runPipeline(newRun({ agency: 'agency-b', year: 2023 }), b, reporter)).kind).toBe('published');
    release();
    expect((await a).kind).toBe('published');
    const home = new TextDecoder().decode(store.objects.get(keys.home)?.body);
    expect(home).toContain('href="/reports/agency-a/"');
    expect(home).toContain('href="/reports/agency-b/"');
  });

  it('lists every agency on the home page, unplaced ones under one heading, with the latest correction', async () => {
    const { text } = await publishedArchive();
    const home = text(keys.home);
    expect(home).toContain(`<h3>${unplacedHeading}</h3>`);
    expect(home.match(/href="\/reports\/[a-z-]+\/"/g)?.length).toBe(2);
    expect(home).toMatch(/最新更正[\s\S]*第 2 版[\s\S]*更正说明：更正行政许可处理决定数量/);
    expect(home).toContain('<script src="/assets/site/search.js" defer></script>');
    expect(home).not.toMatch(/<script>/);
    expect(text(keys.script)).toContain("getElementById('search')");
  });

  it('shows a superseded version with its banner and what the correction changed, cell by cell', async () => {
    const { text, report } = await publishedArchive();
    const v1 = text(versionPageKey(report, 1));
    expect(v1).toContain('已被新版本替代');
    expect(v1).toContain('href="/reports/lvliang-lishi/2023/v2.html"');
    expect(v1).toMatch(/行政许可[^<]*<\/th><td class="num"><del>\d+<\/del><\/td><td class="num"><ins>\d+<\/ins>/);
    expect(v1).toContain('<ins>本版补充了行政许可数据。</ins>');
    const v2 = text(versionPageKey(report, 2));
    expect(v2).not.toContain('已被新版本替代');
    expect(v2).toContain('更正说明：更正行政许可处理决定数量');
  });

  it('lists each download with the size and SHA-256 of its manifest', async () => {
    const { text, store, report } = await publishedArchive();
    const manifest = store.json(`reports/lvliang-lishi/2023/v2/manifest.json`) as Manifest;
    const page = text(versionPageKey(report, 2));
    for (const file of manifest.files) {
      expect(page).toContain(`href="/reports/lvliang-lishi/2023/v2/${file.name}"`);
      expect(page).toContain(`<code>${file.sha256}</code>`);
    }
    expect(page).toContain('0 个错误');
  });

  it('draws the year-over-year charts with a text alternative and their data', async () => {
    const { text } = await publishedArchive();
    const page = text(agencyPageKey('lvliang-lishi'));
    expect(page.match(/<svg role="img" aria-label="[^"]+"/g)?.length).toBeGreaterThanOrEqual(3);
    expect(page).toContain('<caption>收到的政府信息公开申请（数据表）</caption>');
    expect(page).toMatch(/本年新收政府信息公开申请数量 30/);
    expect(page).toContain('更正说明：更正行政许可处理决定数量');
  });

  it('writes a feed that parses as Atom and names the correction with its change note', async () => {
    const { text } = await publishedArchive();
    const feed = parseFeed(text(keys.feed));
    expect(feed.meta.type).toBe('atom');
    const correction = feed.items.find((i) => i.title?.includes('更正'));
    expect(correction?.description ?? correction?.content).toContain('更正行政许可处理决定数量');
    expect(correction?.url).toBe('https://nianbao.invalid/reports/lvliang-lishi/2023/v2.html');
    expect(feed.items).toHaveLength(3);
  });

  it('indexes agencies by name, pinyin initials, code and year for the search script', async () => {
    const { text } = await publishedArchive();
    const index = JSON.parse(text(keys.searchIndex)) as SearchIndex;
    expect(index.years).toEqual([2023]);
    const row = index.agencies.find((a) => a[0] === 'lvliang-lishi');
    expect(row?.[2]).toBe(pinyinInitials(row?.[1] ?? ''));
    expect(pinyinInitials('离石区')).toBe('lsq');
  });

  it('bundles each year: one JSON line per report (its latest version) and one CSV per table', async () => {
    const { text } = await publishedArchive();
    const lines = text(keys.bulk(2023, 'reports.jsonl')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as ReportDocument).agency.code)).toEqual([
      'lvliang-lishi',
      'taiyuan-xiaodian',
    ]);
    const proactive = text(keys.bulk(2023, 'table-2-proactive.csv')).trim().split('\n');
    expect(text(keys.bulk(2023, 'table-3-applications.csv'))).toMatch(/^agency,agencyName,version,applications\./);
    expect(text(keys.bulk(2023, 'table-3-applications.csv'))).toContain('lvliang-lishi,吕梁市离石区人民政府,2,');
    expect(proactive).toHaveLength(2 + 2);
  });

  it('rebuilds every page from the records alone', async () => {
    const archive = await publishedArchive();
    const { report } = archive;
    archive.store.objects.delete(versionPageKey(report, 1));
    archive.store.objects.delete(keys.home);
    const { pages } = await rebuildSite({ ...archive.ports, store: archive.store });
    expect(pages).toBe(1 + 2 + 2 + 3);
    expect(archive.text(versionPageKey(report, 1))).toContain('已被新版本替代');
    expect(archive.text(keys.home)).toContain('吕梁市离石区人民政府');
  });

  it('groups agencies by level and region when the directory knows them', () => {
    const groups = groupByPlacement(
      [{ code: 'b' }, { code: 'a' }, { code: 'c' }],
      new Map([
        ['a', { level: '县级', region: '山西省吕梁市' }],
        ['b', { level: '市级', region: '山西省吕梁市' }],
      ]),
    );
    expect(groups.map((g) => [g.level, g.regions.map((r) => [r.region, r.agencies.map((a) => a.code)])])).toEqual([
      ['市级', [['山西省吕梁市', ['b']]]],
      ['县级', [['山西省吕梁市', ['a']]]],
      [unplacedHeading, [['', ['c']]]],
    ]);
  });
});
