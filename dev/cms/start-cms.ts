// Strapi in this process: the CMS compiled (cms/ is TypeScript), configured from the environment, given the
// pipeline gateway, loaded and listening. One instance per process (Strapi keeps itself in a global).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type * as StrapiModule from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import type { PipelineGateway } from '../../cms/src/nianbao/pipeline-contract';

// Strapi's ES module build imports directories (lodash/fp), which Node's ESM loader refuses: load its CommonJS build.
const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof StrapiModule;

export const cmsDir = fileURLToPath(new URL('../../cms/', import.meta.url));

export interface CmsOptions {
  readonly port: number;
  /** Secrets and database settings, as environment variables (cms/config/*.ts reads them). */
  readonly env: Record<string, string>;
  readonly gateway: PipelineGateway;
  /** The admin panel needs a build (npm start makes it); API-only otherwise. */
  readonly serveAdminPanel: boolean;
}

export interface RunningCms {
  readonly strapi: Core.Strapi;
  readonly url: string;
  close(): Promise<void>;
}

export class CmsCompileError extends Error {
  override readonly name = 'CmsCompileError';
}

/** tsc over cms/ into cms/dist (incremental: seconds when nothing changed). */
export async function compileCms(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', cmsDir], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? '';
    throw new CmsCompileError(`the CMS does not compile:\n${output}`, { cause: error });
  }
}

export async function startCms(options: CmsOptions): Promise<RunningCms> {
  await compileCms();
  Object.assign(process.env, options.env, {
    HOST: '127.0.0.1',
    PORT: String(options.port),
    SERVE_ADMIN_PANEL: String(options.serveAdminPanel),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'none',
  });
  const strapi = createStrapi({ appDir: cmsDir, distDir: `${cmsDir}dist`, autoReload: false });
  strapi.add('nianbao.pipeline', () => options.gateway);
  await strapi.load();
  await strapi.listen();
  return {
    strapi,
    url: `http://127.0.0.1:${options.port}`,
    async close() {
      // destroy() removes every listener of the process (a test worker's too): keep them.
      const removeAll = process.removeAllListeners.bind(process);
      process.removeAllListeners = () => process;
      try {
        await strapi.destroy();
      } finally {
        process.removeAllListeners = removeAll;
      }
    },
  };
}
