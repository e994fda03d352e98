// The approval check over HTTP (POST /checks): the CMS sends the narrative it is about to publish, signed like a
// hand-over, and gets the findings the pipeline would have for it (check-report.ts), before anything is public.
import type { NarrativeSource } from '../core/merge/merge-report';
import { checkReport } from '../pipeline/check-report';
import { isRecord } from '../pipeline/hand-over';
import type { PipelinePorts } from '../pipeline/pipeline-ports';
import { json, signedJsonRoute, type SignedRouteDeps } from './signed-request';

export type CheckReportDeps = Pick<PipelinePorts, 'statistics' | 'previousReports'> & SignedRouteDeps;

export const createCheckReportHandler = (deps: CheckReportDeps) =>
  signedJsonRoute(deps, 'the report could not be checked', async (body) => {
    const narrative = isRecord(body) ? body.narrative : undefined;
    if (!isRecord(narrative) || !isRecord(narrative.agency))
      return json(400, { error: 'narrative: expected a report document without its tables' });
    return json(200, { ...(await checkReport(narrative as unknown as NarrativeSource, deps)) });
  });
