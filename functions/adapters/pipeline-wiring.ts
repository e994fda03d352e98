// The pipeline's ports for one configuration: the same wiring for `nianbao publish`, `npm start` and the bench.
import type { PipelinePorts, ReportRenderer } from '../pipeline/pipeline-ports';
import { latestArchivedReport } from '../publish/archived-report';
import type { ArtifactStore, CdnInvalidator, PublicationRepository } from '../publish/ports';
import type { PublishTuning } from '../publish/publish-version';
import type { StatisticsRepository } from '../statistics/statistics-repository';
import { FileNarrativeRepository } from './file-narrative-repository';
import { fontSiteAssets } from './font-site-assets';
import { MissingConfigError, type PublishConfig } from './publish-config';
import { publishStores } from './publish-stores';
import { siteSettings } from './site-settings';
import type { AgencyDirectory } from '../publish/site/site-settings';

/** Where the pipeline keeps things: publishStores(config), or ports of the same shape (bench:publish's in-memory run). */
export interface PipelineStores {
  readonly statistics: StatisticsRepository;
  readonly store: ArtifactStore;
  readonly staging: ArtifactStore;
  readonly publications: PublicationRepository;
  readonly cdn: CdnInvalidator;
}

export function pipelinePorts(
  config: PublishConfig,
  renderer: ReportRenderer,
  options: {
    readonly narratives?: PipelinePorts['narratives'];
    readonly stores?: PipelineStores;
    readonly publishing?: PublishTuning;
    /** Where agencies sit (level, region); by default none is known and all are listed under 未分级/其他. */
    readonly agencies?: AgencyDirectory;
  } = {},
): PipelinePorts {
  const stores = options.stores ?? publishStores(config);
  const narratives =
    options.narratives ??
    (() => {
      if (!config.narrativeDir) throw new MissingConfigError('NIANBAO_NARRATIVE_DIR');
      return new FileNarrativeRepository(config.narrativeDir);
    })();
  return {
    narratives,
    statistics: stores.statistics,
    previousReports: { get: (agency, year) => latestArchivedReport(stores.store, { agency, year }) },
    renderer,
    staging: stores.staging,
    archive: stores.store,
    publications: stores.publications,
    cdn: stores.cdn,
    siteAssets: fontSiteAssets,
    site: siteSettings(config, options.agencies),
    publishing: options.publishing ?? {},
  };
}
