// What the pipeline steps need from the outside world, as ports; the local runner and (later) Lambda handlers wire them.
import type { NarrativeSource } from '../core/merge/merge-report';
import type { ReportDocument } from '../core/report/report-document';
import type { PublishDeps } from '../publish/publish-version';
import type { SiteAsset } from '../publish/site-assets';
import type { StatisticsRepository } from '../statistics/statistics-repository';

export interface NarrativeRepository {
  /** The approved narrative of an agency's report for a year (the CMS later; a folder of JSON files now). */
  get(agency: string, year: number): Promise<NarrativeSource | undefined>;
}

export interface RenderedReport {
  /** The HTML as the public reads it (fonts from the site's assets, not this machine's files). */
  readonly html: string;
  readonly pdf: Uint8Array;
  /** Files the HTML refers to, published under assets/ before the version. */
  readonly assets?: readonly SiteAsset[];
}

export interface ReportRenderer {
  render(report: ReportDocument, options?: { readonly draft?: boolean }): Promise<RenderedReport>;
}

export interface PublicationNotice {
  readonly agency: string;
  readonly year: number;
  readonly version: number;
  readonly reused: boolean;
  readonly html: string;
  readonly pdf: string;
}

export interface PublicationNotifier {
  /** Tells the source (the CMS entry) that its report is published: status, version, URL. */
  published(notice: PublicationNotice): Promise<void>;
}

export interface PipelinePorts {
  readonly narratives: NarrativeRepository;
  readonly statistics: StatisticsRepository;
  readonly renderer: ReportRenderer;
  readonly publish: PublishDeps;
  readonly notifier: PublicationNotifier;
  /** Last year's published report, for the cross-year rules (R5, R6, R11); undefined when there is none. */
  readonly previousReport?: (agency: string, year: number) => Promise<ReportDocument | undefined>;
}
