// A draft as it will print, with 草稿 marks and its findings, for the editor and the approver before publishing.
import type { Core } from '@strapi/strapi';
import { readDraft } from '../../../nianbao/draft-entry';
import { narrativeSource } from '../../../nianbao/narrative-source';
import { pipelineGateway } from '../../../nianbao/pipeline-gateway';
import { previewLinkProblem } from '../../../nianbao/preview-link';

interface Context {
  params: { documentId: string };
  query: Record<string, unknown>;
  status: number;
  type: string;
  body: string;
  set(name: string, value: string): void;
}

const page = (message: string) =>
  `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>预览</title><p>${message}</p></html>`;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const { documentId } = ctx.params;
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex');
    const problem = previewLinkProblem(documentId, ctx.query.expires, ctx.query.signature);
    if (problem) {
      ctx.status = 403;
      ctx.body = page(problem);
      return;
    }
    const draft = await readDraft(strapi, documentId);
    const source = draft ? narrativeSource(draft) : undefined;
    if (!source?.ok) {
      ctx.status = draft ? 422 : 404;
      ctx.body = page(source ? source.problems.join('；') : '年报不存在');
      return;
    }
    const preview = await pipelineGateway(strapi).preview(source.value);
    // The page's own policy: no script, styles inline, fonts from the archive's site.
    ctx.set('Content-Security-Policy', preview.contentSecurityPolicy);
    ctx.status = 200;
    ctx.body = preview.html;
  },
});
