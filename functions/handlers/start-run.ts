// Lambda (behind an HTTP API route): the start-run entry, wired to Secrets Manager, the staging bucket and Step
// Functions.
// Variables: NIANBAO_STAGING_BUCKET, NIANBAO_STATE_MACHINE_ARN, NIANBAO_HANDOVER_SECRET_ARN (read at cold start).
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requiredVariable } from '../adapters/publish-config';
import { stagingStore, stepConfig } from './lambda-ports';
import { createStartRunHandler, type StartRunDeps } from './start-run-handler';

export class SecretValueError extends Error {
  override name = 'SecretValueError';
}

/** Read once per warm function, kept a few minutes: a rotated secret is picked up without a redeploy. */
function cachedSecret(secretId: string, client: SecretsManagerClient, ttlMs = 5 * 60_000) {
  let cached: { value: Promise<string>; until: number } | undefined;
  return () => {
    if (!cached || cached.until < Date.now()) {
      const value = client.send(new GetSecretValueCommand({ SecretId: secretId })).then((out) => {
        if (!out.SecretString) throw new SecretValueError(`secret ${secretId} has no string value`);
        return out.SecretString;
      });
      value.catch(() => (cached = undefined));
      cached = { value, until: Date.now() + ttlMs };
    }
    return cached.value;
  };
}

function lambdaDeps(env = process.env): StartRunDeps {
  const config = stepConfig(['staging'], env);
  const stateMachineArn = requiredVariable(env, 'NIANBAO_STATE_MACHINE_ARN');
  const secretId = requiredVariable(env, 'NIANBAO_HANDOVER_SECRET_ARN');
  const sfn = new SFNClient({ region: config.region });
  return {
    staging: stagingStore(config),
    secret: cachedSecret(secretId, new SecretsManagerClient({ region: config.region })),
    async startExecution(name, input) {
      try {
        await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input }));
        return 'started';
      } catch (error) {
        if ((error as { name?: string }).name === 'ExecutionAlreadyExists') return 'already-started';
        throw error;
      }
    },
  };
}

export const handler = createStartRunHandler(lambdaDeps());
