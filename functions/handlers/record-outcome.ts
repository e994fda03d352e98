// Lambda: record-outcome, wired to the staging bucket (NIANBAO_STAGING_BUCKET) and a reporter.
import { stagingStore, stepConfig } from './lambda-ports';
import { createRecordOutcomeHandler, logReporter, type ReporterFactory } from './record-outcome-handler';

/** The handler with another reporter (the CMS's, or a fake in tests), configured from `env` once. */
export function recordOutcomeHandler(reporterFactory: ReporterFactory = logReporter, env = process.env) {
  const config = stepConfig(['staging'], env);
  return createRecordOutcomeHandler(stagingStore(config), reporterFactory(config));
}

export const handler = recordOutcomeHandler();
