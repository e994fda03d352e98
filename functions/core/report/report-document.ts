// The report document (spec §2): what the CLI reads, the pipeline assembles and the public downloads.
import type { TableId, TemplateId } from '../format/table-definition';

export const reportFormat = 'nianbao/report@1';

/** A count, a signed count, or an amount (a number, or a decimal string kept exactly as entered); null is a blank cell. */
export type CellValue = number | string | null;

/** Rows and cells nested by cell id path: statistics.applications.denied.stateSecret.naturalPerson. */
export interface TableValues {
  readonly [key: string]: TableValues | CellValue;
}

export type Statistics = Readonly<Record<TableId, TableValues>>;

export interface Agency {
  readonly code: string;
  readonly name: string;
  readonly issuer: string;
  /** A government's consolidated 本级政府 report, due 31 March instead of 31 January. */
  readonly consolidated?: boolean;
}

export interface NarrativeSection {
  readonly heading: string;
  readonly body: string;
}

/** Markdown bodies; subsection numbering （一）（二）… is added by the template. */
export interface Narrative {
  readonly preamble: string;
  /** Text of 一、总体情况 before its first subsection. */
  readonly overviewIntro?: string;
  readonly overview: readonly NarrativeSection[];
  readonly problems: string;
  readonly otherMatters: string;
}

export interface ReportDocument {
  readonly format: typeof reportFormat;
  readonly template: TemplateId;
  readonly year: number;
  readonly agency: Agency;
  /** YYYY-MM-DD; optional (spec §2): some real reports print no date, and the pipeline stamps it when publishing. */
  readonly issuedOn?: string;
  readonly title: string;
  readonly narrative: Narrative;
  readonly statistics: Statistics;
}

export function defaultTitle(agencyName: string, year: number): string {
  return `${agencyName}${year}年政府信息公开工作年度报告`;
}
