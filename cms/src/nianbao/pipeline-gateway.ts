// What the CMS needs of the pipeline, as one small interface: check a report as it would be published, and hand an
// approved run over. The host that runs the CMS provides it: locally the npm start process (the pipeline in the
// same process), on AWS an HTTP client of the pipeline's endpoints. The shapes: pipeline-contract.ts.
import type { Core } from '@strapi/strapi';
import { httpPipelineGateway } from './http-pipeline-gateway';
import type { PipelineGateway } from './pipeline-contract';
import { requiredEnv } from './required-env';

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
