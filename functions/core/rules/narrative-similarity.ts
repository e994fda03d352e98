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

const significant = (text: string) => text.replace(/[\s\d\p{P}\p{S}]/gu, '');

function shingles(text: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + shingleSize <= text.length; i++) set.add(text.slice(i, i + shingleSize));
  return set;
}

export function similarity(a: string, b: string): number {
  const [x, y] = [shingles(significant(a)), shingles(significant(b))];
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
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
