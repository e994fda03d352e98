// What the pipeline steps need from the outside world, as ports. Each step declares the ones it uses and is given
// only those (least privilege: later one Lambda per step, with one role each).
import type { NarrativeSource } from '../core/merge/merge-report';
import type { ReportDocument } from '../core/report/report-document';
import type { ArtifactStore, CdnInvalidator, PublicationRepository } from '../publish/ports';
import type { PublishTuning } from '../publish/publish-version';
import type { SiteAsset, SiteAssetSource } from '../publish/site-assets';
import type { SiteSettings } from '../publish/site/site-settings';
import type { StatisticsRepository } from '../statistics/statistics-repository';

export interface NarrativeRepository {
  /** The approved narrative of an agency's report for a year (the CMS later; a folder of JSON files now). */
  get(agency: string, year: number): Promise<NarrativeSource | undefined>;
}

export interface PreviousReports {
  /** The latest published report of an agency for a year, for the cross-year rules (R5, R6, R11). */
  get(agency: string, year: number): Promise<ReportDocument | undefined>;
}

export interface RenderedReport {
  /** The HTML as the public reads it (fonts from the site's assets, not this machine's files). */
  readonly html: string;
  readonly pdf: Uint8Array;
  /** Files the HTML refers to, published under assets/ before the version. */
  readonly assets: readonly SiteAsset[];
}

export interface ReportRenderer {
  render(report: ReportDocument, options?: { readonly draft?: boolean }): Promise<RenderedReport>;
}

export interface PipelinePorts {
  readonly narratives: NarrativeRepository;
  readonly statistics: StatisticsRepository;
  readonly previousReports: PreviousReports;
  readonly renderer: ReportRenderer;
  /** The run's private staging area (staged-artifacts.ts). */
  readonly staging: ArtifactStore;
  /** The public archive bucket. */
  readonly archive: ArtifactStore;
  readonly publications: PublicationRepository;
  readonly cdn: CdnInvalidator;
  readonly siteAssets: SiteAssetSource;
  /** The archive's pages: where agencies sit (the CMS's Agency records), web fonts, the site's URL. */
  readonly site: SiteSettings;
  readonly publishing: PublishTuning;
}

export type PortName = keyof PipelinePorts;
