// The admin panel is a built web app (≈ 1 min, ≈ 2 GB the first time): built on the first start, reused after.
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cmsDir } from './start-cms';

export class AdminBuildError extends Error {
  override readonly name = 'AdminBuildError';
}

export async function buildAdminPanelOnce(env: Record<string, string>, log: (line: string) => void): Promise<void> {
  const built = await access(join(cmsDir, 'dist', 'build', 'index.html')).then(
    () => true,
    () => false,
  );
  if (built) return;
  log('CMS: building the admin panel (first start only, about a minute)…');
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
}
