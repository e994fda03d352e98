// Lambda (behind the pipeline API's POST /checks): the approval check, wired to the statistics table, the archive
// (last year's report) and the shared secret.
// Variables: NIANBAO_TABLE, NIANBAO_BUCKET, NIANBAO_HANDOVER_SECRET_ARN (read at cold start).
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requiredVariable } from '../adapters/publish-config';
import { cachedSecret } from './cached-secret';
import { createCheckReportHandler } from './check-report-handler';
import { previousReports, statisticsRepository, stepConfig } from './lambda-ports';

const config = stepConfig(['statistics', 'previousReports']);

export const handler = createCheckReportHandler({
  statistics: statisticsRepository(config),
  previousReports: previousReports(config),
  secret: cachedSecret(
    requiredVariable(process.env, 'NIANBAO_HANDOVER_SECRET_ARN'),
    new SecretsManagerClient({ region: config.region }),
  ),
});
