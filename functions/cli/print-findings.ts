// Findings as editors read them: grouped by severity, in Chinese, placed as on the page (section and paragraph,
// printed row and column), with the excerpt a narrative finding is about. The JSON keeps the machine paths.
import type { TemplateId } from '../core/format/table-definition';
import { findingPlace } from '../core/finding-place';
import type { ValidationReport } from '../core/validation-finding';

export function formatFindings(report: ValidationReport, template: TemplateId | undefined): string {
  const lines: string[] = [];
  for (const [severity, title] of [
    ['error', '错误（须改正后才能发布）'],
    ['warning', '警告（可发布，将列入校验摘要）'],
  ] as const) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${title}：${group.length} 项`);
    for (const finding of group) {
      lines.push(`  [${finding.rule}] ${finding.message.zh}`);
      const place = findingPlace(finding, template);
      // A message that already names its place (S2, R8: "三（七）总计：…") is not followed by the same words again.
      if (place && !finding.message.zh.startsWith(place)) lines.push(`        位置：${place}`);
      if (finding.excerpt) lines.push(`        原文：${finding.excerpt}`);
    }
  }
  for (const skipped of report.skipped) lines.push(`未进行 ${skipped.rule}：${skipped.reason.zh}`);
  lines.push(
    report.errors === 0
      ? `校验通过：0 个错误，${report.warnings} 个警告`
      : `校验未通过：${report.errors} 个错误，${report.warnings} 个警告`,
  );
  return lines.join('\n');
}
