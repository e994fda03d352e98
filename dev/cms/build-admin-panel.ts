// The admin panel is a built web app (≈ 1 min, ≈ 2 GB the first time): built on the first start, reused after, and
// built again when the panel's own code (cms/src/admin, the format it reads) has changed since.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cmsDir } from './start-cms';

export class AdminBuildError extends Error {
  override readonly name = 'AdminBuildError';
}

/** A digest of what the admin build compiles of ours. */
async function adminSourceDigest(): Promise<string> {
  const hash = createHash('sha256');
  const folder = join(cmsDir, 'src', 'admin');
  const files = (await readdir(folder, { recursive: true })).sort();
  for (const file of [...files.map((f) => join(folder, f)), join(cmsDir, 'src', 'nianbao', 'report-format.json')])
    hash.update(file).update(await readFile(file).catch(() => ''));
  hash.update(await readFile(join(cmsDir, 'package.json')));
  return hash.digest('hex');
}

export async function buildAdminPanelOnce(env: Record<string, string>, log: (line: string) => void): Promise<void> {
  const stamp = join(cmsDir, 'dist', 'build', '.nianbao-admin-source');
  const digest = await adminSourceDigest();
  const built = await readFile(stamp, 'utf8').catch(() => '');
  if (built === digest) return;
  log('CMS: building the admin panel (after a change to it, or the first start: about a minute)…');
  // The package exports no bin path: its main file is dist/index.js, the CLI bin/strapi.js beside dist/.
  const main = createRequire(join(cmsDir, 'package.json')).resolve('@strapi/strapi');
  const strapiCli = join(dirname(dirname(main)), 'bin', 'strapi.js');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [strapiCli, 'build', '--minify'], {
      cwd: cmsDir,
      env: { ...process.env, ...env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
      // Strapi prints its own progress (compiling, building the admin): the editor sees it move.
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', resolve);
  });
  if (code !== 0)
    throw new AdminBuildError(`the admin panel build failed (exit ${String(code)}): see its output above`);
  await writeFile(stamp, digest);
}
