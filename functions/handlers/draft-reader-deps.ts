// What the pipeline API's read-only routes (POST /checks, POST /previews) are wired to on AWS: the statistics table,
// the archive's published reports (last year's, for the cross-year rules) and the shared secret that signs requests.
// Variables: NIANBAO_TABLE, NIANBAO_BUCKET, NIANBAO_HANDOVER_SECRET_ARN (read at cold start).
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requiredVariable } from '../adapters/publish-config';
import { cachedSecret } from './cached-secret';
import { previousReports, statisticsRepository, stepConfig } from './lambda-ports';

export function draftReaderDeps(env = process.env) {
  const config = stepConfig(['statistics', 'previousReports'], env);
  return {
    config,
    statistics: statisticsRepository(config),
    previousReports: previousReports(config),
    secret: cachedSecret(
      requiredVariable(env, 'NIANBAO_HANDOVER_SECRET_ARN'),
      new SecretsManagerClient({ region: config.region }),
    ),
  };
}
