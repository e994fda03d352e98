// A draft as the editor and the approver preview it in the CMS: the report as it will print, every page marked
// 草稿, with what validation found above it (or, when the draft does not assemble yet, why).
import Handlebars from 'handlebars/runtime';
import { findingPlace } from '../core/finding-place';
import type { TemplateId } from '../core/format/table-definition';
import type { ReportDocument } from '../core/report/report-document';
import type { ValidationFinding } from '../core/validation-finding';
import { fontSource, renderReportPage, renderWebPage } from './render-report-html';

export interface DraftPreview {
  readonly html: string;
  /** Sent as the page's header: no script, inline styles, fonts from the archive's site, framed by the CMS only. */
  readonly contentSecurityPolicy: string;
}

const escape = (text: string) => Handlebars.escapeExpression(text);

function findingsList(
  findings: readonly ValidationFinding[],
  reason: string | undefined,
  template: TemplateId | undefined,
): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const head =
    reason ??
    (findings.length === 0 ? '校验未发现问题' : `校验发现 ${errors} 处错误、${findings.length - errors} 处提示`);
  const items = findings.map((f) => {
    const where = findingPlace(f, template);
    const kind = f.severity === 'error' ? '错误' : '提示';
    return `<li class="${f.severity}">${kind} [${f.rule}] ${escape(where)}${where ? '：' : ''}${escape(f.message.zh)}</li>`;
  });
  return `<aside class="preview-findings" role="note"><p>${escape(head)}</p>${items.length ? `<ul>${items.join('')}</ul>` : ''}</aside>`;
}

export function renderDraftPreview(
  report: ReportDocument | undefined,
  findings: readonly ValidationFinding[],
  reason: string | undefined,
  fontBaseUrl: string,
): DraftPreview {
  const contentSecurityPolicy = `default-src 'none'; style-src 'unsafe-inline'; font-src ${fontSource(fontBaseUrl)}; img-src data:; frame-ancestors 'self'`;
  const aside = findingsList(findings, reason, report?.template);
  if (!report)
    return {
      html: `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>草稿预览</title><body>${aside}</body></html>`,
      contentSecurityPolicy,
    };
  const { html } = renderWebPage(renderReportPage(report, { draft: true }), fontBaseUrl);
  // After the opening body tag: the findings come first, above the first page.
  return { html: html.replace(/<body[^>]*>/, (tag) => `${tag}${aside}`), contentSecurityPolicy };
}
