// Lambda (behind the pipeline API's POST /checks): the approval check, wired to the statistics table, the archive
// (last year's report) and the shared secret.
// Variables: NIANBAO_TABLE, NIANBAO_BUCKET, NIANBAO_HANDOVER_SECRET_ARN (read at cold start).
import { createCheckReportHandler } from './check-report-handler';
import { draftReaderDeps } from './draft-reader-deps';

export const handler = createCheckReportHandler(draftReaderDeps());
