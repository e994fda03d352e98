// The approval check over HTTP (POST /checks): the CMS sends the narrative it is about to publish, signed like a
// hand-over, and gets the findings the pipeline would have for it (check-report.ts), before anything is public.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { NarrativeSource } from '../core/merge/merge-report';
import { checkReport } from '../pipeline/check-report';
import type { PipelinePorts } from '../pipeline/pipeline-ports';
import { errorAnswer, json, readSignedJson, type ApiResponse } from './signed-request';

export interface CheckReportDeps extends Pick<PipelinePorts, 'statistics' | 'previousReports'> {
  readonly secret: () => Promise<string>;
  readonly nowMs?: () => number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function createCheckReportHandler(deps: CheckReportDeps) {
  const nowMs = deps.nowMs ?? Date.now;
  return async (event: APIGatewayProxyEventV2): Promise<ApiResponse> => {
    try {
      const parsed = readSignedJson(event, await deps.secret(), Math.floor(nowMs() / 1000));
      if (!parsed.ok) return parsed.error;
      const narrative = isRecord(parsed.value) ? parsed.value.narrative : undefined;
      if (!isRecord(narrative) || !isRecord(narrative.agency))
        return json(400, { error: 'narrative: expected a report document without its tables' });
      const checked = await checkReport(narrative as unknown as NarrativeSource, deps);
      return json(200, checked.ok ? { ...checked.value } : { ...checked.error.report, reason: checked.error.reason });
    } catch (error) {
      return errorAnswer(error, 'the report could not be checked');
    }
  };
}
