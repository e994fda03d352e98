// What a correction changed: the cells of the official tables whose values differ (named as printed, from the format
// data through the cell ids) and the sentences of the text that were removed or added, section by section.
import { cellPlace } from '../../core/format/labels';
import { narrativeSection } from '../../core/format/report-sections';
import { cellsOf } from '../../core/format/templates';
import type { CellValue, ReportDocument } from '../../core/report/report-document';
import { cellText } from '../../core/statistics/cell-values';
import { readCell } from '../../core/statistics/cells';

export interface CellChange {
  readonly id: string;
  readonly place: string;
  readonly old: string;
  readonly new: string;
}

export interface SentenceChange {
  readonly section: string;
  readonly old?: string;
  readonly new?: string;
}

export interface ReportChanges {
  readonly cells: readonly CellChange[];
  readonly sentences: readonly SentenceChange[];
}

const blank = (value: CellValue) => (value === null ? '（空）' : cellText(value));

function changedCells(before: ReportDocument, after: ReportDocument): CellChange[] {
  const changes: CellChange[] = [];
  // The newer version's template names the cells; a cell only the older one had is not compared.
  for (const cell of cellsOf(after.template)) {
    const path = cell.id.split('.');
    const old = before.template === after.template ? readCell(before.statistics, path) : null;
    const now = readCell(after.statistics, path);
    if (old !== now) changes.push({ id: cell.id, place: cellPlace(cell), old: blank(old), new: blank(now) });
  }
  return changes;
}

/** Sentences as a reader counts them: ended by 。！？； or a line break, Markdown emphasis kept as written. */
const sentencesOf = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/(?<=[。！？；!?;])|\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The report's text by the section a reader finds it in. */
function textSections(report: ReportDocument): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  const add = (name: string, text: string | undefined) => {
    sections.set(name, [...(sections.get(name) ?? []), ...sentencesOf(text)]);
  };
  add('标题', report.title);
  add('前言', report.narrative.preamble);
  const overview = narrativeSection('overview');
  add(`${overview.number}、${overview.heading}`, report.narrative.overviewIntro);
  for (const sub of report.narrative.overview)
    add(`${overview.number}、${overview.heading} · ${sub.heading}`, sub.body);
  for (const field of ['problems', 'otherMatters'] as const) {
    const section = narrativeSection(field);
    add(`${section.number}、${section.heading}`, report.narrative[field]);
  }
  return sections;
}

function changedSentences(before: ReportDocument, after: ReportDocument): SentenceChange[] {
  const old = textSections(before);
  const now = textSections(after);
  const changes: SentenceChange[] = [];
  for (const section of new Set([...old.keys(), ...now.keys()])) {
    const was = old.get(section) ?? [];
    const is = now.get(section) ?? [];
    const removed = was.filter((s) => !is.includes(s));
    const added = is.filter((s) => !was.includes(s));
    // Pair them in order (a sentence rewritten reads old → new); what is left over was only removed or only added.
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      changes.push({
        section,
        ...(removed[i] !== undefined ? { old: removed[i] } : {}),
        ...(added[i] !== undefined ? { new: added[i] } : {}),
      });
    }
  }
  return changes;
}

export function reportChanges(before: ReportDocument, after: ReportDocument): ReportChanges {
  return { cells: changedCells(before, after), sentences: changedSentences(before, after) };
}
