// Why a publish was refused, in Chinese, as the admin shows it: each finding with its rule, where (the printed
// place, or the field, or the cells), what was expected and what was found.
import type { ApprovalCheck, Finding } from './pipeline-contract';

/** The admin shows the message in a notification: the first findings, and how many more are in the details. */
const shownFindings = 10;

export function findingLine(finding: Finding): string {
  const where = finding.place ?? finding.location ?? finding.cells.join('、');
  const line = finding.line === undefined ? '' : ` 第 ${finding.line} 行`;
  return `[${finding.rule}] ${where ? `${where}${line}：` : ''}${finding.message.zh}`;
}

export function refusalMessage(check: ApprovalCheck): string {
  const errors = check.findings.filter((f) => f.severity === 'error');
  const head =
    check.reason && errors.length === 0
      ? `未发布：${check.reasonZh ?? check.reason}`
      : `未发布：年报有 ${errors.length} 处错误，请修改后再提交审核。`;
  const lines = errors.slice(0, shownFindings).map((f, i) => `${i + 1}. ${findingLine(f)}`);
  const more = errors.length > shownFindings ? [`另有 ${errors.length - shownFindings} 处错误，见详情。`] : [];
  return [head, ...lines, ...more].join('\n');
}

/** A publish over warnings nobody has acknowledged: which ones, and what the approver does. */
export function unacknowledgedMessage(warnings: readonly Finding[]): string {
  const lines = warnings.slice(0, shownFindings).map((f, i) => `${i + 1}. ${findingLine(f)}`);
  const more = warnings.length > shownFindings ? [`另有 ${warnings.length - shownFindings} 条，见侧栏。`] : [];
  return [
    `未发布：有 ${warnings.length} 条警告尚未确认。请修改，或由审核人在右侧“年报检查”中逐条写明理由确认后再发布。`,
    ...lines,
    ...more,
  ].join('\n');
}
