// Lambda: record-outcome, wired to the staging bucket (NIANBAO_STAGING_BUCKET) and a reporter: the CMS's run records
// when NIANBAO_CMS_URL is set (with the results token from NIANBAO_CMS_TOKEN_SECRET_ARN), else the log.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { publicUrl } from '../adapters/public-url';
import { requiredVariable } from '../adapters/publish-config';
import { StrapiRunRecords } from '../adapters/strapi-run-records';
import { cachedSecret } from './cached-secret';
import { stagingStore, stepConfig } from './lambda-ports';
import { createRecordOutcomeHandler, logReporter, type ReporterFactory } from './record-outcome-handler';

/** The handler with another reporter (the CMS's, or a fake in tests), configured from `env` once. */
export function recordOutcomeHandler(reporterFactory: ReporterFactory = logReporter, env = process.env) {
  const config = stepConfig(['staging'], env);
  return createRecordOutcomeHandler(stagingStore(config), reporterFactory(config));
}

/** The CMS's run records over its REST API. */
const cmsRunRecords =
  (cmsUrl: string, env: NodeJS.ProcessEnv): ReporterFactory =>
  (config) =>
    new StrapiRunRecords({
      cmsUrl,
      resultsToken: cachedSecret(
        requiredVariable(env, 'NIANBAO_CMS_TOKEN_SECRET_ARN'),
        new SecretsManagerClient({ region: config.region }),
      ),
      publicUrl: (key) => publicUrl(config, key),
    });

export const handler = recordOutcomeHandler(
  process.env.NIANBAO_CMS_URL ? cmsRunRecords(process.env.NIANBAO_CMS_URL, process.env) : logReporter,
);
