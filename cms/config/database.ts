import { envBool, envInt, requiredEnv } from '../src/nianbao/required-env';

// PostgreSQL everywhere: embedded locally and in tests (npm start), RDS in production, so what is tested is what runs.
export default () => ({
  connection: {
    client: 'postgres',
    connection: {
      host: requiredEnv('DATABASE_HOST'),
      port: envInt('DATABASE_PORT', 5432),
      database: requiredEnv('DATABASE_NAME'),
      user: requiredEnv('DATABASE_USERNAME'),
      password: requiredEnv('DATABASE_PASSWORD'),
      ssl: envBool('DATABASE_SSL', false)
        ? { rejectUnauthorized: envBool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
        : false,
    },
    pool: { min: 0, max: envInt('DATABASE_POOL_MAX', 10) },
    acquireConnectionTimeout: 60_000,
  },
});
