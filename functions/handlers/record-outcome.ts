// Lambda: record-outcome, wired to the staging bucket (NIANBAO_STAGING_BUCKET) and a reporter: the CMS's run records
// when NIANBAO_CMS_URL is set (with the results token from NIANBAO_CMS_TOKEN_SECRET_ARN), else the log.
import { stagingStore, stepConfig } from './lambda-ports';
import { createRecordOutcomeHandler } from './record-outcome-handler';
import { configuredReporter, type ReporterFactory } from './run-reporter';

/** The handler with another reporter (the CMS's, or a fake in tests), configured from `env` once. */
export function recordOutcomeHandler(reporterFactory?: ReporterFactory, env = process.env) {
  const config = stepConfig(['staging'], env);
  return createRecordOutcomeHandler(stagingStore(config), (reporterFactory ?? configuredReporter(env))(config));
}

export const handler = recordOutcomeHandler();
