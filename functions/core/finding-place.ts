// Where an editor finds what a finding is about, in the report's own words: the section and paragraph of the
// narrative, a field of the entry, or the printed row and column of the checked cell. One definition for the CLI's
// findings, the CMS's side panel and the draft preview.
import { cellPlace } from './format/labels';
import type { TemplateId } from './format/table-definition';
import { findCell } from './format/templates';
import { narrativePlace } from './narrative/narrative-fields';
import type { ValidationFinding } from './validation-finding';

/** Places of fields outside the narrative and the tables. */
const fieldPlaces: Readonly<Record<string, string>> = {
  issuedOn: '落款的成文日期（issuedOn）',
  title: '标题（title）',
  'agency.consolidated': '发布机关设置 agency.consolidated',
};

export function findingPlace(
  finding: Pick<ValidationFinding, 'place' | 'location' | 'line' | 'cells'>,
  template: TemplateId | undefined,
): string {
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
