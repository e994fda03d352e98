// The editor's desk: what the side panel on a report's edit view reads and does, as admin API routes (the admin's
// login, its permissions): the run's progress and the version history, the draft's findings and citable cells, the
// statistics upload, acknowledging a warning, retrying a failed run. Who may do what follows the roles' permissions
// on the report: read to look, update to upload (撰稿人), publish to acknowledge and retry (审核人).
import type { Core } from '@strapi/strapi';
import { acknowledge, acknowledgementsOf, matchAcknowledgements } from './acknowledgements';
import { adminName, type AdminUser } from './admin-name';
import { readDraft } from './draft-entry';
import { narrativeSource } from './narrative-source';
import { pipelineGateway } from './pipeline-gateway';
import type { ApprovalCheck } from './pipeline-contract';
import { explorer } from './roles';
import { reportUid, retryRun, runRecords } from './run-records';

interface Ability {
  can(action: string, subject: string): boolean;
}

interface DeskContext {
  params: Record<string, string>;
  request: { body?: unknown };
  state: { user?: AdminUser; userAbility?: Ability };
  status: number;
  body: unknown;
}

const may = (ctx: DeskContext, action: string) => ctx.state.userAbility?.can(explorer(action), reportUid) ?? false;

function answer(ctx: DeskContext, status: number, body: unknown) {
  ctx.status = status;
  ctx.body = body;
}

const refuse = (ctx: DeskContext, status: number, message: string) => answer(ctx, status, { error: { message } });

/** The saved draft checked as it would be published, with the acknowledgements it already has. */
async function checkDraft(strapi: Core.Strapi, documentId: string) {
  const draft = await readDraft(strapi, documentId);
  if (!draft) return undefined;
  const source = narrativeSource(draft);
  const acknowledgements = await acknowledgementsOf(strapi, documentId);
  if (!source.ok) return { problems: source.problems, acknowledgements, check: null };
  const check: ApprovalCheck = await pipelineGateway(strapi).check(source.value);
  return { problems: [] as string[], acknowledgements, check };
}

/** The fields of a run record the panel shows (never the hand-over it keeps). */
const runFields = [
  'runId',
  'phase',
  'requestedBy',
  'changeNote',
  'version',
  'htmlUrl',
  'pdfUrl',
  'indexUrl',
  'reason',
  'findings',
  'acknowledgements',
  'handOverError',
  'handOverAttempts',
  'finishedAt',
  'retriedAs',
  'createdAt',
] as const;

function deskRoutes(strapi: Core.Strapi) {
  const guarded =
    (action: string, handler: (ctx: DeskContext) => Promise<void>) =>
    async (ctx: DeskContext): Promise<void> => {
      if (!may(ctx, action)) {
        refuse(ctx, 403, '没有权限');
        return;
      }
      try {
        await handler(ctx);
      } catch (error) {
        // The pipeline unreachable, say: the panel says so in words, the log has the error.
        strapi.log.error(`editor desk: ${error instanceof Error ? error.message : String(error)}`);
        refuse(ctx, 503, '流水线暂时不可用，请稍后再试');
      }
    };

  return [
    {
      method: 'GET',
      path: '/reports/:documentId/runs',
      handler: guarded('read', async (ctx) => {
        const runs = await runRecords(strapi).findMany({
          filters: { report: { documentId: ctx.params.documentId } },
          fields: [...runFields],
          sort: 'createdAt:desc',
          limit: 50,
        });
        answer(ctx, 200, {
          runs,
          may: { upload: may(ctx, 'update'), acknowledge: may(ctx, 'publish'), retry: may(ctx, 'publish') },
        });
      }),
    },
    {
      method: 'GET',
      path: '/reports/:documentId/check',
      handler: guarded('read', async (ctx) => {
        const checked = await checkDraft(strapi, ctx.params.documentId);
        if (!checked) {
          refuse(ctx, 404, '年报不存在');
          return;
        }
        const { problems, acknowledgements, check } = checked;
        answer(ctx, 200, { problems, acknowledgements, check });
      }),
    },
    {
      method: 'POST',
      path: '/reports/:documentId/statistics',
      handler: guarded('update', async (ctx) => {
        const draft = await readDraft(strapi, ctx.params.documentId);
        if (!draft) {
          refuse(ctx, 404, '年报不存在');
          return;
        }
        const body = (ctx.request.body ?? {}) as { fileName?: unknown; content?: unknown };
        const agency = (draft.agency as { code?: unknown } | null)?.code;
        if (typeof agency !== 'string' || typeof draft.year !== 'number') {
          refuse(ctx, 422, '请先选择发布机关和年度并保存草稿');
          return;
        }
        if (typeof body.fileName !== 'string' || typeof body.content !== 'string') {
          refuse(ctx, 400, '请选择要上传的 CSV 文件');
          return;
        }
        const uploaded = await pipelineGateway(strapi).uploadStatistics({
          agency,
          year: draft.year,
          fileName: body.fileName,
          content: body.content,
        });
        answer(ctx, uploaded.stored ? 200 : 422, uploaded);
      }),
    },
    {
      method: 'POST',
      path: '/reports/:documentId/acknowledgements',
      handler: guarded('publish', async (ctx) => {
        const documentId = ctx.params.documentId;
        const body = (ctx.request.body ?? {}) as { key?: unknown; reason?: unknown };
        const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
        if (reason.length === 0 || reason.length > 500) {
          refuse(ctx, 400, '请写明理由（不超过 500 字）');
          return;
        }
        const checked = await checkDraft(strapi, documentId);
        if (!checked?.check) {
          refuse(ctx, 404, '年报不存在或尚不能检查');
          return;
        }
        // Only a warning the draft has now can be acknowledged: an error never can, a stale key is refused.
        const warning = checked.check.findings.find((f) => f.severity === 'warning' && f.key === body.key);
        if (!warning) {
          refuse(ctx, 409, '这条警告已不存在，请刷新检查结果');
          return;
        }
        await acknowledge(strapi, documentId, warning, reason, adminName(ctx.state.user) ?? '审核人');
        const acknowledgements = await acknowledgementsOf(strapi, documentId);
        const warnings = checked.check.findings.filter((f) => f.severity === 'warning');
        const { unacknowledged } = matchAcknowledgements(warnings, acknowledgements);
        answer(ctx, 200, { acknowledgements, unacknowledged: unacknowledged.length });
      }),
    },
    {
      method: 'POST',
      path: '/runs/:recordId/retry',
      handler: guarded('publish', async (ctx) => {
        const record = await runRecords(strapi).findOne({ documentId: ctx.params.recordId });
        if (record?.phase !== 'failed' || record.retriedAs) {
          refuse(ctx, 409, '只有失败且尚未重试的发布可以重试');
          return;
        }
        const retried = await retryRun(strapi, record.documentId, adminName(ctx.state.user));
        answer(ctx, 202, { recordId: retried });
      }),
    },
  ];
}

/** The desk's routes on the admin API (/nianbao/...), behind the admin's login. */
export function registerEditorDesk(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/nianbao',
    routes: deskRoutes(strapi).map((route) => ({
      ...route,
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    })),
  } as never);
}
