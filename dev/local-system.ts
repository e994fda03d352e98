// The whole product on one machine: the local AWS stand-ins (dynalite, s3rver, a CDN), the pipeline in this process,
// PostgreSQL and the CMS (Strapi) with the pipeline as its gateway. npm start runs it; the CMS tests start it once
// per file with a temporary data folder.
import { mkdir } from 'node:fs/promises';
import { ChromiumRenderer } from '../functions/adapters/chromium-renderer';
import { pipelinePorts } from '../functions/adapters/pipeline-wiring';
import { fontAssetPrefix } from '../functions/adapters/font-site-assets';
import { publicUrl } from '../functions/adapters/public-url';
import { StrapiRunRecords } from '../functions/adapters/strapi-run-records';
import type { PipelinePorts, ReportRenderer } from '../functions/pipeline/pipeline-ports';
import { localCmsSecrets, type CmsSecrets } from './cms/cms-secrets';
import { buildAdminPanelOnce } from './cms/build-admin-panel';
import { cmsAgencyDirectory } from './cms/cms-agency-directory';
import { inProcessPipeline, type InProcessPipeline } from './cms/in-process-pipeline';
import { freePort, startLocalPostgres } from './cms/local-postgres';
import { startCms, type RunningCms } from './cms/start-cms';
import { startLocalStack, type LocalStack } from './local-stack/local-stack';

export interface LocalSystemOptions {
  readonly dataDir: string;
  /** 0 picks free ports. */
  readonly ports?: { readonly cdn?: number; readonly cms?: number };
  readonly serveAdminPanel: boolean;
  /** Delete the database when stopped (tests). */
  readonly temporary?: boolean;
  /** Default: Chromium, one page at a time. */
  readonly renderer?: ReportRenderer;
  readonly log?: (line: string) => void;
}

export interface LocalSystem {
  readonly stack: LocalStack;
  readonly cms: RunningCms;
  readonly pipeline: InProcessPipeline;
  readonly ports: PipelinePorts;
  readonly secrets: CmsSecrets;
  close(): Promise<void>;
}

export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const log = options.log ?? console.log;
  await mkdir(options.dataDir, { recursive: true });
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch((error: unknown) => log(`stopping: ${String(error)}`));
  };
  try {
    const stack = await startLocalStack({ dataDir: options.dataDir, ports: { cdn: options.ports?.cdn ?? 0 } });
    closers.push(() => stack.close());
    const ownRenderer = options.renderer ? undefined : new ChromiumRenderer({ concurrency: 1 });
    if (ownRenderer) closers.push(() => ownRenderer.close());
    const renderer = options.renderer ?? ownRenderer!;
    const secrets = await localCmsSecrets(options.dataDir);
    const postgres = await startLocalPostgres({
      dataDir: options.dataDir,
      password: secrets.DATABASE_PASSWORD,
      temporary: options.temporary ?? false,
      log,
    });
    closers.push(() => postgres.close());
    // A publish cut off by Ctrl-C leaves its slot leased; locally, let the next start take it over soon.
    // The pipeline's ports exist before the CMS does; its agency records are read once it runs.
    const started: { cms?: RunningCms } = {};
    const ports = pipelinePorts(stack.config, renderer, {
      stores: stack.stores,
      publishing: { leaseMs: 20_000 },
      agencies: cmsAgencyDirectory(() => started.cms?.strapi),
    });
    const cmsPort = options.ports?.cms || (await freePort());
    const reporter = new StrapiRunRecords({
      cmsUrl: `http://127.0.0.1:${cmsPort}`,
      resultsToken: secrets.NIANBAO_RESULTS_TOKEN,
      publicUrl: (key) => publicUrl(stack.config, key),
    });
    const pipeline = inProcessPipeline(ports, reporter, publicUrl(stack.config, fontAssetPrefix), log);
    const cmsEnv = { ...secrets, ...postgres.env };
    if (options.serveAdminPanel) await buildAdminPanelOnce(cmsEnv, log);
    const cms = await startCms({
      port: cmsPort,
      env: cmsEnv,
      gateway: pipeline.gateway,
      serveAdminPanel: options.serveAdminPanel,
    });
    started.cms = cms;
    closers.push(() => cms.close());
    // Stopping: runs in flight finish (and report to the CMS) first.
    closers.push(() => pipeline.idle());
    return { stack, cms, pipeline, ports, secrets, close };
  } catch (error) {
    await close();
    throw error;
  }
}
