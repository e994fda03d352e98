// Local secrets of the CMS, generated once into the data folder (never committed, never a default in the source):
// the CMS refuses to start without them (cms/config/*.ts), so npm start makes them.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const names = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  'DATABASE_PASSWORD',
  'NIANBAO_RESULTS_TOKEN',
] as const;

export type CmsSecrets = Record<(typeof names)[number], string>;

const secret = () => randomBytes(32).toString('base64url');

function generate(): CmsSecrets {
  const secrets = Object.fromEntries(names.map((name) => [name, secret()])) as CmsSecrets;
  return { ...secrets, APP_KEYS: [secret(), secret()].join(',') };
}

/** The secrets in `{dataDir}/cms-secrets.json`, made (mode 600) on first use. */
export async function localCmsSecrets(dataDir: string): Promise<CmsSecrets> {
  const file = join(dataDir, 'cms-secrets.json');
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<CmsSecrets>;
    if (names.every((name) => typeof stored[name] === 'string')) return stored as CmsSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secrets = generate();
  await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
