// The approval check over HTTP (POST /checks): the CMS sends the narrative it is about to publish, signed like a
// hand-over, and gets the findings the pipeline would have for it (check-report.ts), before anything is public.
import { checkReport } from '../pipeline/check-report';
import type { PipelinePorts } from '../pipeline/pipeline-ports';
import { signedNarrativeRoute } from './narrative-route';
import type { SignedRouteDeps } from './signed-request';

export type CheckReportDeps = Pick<PipelinePorts, 'statistics' | 'previousReports'> & SignedRouteDeps;

export const createCheckReportHandler = (deps: CheckReportDeps) =>
  signedNarrativeRoute(deps, 'the report could not be checked', async (narrative) => ({
    ...(await checkReport(narrative, deps)),
  }));
