// What the CMS needs of the pipeline, as one small interface: check a report as it would be published, and hand an
// approved run over. The host that runs the CMS provides it: locally the npm start process (the pipeline in the
// same process), on AWS an HTTP client of the pipeline's endpoints. Shapes are the pipeline's JSON (hand-over.ts,
// validation-finding.ts); the CMS does not import the pipeline's code.
import type { Core } from '@strapi/strapi';
import { httpPipelineGateway } from './http-pipeline-gateway';
import type { NarrativeJson } from './narrative-source';
import { requiredEnv } from './required-env';

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

/**
 * The gateway the host registered (npm start: the pipeline in process), else the pipeline's HTTP API from
 * NIANBAO_PIPELINE_URL and NIANBAO_PIPELINE_SECRET (AWS). Called at bootstrap, so a CMS without a pipeline does not
 * start.
 */
export function pipelineGateway(strapi: Core.Strapi): PipelineGateway {
  if (!strapi.has(pipelineGatewayName)) {
    if (!process.env.NIANBAO_PIPELINE_URL)
      throw new PipelineGatewayMissingError(
        'NIANBAO_PIPELINE_URL is not set: the pipeline API the CMS checks and hands approved reports to (npm start runs it in process)',
      );
    const url = process.env.NIANBAO_PIPELINE_URL.replace(/\/+$/, '');
    const gateway = httpPipelineGateway({
      url,
      secret: requiredEnv('NIANBAO_PIPELINE_SECRET', 'the hand-over secret'),
    });
    strapi.add(pipelineGatewayName, gateway);
  }
  const gateway: PipelineGateway = strapi.get(pipelineGatewayName);
  return gateway;
}
