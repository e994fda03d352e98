// How large a report document may be. Real reports fit many times over (17 real ones: the longest body 1,650
// characters, the longest narrative 3,687, at most 6 subsections, at most 20 KB on disk); past these a document is
// refused with a finding instead of taking minutes to render into a PDF that silently drops text.

/** The kinds of text field, each with its own length limit and characters (text-field.ts). */
export type TextFieldKind = 'title' | 'name' | 'heading' | 'body' | 'comment';

export const reportLimits = {
  /** The file as read, in bytes: the CLI checks it before parsing the JSON. */
  documentBytes: 4 * 1024 * 1024,
  /** All text fields together (title, agency, narrative, `$comment`), in characters: what the core checks alone. */
  textChars: 200_000,
  /** Characters per field, by kind. */
  fieldChars: {
    /** title */
    title: 200,
    /** agency.name, agency.issuer */
    name: 100,
    /** narrative.overview[i].heading */
    heading: 200,
    /** narrative.preamble, .overviewIntro, .overview[i].body, .problems, .otherMatters */
    body: 20_000,
    /** each string of `$comment` */
    comment: 10_000,
  } satisfies Record<TextFieldKind, number>,
  /** narrative.overview: subsections （一） to （五十）. */
  overviewSections: 50,
} as const;
