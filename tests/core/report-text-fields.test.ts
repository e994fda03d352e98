// Text fields hold text: no control characters (line breaks and tabs only in bodies), no lone surrogates or
// noncharacters, nothing longer than its kind's limit; and the document as a whole stays within its limits.
import { describe, expect, it } from 'vitest';
import { reportLimits } from '../../functions/core/report/limits';
import { parseReport } from '../../functions/core/report/parse-report';
import { fixtureJson } from './report-builders';

type Doc = ReturnType<typeof fixtureJson>;

/** Every text field of the fixture: its path, and a setter. */
const textFields: [path: string, kind: 'line' | 'body', set: (doc: Doc, text: string) => void][] = [
  ['title', 'line', (doc, text) => (doc.title = text)],
  ['agency.name', 'line', (doc, text) => ((doc.agency as Record<string, unknown>).name = text)],
  ['agency.issuer', 'line', (doc, text) => ((doc.agency as Record<string, unknown>).issuer = text)],
  ['narrative.preamble', 'body', (doc, text) => (doc.narrative.preamble = text)],
  ['narrative.overviewIntro', 'body', (doc, text) => (doc.narrative.overviewIntro = text)],
  ['narrative.overview[2].heading', 'line', (doc, text) => (section(doc, 2).heading = text)],
  ['narrative.overview[2].body', 'body', (doc, text) => (section(doc, 2).body = text)],
  ['narrative.problems', 'body', (doc, text) => (doc.narrative.problems = text)],
  ['narrative.otherMatters', 'body', (doc, text) => (doc.narrative.otherMatters = text)],
];
const section = (doc: Doc, i: number) => (doc.narrative.overview as Record<string, unknown>[])[i]!;

function findingsFor(change: (doc: Doc) => void) {
  const doc = fixtureJson();
  change(doc);
  const parsed = parseReport(doc);
  return parsed.ok ? [] : parsed.error;
}

describe('text fields', () => {
  const refused: [name: string, char: string, codePoint: string][] = [
    ['NUL (the renderer’s font-slot marker is made of it)', '\u0000font-faces\u0000', 'U+0000'],
    ['escape', '\u001b[31m', 'U+001B'],
    ['delete', '\u007f', 'U+007F'],
    ['a C1 control', '\u0085', 'U+0085'],
    ['a lone high surrogate', '\ud800', 'U+D800'],
    ['a lone low surrogate', '\udfff', 'U+DFFF'],
    ['the noncharacter U+FFFE', '\ufffe', 'U+FFFE'],
    ['the noncharacter U+10FFFF', '\u{10ffff}', 'U+10FFFF'],
  ];
  for (const [path, , set] of textFields) {
    for (const [name, char, codePoint] of refused) {
      it(`refuses ${name} in ${path}, naming the field and the code point`, () => {
        const findings = findingsFor((doc) => set(doc, `第一行${char}文字`));
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ rule: 'S1', location: path, actual: codePoint });
        expect(findings[0]!.message.en).toContain(`${path}: character 4 is`);
        expect(findings[0]!.message.zh).toContain(codePoint);
      });
    }
  }

  it('allows line breaks and tabs in bodies only, and names the line of a bad character in a body', () => {
    for (const [path, kind, set] of textFields) {
      const findings = findingsFor((doc) => set(doc, '一行\r\n\t二行'));
      expect(
        findings.map((f) => f.location),
        path,
      ).toEqual(kind === 'body' ? [] : [path]);
    }
    const [finding] = findingsFor((doc) => (doc.narrative.problems = '一\n二\n三\u0007'));
    expect(finding).toMatchObject({ location: 'narrative.problems', line: 3, actual: 'U+0007' });
  });

  it('accepts characters outside the basic plane, emoji and rare ideographs included', () => {
    expect(findingsFor((doc) => (doc.title = '𠀀𪚥😀年度报告'))).toEqual([]);
  });

  it('refuses a field longer than its kind allows, naming the field and the limit', () => {
    const { fieldChars } = reportLimits;
    const limits: Record<string, number> = {
      title: fieldChars.title,
      'agency.name': fieldChars.name,
      'agency.issuer': fieldChars.name,
    };
    for (const [path, kind, set] of textFields) {
      const limit = limits[path] ?? (kind === 'body' ? fieldChars.body : fieldChars.heading);
      expect(
        findingsFor((doc) => set(doc, '字'.repeat(limit))),
        path,
      ).toEqual([]);
      const [finding, ...rest] = findingsFor((doc) => set(doc, '字'.repeat(limit + 1)));
      expect(rest, path).toEqual([]);
      expect(finding, path).toMatchObject({ rule: 'S1', location: path, expected: `at most ${limit} characters` });
      expect(finding!.message.en).toContain(`limit of ${limit}`);
    }
  });
});

describe('document limits', () => {
  it('refuses more overview subsections than the limit, and accepts the limit', () => {
    const at = (count: number) =>
      findingsFor((doc) => {
        doc.narrative.overview = Array.from({ length: count }, (_, i) => ({ heading: `第${i + 1}节`, body: '内容。' }));
      });
    expect(at(reportLimits.overviewSections)).toEqual([]);
    const [finding, ...rest] = at(reportLimits.overviewSections + 1);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      location: 'narrative.overview',
      expected: `at most ${reportLimits.overviewSections} subsections`,
    });
    expect(at(100_000)).toHaveLength(1);
  });

  it('refuses more text in all fields together than the limit, each field within its own', () => {
    const { textChars, fieldChars, overviewSections } = reportLimits;
    const sections = Math.min(overviewSections, Math.ceil(textChars / fieldChars.body) + 1);
    const findings = findingsFor((doc) => {
      doc.narrative.overview = Array.from({ length: sections }, () => ({
        heading: '小节',
        body: '字'.repeat(fieldChars.body),
      }));
    });
    expect(findings.map((f) => f.location)).toEqual(['(document)']);
    expect(findings[0]!.message.en).toContain(`more than the limit of ${textChars.toLocaleString('en')}`);
  });

  it('leaves the sample report far inside every limit', () => {
    const doc = fixtureJson();
    const narrative = doc.narrative as { preamble: string; overview: { body: string }[] };
    expect(JSON.stringify(doc).length * 3).toBeLessThan(reportLimits.documentBytes / 10);
    for (const { body } of narrative.overview) expect(body.length * 5).toBeLessThan(reportLimits.fieldChars.body);
    expect(narrative.overview.length * 5).toBeLessThan(reportLimits.overviewSections);
  });
});

describe('$comment', () => {
  it('may be a string or a list of strings, with line breaks', () => {
    expect(findingsFor((doc) => (doc.$comment = '说明\n第二行'))).toEqual([]);
    expect(findingsFor((doc) => (doc.$comment = ['一', '二']))).toEqual([]);
  });

  it('refuses anything else with one finding, however deep or long', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5_000; i++) deep = [deep];
    const cases: [value: unknown, location: string][] = [
      [deep, '$comment[0]'],
      [{ note: 'x' }, '$comment'],
      [42, '$comment'],
      [null, '$comment'],
      [['fine', 7, 8, 9], '$comment[1]'],
      [Array.from({ length: 100_000 }, () => ({})), '$comment[0]'],
    ];
    for (const [value, location] of cases) {
      const findings = findingsFor((doc) => (doc.$comment = value));
      expect(findings.map((f) => [f.rule, f.location])).toEqual([['S1', location]]);
    }
  });

  it('keeps to its length limit; any character goes, as the parser drops it', () => {
    const long = findingsFor((doc) => (doc.$comment = ['ok', 'x'.repeat(reportLimits.fieldChars.comment + 1)]));
    expect(long.map((f) => f.location)).toEqual(['$comment[1]']);
    expect(findingsFor((doc) => (doc.$comment = 'a\u0000b\ud800'))).toEqual([]);
    const parsed = parseReport({ ...fixtureJson(), $comment: 'a\u0000b' });
    expect(parsed.ok && Object.keys(parsed.value)).not.toContain('$comment');
  });
});
