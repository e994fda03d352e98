// npm run bench:archive [-- AGENCIES] — the archive's pages for 500 agencies × 3 years (in-memory stores; 1 in 10
// reports corrected once): the time to rebuild every page from the records (rebuildSite: home, feed, search index,
// agency pages with their charts, year and version pages, bulk files), cold and again with what the process kept,
// beside a naive rebuild that replays the per-publication update for every version (measured on a sample, scaled);
// and the bytes of the home page plus the search index beside the index as the records hold it.
// Targets: rebuild < 5 s; home page + search index < 300 KB.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fontSiteAssets } from '../functions/adapters/font-site-assets';
import { siteFonts } from '../functions/adapters/site-fonts';
import { parseReport } from '../functions/core/report/parse-report';
import type { ReportDocument } from '../functions/core/report/report-document';
import { archiveFiles } from '../functions/publish/archive-files';
import { inputHash } from '../functions/publish/input-hash';
import { publishVersion } from '../functions/publish/publish-version';
import { siteKeys } from '../functions/publish/site/site-keys';
import { defaultSiteSettings, type SiteSettings } from '../functions/publish/site/site-settings';
import { rebuildSite, updateSite, type SiteDeps } from '../functions/publish/site/update-site';
import { memoryStores } from '../dev/memory-stores/memory-ports';

const agencies = Number(process.argv[2] ?? process.env.AGENCIES ?? 500);
const years = [2021, 2022, 2023];
const parsed = parseReport(JSON.parse(readFileSync(new URL('../samples/lishi-2023.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('the sample does not parse');
const sample = parsed.value;

const regions = ['山西省太原市', '山西省大同市', '山西省吕梁市', '山西省晋中市', '山西省运城市'];
const levels = ['市级', '县级'];
/**
 * Two characters per agency from those of real county and district names, so names (and the font subsets they
 * need) vary as real ones do: the subsets are cut by frequency, and place names use common characters.
 */
const placeCharacters =
  '安平山河阳城东西南北中新江海林宁丰华清泉水石岭口湖长高兴永和定武文明德庆福寿康乐金银龙凤云天太原大同朔忻吕梁晋运临汾长治阳泉古交盂县灵丘广昌宜春沁源襄垣黎屯留潞壶关左权榆社昔兴县岚静乐神池五寨偏保交城柳林中阳方山离孝义汾介休灵霍蒲隰洪洞翼浮曲沃侯马稷万荣闻喜夏芮垣绛';
const hanzi = (i: number) =>
  [i % placeCharacters.length, (i * 7 + Math.floor(i / placeCharacters.length)) % placeCharacters.length]
    .map((k) => placeCharacters[k])
    .join('');

function report(i: number, year: number, edit: number): ReportDocument {
  const name = `${regions[i % regions.length]!.slice(3)}${hanzi(i)}局`;
  const proactive = sample.statistics.proactive as Record<string, Record<string, number>>;
  return {
    ...sample,
    year,
    agency: { ...sample.agency, code: `agency-${String(i).padStart(4, '0')}`, name },
    title: `${name}${year}年政府信息公开工作年度报告`,
    narrative: { ...sample.narrative, problems: `${sample.narrative.problems}${edit ? `（更正 ${edit}）` : ''}` },
    statistics: {
      ...sample.statistics,
      proactive: { ...proactive, licensing: { decisions: (i * 7 + year + edit) % 97 } },
    },
  };
}

const stores = memoryStores();
const validation = { errors: 0, warnings: 0, skipped: [], findings: [] };
const pdf = new TextEncoder().encode('%PDF-1.7 bench');
let versions = 0;
const started = performance.now();
for (let i = 0; i < agencies; i++) {
  for (const year of years) {
    const edits = i % 10 === 0 ? [0, 1] : [0];
    for (const edit of edits) {
      const r = report(i, year, edit);
      await publishVersion(
        {
          report: r,
          inputHash: inputHash(r),
          files: archiveFiles(r, { html: `<!doctype html><title>${r.title}</title>`, pdf }),
          validation,
          ...(edit ? { changeNote: `更正行政许可处理决定数量（第 ${edit} 次）` } : {}),
        },
        stores,
      );
      versions++;
    }
  }
}
console.log(
  `published ${versions} versions of ${agencies * years.length} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const placements = new Map(
  Array.from({ length: agencies }, (_, i) => [
    `agency-${String(i).padStart(4, '0')}`,
    { level: levels[i % levels.length]!, region: regions[i % regions.length]! },
  ]),
);
const site: SiteSettings = {
  ...defaultSiteSettings,
  fonts: process.env.NO_FONTS ? defaultSiteSettings.fonts : siteFonts,
  agencies: { get: async (code) => placements.get(code) },
};
const deps: SiteDeps = { ...stores, site, siteAssets: fontSiteAssets };

const time = async (work: () => Promise<unknown>) => {
  const t = performance.now();
  await work();
  return (performance.now() - t) / 1000;
};

const cold = await time(() => rebuildSite(deps, { bulk: false }));
const warm = await time(() => rebuildSite(deps, { bulk: false }));
const bulk = await time(() => rebuildSite(deps));
// Naive: every publication redoes the site-wide pages (home, feed, search, the year's bulk files) and its agency's.
const sampled = Math.min(20, versions);
const entries = (await stores.publications.listEveryPublication()).slice(0, sampled);
const naiveSample = await time(async () => {
  for (const e of entries) await updateSite(e, deps);
});
const naive = (naiveSample / sampled) * versions;

const bytes = (key: string) => stores.store.objects.get(key)?.body ?? new Uint8Array();
const keys = siteKeys('');
const home = bytes(keys.home);
const index = bytes(keys.searchIndex);
const records = new TextEncoder().encode(JSON.stringify(await stores.publications.listEveryPublication(), null, 2));
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const gz = (b: Uint8Array) => gzipSync(b).byteLength;

console.log(`\nrebuild every index page (${agencies} agencies × ${years.length} years, ${versions} versions)`);
console.table({
  'rebuildSite, cold': { seconds: cold.toFixed(2), 'vs naive': `${(naive / cold).toFixed(0)}× faster` },
  'rebuildSite, warm': { seconds: warm.toFixed(2), 'vs naive': `${(naive / warm).toFixed(0)}× faster` },
  'rebuildSite with the bulk files': { seconds: bulk.toFixed(2), 'vs naive': '' },
  [`naive: per-publication update × ${versions} (from ${sampled})`]: { seconds: naive.toFixed(1), 'vs naive': '1×' },
});
console.log('home page + search index (target < 300 KB)');
console.table({
  'home + compact index': {
    home: kb(home.byteLength),
    index: kb(index.byteLength),
    total: kb(home.byteLength + index.byteLength),
    gzip: kb(gz(home) + gz(index)),
  },
  'home + records as stored (naive index)': {
    home: kb(home.byteLength),
    index: kb(records.byteLength),
    total: kb(home.byteLength + records.byteLength),
    gzip: kb(gz(home) + gz(records)),
  },
});
