// Arbitraries for hostile report documents: any JSON, and the sample report with any text in any text field.
import fc from 'fast-check';
import { fixtureJson } from '../core/report-builders';

type Path = readonly (string | number)[];

/** Every text field of the sample (and the string-valued fields around them), by path. */
export const textFieldPaths: readonly Path[] = [
  ['title'],
  ['agency', 'name'],
  ['agency', 'issuer'],
  ['agency', 'code'],
  ['issuedOn'],
  ['format'],
  ['template'],
  ['narrative', 'preamble'],
  ['narrative', 'overviewIntro'],
  ['narrative', 'problems'],
  ['narrative', 'otherMatters'],
  ['narrative', 'overview', 0, 'heading'],
  ['narrative', 'overview', 0, 'body'],
  ['narrative', 'overview', 4, 'heading'],
  ['narrative', 'overview', 4, 'body'],
  ['$comment'],
  ['$comment', 1],
];

/** Places where any JSON value may be put instead of what the sample has. */
const valuePaths: readonly Path[] = [
  ...textFieldPaths,
  [],
  ['agency'],
  ['year'],
  ['narrative'],
  ['narrative', 'overview'],
  ['narrative', 'overview', 2],
  ['statistics'],
  ['statistics', 'applications'],
  ['statistics', 'applications', 'received', 'naturalPerson'],
  ['statistics', 'proactive', 'article20-1'],
  ['statistics', 'reviewLitigation', 'review', 'upheld'],
];

/** Pieces hostile text is made of: control characters, surrogates, braces, markup, and plain text. */
const pieces = fc.oneof(
  fc.constantFrom(
    '\u0000',
    '\u0000font-faces\u0000',
    '\u0007',
    '\u001b[0m',
    '\u007f',
    '\u0085',
    '\ud800',
    '\udfff',
    '\ufffe',
    '\uffff',
    '\u{10ffff}',
    '\u202e',
    '\ufeff',
    '\r\n',
    '\n',
    '\t',
    '\r',
    '{{',
    '}}',
    '{{applications.received.total}}',
    '{{#each statistics}}',
    '{{{agency.name}}}',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '![x](http://127.0.0.1/x)',
    '# ',
    '**',
    '|a|b|\n|-|-|',
    '> ',
    '```',
    '&lt;',
    '%',
    '共收到申请 75 件',
    '１２３',
    '𠀀',
    '😀',
    ' ',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ maxLength: 20 }),
);

/** Any text: a few pieces, sometimes one repeated past every field limit. */
export const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(pieces, fc.integer({ min: 1, max: 40_000 })).map(([piece, n]) => piece.repeat(n)) },
);

function setAt(document: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  if (path.length === 0) return value as Record<string, unknown>;
  let node = document as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) return document;
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1)!] = value;
  return document;
}

/** The sample with hostile text in some of its text fields. */
export const sampleWithHostileText = fc
  .array(fc.tuple(fc.constantFrom(...textFieldPaths), hostileText), { minLength: 1, maxLength: 6 })
  .map((changes) =>
    changes.reduce<Record<string, unknown>>((doc, [path, text]) => setAt(doc, path, text), fixtureJson()),
  );

/** Any JSON at all, or the sample with any JSON value in place of one of its parts. */
export const hostileJson = fc.oneof(
  fc.jsonValue(),
  fc.tuple(fc.constantFrom(...valuePaths), fc.jsonValue()).map(([path, value]) => setAt(fixtureJson(), path, value)),
);
