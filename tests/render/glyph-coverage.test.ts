// The coverage F1 is given (read from the print's font files), and the last-resort face that prints what they lack.
import { describe, expect, it } from 'vitest';
import { Blob, Buffer, Face, Font, shape } from 'harfbuzzjs';
import { validateReport } from '../../functions/core/rules/validate-report';
import { reportGlyphCoverage } from '../../functions/render/glyph-coverage';
import { missingGlyphFont } from '../../functions/render/missing-glyph-font';
import { lishi2023 } from './render-fixtures';

// Characters the brief's print showed in system fonts: an Extension B ideograph, Devanagari, Thai, an emoji.
const missing = ['𠀀', 'क', 'ก', '😀'];

describe('report glyph coverage', () => {
  it('has Chinese, Latin and the full-width punctuation of reports, not what the Noto SC fonts lack', async () => {
    const coverage = await reportGlyphCoverage();
    for (const character of '政府信息公开年度报告ABCxyz0123，。：；“”（）、％')
      expect(coverage.has(character.codePointAt(0)!), character).toBe(true);
    for (const character of missing) expect(coverage.has(character.codePointAt(0)!), character).toBe(false);
  });

  it('finds nothing missing in the sample report', async () => {
    const { findings } = validateReport(lishi2023(), undefined, { glyphCoverage: await reportGlyphCoverage() });
    expect(findings.filter((f) => f.rule === 'F1')).toEqual([]);
  });
});

describe('the last-resort face', () => {
  it('draws every character with its one glyph (□), as a shaper looks them up, and is tiny', async () => {
    const font = await missingGlyphFont();
    expect(font.length).toBeLessThan(4_000);
    const buffer = new Buffer();
    const text = [...missing, 'A', '中', '\u{10FFFD}'];
    buffer.addText(text.join(''));
    buffer.guessSegmentProperties();
    shape(new Font(new Face(new Blob(font))), buffer);
    // A shaper gives glyph 0 (.notdef) for a character the font lacks; every character here gets glyph 1.
    expect(buffer.getGlyphInfos().map((glyph) => glyph.codepoint)).toEqual(text.map(() => 1));
  });
});
