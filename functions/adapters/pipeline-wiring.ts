// The pipeline's ports for one configuration: the same wiring for `nianbao publish`, `npm start` and the bench.
import type { PipelinePorts, ReportRenderer } from '../pipeline/pipeline-ports';
import { latestArchivedReport } from '../publish/archived-report';
import { FileNarrativeRepository } from './file-narrative-repository';
import { LogNotifier } from './log-notifier';
import { MissingConfigError, type PublishConfig } from './publish-config';
import type { ArtifactStore, CdnInvalidator, PublicationRepository } from '../publish/ports';
import type { StatisticsRepository } from '../statistics/statistics-repository';
import { publishStores } from './publish-stores';

/** Where the pipeline keeps things: publishStores(config), or ports of the same shape (bench:publish's in-memory run). */
interface PipelineStores {
  readonly statistics: StatisticsRepository;
  readonly store: ArtifactStore;
  readonly publications: PublicationRepository;
  readonly cdn: CdnInvalidator;
}

export function pipelinePorts(
  config: PublishConfig,
  renderer: ReportRenderer,
  options: { readonly log?: (line: string) => void; readonly narratives?: PipelinePorts['narratives']; readonly stores?: PipelineStores } = {},
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
    renderer,
    publish: { store: stores.store, publications: stores.publications, cdn: stores.cdn },
    notifier: new LogNotifier(options.log),
    previousReport: (agency, year) => latestArchivedReport(stores.store, { agency, year }),
  };
}

/** The public URL of an archive key: behind the CDN (or the local CDN server) the bucket's paths are the site's. */
export const publicUrl = (config: PublishConfig, key: string): string => `${(config.publicBaseUrl ?? '').replace(/\/$/, '')}/${key}`;
