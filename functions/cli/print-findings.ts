// Findings as editors read them: grouped by severity, in Chinese, naming rows and columns as printed.
import { cellLabel } from '../core/format/labels';
import { findCell } from '../core/format/templates';
import type { TemplateId } from '../core/format/table-definition';
import type { ValidationFinding, ValidationReport } from '../core/validation-finding';

function where(finding: ValidationFinding, template: TemplateId | undefined): string {
  const cells = template ? finding.cells.map((id) => findCell(template, id)).filter((c) => c !== undefined) : [];
  if (finding.location) return `${finding.location}${finding.line !== undefined && !finding.location.startsWith('line') ? ` 第 ${finding.line} 行` : ''}`;
  const [first] = cells;
  if (!first) return '';
  const others = cells.length > 1 ? ` 等 ${cells.length} 个单元格` : '';
  return `${first.table.section}、${cellLabel(first)}（${first.id}）${others}`;
}

export function formatFindings(report: ValidationReport, template: TemplateId | undefined): string {
  const lines: string[] = [];
  for (const [severity, title] of [['error', '错误（须改正后才能发布）'], ['warning', '警告（可发布，将列入校验摘要）']] as const) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${title}：${group.length} 项`);
    for (const finding of group) {
      lines.push(`  [${finding.rule}] ${finding.message.zh}`);
      const place = where(finding, template);
      if (place) lines.push(`        位置：${place}`);
    }
  }
  for (const skipped of report.skipped) lines.push(`未进行 ${skipped.rule}：${skipped.reason.zh}`);
  lines.push(report.errors === 0 ? `校验通过：0 个错误，${report.warnings} 个警告` : `校验未通过：${report.errors} 个错误，${report.warnings} 个警告`);
  return lines.join('\n');
}
