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

export interface ApprovalCheck {
  readonly errors: number;
  readonly warnings: number;
  readonly findings: readonly Finding[];
  /** Set when the report could not be checked at all, e.g. no statistics stored for it. */
  readonly reason?: string;
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
    };
  };
  readonly narrative: NarrativeJson;
}

/** A draft rendered as it will print, with its findings. */
export interface DraftPreview {
  readonly html: string;
  readonly contentSecurityPolicy: string;
}

export interface PipelineGateway {
  check(narrative: NarrativeJson): Promise<ApprovalCheck>;
  preview(narrative: NarrativeJson): Promise<DraftPreview>;
  /** Resolves once the pipeline has the run; the same message twice makes one version. */
  handOver(message: HandOverMessage): Promise<void>;
}
