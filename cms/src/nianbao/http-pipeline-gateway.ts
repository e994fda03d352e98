// The pipeline over HTTP, as the CMS reaches it on AWS: POST {url}/checks (the approval check) and POST {url}/runs
// (the hand-over, which starts a Step Functions execution named after the run), POST {url}/previews and
// POST {url}/statistics (an editor's upload), each signed with the shared secret:
// X-Nianbao-Timestamp (Unix seconds) and X-Nianbao-Signature `v1=` + hex HMAC-SHA256 of `{timestamp}.{body}`
// (docs/aws-pipeline.md, the hand-over contract).
import { createHmac } from 'node:crypto';
import type { NarrativeJson } from './narrative-source';
import type {
  ApprovalCheck,
  DraftPreview,
  HandOverMessage,
  PipelineGateway,
  StatisticsUploadAnswer,
  StatisticsUploadRequest,
} from './pipeline-contract';

export interface HttpPipelineConfig {
  /** The pipeline API's base URL (stack output), without a trailing slash. */
  readonly url: string;
  readonly secret: string;
  /** Per request; the approval check waits while the approver looks at the spinner. */
  readonly timeoutMs?: number;
}

export class PipelineRequestError extends Error {
  override readonly name = 'PipelineRequestError';
}

export const signBody = (secret: string, timestamp: string, body: string): string =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

async function post(
  config: HttpPipelineConfig,
  path: string,
  payload: unknown,
): Promise<{ status: number; body: unknown }> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  let response: Response;
  try {
    response = await fetch(`${config.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-nianbao-timestamp': timestamp,
        'x-nianbao-signature': signBody(config.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(config.timeoutMs ?? 20_000),
    });
  } catch (error) {
    throw new PipelineRequestError(`the pipeline at ${config.url}${path} did not answer`, { cause: error });
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed };
}

const errorOf = (body: unknown) =>
  typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : '';

export function httpPipelineGateway(config: HttpPipelineConfig): PipelineGateway {
  return {
    async check(narrative: NarrativeJson): Promise<ApprovalCheck> {
      const { status, body } = await post(config, '/checks', { narrative });
      if (status !== 200)
        throw new PipelineRequestError(`approval check: the pipeline answered ${status} ${errorOf(body)}`);
      return body as ApprovalCheck;
    },
    async preview(narrative: NarrativeJson): Promise<DraftPreview> {
      // POST /previews: the preview-draft Lambda (the same previewDraft as npm start's pipeline).
      const { status, body } = await post(config, '/previews', { narrative });
      if (status !== 200) throw new PipelineRequestError(`preview: the pipeline answered ${status} ${errorOf(body)}`);
      return body as DraftPreview;
    },
    async uploadStatistics(upload: StatisticsUploadRequest): Promise<StatisticsUploadAnswer> {
      const { status, body } = await post(config, '/statistics', upload);
      // 422: the file was read and refused (the answer says why); anything else is the pipeline's problem.
      if (status !== 200 && status !== 422)
        throw new PipelineRequestError(`statistics upload: the pipeline answered ${status} ${errorOf(body)}`);
      return body as StatisticsUploadAnswer;
    },
    async handOver(message: HandOverMessage): Promise<void> {
      const { status, body } = await post(config, '/runs', message);
      // 202 started, 200 already started (the same run again): both mean the pipeline has it.
      if (status !== 202 && status !== 200)
        throw new PipelineRequestError(`hand-over: the pipeline answered ${status} ${errorOf(body)}`);
    },
  };
}
