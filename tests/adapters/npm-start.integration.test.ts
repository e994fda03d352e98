// `npm start` end to end: the printed URLs answer 200 with the CDN's cache headers, Ctrl-C stops everything,
// and the next start reuses the data (the unchanged sample is the existing version, not a new one).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { LocalAccounts } from '../../dev/cms/local-accounts';
import { logIn, reportPath } from '../../dev/cms/admin-session';

const startScript = new URL('../../dev/start.ts', import.meta.url).pathname;
let dataDir = '';

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function startStack(args: string[]) {
  const child = spawn(
    process.execPath,
    // The admin panel's build (a minute, 2 GB) is npm start's first-start step, not this test's.
    ['--import', 'tsx', startScript, '--data-dir', dataDir, '--port', '0', '--cms-port', '0', '--no-admin', ...args],
    {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NIANBAO_CMS_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = async (text: string) => {
    for (let i = 0; i < 600 && !output.includes(text); i++) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).toContain(text);
  };
  return { child, exited, waitFor, output: () => output };
}

/** The printed CMS, its 审核人 publishing the seeded draft: the run record says published, with the version's URL. */
async function approveSeededDraft(output: string) {
  const cmsUrl = /^CMS: (\S+)\/admin/m.exec(output)?.[1];
  expect(cmsUrl).toBeDefined();
  const accounts = JSON.parse(await readFile(join(dataDir, 'cms-accounts.json'), 'utf8')) as LocalAccounts;
  const approver = await logIn(cmsUrl!, accounts.approver);
  const drafts = await approver.request('GET', `${reportPath}?status=draft`);
  const documentId = String((drafts.body as { results?: { documentId: string }[] }).results?.[0]?.documentId);
  expect((await approver.request('POST', `${reportPath}/${documentId}/actions/publish`, {})).status).toBe(200);
  for (let i = 0; i < 200; i++) {
    const runs = await approver.request(
      'GET',
      `/content-manager/collection-types/api::publication-run.publication-run`,
    );
    const [run] = (runs.body as { results?: { phase: string; documentId: string }[] }).results ?? [];
    if (run?.phase === 'published') {
      const record = await approver.request(
        'GET',
        `/content-manager/collection-types/api::publication-run.publication-run/${run.documentId}`,
      );
      expect(record.body.data?.htmlUrl).toMatch(/\/reports\/lvliang-lishi\/2023\/v1\/report\.html$/);
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the approved sample was not published');
}

it(
  'prints URLs that answer 200, stops on Ctrl-C, and reuses its data on the next start',
  { timeout: 240_000 },
  async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nianbao-start-'));
    const first = startStack([]);
    await first.waitFor('Press Ctrl-C to stop.');
    const printed = [...first.output().matchAll(/^(HTML|PDF|All versions):\s+(\S+)$/gm)];
    const urls = Object.fromEntries(printed.map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(urls)).toEqual(['HTML', 'PDF', 'All versions']);
    // The archive's home page lists the sample agency.
    const home = /^Home:\s+(\S+)$/m.exec(first.output())?.[1] ?? '';
    const homeResponse = await fetch(home);
    expect(homeResponse.status).toBe(200);
    expect(await homeResponse.text()).toContain('吕梁市离石区人民政府');
    for (const [name, url] of Object.entries(urls)) {
      const response = await fetch(url);
      expect(response.status, name).toBe(200);
      const body = new Uint8Array(await response.arrayBuffer());
      if (name === 'PDF') expect(new TextDecoder().decode(body.slice(0, 5))).toBe('%PDF-');
      if (name === 'HTML') {
        // The public HTML loads its fonts from the site, never from the publishing machine's files.
        const html = new TextDecoder().decode(body);
        expect(html).not.toContain('file:');
        const font = /url\((\/assets\/fonts\/[^)]+\.woff2)\)/.exec(html)?.[1];
        const fontResponse = await fetch(new URL(font ?? '/missing', url));
        expect(fontResponse.status, font).toBe(200);
        expect(fontResponse.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      }
      expect(response.headers.get('cache-control')).toBe(
        name === 'All versions' ? 'public, max-age=60' : 'public, max-age=31536000, immutable',
      );
    }
    expect(first.output()).toMatch(/published lvliang-lishi 2023 v1\n/);
    await approveSeededDraft(first.output());
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('local system: stopped');

    const second = startStack(['--exit-after-publish']);
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('published lvliang-lishi 2023 v1 (unchanged: the existing version)');
  },
);
