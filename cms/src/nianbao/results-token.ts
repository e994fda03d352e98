// The pipeline writes run progress and outcomes into run records with an API token that can do nothing else: read
// and update publication runs. Its key comes from the environment (Secrets Manager on AWS), so the pipeline knows it
// without anyone copying it out of the admin; the stored hash follows the variable when the key is rotated.
import type { Core } from '@strapi/strapi';
import { requiredEnv } from './required-env';
import { runUid } from './run-records';

export const resultsTokenName = 'nianbao-pipeline-results';
export const resultsTokenActions = ['find', 'findOne', 'update'].map((action) => `${runUid}.${action}`);

interface TokenService {
  hash(accessKey: string): string;
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
}

export async function ensureResultsToken(strapi: Core.Strapi): Promise<void> {
  const key = requiredEnv('NIANBAO_RESULTS_TOKEN', 'the API key the pipeline writes run records with');
  const tokens = strapi.service('admin::api-token') as unknown as TokenService;
  const store = strapi.db.query('admin::api-token');
  const existing = (await store.findOne({ where: { name: resultsTokenName } })) as { id: number } | null;
  const { id } =
    existing ??
    (await tokens.create({
      name: resultsTokenName,
      description: 'nianbao pipeline: writes the progress and outcome of publication runs (nothing else)',
      type: 'custom',
      kind: 'content-api',
      permissions: resultsTokenActions,
      lifespan: null,
    }));
  await store.update({ where: { id }, data: { accessKey: tokens.hash(key), encryptedKey: null } });
}
