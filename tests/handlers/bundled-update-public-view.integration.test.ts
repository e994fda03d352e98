// The updatePublicView function as deployed: its bundle (not the source) in a plain Node process, in Lambda's file
// layout (read-only code with no node_modules, its layers unpacked into /opt and found through NODE_PATH only),
// against dynalite and s3rver. Its code leaves pinyin-pro and ECharts to the site-libraries layer: with the layer it
// writes the same search index and charts as the source does; without it, it cannot build the site.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelinePorts } from '../../functions/adapters/pipeline-wiring';
import type { PublishConfig } from '../../functions/adapters/publish-config';
import { publishStores } from '../../functions/adapters/publish-stores';
import { ensureBuckets } from '../../functions/adapters/s3-artifact-store';
import { siteSettings } from '../../functions/adapters/site-settings';
import { pipelineSteps } from '../../functions/pipeline/pipeline-steps';
import { newRun } from '../../functions/pipeline/run';
import type { Listed } from '../../functions/pipeline/run-stages';
import { pinyinInitials, type SearchIndex } from '../../functions/publish/site/search-index';
import { siteLibraries } from '../../functions/publish/site/site-libraries';
import { agencyPageKey, siteKeys } from '../../functions/publish/site/site-keys';
import { yearCharts } from '../../functions/publish/site/year-charts';
import { cheapRenderer, splitReport } from '../../dev/memory-stores/memory-pipeline-ports';
import { bundleFile, bundleFontsLayer, bundleFunction, bundleSiteLibrariesLayer } from '../../infra/function-bundles';
import { sampleReport } from '../publish/publish-scenarios';
import { invokeInSandbox, lambdaSandbox } from '../support/lambda-sandbox';
import { localAwsStores, uniqueAgency } from '../adapters/local-aws';

const run = promisify(execFile);
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
let root: string;
let config: PublishConfig;
let published: unknown;

/** Runs the bundled handler on the published version, in a fresh sandbox with the given layers: its result. */
async function invoke(name: string, layers: readonly string[]): Promise<Listed | { failure: unknown }> {
  const sandbox = lambdaSandbox(join(root, name), join(root, 'bundle'), ...layers);
  const env = {
    NIANBAO_TABLE: config.table,
    NIANBAO_BUCKET: config.bucket,
    NIANBAO_DYNAMODB_ENDPOINT: config.dynamodbEndpoint!,
    NIANBAO_S3_ENDPOINT: config.s3Endpoint!,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
  return (await invokeInSandbox(sandbox, published, env, 60_000)).result as Listed | { failure: unknown };
}

const agency = uniqueAgency('bundled-view');
const report = sampleReport(agency);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nianbao-view-'));
  await chmod(root, 0o755);
  bundleFunction('updatePublicView', join(root, 'bundle'));
  bundleFontsLayer(join(root, 'fonts-layer'));
  bundleSiteLibrariesLayer(join(root, 'site-layer'));

  // An archive of its own: the site's home files (search index) are per bucket.
  const stores = await localAwsStores('bundled-view');
  config = { ...stores.config, bucket: `nianbao-view-${randomUUID().slice(0, 8)}` };
  await ensureBuckets(config);
  const { narrative, statistics } = splitReport(report);
  const own = publishStores(config);
  await own.statistics.put(statistics);
  const ports = pipelinePorts(config, cheapRenderer, { stores: own, narratives: { get: async () => narrative } });
  // The steps before updatePublicView, in this process: the published version the function is handed.
  let state: unknown = { run: newRun({ agency, year: report.year }) };
  for (const step of pipelineSteps.filter((s) => s.name !== 'updatePublicView')) {
    const result = await step.run(state as never, ports);
    if (!result.ok) throw new Error(`${step.name} rejected the sample: ${result.error.reason}`);
    state = JSON.parse(JSON.stringify(result.value)) as unknown;
  }
  published = state;
}, 120_000);

afterAll(async () => {
  if (root) await run('chmod', ['-R', 'u+w', root]).then(() => rm(root, { recursive: true, force: true }));
});

describe('the bundled updatePublicView function in a Lambda-like sandbox', () => {
  it('has none of the site libraries in its code', async () => {
    const code = await readFile(join(root, 'bundle', bundleFile), 'utf8');
    // Their code is not there (a name zrender's code carries, an option of pinyin-pro's defaults: both are in a bundle
    // that includes them), only the names it requires them by.
    expect(code).not.toMatch(/ZRender|segmentit/);
    for (const library of siteLibraries) expect(code).toContain(JSON.stringify(library));
  });

  it('cannot build the site without the site-libraries layer', async () => {
    const result = await invoke('without', [join(root, 'fonts-layer')]);
    expect(result).toHaveProperty('failure');
    expect(JSON.stringify(result)).toMatch(/Cannot find module '(pinyin-pro|echarts\/core)'/);
  }, 90_000);

  it('writes, with the layer, the pinyin initials and the charts the source computes', async () => {
    const result = await invoke('with', [join(root, 'fonts-layer'), join(root, 'site-layer')]);
    expect(result).toHaveProperty('publicView');
    const { store } = publishStores(config);
    const index = JSON.parse(decode(await store.get(siteKeys(siteSettings(config).root).searchIndex))) as SearchIndex;
    const row = index.agencies.find(([code]) => code === agency);
    expect(row?.[2]).toBe(pinyinInitials(report.agency.name));
    expect(row?.[2]).toMatch(/^[a-z0-9]+$/);
    const page = decode(await store.get(agencyPageKey(agency)));
    const charts = yearCharts([report]);
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect(page).toContain(chart.svg);
  }, 90_000);
});
