// Every piece of editor text in a report, with the document path that names it in findings.
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
  if (narrative.overviewIntro !== undefined) fields.push({ location: 'narrative.overviewIntro', text: narrative.overviewIntro, heading: undefined });
  narrative.overview.forEach((section, i) => {
    const [heading, body] = overviewLocation(i);
    fields.push({ location: heading, text: section.heading, heading: undefined }, { location: body, text: section.body, heading: section.heading });
  });
  fields.push({ location: 'narrative.problems', text: narrative.problems, heading: undefined }, { location: 'narrative.otherMatters', text: narrative.otherMatters, heading: undefined });
  return fields;
}

/** Puts edited field texts back into the narrative, keyed by location. */
export function withFieldTexts(narrative: Narrative, text: (location: string, original: string) => string): Narrative {
  return {
    preamble: text('narrative.preamble', narrative.preamble),
    ...(narrative.overviewIntro === undefined ? {} : { overviewIntro: text('narrative.overviewIntro', narrative.overviewIntro) }),
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
