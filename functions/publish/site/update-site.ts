// The archive's pages beyond one report's year page: each version's page, each agency's page, the home page, the
// Atom feed, the search index and each year's bulk download — all rebuilt from the publication records, after a
// publication (updateSite) or all at once (rebuildSite). Versioned files are only read, never written.
import { shortCacheControl, type ReportKey } from '../archive-keys';
import type { ArtifactStore, CdnInvalidator, PublicationEntry, PublicationRepository, PutOptions } from '../ports';
import { buildPublicView } from '../public-view';
import { renderPublicViewPage } from '../public-view-page';
import { publishSiteAssets, type SiteAssetSource } from '../site-assets';
import { archivedManifest, archivedReport } from './archive-reader';
import { atomFeed } from './atom-feed';
import { bulkFiles } from './bulk-download';
import { reportChanges } from './report-changes';
import { buildSearchIndex } from './search-index';
import {
  agencyPageKey,
  bulkJsonlName,
  hrefOf,
  siteKeys,
  versionFileHref,
  versionPageKey,
  yearPageKey,
} from './site-keys';
import { distinctEntries, groupByPlacement, siteAgencies, type SiteAgency, type SiteReport } from './site-model';
import { renderSitePage, searchScript, type PageKind, type PageModel } from './site-pages';
import type { AgencyPlacement, SiteSettings } from './site-settings';
import { yearCharts } from './year-charts';
import { tableFileName } from '../../core/format/table-grids';
import { templates } from '../../core/format/templates';
import { templateForYear } from '../../core/statistics/template-for-year';

export interface SiteDeps {
  readonly store: ArtifactStore;
  readonly publications: PublicationRepository;
  readonly cdn: CdnInvalidator;
  readonly site: SiteSettings;
  readonly siteAssets: SiteAssetSource;
}

const html: Omit<PutOptions, 'metadata'> = { contentType: 'text/html; charset=utf-8', cacheControl: shortCacheControl };
const date = (iso: string) => iso.slice(0, 10);
const latestCount = 20;

async function putPage(deps: SiteDeps, key: string, kind: PageKind, model: PageModel): Promise<void> {
  const page = renderSitePage(kind, model, deps.site);
  // The fonts a page names exist before the page does.
  await publishSiteAssets(deps.store, page.assets, deps.siteAssets);
  await deps.store.put(key, new TextEncoder().encode(page.html), html);
}

const versionHref = (e: Pick<PublicationEntry, 'agency' | 'year' | 'version'>) => hrefOf(versionPageKey(e, e.version));

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  const kb = bytes / 1024;
  return kb < 1024 ? `${kb.toFixed(1)} KB` : `${(kb / 1024).toFixed(1)} MB`;
}

/** How a download is named to the public, by the file's name. */
function downloadLabel(name: string): string {
  if (name.endsWith('.html')) return '网页版（HTML）';
  if (name.endsWith('.pdf')) return 'PDF';
  if (name === 'manifest.json') return '文件清单（manifest.json）';
  if (name.endsWith('.json')) return '数据（JSON）';
  return `表格（${name}）`;
}

async function changesBetween(deps: SiteDeps, key: ReportKey, from: number, to: PublicationEntry) {
  const [before, after] = await Promise.all([
    archivedReport(deps.store, key, from),
    archivedReport(deps.store, key, to.version),
  ]);
  if (!before || !after) return undefined;
  return { from, to: to.version, changeNote: to.changeNote, ...reportChanges(before, after) };
}

/** The page of each version of a report: downloads with sizes and SHA-256, validation, banner, what changed. */
async function writeVersionPages(deps: SiteDeps, report: SiteReport): Promise<void> {
  const newest = report.versions[0];
  if (!newest) return;
  await Promise.all(
    report.versions.map(async (entry) => {
      const manifest = await archivedManifest(deps.store, report, entry.version);
      if (!manifest) return; // published records always have one; a half-copied bucket is repaired by the next run
      const next = report.versions.find((v) => v.version === entry.version + 1);
      const changes = (
        await Promise.all([
          entry.version > 1 ? changesBetween(deps, report, entry.version - 1, entry) : undefined,
          next ? changesBetween(deps, report, entry.version, next) : undefined,
        ])
      ).filter((c) => c !== undefined);
      const v = validationText(manifest.validation);
      await putPage(deps, versionPageKey(report, entry.version), 'version', {
        pageTitle: `${manifest.title} · 第 ${entry.version} 版`,
        title: manifest.title,
        agencyName: entry.agencyName,
        agencyHref: hrefOf(agencyPageKey(report.agency)),
        index: hrefOf(yearPageKey(report)),
        year: report.year,
        version: entry.version,
        publishedAt: manifest.publishedAt,
        date: date(manifest.publishedAt),
        approver: manifest.approver,
        changeNote: manifest.changeNote,
        report: versionFileHref(report, entry.version, 'report.html'),
        pdf: versionFileHref(report, entry.version, 'report.pdf'),
        supersededBy:
          newest.version !== entry.version
            ? {
                version: newest.version,
                href: versionHref(newest),
                publishedAt: newest.publishedAt,
                date: date(newest.publishedAt),
              }
            : null,
        changes,
        downloads: [
          ...manifest.files.map((f) => ({
            href: versionFileHref(report, entry.version, f.name),
            label: downloadLabel(f.name),
            size: sizeText(f.size),
            sha256: f.sha256,
          })),
          {
            href: versionFileHref(report, entry.version, 'manifest.json'),
            label: downloadLabel('manifest.json'),
            size: '—',
            sha256: '（清单本身：列出以上各文件的 SHA-256）',
          },
        ],
        validation: v,
      });
    }),
  );
}

function validationText(validation: {
  errors: number;
  warnings: number;
  skipped: readonly string[];
  findings: readonly {
    rule: string;
    severity: string;
    message: { zh: string };
    acknowledged?: { readonly reason: string };
  }[];
}) {
  const skipped = validation.skipped.length > 0 ? `；未执行的规则：${validation.skipped.join('、')}` : '';
  return {
    text: `发布前已按国家格式逐项校验：${validation.errors} 个错误，${validation.warnings} 个警告${skipped}。有错误的报告不会发布；警告随报告公开如下。`,
    // A warning published over says why, in the approver's words (the manifest has who and when).
    findings: validation.findings.map((f) => ({
      rule: f.rule,
      message: f.message.zh,
      ...(f.acknowledged ? { acknowledged: f.acknowledged.reason } : {}),
    })),
  };
}

async function writeAgencyPage(deps: SiteDeps, agency: SiteAgency, placement: AgencyPlacement | undefined) {
  const latestReports = await Promise.all(
    agency.reports.map((r) => archivedReport(deps.store, r, r.versions[0]!.version)),
  );
  await putPage(deps, agencyPageKey(agency.code), 'agency', {
    pageTitle: `${agency.name} · 政府信息公开工作年度报告`,
    name: agency.name,
    code: agency.code,
    placement: placement ? [placement.level, placement.region].filter((p) => p !== '').join(' · ') : '',
    years: agency.reports.map((r) => {
      const latest = r.versions[0]!;
      return {
        year: r.year,
        index: hrefOf(yearPageKey(r)),
        latest: {
          version: latest.version,
          href: versionHref(latest),
          publishedAt: latest.publishedAt,
          date: date(latest.publishedAt),
          report: versionFileHref(r, latest.version, 'report.html'),
          pdf: versionFileHref(r, latest.version, 'report.pdf'),
        },
        versions: r.versions.map((v) => ({
          version: v.version,
          href: versionHref(v),
          publishedAt: v.publishedAt,
          date: date(v.publishedAt),
          changeNote: v.changeNote,
        })),
      };
    }),
    charts: yearCharts(latestReports.filter((r) => r !== undefined)),
  });
}

async function placementsOf(deps: SiteDeps, agencies: readonly SiteAgency[]) {
  const placements = new Map<string, AgencyPlacement>();
  await Promise.all(
    agencies.map(async (a) => {
      const placement = await deps.site.agencies.get(a.code);
      if (placement) placements.set(a.code, placement);
    }),
  );
  return placements;
}

/** Every published report of a year, each at its latest version, as the bulk files. */
async function writeBulk(deps: SiteDeps, agencies: readonly SiteAgency[], year: number): Promise<void> {
  const keys = siteKeys(deps.site.root);
  const reports = await Promise.all(
    agencies.flatMap((a) =>
      a.reports
        .filter((r) => r.year === year)
        .map(async (r) => {
          const version = r.versions[0]!.version;
          const report = await archivedReport(deps.store, r, version);
          return report && { version, report };
        }),
    ),
  );
  await Promise.all(
    bulkFiles(reports.filter((r) => r !== undefined)).map((file) =>
      deps.store.put(keys.bulk(year, file.name), file.body, {
        contentType: file.type,
        cacheControl: shortCacheControl,
      }),
    ),
  );
}

/** The home page, the feed and the search index (and the search script they need). */
async function writeSiteWide(deps: SiteDeps, entries: readonly PublicationEntry[], agencies: readonly SiteAgency[]) {
  const keys = siteKeys(deps.site.root);
  const placements = await placementsOf(deps, agencies);
  const listed = agencies.map((a) => ({
    code: a.code,
    name: a.name,
    href: hrefOf(agencyPageKey(a.code)),
    years: a.reports.map((r) => ({ year: r.year, href: versionHref(r.versions[0]!) })),
  }));
  const item = (e: PublicationEntry) => ({
    title: e.title,
    href: versionHref(e),
    version: e.version,
    correction: e.version > 1,
    changeNote: e.changeNote,
    publishedAt: e.publishedAt,
    date: date(e.publishedAt),
  });
  const years = [...new Set(agencies.flatMap((a) => a.reports.map((r) => r.year)))].sort((a, b) => b - a);
  const json = { contentType: 'application/json', cacheControl: shortCacheControl };
  await Promise.all([
    deps.store.put(keys.script, new TextEncoder().encode(searchScript), {
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: shortCacheControl,
    }),
    deps.store.put(
      keys.searchIndex,
      new TextEncoder().encode(
        JSON.stringify(buildSearchIndex(agencies, placements, (code) => hrefOf(agencyPageKey(code)))),
      ),
      json,
    ),
    deps.store.put(
      keys.feed,
      new TextEncoder().encode(
        atomFeed(entries, {
          baseUrl: deps.site.baseUrl,
          home: hrefOf(keys.home),
          feed: hrefOf(keys.feed),
          page: versionHref,
        }),
      ),
      { contentType: 'application/atom+xml; charset=utf-8', cacheControl: shortCacheControl },
    ),
    putPage(deps, keys.home, 'home', {
      pageTitle: '政府信息公开工作年度报告 · 公开档案',
      script: hrefOf(keys.script),
      searchIndex: hrefOf(keys.searchIndex),
      agencyCount: agencies.length,
      reportCount: agencies.reduce((n, a) => n + a.reports.length, 0),
      latest: entries.slice(0, latestCount).map(item),
      corrections: entries
        .filter((e) => e.version > 1)
        .slice(0, latestCount)
        .map(item),
      groups: groupByPlacement(listed, placements),
      bulk: years.map((year) => {
        const template = templateForYear(year);
        return {
          year,
          jsonl: hrefOf(keys.bulk(year, bulkJsonlName)),
          tables: (template ? templates[template].tables : []).map((t) => ({
            href: hrefOf(keys.bulk(year, tableFileName(t.id))),
            label: `表${t.section}（CSV）`,
          })),
        };
      }),
    }),
  ]);
}

/** What the site-wide pages show of the records: when it is the same, they need no rewrite. */
const signature = (entries: readonly PublicationEntry[]) =>
  JSON.stringify(entries.map((e) => [e.agency, e.year, e.version, e.publishedAt, e.agencyName, e.changeNote]));

// Publishers sharing a store in one process take turns on the site-wide pages (saving work, not needed for
// correctness); across processes, each re-reads after writing.
const turns = new WeakMap<ArtifactStore, Promise<void>>();
function inTurn(store: ArtifactStore, work: () => Promise<void>): Promise<void> {
  const run = (turns.get(store) ?? Promise.resolve()).then(work, work);
  turns.set(
    store,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * After a version of `key` was published: the report's version pages, its agency's page, and the site-wide pages
 * and the year's bulk files, rewritten until the index they were built from stops moving (another publisher may
 * have written older ones after ours; its own check then sees the difference, so the last writer ends current).
 */
export async function updateSite(key: ReportKey, deps: SiteDeps): Promise<void> {
  const own = async () => (await deps.publications.listPublished(key)).map((r) => ({ ...r, ...key }));
  const read = async () => {
    // The index may lag behind our own, just-published record: add it (read consistently).
    const [all, mine] = await Promise.all([deps.publications.listEveryPublication(), own()]);
    return distinctEntries([...all, ...mine]);
  };
  await inTurn(deps.store, async () => {
    let entries = await read();
    let agencyWritten = '';
    for (let attempt = 0; attempt < 10; attempt++) {
      const agencies = siteAgencies(entries);
      const agency = agencies.find((a) => a.code === key.agency);
      const report = agency?.reports.find((r) => r.year === key.year);
      // The report's and agency's pages depend on the agency's records only: written again only when those moved.
      const agencyNow = signature(entries.filter((e) => e.agency === key.agency));
      await Promise.all([
        agency && report && agencyNow !== agencyWritten
          ? Promise.all([
              writeVersionPages(deps, report),
              placementsOf(deps, [agency]).then((p) => writeAgencyPage(deps, agency, p.get(agency.code))),
            ])
          : undefined,
        writeSiteWide(deps, entries, agencies),
        writeBulk(deps, agencies, key.year),
      ]);
      agencyWritten = agencyNow;
      const now = await read();
      if (signature(now) === signature(entries)) break;
      entries = now;
    }
  });
  const keys = siteKeys(deps.site.root);
  await deps.cdn.invalidate([
    hrefOf(keys.home),
    `/${keys.home}`,
    `/${keys.feed}`,
    `/${keys.searchIndex}`,
    `/${keys.script}`,
    `/${keys.bulk(key.year, '*')}`,
    hrefOf(agencyPageKey(key.agency)),
    `/${agencyPageKey(key.agency)}`,
    `/${versionPageKey(key, 0).replace(/v0\.html$/, 'v*')}`,
  ]);
}

/**
 * Every page of the archive from the records (after a deploy that changed the pages, or a restore), and with
 * `bulk` every year's bulk files too (they hold every report: far more bytes than all the pages).
 */
export async function rebuildSite(
  deps: SiteDeps,
  options: { readonly bulk?: boolean } = {},
): Promise<{ pages: number }> {
  const entries = distinctEntries(await deps.publications.listEveryPublication());
  const agencies = siteAgencies(entries);
  const placements = await placementsOf(deps, agencies);
  let pages = 1;
  // A few agencies at a time: every page of one agency reads the same reports.
  const queue = [...agencies];
  const worker = async () => {
    for (let agency = queue.shift(); agency; agency = queue.shift()) {
      await writeAgencyPage(deps, agency, placements.get(agency.code));
      for (const report of agency.reports) {
        const records = await deps.publications.listPublished(report);
        const year = renderPublicViewPage(buildPublicView(report, records), deps.site, agency.name);
        await publishSiteAssets(deps.store, year.assets, deps.siteAssets);
        await deps.store.put(yearPageKey(report), new TextEncoder().encode(year.html), html);
        await writeVersionPages(deps, report);
        pages += 1 + report.versions.length;
      }
      pages++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const years = options.bulk === false ? [] : [...new Set(entries.map((e) => e.year))];
  await Promise.all([writeSiteWide(deps, entries, agencies), ...years.map((y) => writeBulk(deps, agencies, y))]);
  return { pages };
}
