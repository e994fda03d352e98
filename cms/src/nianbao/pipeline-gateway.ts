// What the CMS needs of the pipeline, as one small interface: check a report as it would be published, and hand an
// approved run over. The host that runs the CMS provides it: locally the npm start process (the pipeline in the
// same process), on AWS an HTTP client of the pipeline's endpoints. Shapes are the pipeline's JSON (hand-over.ts,
// validation-finding.ts); the CMS does not import the pipeline's code.
import type { Core } from '@strapi/strapi';
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

export interface PipelineGateway {
  check(narrative: NarrativeJson): Promise<ApprovalCheck>;
  /** Resolves once the pipeline has the run; the same message twice makes one version. */
  handOver(message: HandOverMessage): Promise<void>;
}

/** Where the host registers the gateway before the CMS loads: `strapi.add(pipelineGatewayName, () => gateway)`. */
export const pipelineGatewayName = 'nianbao.pipeline';

export class PipelineGatewayMissingError extends Error {
  override readonly name = 'PipelineGatewayMissingError';
}

export function pipelineGateway(strapi: Core.Strapi): PipelineGateway {
  if (!strapi.has(pipelineGatewayName))
    throw new PipelineGatewayMissingError(
      `no pipeline: start the CMS through its host (npm start), which registers "${pipelineGatewayName}"`,
    );
  const gateway: PipelineGateway = strapi.get(pipelineGatewayName);
  return gateway;
}
