// The whole pipeline on in-memory ports (no server, no browser), and a guard that lets a step touch only the ports
// it declares.
import type { ReportDocument } from '../../functions/core/report/report-document';
import type { PipelinePorts, PortName, ReportRenderer } from '../../functions/pipeline/pipeline-ports';
import { latestArchivedReport } from '../../functions/publish/archived-report';
import type { PublishTuning } from '../../functions/publish/publish-version';
import type { SiteAssetSource } from '../../functions/publish/site-assets';
import { defaultSiteSettings } from '../../functions/publish/site/site-settings';
import { cheapRenderer, MemoryNarratives, splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { memoryStores } from '../../dev/memory-stores/memory-ports';

const encode = (s: string) => new TextEncoder().encode(s);

/** The same bytes for the same report, every time (a real PDF carries its creation time), and one font file. */
export const deterministicRenderer: ReportRenderer = {
  async render(report) {
    return {
      html: `<!doctype html><html lang="zh-CN"><title>${report.title}</title><p>${report.narrative.problems}</p>`,
      pdf: encode(`%PDF-1.7 ${report.title} ${report.narrative.problems}`),
      assets: [{ key: 'assets/fonts/test/noto-serif-sc-0-400-normal.woff2', type: 'font/woff2' }],
    };
  },
};

const testSiteAssets: SiteAssetSource = {
  async read(key) {
    return encode(`wOF2 ${key}`);
  },
};

export function memoryPipeline(
  options: { readonly renderer?: ReportRenderer; readonly publishing?: PublishTuning } = {},
) {
  const stores = memoryStores();
  const narratives = new MemoryNarratives();
  const ports: PipelinePorts = {
    narratives,
    statistics: stores.statistics,
    previousReports: { get: (agency, year) => latestArchivedReport(stores.store, { agency, year }) },
    renderer: options.renderer ?? cheapRenderer,
    staging: stores.staging,
    archive: stores.store,
    publications: stores.publications,
    cdn: stores.cdn,
    siteAssets: testSiteAssets,
    site: defaultSiteSettings,
    publishing: options.publishing ?? {},
  };
  /** Puts a report's narrative and statistics where the assemble step finds them. */
  const seed = async (report: ReportDocument) => {
    const { narrative, statistics } = splitReport(report);
    narratives.add(narrative);
    await stores.statistics.put(statistics);
  };
  return { ports, ...stores, narratives, seed };
}

export class UndeclaredPortError extends Error {
  override name = 'UndeclaredPortError';
}

/** The ports, behind a guard: touching one that `declared` does not name throws. */
export function guardedPorts(ports: PipelinePorts, declared: readonly PortName[]): PipelinePorts {
  return new Proxy(ports, {
    get(target, name, receiver) {
      if (typeof name === 'string' && !(declared as readonly string[]).includes(name)) {
        throw new UndeclaredPortError(`port ${name} was not declared (declared: ${declared.join(', ')})`);
      }
      return Reflect.get(target, name, receiver) as unknown;
    },
  });
}
