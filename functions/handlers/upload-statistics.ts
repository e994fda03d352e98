// Lambda (behind the pipeline API's POST /statistics): an editor's upload, wired to the statistics table and the
// shared secret. Variables: NIANBAO_TABLE, NIANBAO_HANDOVER_SECRET_ARN (read at cold start).
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requiredVariable } from '../adapters/publish-config';
import { cachedSecret } from './cached-secret';
import { statisticsRepository, stepConfig } from './lambda-ports';
import { createUploadStatisticsHandler } from './upload-statistics-handler';

const config = stepConfig(['statistics']);

export const handler = createUploadStatisticsHandler({
  statistics: statisticsRepository(config),
  secret: cachedSecret(
    requiredVariable(process.env, 'NIANBAO_HANDOVER_SECRET_ARN'),
    new SecretsManagerClient({ region: config.region }),
  ),
});
