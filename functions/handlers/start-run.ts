// Lambda (behind an HTTP API route): the start-run entry, wired to Secrets Manager, the staging bucket and Step
// Functions.
// Variables: NIANBAO_STAGING_BUCKET, NIANBAO_STATE_MACHINE_ARN, NIANBAO_HANDOVER_SECRET_ARN (read at cold start).
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { requiredVariable } from '../adapters/publish-config';
import { cachedSecret } from './cached-secret';
import { stagingStore, stepConfig } from './lambda-ports';
import { createStartRunHandler, type StartRunDeps } from './start-run-handler';

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
