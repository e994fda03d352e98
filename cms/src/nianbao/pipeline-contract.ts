// What the CMS and the pipeline say to each other, as JSON shapes (the pipeline's hand-over.ts and
// validation-finding.ts): the CMS does not import the pipeline's code.
import type { NarrativeJson } from './narrative-source';

export interface Finding {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly cells: readonly string[];
  readonly location?: string;
  readonly line?: number;
  readonly place?: string;
  readonly excerpt?: string;
  readonly expected?: number | string | null;
  readonly actual?: number | string | null;
  readonly message: { readonly zh: string; readonly en: string };
}

/** A finding as the approval check returns it: with the key an acknowledgement names it by, and what to do. */
export interface CheckedFinding extends Finding {
  readonly key: string;
  readonly advice: string;
}

/** A cell a narrative may cite as `{{id}}`, where it is printed and its current value. */
export interface DraftCell {
  readonly id: string;
  readonly place: string;
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly value: number | string | null;
}

/** An approver's reason for publishing over a warning (key: the warning's). */
export interface Acknowledgement {
  readonly key: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export interface ApprovalCheck {
  readonly errors: number;
  readonly warnings: number;
  readonly findings: readonly CheckedFinding[];
  /** Set when the report could not be checked at all, e.g. no statistics stored for it (reasonZh for editors). */
  readonly reason?: string;
  readonly reasonZh?: string;
  readonly cells: readonly DraftCell[];
}

export interface HandOverMessage {
  readonly run: {
    readonly id: string;
    readonly source: { readonly kind: 'cms'; readonly documentId: string; readonly runRecordId: string };
    readonly request: {
      readonly agency: string;
      readonly year: number;
      readonly changeNote: string | null;
      readonly approver: string | null;
      readonly acknowledgements?: readonly Acknowledgement[];
    };
  };
  readonly narrative: NarrativeJson;
}

/** A draft rendered as it will print, with its findings. */
export interface DraftPreview {
  readonly html: string;
  readonly contentSecurityPolicy: string;
}

/** A report's statistics as the editor uploads them: the CSV's bytes, base64. */
export interface StatisticsUploadRequest {
  readonly agency: string;
  readonly year: number;
  readonly fileName: string;
  readonly content: string;
}

export type StatisticsUploadAnswer =
  | { readonly stored: true; readonly agency: string; readonly year: number }
  | { readonly stored: false; readonly reason: string; readonly findings: readonly Finding[] };

export interface PipelineGateway {
  check(narrative: NarrativeJson): Promise<ApprovalCheck>;
  preview(narrative: NarrativeJson): Promise<DraftPreview>;
  /** Checks the file whole and stores it only when all of it is right. */
  uploadStatistics(upload: StatisticsUploadRequest): Promise<StatisticsUploadAnswer>;
  /** Resolves once the pipeline has the run; the same message twice makes one version. */
  handOver(message: HandOverMessage): Promise<void>;
}
