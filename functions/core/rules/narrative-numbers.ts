// Rule R7: a number written in the narrative contradicts the table it describes.
// Reading is tolerant: a claim is checked only in a sentence about its subject, and may match any of several readings
// (收到申请 75 件 often means 新收 + 上年结转).
import { lineAt, narrativeFields } from '../narrative/narrative-fields';
import { cellsOf } from '../format/templates';
import { sumOf, type RuleContext } from './rule-context';
import type { ValidationFinding } from './validation-finding';

type Cells = RuleContext['cells'];

interface Reading {
  readonly cells: readonly string[];
  readonly value: number;
}

interface Claim {
  readonly subject: { readonly zh: string; readonly en: string };
  /** Words that start the phrase (a regex alternation); the text is scanned once for all heads. */
  readonly head: string;
  /** Matched at a head (sticky); the number is group 1. Gaps exclude digits and clause breaks so the number belongs to the phrase. */
  readonly pattern: RegExp;
  /** Only sentences about applications (依申请公开) are read for application claims. */
  readonly aboutApplications: boolean;
  readonly readings: (cells: Cells, template: RuleContext['report']['template']) => readonly Reading[];
  /** Percentages compare within the rounding of the printed figure. */
  readonly percent?: boolean;
}

const gap = (max: number) => `[^，,。；;：:\\d]{0,${max}}?`;
const count = '(\\d{1,3}(?:,\\d{3})+|\\d+)\\s*';
const phrase = (head: string, max: number, unit = '[件个]', before = '') => ({ head, pattern: new RegExp(`${before}(?:${head})${gap(max)}${count}${unit}`, 'y') });

const totalIds = new Map<string, string[]>();

/** Sums the `total` column over every applications row whose id is, or starts with, one of the prefixes. */
function totalOf(template: RuleContext['report']['template'], cells: Cells, ...rowPrefixes: string[]): Reading | undefined {
  const key = `${template}:${rowPrefixes.join()}`;
  let ids = totalIds.get(key);
  if (!ids) {
    ids = cellsOf(template)
      .filter((c) => c.table.id === 'applications' && c.column.key === 'total' && rowPrefixes.some((p) => c.row.id === p || c.row.id.startsWith(`${p}.`)))
      .map((c) => c.id);
    totalIds.set(key, ids);
  }
  const value = sumOf(cells, ids);
  return value === undefined ? undefined : { cells: ids, value };
}

const present = (readings: (Reading | undefined)[]) => readings.filter((r): r is Reading => r !== undefined);

function ratio(numerator: Reading | undefined, denominator: Reading | undefined): Reading[] {
  if (!numerator || !denominator || denominator.value === 0) return [];
  return [{ cells: [...numerator.cells, ...denominator.cells], value: (numerator.value / denominator.value) * 100 }];
}

const applicationClaim = (zh: string, en: string, { head, pattern }: ReturnType<typeof phrase>, ...rows: string[][]): Claim => ({
  subject: { zh, en },
  head,
  pattern,
  aboutApplications: true,
  readings: (cells, template) => present(rows.map((prefixes) => totalOf(template, cells, ...prefixes))),
});

const results = ['granted', 'partiallyGranted', 'denied', 'unavailable', 'notProcessed', 'otherHandling'];

const claims: readonly Claim[] = [
  // Rates first: at 办结率 the rate is meant, not a count of 办结.
  {
    subject: { zh: '办结率', en: 'conclusion rate' },
    head: '办结率',
    pattern: /办结率[^，,。；;\d]{0,4}?(\d+(?:\.\d+)?)\s*[%％]/y,
    aboutApplications: true,
    percent: true,
    readings: (cells, template) => ratio(totalOf(template, cells, 'resultsTotal'), totalOf(template, cells, 'received', 'carriedOver')),
  },
  {
    subject: { zh: '公开率', en: 'disclosure rate' },
    head: '公开率',
    pattern: /公开率[^，,。；;\d]{0,4}?(\d+(?:\.\d+)?)\s*[%％]/y,
    aboutApplications: true,
    percent: true,
    readings: (cells, template) => ratio(totalOf(template, cells, 'granted', 'partiallyGranted'), totalOf(template, cells, ...results)),
  },
  applicationClaim('新收申请', 'applications received', phrase('新收|受理|收到|接收', 16), ['received'], ['received', 'carriedOver']),
  applicationClaim('上年结转', 'carried over', phrase('上年度?结转', 8), ['carriedOver']),
  applicationClaim('办结', 'concluded', phrase('办结|办理完毕|答复', 8), ['resultsTotal'], ['received', 'carriedOver']),
  applicationClaim('予以公开', 'granted', phrase('予以公开', 4, '[件个]', '(?<!部分|不)'), ['granted']),
  applicationClaim('部分公开', 'partially granted', phrase('部分公开|部分予以公开', 4), ['partiallyGranted']),
  applicationClaim('不予公开', 'denied', phrase('不予公开', 4), ['denied']),
  applicationClaim('无法提供', 'unavailable', phrase('无法提供', 4), ['unavailable']),
  applicationClaim('不予处理', 'not processed', phrase('不予处理', 4), ['notProcessed']),
  applicationClaim('结转下年度', 'carried forward', phrase('结转(?:至|到)?下一?年度?', 8), ['carriedForward']),
  {
    subject: { zh: '行政复议', en: 'administrative reviews' },
    ...phrase('行政复议', 8, '[件起宗]'),
    aboutApplications: false,
    readings: (cells) => present([sumOf(cells, ['reviewLitigation.review.total']) ?? undefined].map((value) => (value === undefined ? undefined : { cells: ['reviewLitigation.review.total'], value }))),
  },
  {
    subject: { zh: '行政诉讼', en: 'lawsuits' },
    ...phrase('行政诉讼', 8, '[件起宗]'),
    aboutApplications: false,
    readings: (cells) => {
      const ids = ['reviewLitigation.litigationDirect.total', 'reviewLitigation.litigationAfterReview.total'];
      const value = sumOf(cells, ids);
      return value === undefined ? [] : [{ cells: ids, value }];
    },
  },
  {
    subject: { zh: '现行有效', en: 'in force' },
    head: '现行有效',
    pattern: /现行有效[^。；;]*?(\d{1,3}(?:,\d{3})+|\d+)\s*[件份部个]/y,
    aboutApplications: false,
    readings: (cells, template) => {
      if (template !== '2021') return [];
      const rows = ['proactive.normativeDocuments.inForce', 'proactive.regulations.inForce'];
      return present([...rows.map((id) => [id]), rows].map((ids) => {
        const value = sumOf(cells, ids);
        return value === undefined ? undefined : { cells: ids, value };
      }));
    },
  },
];

const sentenceEnd = /[。！？!?\n]/;
const applicationContext = /申请/;
/** Phrases about other channels (hotlines, petitions, messages) that reuse 受理/办结 wording. */
const otherChannel = /热线|信访|留言|诉求|来信|12345|建议|提案/;

/** The sentence around an offset: split on 。！？ and line breaks. */
function sentenceAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && !sentenceEnd.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && !sentenceEnd.test(text[end]!)) end++;
  return text.slice(start, end);
}

/** One scan finds every place a claim may start (group i+1 is claim i); that claim's own pattern is then tried there. */
const heads = new RegExp(claims.map((c) => `(${c.head})`).join('|'), 'g');

function* claimMatches(text: string): Generator<{ claim: Claim; match: RegExpExecArray }> {
  heads.lastIndex = 0;
  for (let h = heads.exec(text); h !== null; h = heads.exec(text)) {
    const claim = claims[h.findIndex((group, i) => i > 0 && group !== undefined) - 1]!;
    claim.pattern.lastIndex = h.index;
    const match = claim.pattern.exec(text);
    if (match) yield { claim, match };
    heads.lastIndex = h.index + 1;
  }
}

function matchesReading(stated: number, reading: Reading, percent: boolean, printed: string): boolean {
  if (!percent) return stated === reading.value;
  const decimals = printed.split('.')[1]?.length ?? 0;
  return Math.abs(stated - reading.value) <= 0.5 * 10 ** -decimals + 1e-9;
}

export function checkNarrativeNumbers({ resolved, cells }: RuleContext): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  // Readings are computed for a claim only when the text makes it: most reports make few.
  const readingsOf = new Map<Claim, readonly Reading[]>();
  for (const field of narrativeFields(resolved.narrative)) {
    // 依申请公开 context comes from the sentence or from its subsection heading.
    const sectionAboutApplications = field.heading !== undefined && applicationContext.test(field.heading);
    const aboutApplications = (offset: number) => {
      const text = sentenceAt(field.text, offset);
      return (sectionAboutApplications || applicationContext.test(text)) && !otherChannel.test(text);
    };
    for (const { claim, match: m } of claimMatches(field.text)) {
      let readings = readingsOf.get(claim);
      if (!readings) readingsOf.set(claim, (readings = claim.readings(cells, resolved.template)));
      const [best] = readings;
      if (!best) continue;
      const printed = m[1]!.replace(/,/g, '');
      const stated = Number(printed);
      if (readings.some((r) => matchesReading(stated, r, claim.percent === true, printed))) continue;
      if (claim.aboutApplications && !aboutApplications(m.index)) continue;
      const expected = claim.percent ? `${best.value.toFixed(2)}%` : best.value;
      const actual = claim.percent ? `${printed}%` : stated;
      findings.push({
        rule: 'R7', severity: 'warning', cells: best.cells, location: field.location,
        line: lineAt(field.text, m.index), expected, actual,
        message: {
          zh: `正文“${m[0].trim()}”与表格不符：${claim.subject.zh}按表格应为 ${expected}`,
          en: `the text "${m[0].trim()}" contradicts the tables: ${claim.subject.en} should be ${expected}`,
        },
      });
    }
  }
  return findings;
}
