// npm run bench:approval [-- N] — approval to public: a 审核人 publishes a report through the CMS's admin API
// (the approval check runs inside the publish), the run is handed over, assembled, validated, rendered (Chromium)
// and published to the local archive; the clock stops when the version's HTML and PDF answer 200 on the local CDN.
// N approvals (default 20), one after another, each a new version. Target: median ≤ 3 s on this machine.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logIn, reportPath } from '../dev/cms/admin-session';
import { ensureLocalAccounts } from '../dev/cms/local-accounts';
import { seedSampleDraft } from '../dev/cms/seed-cms';
import { startLocalSystem } from '../dev/local-system';
import type { ReportDocument } from '../functions/core/report/report-document';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const approvals = Number(process.argv[2] ?? 20);
const sample = JSON.parse(
  await readFile(new URL('../samples/lishi-2023.json', import.meta.url), 'utf8'),
) as ReportDocument;

const dataDir = await mkdtemp(join(tmpdir(), 'nianbao-bench-approval-'));
process.env.ADMIN_RATE_LIMIT = 'false';
process.env.NIANBAO_CMS_LOG_LEVEL = 'warn';
const system = await startLocalSystem({ dataDir, serveAdminPanel: false, temporary: true, log: () => undefined });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

try {
  const { statistics, ...narrative } = sample;
  await system.stack.stores.statistics.put({
    agency: sample.agency.code,
    year: sample.year,
    template: sample.template,
    statistics,
  });
  const documentId = await seedSampleDraft(system.cms.strapi, narrative);
  const accounts = await ensureLocalAccounts(system.cms.strapi, dataDir);
  const [editor, approver] = await Promise.all([
    logIn(system.cms.url, accounts.editor),
    logIn(system.cms.url, accounts.approver),
  ]);
  const token = { authorization: `Bearer ${system.secrets.NIANBAO_RESULTS_TOKEN}` };
  const latest = async () => {
    const response = await fetch(`${system.cms.url}/api/publication-runs?sort=createdAt:desc&pagination[limit]=1`, {
      headers: token,
    });
    return ((await response.json()) as { data: { runId: string; phase: string; htmlUrl?: string; pdfUrl?: string }[] })
      .data[0];
  };
  const answers = async (url: string) => (await fetch(url)).status === 200;
  const latencies: number[] = [];
  const checks: number[] = [];
  for (let i = 1; i <= approvals; i++) {
    // Each approval publishes new content: the editor amends section 五 first (not timed).
    const edit = { problems: `${sample.narrative.problems}\n\n（第 ${i} 次修订。）`, changeNote: `第 ${i} 次修订` };
    if ((await editor.request('PUT', `${reportPath}/${documentId}`, edit)).status !== 200)
      throw new Error('edit refused');
    const before = (await latest())?.runId;
    const started = performance.now();
    const publish = await approver.request('POST', `${reportPath}/${documentId}/actions/publish`, {});
    checks.push(performance.now() - started);
    if (publish.status !== 200) throw new Error(`publish ${i} refused: ${JSON.stringify(publish.body.error)}`);
    for (;;) {
      const run = await latest();
      if (run && run.runId !== before && run.phase === 'published' && run.htmlUrl && run.pdfUrl) {
        if ((await answers(run.htmlUrl)) && (await answers(run.pdfUrl))) break;
      }
      if (run && run.runId !== before && (run.phase === 'rejected' || run.phase === 'failed'))
        throw new Error(`run ${run.phase}`);
      await sleep(25);
    }
    latencies.push(performance.now() - started);
    process.stderr.write('.');
  }
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  };
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(`\napproval to public, ${approvals} approvals, one at a time (this machine: ${process.arch}, 2 cores)\n`);
  console.log('| measure | median s | p95 s | max s |');
  console.log('|---|---|---|---|');
  for (const [name, values] of [
    ['publish answered (approval check + commit)', checks],
    ['HTML and PDF answer 200 on the CDN', latencies],
  ] as const)
    console.log(
      `| ${name} | ${seconds(percentile(values, 50))} | ${seconds(percentile(values, 95))} | ${seconds(Math.max(...values))} |`,
    );
  const median = percentile(latencies, 50);
  console.log(`\ntarget: median ≤ 3 s — ${median <= 3000 ? 'met' : 'NOT met'} (${seconds(median)} s)`);
} finally {
  await system.close();
  await rm(dataDir, { recursive: true, force: true });
}
