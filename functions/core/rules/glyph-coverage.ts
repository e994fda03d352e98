// Rule F1: characters the report's fonts cannot draw. The print draws them as □ in the report's own font (never a
// system font), so the editor hears of them before approving. Which characters the fonts have is read from the font
// files outside the core (functions/render/glyph-coverage.ts) and passed in.
import { narrativeFields } from '../narrative/narrative-fields';
import type { ReportDocument } from '../report/report-document';
import type { ValidationFinding } from '../validation-finding';

/** The code points the report's text fonts can draw. */
export interface GlyphCoverage {
  has(codePoint: number): boolean;
}

/** Never drawn, so never missing: controls (line breaks, tabs) and zero-width or variation characters. */
const undrawn = /^[\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;
/** Characters named in one finding; the rest are counted. */
const listed = 12;

const codePointName = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** The printed text fields: the title, the issuer (the sign-off) and every narrative field. */
function printedFields(report: ReportDocument): { readonly location: string; readonly text: string }[] {
  return [
    { location: 'title', text: report.title },
    { location: 'agency.issuer', text: report.agency.issuer },
    ...narrativeFields(report.narrative),
  ];
}

/** A warning per field holding characters the fonts lack, naming each (code point, character), at its first line. */
export function checkGlyphCoverage(report: ReportDocument, coverage: GlyphCoverage): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  for (const { location, text } of printedFields(report)) {
    const missing = new Set<number>();
    let line = 1;
    let firstLine: number | undefined;
    for (const character of text) {
      const codePoint = character.codePointAt(0)!;
      if (codePoint === 0x0a) line++;
      if (coverage.has(codePoint) || missing.has(codePoint) || undrawn.test(character)) continue;
      missing.add(codePoint);
      firstLine ??= line;
    }
    if (missing.size === 0) continue;
    const names = [...missing].slice(0, listed).map((cp) => `${codePointName(cp)} ${String.fromCodePoint(cp)}`);
    const more = missing.size > listed ? missing.size - listed : 0;
    findings.push({
      rule: 'F1',
      severity: 'warning',
      cells: [],
      location,
      ...(location.startsWith('narrative.') ? { line: firstLine! } : {}),
      actual: [...missing].map(codePointName).join(' '),
      message: {
        zh: `报告字体中没有以下字符，打印时显示为方框（□）：${names.join('、')}${more ? ` 等另 ${more} 个` : ''}`,
        en:
          `characters missing from the report's fonts print as a box (□): ${names.join(', ')}` +
          (more ? ` and ${more} more` : ''),
      },
    });
  }
  return findings;
}
