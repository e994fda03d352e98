// A Secrets Manager secret's value, read once per warm function and kept a few minutes: a rotated secret is picked
// up without a redeploy.
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

export class SecretValueError extends Error {
  override name = 'SecretValueError';
}

export function cachedSecret(secretId: string, client: SecretsManagerClient, ttlMs = 5 * 60_000) {
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
