// Every piece of editor text in a report, with the document path that names it in findings.
import { chineseNumeral, narrativeSection } from '../format/report-sections';
import type { Narrative } from '../report/report-document';

export interface NarrativeField {
  /** e.g. narrative.overview[1].body */
  readonly location: string;
  readonly text: string;
  /** The heading the text sits under, when it is an overview subsection: gives context to rule R7. */
  readonly heading: string | undefined;
}

/** `narrative.overview[i].heading` and `.body`, made once per index: every validation lists the fields. */
const overviewLocations: [heading: string, body: string][] = [];
function overviewLocation(i: number): [heading: string, body: string] {
  return (overviewLocations[i] ??= [`narrative.overview[${i}].heading`, `narrative.overview[${i}].body`]);
}

export function narrativeFields(narrative: Narrative): NarrativeField[] {
  const fields: NarrativeField[] = [{ location: 'narrative.preamble', text: narrative.preamble, heading: undefined }];
  if (narrative.overviewIntro !== undefined)
    fields.push({ location: 'narrative.overviewIntro', text: narrative.overviewIntro, heading: undefined });
  narrative.overview.forEach((section, i) => {
    const [heading, body] = overviewLocation(i);
    fields.push(
      { location: heading, text: section.heading, heading: undefined },
      { location: body, text: section.body, heading: section.heading },
    );
  });
  fields.push(
    { location: 'narrative.problems', text: narrative.problems, heading: undefined },
    { location: 'narrative.otherMatters', text: narrative.otherMatters, heading: undefined },
  );
  return fields;
}

/** Puts edited field texts back into the narrative, keyed by location. */
export function withFieldTexts(narrative: Narrative, text: (location: string, original: string) => string): Narrative {
  return {
    preamble: text('narrative.preamble', narrative.preamble),
    ...(narrative.overviewIntro === undefined
      ? {}
      : { overviewIntro: text('narrative.overviewIntro', narrative.overviewIntro) }),
    overview: narrative.overview.map((section, i) => ({
      heading: text(`narrative.overview[${i}].heading`, section.heading),
      body: text(`narrative.overview[${i}].body`, section.body),
    })),
    problems: text('narrative.problems', narrative.problems),
    otherMatters: text('narrative.otherMatters', narrative.otherMatters),
  };
}

/**
 * 1-based lines of character offsets, for offsets asked in increasing order: each character is looked at once, so
 * a field with many findings costs linear time, not a scan from the start per finding.
 */
export function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let counted = 0;
  return (offset) => {
    if (offset < counted) [line, counted] = [1, 0];
    // Char by char: searching for the next newline could run past `offset` to the end, every time.
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
}

const overviewAt = /^narrative\.overview\[(\d+)\]\.(heading|body)$/;

/**
 * Where an editor finds a narrative location on the page, e.g. narrative.overview[1].body under 依申请公开情况 →
 * 一、总体情况（二）依申请公开情况. Undefined for a location outside the narrative.
 */
export function narrativePlace(location: string, heading?: string): string | undefined {
  const section = (field: 'overview' | 'problems' | 'otherMatters') => {
    const { number, heading: title } = narrativeSection(field);
    return `${number}、${title}`;
  };
  if (location === 'narrative.preamble') return '开头（引言）';
  if (location === 'narrative.overviewIntro') return `${section('overview')} 开头`;
  if (location === 'narrative.problems') return section('problems');
  if (location === 'narrative.otherMatters') return section('otherMatters');
  const m = overviewAt.exec(location);
  if (!m) return undefined;
  const subsection = `${section('overview')}（${chineseNumeral(Number(m[1]) + 1)}）`;
  return m[2] === 'heading' ? `${subsection}标题` : `${subsection}${heading ?? ''}`;
}

/** Section, subsection and paragraph of an offset in a field: 一、总体情况（二）依申请公开情况 第 2 段. */
/**
 * Where offsets of one field are, as an editor finds them ("一、总体情况（二） 第 2 段"), for offsets in increasing
 * order: one pass over the field however many findings it has (a blank line starts a paragraph).
 */
export function placeCounter(field: NarrativeField): (offset: number) => string {
  // Worded only when a finding asks: most fields have none.
  let where: string | undefined;
  const { text } = field;
  let paragraph = 1;
  let counted = 0;
  let seenText = false;
  let newlines = 0;
  return (offset) => {
    if (offset < counted) [paragraph, counted, seenText, newlines] = [1, 0, false, 0];
    for (; counted < offset; counted++) {
      const c = text.charCodeAt(counted);
      if (c === 10) newlines++;
      else if (c !== 32 && c !== 9 && c !== 13 && c !== 0x3000) {
        if (seenText && newlines >= 2) paragraph++;
        [seenText, newlines] = [true, 0];
      }
    }
    // A blank line just before the offset: the offset starts the next paragraph.
    where ??= narrativePlace(field.location, field.heading) ?? field.location;
    return `${where} 第 ${paragraph + (seenText && newlines >= 2 ? 1 : 0)} 段`;
  };
}

/** 1-based paragraph (Markdown: blocks split by blank lines) of a character offset. */

/** A short excerpt around text[start, end) inside its paragraph, with … where it is cut. */
export function excerptAround(text: string, start: number, end: number, margin = 12): string {
  // Every search stays inside the margins: a field may be one very long line with thousands of findings.
  const windowStart = Math.max(0, start - margin);
  const from = windowStart + text.slice(windowStart, start).lastIndexOf('\n') + 1;
  const after = text.slice(end, end + margin);
  const lineEnd = after.indexOf('\n');
  let to = lineEnd === -1 ? Math.min(text.length, end + margin) : end + lineEnd;
  // A claim or reference itself may be long (a hostile one, a megabyte): quote its start.
  const longest = 2 * margin + 80;
  const cut = to - from > longest;
  if (cut) to = from + longest;
  const inner = text.slice(from, to).replace(/\*\*/g, '').trim();
  const more = cut || (to < text.length && text[to] !== '\n');
  return `${from > 0 && text[from - 1] !== '\n' ? '…' : ''}${inner}${more ? '…' : ''}`;
}
