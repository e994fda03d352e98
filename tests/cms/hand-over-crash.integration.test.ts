// No approval is lost: the local system is killed (SIGKILL) after the 审核人's publish committed and before the
// pipeline has the run; the next start hands the recorded run over and it completes, once.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { LocalAccounts } from '../../dev/cms/local-accounts';
import { logIn, reportPath, type AdminSession } from '../../dev/cms/admin-session';

const startScript = new URL('../../dev/start.ts', import.meta.url).pathname;
const runsPath = '/content-manager/collection-types/api::publication-run.publication-run';
let dataDir = '';

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function startSystem(env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', startScript, '--data-dir', dataDir, '--port', '0', '--cms-port', '0', '--no-admin'],
    {
      env: {
        ...process.env,
        ...env,
        NIANBAO_HAND_OVER_RETRY_SECONDS: '1',
        ADMIN_RATE_LIMIT: 'false',
        NIANBAO_CMS_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const ready = async () => {
    for (let i = 0; i < 1200 && !output.includes('Press Ctrl-C to stop.'); i++) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).toContain('Press Ctrl-C to stop.');
    return /^CMS: (\S+)\/admin/m.exec(output)![1]!;
  };
  return { child, exited, ready };
}

async function approver(cmsUrl: string): Promise<AdminSession> {
  const accounts = JSON.parse(await readFile(join(dataDir, 'cms-accounts.json'), 'utf8')) as LocalAccounts;
  return logIn(cmsUrl, accounts.approver);
}

it('hands over a run the killed process had recorded but not handed over', { timeout: 300_000 }, async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'nianbao-crash-'));
  const doomed = startSystem({ NIANBAO_FAULT: 'kill-at-hand-over' });
  const session = await approver(await doomed.ready());
  const drafts = await session.request('GET', `${reportPath}?status=draft`);
  const documentId = (drafts.body as { results?: { documentId: string }[] }).results?.[0]?.documentId;
  // The process dies right after the commit: the answer may or may not arrive.
  await session.request('POST', `${reportPath}/${String(documentId)}/actions/publish`, {}).catch(() => undefined);
  expect(await doomed.exited).toBe('SIGKILL');

  const restarted = startSystem();
  const cms = await approver(await restarted.ready());
  let runs: { phase: string; handOverAttempts: number }[] = [];
  for (let i = 0; i < 300; i++) {
    runs = ((await cms.request('GET', runsPath)).body as { results?: typeof runs }).results ?? [];
    if (runs[0]?.phase === 'published') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ phase: 'published' });
  restarted.child.kill('SIGINT');
  expect(await restarted.exited).toBe(0);
});
