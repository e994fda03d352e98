// Who hears a run on AWS: the CMS's run records when NIANBAO_CMS_URL is set (with the results token from the Secrets
// Manager secret NIANBAO_CMS_TOKEN_SECRET_ARN), else the log. Each step function tells it the run's progress,
// record-outcome its outcome.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { publicUrl } from '../adapters/public-url';
import { requiredVariable, type PublishConfig } from '../adapters/publish-config';
import { StrapiRunRecords } from '../adapters/strapi-run-records';
import type { RunOutcomeReporter } from '../pipeline/run-outcome';
import { cachedSecret } from './cached-secret';
import { logger } from './handler-logger';

/** Makes a function's reporter from its configuration (the CMS's, the log, or a fake in tests). */
export type ReporterFactory = (config: PublishConfig) => RunOutcomeReporter;

/** Outcomes to the log; progress to nobody (each step logs its start anyway). */
export const loggedOutcomes: RunOutcomeReporter = {
  async progress() {},
  async outcome(run, outcome) {
    logger.info('run outcome', { source: run.source, outcome });
  },
};

const logReporter: ReporterFactory = () => loggedOutcomes;

/** The CMS's run records over its REST API; the token is read when first needed and kept a few minutes. */
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

/** The reporter the stack configured for this function (read once, at cold start). */
export const configuredReporter = (env: NodeJS.ProcessEnv = process.env): ReporterFactory =>
  env.NIANBAO_CMS_URL ? cmsRunRecords(env.NIANBAO_CMS_URL, env) : logReporter;
