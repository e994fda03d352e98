// Findings as editors read them: grouped by severity, in Chinese, placed as on the page (section and paragraph,
// printed row and column), with the excerpt a narrative finding is about. The JSON keeps the machine paths.
import { cellPlace } from '../core/format/labels';
import { findCell } from '../core/format/templates';
import type { TemplateId } from '../core/format/table-definition';
import { narrativePlace } from '../core/narrative/narrative-fields';
import type { ValidationFinding, ValidationReport } from '../core/validation-finding';

/** Places of fields outside the narrative and the tables. */
const fieldPlaces: Readonly<Record<string, string>> = {
  issuedOn: '落款的成文日期（issuedOn）',
  title: '标题（title）',
  'agency.consolidated': '发布机关设置 agency.consolidated',
};

function where(finding: ValidationFinding, template: TemplateId | undefined): string {
  if (finding.place) return finding.place;
  if (finding.location) {
    const line = finding.line === undefined ? '' : ` 第 ${finding.line} 行`;
    const place = narrativePlace(finding.location) ?? fieldPlaces[finding.location];
    return place ? `${place}${line}` : `${finding.location}${line}`;
  }
  // The checked cell comes first; the message names the others.
  const first = template && finding.cells[0] !== undefined ? findCell(template, finding.cells[0]) : undefined;
  return first ? cellPlace(first) : '';
}

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
      const place = where(finding, template);
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
