// Rule R11: a narrative copied from last year's report (内容雷同).
import { narrativeFields } from '../narrative/narrative-fields';
import type { Narrative } from '../report/report-document';
import type { RuleContext } from './rule-context';
import type { ValidationFinding } from '../validation-finding';

/** Shingles of this many characters, ignoring digits, spaces and punctuation, so changed numbers and years don't hide a copy. */
const shingleSize = 5;
const threshold = 0.85;
/** Shorter texts (a one-line 六) legitimately repeat. */
const minimumCharacters = 80;

/** Han characters and Latin letters only: digits, spaces, punctuation and markup don't make two texts different. */
const isLetter = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/** Hashes of every run of `shingleSize` letters: numbers, not substrings, keep this cheap. */
function shingles(text: string): Uint32Array {
  const letters = new Uint16Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) letters[length++] = c;
  }
  const hashes = new Uint32Array(Math.max(0, length - shingleSize + 1));
  for (let i = 0; i < hashes.length; i++) {
    let h = 2166136261;
    for (let j = 0; j < shingleSize; j++) h = Math.imul(h ^ letters[i + j]!, 16777619);
    hashes[i] = h >>> 0 || 1; // 0 marks an empty slot below
  }
  return hashes;
}

/** A set of non-zero hashes: open addressing in a typed array (a JS Set or a sort costs several times more). */
class HashSet {
  private readonly slots: Uint32Array;
  size = 0;

  constructor(capacity: number) {
    this.slots = new Uint32Array(2 ** Math.ceil(Math.log2(capacity * 2 + 2)));
  }

  /** Adds a hash; false when it was there already. */
  add(hash: number): boolean {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      if (this.slots[i] === hash) return false;
      if (this.slots[i] === 0) {
        this.slots[i] = hash;
        this.size++;
        return true;
      }
    }
  }

  has(hash: number): boolean {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      if (this.slots[i] === hash) return true;
      if (this.slots[i] === 0) return false;
    }
  }
}

/** Jaccard similarity of the two texts' shingle sets, 0–1. */
export function similarity(a: string, b: string): number {
  const [x, y] = [shingles(a), shingles(b)];
  if (x.length === 0 || y.length === 0) return 0;
  const first = new HashSet(x.length);
  for (const hash of x) first.add(hash);
  const second = new HashSet(y.length);
  let shared = 0;
  for (const hash of y) if (second.add(hash) && first.has(hash)) shared++;
  return shared / (first.size + second.size - shared);
}

/** The parts compared year on year: the preamble and 六 are formulaic by design. */
function comparedParts(narrative: Narrative): { location: string; text: string }[] {
  const overview = narrativeFields(narrative)
    .filter((f) => f.location.startsWith('narrative.overview'))
    .map((f) => f.text)
    .join('\n');
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
    if (letterCount(part.text) < minimumCharacters) return [];
    const score = similarity(part.text, before.text);
    if (score < threshold) return [];
    const percent = Math.round(score * 100);
    return [
      {
        rule: 'R11',
        severity: 'warning',
        cells: [],
        location: part.location,
        expected: `< ${Math.round(threshold * 100)}%`,
        actual: `${percent}%`,
        message: {
          zh: `${part.location}：与 ${previous.report.year} 年报告的相同部分相似度 ${percent}%，内容雷同，请据本年度实际情况撰写`,
          en: `${part.location}: ${percent}% similar to the ${previous.report.year} report; rewrite it for this year`,
        },
      },
    ];
  });
}

function letterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (isLetter(text.charCodeAt(i))) count++;
  return count;
}
