// Publish = approval. A document-service middleware on the annual report: before Strapi publishes, the report is
// checked as it will be published (this draft, the stored statistics, last year's report); errors refuse the publish
// with the findings (the admin shows the message), and so do warnings no approver has acknowledged with a reason
// (acknowledgements.ts); acknowledged ones go with the run. After commit the run
// is handed to the pipeline. Webhooks are not used: Strapi delivers them once, unsigned, sometimes without the entry.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { acknowledgementsOf, matchAcknowledgements } from './acknowledgements';
import { adminName, type AdminUser } from './admin-name';
import { refusalMessage, unacknowledgedMessage } from './findings-message';
import { readDraft } from './draft-entry';
import { narrativeSource, type NarrativeJson } from './narrative-source';
import { pipelineGateway } from './pipeline-gateway';
import { handOverRun, recordRun, reportUid } from './run-records';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

const approverName = (strapi: Core.Strapi) =>
  adminName((strapi.requestContext.get()?.state as { user?: AdminUser } | undefined)?.user);

/**
 * One agency's report of a year is one entry: its corrections are new versions of it. A second entry for a report
 * that another entry has already published is refused (its versions would interleave with the first's).
 */
async function refuseSecondEntry(strapi: Core.Strapi, documentId: string, narrative: NarrativeJson): Promise<void> {
  const others = await strapi.documents(reportUid).findMany({
    filters: { agency: { code: narrative.agency.code }, year: narrative.year, documentId: { $ne: documentId } },
    status: 'published',
    fields: ['documentId', 'title'],
    limit: 1,
  });
  const other = others.at(0);
  if (other)
    throw new errors.ApplicationError(
      `未发布：${narrative.agency.code} ${String(narrative.year)} 年度的年报已由另一条记录发布（${other.documentId}）。更正请在那条记录上修改并发布，会成为它的新版本。`,
      { publishedEntry: other.documentId },
    );
}

async function approve(strapi: Core.Strapi, documentId: string): Promise<{ recordRun: () => Promise<string> }> {
  const draft = await readDraft(strapi, documentId);
  if (!draft) throw new errors.NotFoundError(`年报 ${documentId} 不存在`);
  const source = narrativeSource(draft);
  if (!source.ok)
    throw new errors.ApplicationError(`未发布：${source.problems.join('；')}`, { problems: source.problems });
  await refuseSecondEntry(strapi, documentId, source.value);
  const check = await pipelineGateway(strapi).check(source.value);
  if (check.errors > 0 || check.reason)
    throw new errors.ApplicationError(refusalMessage(check), { reason: check.reason, findings: check.findings });
  const warnings = check.findings.filter((f) => f.severity === 'warning');
  const { acknowledged, unacknowledged } = matchAcknowledgements(
    warnings,
    await acknowledgementsOf(strapi, documentId),
  );
  if (unacknowledged.length > 0)
    throw new errors.ApplicationError(unacknowledgedMessage(unacknowledged), { findings: unacknowledged });
  const changeNote = typeof draft.changeNote === 'string' && draft.changeNote.trim() ? draft.changeNote : null;
  return {
    recordRun: () =>
      recordRun(strapi, {
        documentId,
        narrative: source.value,
        approver: approverName(strapi),
        changeNote,
        warnings,
        acknowledgements: acknowledged,
      }),
  };
}

export function approvalMiddleware(strapi: Core.Strapi): Middleware {
  return async (context, next) => {
    if (context.uid !== reportUid) return next();
    const params = context.params as { documentId?: string; status?: string };
    if ((context.action === 'create' || context.action === 'update') && params.status === 'published') {
      // The REST API publishes on every write unless ?status=draft: save the draft, then publish it through the
      // approval below, so no write skips the check.
      context.params = { ...context.params, status: 'draft' };
      const saved = await next();
      const { documentId } = saved as { documentId: string };
      await strapi.documents(reportUid).publish({ documentId });
      return saved;
    }
    if (context.action !== 'publish' || !params.documentId) return next();
    const documentId = params.documentId;
    const approval = await approve(strapi, documentId);
    const published = await next();
    // In the publish's transaction: committed together, or not at all.
    const recordId = await approval.recordRun();
    await strapi.db.transaction(({ onCommit }: { onCommit: (callback: () => void) => void }) => {
      onCommit(() => void handOverRun(strapi, recordId));
    });
    return published;
  };
}
