// Which template a year's report uses (spec §1), from the years each template declares in templates.ts.
import type { TemplateId } from '../format/table-definition';
import { templateIds, templates } from '../format/templates';
import type { Message } from '../validation-finding';

export function templateCoversYear(template: TemplateId, year: number): boolean {
  const { from, to } = templates[template].years;
  return year >= from && (to === undefined || year <= to);
}

/** The template in force for a year, or undefined before the first template. */
export const templateForYear = (year: number): TemplateId | undefined =>
  templateIds.find((template) => templateCoversYear(template, year));

/** What a template field must be, for a year when it is known. */
export const templateExpected = (year?: number): Message => ({
  zh: `模板编号 ${templateIds.join(' 或 ')}${year === undefined ? '' : `（适用于 ${year} 年度）`}`,
  en: `a template id, one of ${templateIds.join(', ')}${year === undefined ? '' : ` (for ${year})`}`,
});
