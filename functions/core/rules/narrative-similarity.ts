// Rule R11: a narrative copied from last year's report (内容雷同).
import { narrativeFields } from '../narrative/narrative-fields';
import type { Narrative } from '../report/report-document';
import type { RuleContext } from './rule-context';
import type { ValidationFinding } from './validation-finding';

/** Shingles of this many characters, ignoring digits, spaces and punctuation, so changed numbers and years don't hide a copy. */
const shingleSize = 5;
const threshold = 0.85;
/** Shorter texts (a one-line 六) legitimately repeat. */
const minimumCharacters = 80;

/** Han characters and Latin letters only: digits, spaces, punctuation and markup don't make two texts different. */
function significant(text: string): string {
  let letters = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) letters += text[i];
  }
  return letters;
}

/** Sorted distinct hashes of every run of `shingleSize` characters: numbers, not substrings, keep this cheap. */
function shingles(text: string): Uint32Array {
  const letters = significant(text);
  const hashes = new Uint32Array(Math.max(0, letters.length - shingleSize + 1));
  for (let i = 0; i < hashes.length; i++) {
    let h = 2166136261;
    for (let j = 0; j < shingleSize; j++) h = Math.imul(h ^ letters.charCodeAt(i + j), 16777619);
    hashes[i] = h >>> 0;
  }
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i]!;
  return hashes.subarray(0, distinct);
}

/** Jaccard similarity of the two texts' shingle sets, 0–1. */
export function similarity(a: string, b: string): number {
  const [x, y] = [shingles(a), shingles(b)];
  if (x.length === 0 || y.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return shared / (x.length + y.length - shared);
}

/** The parts compared year on year: the preamble and 六 are formulaic by design. */
function comparedParts(narrative: Narrative): { location: string; text: string }[] {
  const overview = narrativeFields(narrative).filter((f) => f.location.startsWith('narrative.overview')).map((f) => f.text).join('\n');
  return [
    { location: 'narrative.overview', text: overview },
    { location: 'narrative.problems', text: narrative.problems },
  ];
}

export function checkNarrativeCopied({ report, previous }: RuleContext): ValidationFinding[] {
  if (!previous) return [];
  const last = comparedParts(previous.report.narrative);
  return comparedParts(report.narrative).flatMap((part, i) => {
    const before = last[i]!;
    if (significant(part.text).length < minimumCharacters) return [];
    const score = similarity(part.text, before.text);
    if (score < threshold) return [];
    const percent = Math.round(score * 100);
    return [{
      rule: 'R11', severity: 'warning', cells: [], location: part.location, expected: `< ${Math.round(threshold * 100)}%`, actual: `${percent}%`,
      message: {
        zh: `${part.location}：与 ${previous.report.year} 年报告的相同部分相似度 ${percent}%，内容雷同，请据本年度实际情况撰写`,
        en: `${part.location}: ${percent}% similar to the ${previous.report.year} report; rewrite it for this year`,
      },
    }];
  });
}
