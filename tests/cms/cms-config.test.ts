// The CMS has no fallback secrets: a missing one stops it at start, naming the variable.
import { afterEach, describe, expect, it, vi } from 'vitest';
import adminConfig from '../../cms/config/admin';
import databaseConfig from '../../cms/config/database';
import serverConfig from '../../cms/config/server';

const complete = {
  APP_KEYS: 'a,b',
  ADMIN_JWT_SECRET: 'x',
  API_TOKEN_SALT: 'x',
  TRANSFER_TOKEN_SALT: 'x',
  ENCRYPTION_KEY: 'x',
  DATABASE_HOST: 'db',
  DATABASE_NAME: 'cms',
  DATABASE_USERNAME: 'cms',
  DATABASE_PASSWORD: 'x',
};

afterEach(() => vi.unstubAllEnvs());

describe('the CMS configuration', () => {
  it('reads a complete environment', () => {
    for (const [name, value] of Object.entries(complete)) vi.stubEnv(name, value);
    expect(serverConfig().app.keys).toEqual(['a', 'b']);
    expect(adminConfig().auth.secret).toBe('x');
    expect(databaseConfig().connection.connection).toMatchObject({ host: 'db', port: 5432, ssl: false });
  });

  it.each(Object.keys(complete))('stops without %s, naming it', (missing) => {
    for (const [name, value] of Object.entries(complete)) vi.stubEnv(name, name === missing ? '' : value);
    const load = () => [serverConfig(), adminConfig(), databaseConfig()];
    expect(load).toThrow(new RegExp(`^${missing} is not set`));
  });

  it('refuses a malformed number or flag instead of guessing', () => {
    for (const [name, value] of Object.entries(complete)) vi.stubEnv(name, value);
    vi.stubEnv('DATABASE_PORT', '54x');
    expect(() => databaseConfig()).toThrow(/^DATABASE_PORT must be an integer/);
    vi.stubEnv('DATABASE_PORT', '5432');
    vi.stubEnv('DATABASE_SSL', 'yes');
    expect(() => databaseConfig()).toThrow(/^DATABASE_SSL must be true or false/);
  });
});
