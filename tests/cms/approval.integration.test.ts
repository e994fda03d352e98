// Publish = approval, end to end against the real CMS (Strapi on PostgreSQL), the local AWS stand-ins and Chromium:
// a 撰稿人 drafts and cannot publish, a 审核人 publishes and the archive has the version, a correction makes v2, a
// report with an R1 error is refused before anything is public, a hand-over that fails is retried.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureLocalAccounts, type LocalAccounts } from '../../dev/cms/local-accounts';
import { startLocalSystem, type LocalSystem } from '../../dev/local-system';
import { previewLifetimeSeconds, previewPath } from '../../cms/src/nianbao/preview-link';
import { ChromiumRenderer } from '../../functions/adapters/chromium-renderer';
import type { ReportDocument } from '../../functions/core/report/report-document';
import { withCells } from '../core/report-builders';
import { agencyPath, logIn, reportPath, type AdminSession } from '../../dev/cms/admin-session';
import { statisticsCsv } from '../../functions/statistics/statistics-csv';
import iconv from 'iconv-lite';
import puppeteer from 'puppeteer-core';
import { adminPage } from './admin-panel-driver';

let system: LocalSystem;
let dataDir: string;
let accounts: LocalAccounts;
let admin: AdminSession;
let editor: AdminSession;
let approver: AdminSession;
const sample = JSON.parse(
  await readFile(new URL('../../samples/lishi-2023.json', import.meta.url), 'utf8'),
) as ReportDocument;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'nianbao-cms-'));
  process.env.ADMIN_RATE_LIMIT = 'false';
  process.env.NIANBAO_CMS_LOG_LEVEL = 'warn';
  process.env.NIANBAO_HAND_OVER_RETRY_SECONDS = '1';
  const renderer = new ChromiumRenderer({ concurrency: 1, browserWSEndpoint: inject('chromiumWsEndpoint') });
  // The admin panel too: the browser test below drives it (built once, when its code changed).
  system = await startLocalSystem({ dataDir, serveAdminPanel: true, temporary: true, renderer, log: () => undefined });
  accounts = await ensureLocalAccounts(system.cms.strapi, dataDir);
  admin = await logIn(system.cms.url, accounts.admin);
  editor = await logIn(system.cms.url, accounts.editor);
  approver = await logIn(system.cms.url, accounts.approver);
}, 480_000);

afterAll(async () => {
  await system.close();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

/** An agency in the CMS and its statistics in DynamoDB, as `nianbao stats import` stores them. */
async function agencyWithStatistics(code: string, report: ReportDocument = sample): Promise<string> {
  await system.stack.stores.statistics.put(statisticsOf(code, report));
  return agencyEntry(code);
}

const statisticsOf = (code: string, report: ReportDocument = sample) => ({
  agency: code,
  year: report.year,
  template: report.template,
  statistics: report.statistics,
});

async function agencyEntry(code: string): Promise<string> {
  const created = await admin.request('POST', agencyPath, { ...sample.agency, code, region: '山西省吕梁市' });
  expect(created.status).toBe(201);
  return String(created.body.data?.documentId);
}

/** The sample's narrative as an editor types it into the entry. */
function draftBody(agencyDocumentId: string, problems = sample.narrative.problems) {
  const { preamble, overviewIntro, overview, otherMatters } = sample.narrative;
  return {
    agency: { connect: [{ documentId: agencyDocumentId }] },
    year: sample.year,
    issuedOn: sample.issuedOn,
    preamble,
    overviewIntro,
    overview,
    problems,
    otherMatters,
  };
}

interface RunRecord {
  documentId: string;
  phase: string;
  version?: number;
  htmlUrl?: string;
  pdfUrl?: string;
  handOverError?: string | null;
  changeNote?: string | null;
}

/** The report's run records, newest first, read with the pipeline's results token. */
async function runRecords(code: string): Promise<RunRecord[]> {
  const response = await fetch(
    `${system.cms.url}/api/publication-runs?filters[agencyCode][$eq]=${code}&sort=createdAt:desc`,
    { headers: { authorization: `Bearer ${system.secrets.NIANBAO_RESULTS_TOKEN}` } },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: RunRecord[] }).data;
}

async function finished(code: string, count: number): Promise<RunRecord> {
  for (let i = 0; i < 300; i++) {
    const records = await runRecords(code);
    const [latest] = records;
    if (records.length >= count && latest && ['published', 'rejected', 'failed'].includes(latest.phase)) return latest;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no finished run for ${code}`);
}

const archived = (key: string) => system.stack.stores.store.get(key);

describe('publish = approval in the CMS', () => {
  it('lets a 撰稿人 draft but not publish, and a 审核人 publish v1, then a correction as v2', async () => {
    const agency = await agencyWithStatistics('cms-approved');
    const draft = await editor.request('POST', reportPath, draftBody(agency, '初稿。'));
    expect(draft.status).toBe(201);
    const documentId = String(draft.body.data?.documentId);
    expect((await editor.request('PUT', `${reportPath}/${documentId}`, draftBody(agency))).status).toBe(200);

    const refused = await editor.request('POST', `${reportPath}/${documentId}/actions/publish`, {});
    expect(refused.status).toBe(403);
    // The 审核人 cannot edit the text.
    expect((await approver.request('PUT', `${reportPath}/${documentId}`, draftBody(agency, '改了'))).status).toBe(403);

    const published = await approver.request('POST', `${reportPath}/${documentId}/actions/publish`, {});
    expect(published.status).toBe(200);
    const v1 = await finished('cms-approved', 1);
    expect(v1).toMatchObject({ phase: 'published', version: 1 });
    expect(v1.htmlUrl).toMatch(/reports\/cms-approved\/2023\/v1\/report\.html$/);
    expect((await fetch(v1.pdfUrl!)).status).toBe(200);
    const json = new TextDecoder().decode(await archived('reports/cms-approved/2023/v1/report.json'));
    expect(json).toContain(sample.narrative.problems.slice(0, 40));

    const corrected = draftBody(agency, `${sample.narrative.problems}\n\n更正：补充说明。`);
    expect(
      (await editor.request('PUT', `${reportPath}/${documentId}`, { ...corrected, changeNote: '补充第五部分说明' }))
        .status,
    ).toBe(200);
    expect((await approver.request('POST', `${reportPath}/${documentId}/actions/publish`, {})).status).toBe(200);
    const v2 = await finished('cms-approved', 2);
    expect(v2).toMatchObject({ phase: 'published', version: 2, changeNote: '补充第五部分说明' });
    expect(new TextDecoder().decode(await archived('reports/cms-approved/2023/v2/report.json'))).toContain(
      '更正：补充说明。',
    );
    expect((await fetch(v1.pdfUrl!)).status).toBe(200);
  });

  it("refuses a second entry publishing a report another entry has published: corrections are the first's versions", async () => {
    const agency = await agencyWithStatistics('cms-second');
    const first = String((await editor.request('POST', reportPath, draftBody(agency))).body.data?.documentId);
    expect((await approver.request('POST', `${reportPath}/${first}/actions/publish`, {})).status).toBe(200);
    await finished('cms-second', 1);
    const second = String((await editor.request('POST', reportPath, draftBody(agency))).body.data?.documentId);
    const refused = await approver.request('POST', `${reportPath}/${second}/actions/publish`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toContain(`已由另一条记录发布（${first}）`);
    expect(await runRecords('cms-second')).toHaveLength(1);
  });

  it('refuses a publish whose statistics break R1, naming the cell; nothing is public and the entry stays a draft', async () => {
    const received = Number(
      (sample.statistics.applications as unknown as Record<string, Record<string, number>>).received?.total,
    );
    const broken = withCells(sample, { 'applications.received.total': received + 5 });
    const agency = await agencyWithStatistics('cms-broken', broken);
    const draft = await editor.request('POST', reportPath, draftBody(agency));
    const documentId = String(draft.body.data?.documentId);
    const refused = await approver.request('POST', `${reportPath}/${documentId}/actions/publish`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toMatch(/^未发布：年报有 \d+ 处错误/);
    expect(refused.body.error?.message).toContain('[R1]');
    const findings = (refused.body.error?.details as { findings: { rule: string; cells: string[] }[] }).findings;
    expect(findings.some((f) => f.rule === 'R1' && f.cells.includes('applications.received.total'))).toBe(true);
    expect(await runRecords('cms-broken')).toEqual([]);
    expect(await archived('reports/cms-broken/2023/v1/report.json')).toBeUndefined();
    const entry = await editor.request('GET', `${reportPath}/${documentId}?status=published`);
    expect(entry.body.data?.publishedAt ?? null).toBeNull();
  });

  it('retries a hand-over while the pipeline is down, and completes once it is back', async () => {
    const agency = await agencyWithStatistics('cms-retried');
    const draft = await editor.request('POST', reportPath, draftBody(agency));
    const documentId = String(draft.body.data?.documentId);
    system.pipeline.down = true;
    try {
      expect((await approver.request('POST', `${reportPath}/${documentId}/actions/publish`, {})).status).toBe(200);
      for (let i = 0; i < 100 && !(await runRecords('cms-retried'))[0]?.handOverError; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const [waiting] = await runRecords('cms-retried');
      expect(waiting).toMatchObject({ phase: 'requested', handOverError: 'the pipeline is not running' });
    } finally {
      system.pipeline.down = false;
    }
    expect(await finished('cms-retried', 1)).toMatchObject({ phase: 'published', version: 1 });
  });

  it('previews a draft, marked 草稿 with its findings, behind a signed link that opens that draft only, briefly', async () => {
    const agency = await agencyWithStatistics('cms-preview');
    const documentId = String(
      (await editor.request('POST', reportPath, draftBody(agency, '预览中的文本。'))).body.data?.documentId,
    );
    const asked = await editor.request(
      'GET',
      `/content-manager/preview/url/api::annual-report.annual-report?documentId=${documentId}&status=draft`,
    );
    expect(asked.status).toBe(200);
    const link = String((asked.body.data as { url?: string } | undefined)?.url);
    const page = await fetch(`${system.cms.url}${link}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('草稿');
    expect(html).toContain('预览中的文本。');
    expect(html).toMatch(/校验(发现|未发现)/);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);

    const other = String((await editor.request('POST', reportPath, draftBody(agency))).body.data?.documentId);
    expect((await fetch(`${system.cms.url}${link.replace(documentId, other)}`)).status).toBe(403);
    expect((await fetch(`${system.cms.url}/api/nianbao/preview/${documentId}`)).status).toBe(403);
    const expired = previewPath(documentId, Math.floor(Date.now() / 1000) - previewLifetimeSeconds - 1);
    expect((await fetch(`${system.cms.url}${expired}`)).status).toBe(403);
  });

  it('names the fields in the admin as the report does', async () => {
    const { status, body } = await editor.request(
      'GET',
      '/content-manager/content-types/api::annual-report.annual-report/configuration',
    );
    expect(status).toBe(200);
    const { contentType, components } = body.data as {
      contentType: { metadatas: Record<string, { edit: { label: string } }> };
      components: Record<string, { metadatas: Record<string, { edit: { label: string } }> }>;
    };
    expect(contentType.metadatas.problems?.edit.label).toBe('五、存在的主要问题及改进情况');
    expect(contentType.metadatas.preamble?.edit.label).toBe('引言');
    expect(components['report.overview-section']?.metadatas.heading?.edit.label).toBe('小标题');
  });

  it('gives the results token run records and nothing else', async () => {
    const token = { authorization: `Bearer ${system.secrets.NIANBAO_RESULTS_TOKEN}` };
    const status = async (method: string, path: string, body?: unknown) =>
      (
        await fetch(`${system.cms.url}${path}`, {
          method,
          headers: { ...token, 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        })
      ).status;
    expect(await status('GET', '/api/publication-runs')).toBe(200);
    expect(await status('GET', '/api/annual-reports')).toBe(403);
    expect(await status('GET', '/api/agencies')).toBe(403);
    expect(await status('POST', '/api/annual-reports', { data: { year: 2023 } })).toBe(403);
    expect(await status('POST', '/api/publication-runs', { data: { runId: 'forged' } })).toBe(403);
    expect(await status('DELETE', '/api/publication-runs/x')).toBe(403);
    expect(await status('GET', reportPath)).toBe(401);
  });
});

describe("the editor's desk beside the entry", () => {
  const desk = (session: AdminSession, method: string, path: string, body?: unknown) =>
    session.request(method, `/nianbao${path}`, body);
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  interface DeskFinding {
    rule: string;
    severity: string;
    key: string;
    advice: string;
    place?: string;
    line?: number;
    cells: string[];
    message: { zh: string };
  }
  interface DeskCheck {
    problems: string[];
    acknowledgements: { key: string; reason: string; by: string }[];
    check: {
      errors: number;
      warnings: number;
      reason?: string;
      findings: DeskFinding[];
      cells: { id: string; value: unknown }[];
    };
  }
  const checkOf = async (session: AdminSession, documentId: string) => {
    const answer = await desk(session, 'GET', `/reports/${documentId}/check`);
    expect(answer.status).toBe(200);
    return answer.body as unknown as DeskCheck;
  };

  it('takes the statistics as CSV (GBK from Excel too), refuses a bad file naming line and cell, and stores nothing', async () => {
    const agency = await agencyEntry('desk-upload');
    const documentId = String((await editor.request('POST', reportPath, draftBody(agency))).body.data?.documentId);
    const before = await checkOf(editor, documentId);
    expect(before.check.reason).toMatch(/^no statistics for desk-upload 2023/);
    expect(before.check.cells.find((c) => c.id === 'applications.received.total')?.value).toBeNull();

    const text = new TextDecoder().decode(statisticsCsv(statisticsOf('desk-upload'))).replace(/^\ufeff/, '');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('applications.received,')) + 1;
    const broken = lines.map((l, i) => (i === line - 1 ? l.replace(/,(\d+),/, ',三十,') : l)).join('\n');
    const refused = await desk(editor, 'POST', `/reports/${documentId}/statistics`, {
      fileName: '统计表.csv',
      content: base64(new TextEncoder().encode(broken)),
    });
    expect(refused.status).toBe(422);
    const refusal = refused.body as unknown as { stored: boolean; findings: DeskFinding[] };
    expect(refusal.stored).toBe(false);
    expect(refusal.findings).toContainEqual(
      expect.objectContaining({ line, message: expect.objectContaining({ zh: expect.stringContaining('三十') }) }),
    );
    expect(await system.stack.stores.statistics.get('desk-upload', 2023)).toBeUndefined();

    // 审核人 cannot change the statistics (no update permission on the report).
    const gbk = { fileName: '统计表.csv', content: base64(iconv.encode(text, 'gbk')) };
    expect((await desk(approver, 'POST', `/reports/${documentId}/statistics`, gbk)).status).toBe(403);
    const stored = await desk(editor, 'POST', `/reports/${documentId}/statistics`, gbk);
    expect(stored).toMatchObject({ status: 200, body: { stored: true, agency: 'desk-upload', year: 2023 } });
    const after = await checkOf(editor, documentId);
    expect(after.check.reason).toBeUndefined();
    expect(after.check.errors).toBe(0);
    const received = (sample.statistics.applications as unknown as Record<string, Record<string, number>>).received;
    expect(after.check.cells.find((c) => c.id === 'applications.received.total')?.value).toBe(received?.total);
  });

  it('shows an unknown {{…}} reference before publish, with where and what to do, and refuses the publish (R10)', async () => {
    const agency = await agencyWithStatistics('desk-reference');
    const problems = `${sample.narrative.problems}\n\n本年共收到申请 {{applications.recieved.total}} 件。`;
    const documentId = String(
      (await editor.request('POST', reportPath, draftBody(agency, problems))).body.data?.documentId,
    );
    const { check } = await checkOf(editor, documentId);
    const r10 = check.findings.find((f) => f.rule === 'R10');
    expect(r10).toMatchObject({ severity: 'error', advice: expect.stringContaining('单元格引用') });
    expect(r10?.place ?? r10?.message.zh).toMatch(/五/);
    const refused = await approver.request('POST', `${reportPath}/${documentId}/actions/publish`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toContain('[R10]');

    const fixed = problems.replace('recieved', 'received');
    expect((await editor.request('PUT', `${reportPath}/${documentId}`, draftBody(agency, fixed))).status).toBe(200);
    expect((await checkOf(editor, documentId)).check.findings.some((f) => f.rule === 'R10')).toBe(false);
  });

  it("publishes over a warning only once a 审核人 has acknowledged it; the reason goes into the version's summary", async () => {
    const agency = await agencyWithStatistics('desk-warning');
    // 五 says only 无: an R8 warning.
    const documentId = String(
      (await editor.request('POST', reportPath, draftBody(agency, '无'))).body.data?.documentId,
    );
    const warning = (await checkOf(editor, documentId)).check.findings.find((f) => f.severity === 'warning');
    expect(warning?.rule).toBe('R8');

    const refused = await approver.request('POST', `${reportPath}/${documentId}/actions/publish`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toMatch(/^未发布：有 1 条警告尚未确认/);
    expect(await runRecords('desk-warning')).toEqual([]);

    const path = `/reports/${documentId}/acknowledgements`;
    expect((await desk(editor, 'POST', path, { key: warning!.key, reason: '确无问题' })).status).toBe(403);
    expect((await desk(approver, 'POST', path, { key: warning!.key, reason: ' ' })).status).toBe(400);
    expect((await desk(approver, 'POST', path, { key: 'R1||', reason: '不存在的' })).status).toBe(409);
    expect((await desk(approver, 'POST', path, { key: warning!.key, reason: '本年度确无问题' })).status).toBe(200);
    // A re-check finds the same warning and keeps its acknowledgement.
    const again = await checkOf(editor, documentId);
    expect(again.acknowledgements).toEqual([expect.objectContaining({ key: warning!.key, reason: '本年度确无问题' })]);

    expect((await approver.request('POST', `${reportPath}/${documentId}/actions/publish`, {})).status).toBe(200);
    expect(await finished('desk-warning', 1)).toMatchObject({ phase: 'published', version: 1 });
    const manifest = JSON.parse(
      new TextDecoder().decode(await archived('reports/desk-warning/2023/v1/manifest.json')),
    ) as { validation: { findings: { rule: string; acknowledged?: { reason: string; by: string } }[] } };
    expect(manifest.validation.findings.find((f) => f.rule === 'R8')?.acknowledged).toMatchObject({
      reason: '本年度确无问题',
    });
  });

  it('shows a failed run with its reason and a retry (审核人 only) that publishes it', async () => {
    const agency = await agencyWithStatistics('desk-failed');
    const documentId = String((await editor.request('POST', reportPath, draftBody(agency))).body.data?.documentId);
    system.pipeline.breakNextRender = true;
    expect((await approver.request('POST', `${reportPath}/${documentId}/actions/publish`, {})).status).toBe(200);
    expect(await finished('desk-failed', 1)).toMatchObject({ phase: 'failed' });

    const runs = await desk(editor, 'GET', `/reports/${documentId}/runs`);
    expect(runs.status).toBe(200);
    const answer = runs.body as unknown as {
      runs: { documentId: string; phase: string; reason: string; handOver?: unknown }[];
      may: Record<string, boolean>;
    };
    expect(answer.may).toEqual({ upload: true, acknowledge: false, retry: false });
    const [failed] = answer.runs;
    expect(failed).toMatchObject({ phase: 'failed', reason: expect.stringContaining('renderer is broken') });
    expect(failed?.handOver).toBeUndefined();

    expect((await desk(editor, 'POST', `/runs/${failed!.documentId}/retry`)).status).toBe(403);
    expect((await desk(approver, 'POST', `/runs/${failed!.documentId}/retry`)).status).toBe(202);
    expect(await finished('desk-failed', 2)).toMatchObject({ phase: 'published', version: 1 });
    // Only a failed run can be retried.
    expect((await desk(approver, 'POST', `/runs/${failed!.documentId}/retry`)).status).toBe(409);
    const [latest] = ((await desk(approver, 'GET', `/reports/${documentId}/runs`)).body as unknown as typeof answer)
      .runs;
    expect(latest?.phase).toBe('published');
  });

  it('refuses hostile desk input: an oversized or UTF-16 file, a missing file, an over-long reason, a traversal id', async () => {
    const agency = await agencyEntry('desk-hostile');
    const documentId = String(
      (await editor.request('POST', reportPath, draftBody(agency, '无'))).body.data?.documentId,
    );
    const statistics = `/reports/${documentId}/statistics`;
    const text = new TextDecoder().decode(statisticsCsv(statisticsOf('desk-hostile')));
    const oversized = await desk(editor, 'POST', statistics, {
      fileName: 'big.csv',
      content: base64(new TextEncoder().encode(`${text}${'#'.repeat(600 * 1024)}`)),
    });
    expect(oversized).toMatchObject({
      status: 422,
      body: { stored: false, reason: expect.stringContaining('larger than') },
    });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const wrongEncoding = await desk(editor, 'POST', statistics, { fileName: 'u.csv', content: base64(utf16) });
    expect(wrongEncoding).toMatchObject({ status: 422, body: { reason: expect.stringContaining('UTF-16') } });
    expect((await desk(editor, 'POST', statistics, { fileName: 'x.csv' })).status).toBe(400);
    expect(await system.stack.stores.statistics.get('desk-hostile', 2023)).toBeUndefined();

    await system.stack.stores.statistics.put(statisticsOf('desk-hostile'));
    const warning = (await checkOf(editor, documentId)).check.findings.find((f) => f.severity === 'warning');
    const tooLong = { key: warning!.key, reason: '理'.repeat(501) };
    expect((await desk(approver, 'POST', `/reports/${documentId}/acknowledgements`, tooLong)).status).toBe(400);
    expect((await desk(editor, 'GET', '/reports/..%2F..%2Fetc/check')).status).toBe(404);
  });

  it('answers no one without an admin login', async () => {
    const response = await fetch(`${system.cms.url}/nianbao/reports/x/check`);
    expect(response.status).toBe(401);
  });
});

describe('the admin panel, in a browser', () => {
  const imagesDir = new URL('../../docs/images/', import.meta.url).pathname;

  it('撰稿人 uploads statistics, inserts a reference and previews; 审核人 acknowledges a warning and publishes', async () => {
    const browser = await puppeteer.connect({ browserWSEndpoint: inject('chromiumWsEndpoint') });
    const agency = await agencyEntry('desk-browser');
    // 五 says only 无: a warning (R8) the 审核人 will publish over.
    const documentId = String(
      (await editor.request('POST', reportPath, draftBody(agency, '无'))).body.data?.documentId,
    );
    const csv = join(dataDir, '统计表.csv');
    const text = new TextDecoder().decode(statisticsCsv(statisticsOf('desk-browser'))).replace(/^\ufeff/, '');
    await writeFile(csv, iconv.encode(text, 'gbk')); // as Excel saves it on Chinese Windows

    const asEditor = await adminPage(browser, system.cms.url, accounts.editor);
    try {
      await asEditor.openReport(documentId);
      expect(await asEditor.textOf('[data-nianbao=check]', /尚无 desk-browser 2023 年度的统计数据/)).toBeTruthy();
      const input = await asEditor.page.waitForSelector('[data-nianbao=statistics-file]');
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(csv);
      expect(await asEditor.textOf('[data-nianbao=upload-stored]')).toContain('已保存 desk-browser 2023');
      expect(await asEditor.textOf('[data-nianbao=check-summary]', /0 个错误，1 个警告/)).toBeTruthy();
      // The stored tables, folded under their printed titles.
      expect(await asEditor.textOf('[data-nianbao-table="三、收到和处理政府信息公开申请情况"]')).toMatch(
        /一、本年新收政府信息公开申请数量：自然人 \d+/,
      );

      // The reference goes into 六 (五 stays 无, so its warning stays), then the draft is saved.
      await asEditor.page.type('[data-nianbao=cell-filter]', 'applications.received.total');
      await asEditor.page.select('[data-nianbao=cell-target]', 'otherMatters');
      await asEditor.page.click('[data-nianbao-cell="applications.received.total"] [data-nianbao=insert]');
      await asEditor.clickButton('Save');
      let saved = '';
      for (let i = 0; i < 50 && !saved.includes('{{applications.received.total}}'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        saved = String((await editor.request('GET', `${reportPath}/${documentId}`)).body.data?.otherMatters);
      }
      expect(saved).toMatch(/\{\{applications\.received\.total\}\}$/);
      // The form has taken the save (its Save button is off again): leaving it now asks nothing.
      await asEditor.page.waitForFunction(
        "[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Save' && b.disabled)",
      );

      // Strapi's preview button opens the draft as it will print, through the signed link.
      await asEditor.clickButton('Open preview');
      const frame = await asEditor.page.waitForSelector('iframe');
      expect(await frame!.evaluate((f) => (f as unknown as { src: string }).src)).toContain('/api/nianbao/preview/');
      const preview = await frame!.contentFrame();
      await preview.waitForFunction("document.body && document.body.textContent.includes('草稿')");
      const received = (sample.statistics.applications as unknown as Record<string, Record<string, number>>).received;
      expect(await preview.evaluate('document.body.textContent')).toContain(`${received?.total}`);
      // It prints with the report fonts, read across origins from the archive's site (there since the first publish
      // above); until they load the text is invisible (font-display: block).
      await preview.evaluate('document.fonts.ready');
      expect(await preview.evaluate("[...document.fonts].some((f) => f.status === 'loaded')")).toBe(true);
      if (process.env.SCREENSHOTS) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await asEditor.page.screenshot({ path: join(imagesDir, 'cms-preview.png') });
      }
    } finally {
      await asEditor.close();
    }

    const asApprover = await adminPage(browser, system.cms.url, accounts.approver);
    try {
      await asApprover.openReport(documentId);
      await asApprover.page.waitForSelector('[data-nianbao-finding=R8] [data-nianbao=acknowledge-reason]');
      await asApprover.page.type('[data-nianbao-finding=R8] [data-nianbao=acknowledge-reason]', '本年度确无新的问题');
      await asApprover.page.click('[data-nianbao-finding=R8] [data-nianbao=acknowledge]');
      expect(await asApprover.textOf('[data-nianbao=acknowledged]')).toContain('本年度确无新的问题');
      await asApprover.clickButton('Publish');
      await asApprover.page.waitForSelector('[data-nianbao=run][data-phase=published]', { timeout: 60_000 });
      const html = await asApprover.page.$eval(
        '[data-nianbao=published-html]',
        (a) => (a as unknown as { href: string }).href,
      );
      expect(html).toMatch(/reports\/desk-browser\/2023\/v1\/report\.html$/);
      expect((await fetch(html)).status).toBe(200);
      expect(await asApprover.textOf('[data-nianbao=versions]')).toContain('第 1 版');
      if (process.env.SCREENSHOTS) {
        // The whole column: Strapi's own panels (publish, preview) and the desk below them.
        await asApprover.page.setViewport({ width: 1440, height: 2200 });
        const clip = (await asApprover.page.evaluate(
          "(() => { const d = document.querySelector('[data-nianbao=desk]').closest('aside').parentElement.getBoundingClientRect(); return { x: d.x - 8, y: 0, width: d.width + 16, height: Math.min(d.bottom + 8, 2200) }; })()",
        )) as { x: number; y: number; width: number; height: number };
        await asApprover.page.screenshot({ path: join(imagesDir, 'cms-side-panel.png'), clip });
      }
    } finally {
      await asApprover.close();
      await browser.disconnect();
    }
    const [run] = await runRecords('desk-browser');
    expect(run).toMatchObject({ phase: 'published', version: 1 });
  }, 180_000);
});
