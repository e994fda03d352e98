// Rule R7: a number written in the narrative contradicts the table it describes.
// Reading is tolerant: a claim is checked only in a sentence about its subject, and may match any of several readings
// (收到申请 75 件 often means 新收 + 上年结转).
import { tableOf } from '../format/templates';
import type { TemplateId } from '../format/table-definition';
import { excerptAround, lineCounter, placeCounter, type NarrativeField } from '../narrative/narrative-fields';
import { compoundClaim, type CompoundClaim } from './compound-claims';
import { cellIndex, sumAt, sumOf, type CellValues, type RuleContext } from './rule-context';
import type { SkippedRule, ValidationFinding } from '../validation-finding';

interface Reading {
  readonly cells: readonly string[];
  readonly value: number;
}

interface Claim {
  readonly subject: { readonly zh: string; readonly en: string };
  /** Literal words a phrase starts with: the text is scanned once for all of them. */
  readonly words: readonly string[];
  /** Matched where a word starts (sticky); the number is group 1. */
  readonly pattern: RegExp;
  /** Only sentences about applications (依申请公开) are read for application claims. */
  readonly aboutApplications: boolean;
  readonly readings: (cells: CellValues) => readonly Reading[];
  /** Percentages compare within the rounding of the printed figure. */
  readonly percent?: boolean;
  /** A result row of 三: the claim may name several rows at once (compound-claims.ts). */
  readonly resultRow?: boolean;
}

/** Between word and number: no digits or clause breaks, so the number belongs to the phrase. */
const gap = (max: number) => `[^，,。；;：:\\d]{0,${max}}?`;
const count = '(\\d{1,3}(?:,\\d{3})+|\\d+)\\s*';
const rate = '[^，,。；;\\d]{0,4}?(\\d+(?:\\.\\d+)?)\\s*[%％]';

function claim(words: readonly string[], after: string, rest: Omit<Claim, 'words' | 'pattern'>, before = ''): Claim {
  return { ...rest, words, pattern: new RegExp(`${before}(?:${words.join('|')})${after}`, 'y') };
}

/** A row of 三 as R7 reads it: its 总计 cell, and its applicant columns for when 总计 is left blank. */
interface RowCells {
  readonly total: number;
  readonly columns: readonly number[];
  readonly totalId: string;
  readonly columnIds: readonly string[];
}

/** The applications rows whose id is, or starts with, one of the prefixes. */
function rowCells(template: TemplateId, rowPrefixes: readonly string[]): RowCells[] {
  const index = cellIndex(template);
  return tableOf(template, 'applications')
    .rows.filter((row) => rowPrefixes.some((p) => row.id === p || row.id.startsWith(`${p}.`)))
    .map((row) => {
      const id = (key: string) => `applications.${row.id}.${key}`;
      const columnIds = row.columns.filter((c) => c.key !== 'total').map((c) => id(c.key));
      const columns = columnIds.map((c) => index.get(c)!);
      return { total: index.get(id('total'))!, totalId: id('total'), columns, columnIds };
    });
}

/** The sum of the rows' 总计; a row whose 总计 is blank counts as the sum of its columns (a blank 总计 must not silence
 * R7: the narrative is then compared with the rows it describes). */
function readingOfRows(cells: CellValues, rows: readonly RowCells[]): Reading | undefined {
  let value = 0;
  const ids: string[] = [];
  for (const row of rows) {
    const total = cells.list[row.total];
    if (typeof total === 'number') {
      value += total;
      ids.push(row.totalId);
      continue;
    }
    const sum = sumAt(cells, row.columns);
    if (sum === undefined) return undefined;
    value += sum;
    ids.push(...row.columnIds);
  }
  return { cells: ids, value };
}

/** A reading of the `total` column over some rows; the rows are derived once per template. */
function totals(...rowPrefixes: string[]): (cells: CellValues) => Reading | undefined {
  const rows = new Map<TemplateId, RowCells[]>();
  return (cells) => {
    let list = rows.get(cells.template);
    if (!list) rows.set(cells.template, (list = rowCells(cells.template, rowPrefixes)));
    return readingOfRows(cells, list);
  };
}

function readingOf(cells: CellValues, ids: readonly string[]): Reading | undefined {
  const value = sumOf(cells, ids);
  return value === undefined ? undefined : { cells: ids, value };
}

const present = (readings: (Reading | undefined)[]) => readings.filter((r): r is Reading => r !== undefined);

function ratio(numerator: Reading | undefined, denominator: Reading | undefined): Reading[] {
  if (!numerator || !denominator || denominator.value === 0) return [];
  return [{ cells: [...numerator.cells, ...denominator.cells], value: (numerator.value / denominator.value) * 100 }];
}

/** A count of applications: the readings are sums of the `total` column over the given rows. */
function applications(
  zh: string,
  en: string,
  words: readonly string[],
  after: string,
  readings: string[][],
  before = '',
  maxGap = 8,
): Claim {
  const sums = readings.map((rows) => totals(...rows));
  return claim(
    words,
    `${after}${gap(maxGap)}${count}[件个]`,
    {
      subject: { zh, en },
      aboutApplications: true,
      readings: (cells) => present(sums.map((sum) => sum(cells))),
    },
    before,
  );
}

/** A claim about one result row of 三, which real reports also write jointly with others ("予以公开及部分公开35件"). */
const result = (zh: string, en: string, words: readonly string[], row: string, before = ''): Claim => ({
  ...applications(zh, en, words, '', [[row]], before, 10),
  resultRow: true,
});

const resultsTotal = totals('resultsTotal');
const handled = totals('received', 'carriedOver');
const disclosed = totals('granted', 'partiallyGranted');
const allResults = totals('granted', 'partiallyGranted', 'denied', 'unavailable', 'notProcessed', 'otherHandling');

const claims: readonly Claim[] = [
  applications(
    '新收申请',
    'applications received',
    ['新收', '受理', '收到', '接收'],
    '',
    [['received'], ['received', 'carriedOver']],
    '',
    16,
  ),
  applications('上年结转', 'carried over', ['上年结转', '上年度结转'], '', [['carriedOver']]),
  applications('办结', 'concluded', ['办结', '办理完毕', '答复'], '', [['resultsTotal'], ['received', 'carriedOver']]),
  result('予以公开', 'granted', ['予以公开'], 'granted', '(?<!部分|不)'),
  result('部分公开', 'partially granted', ['部分公开', '部分予以公开'], 'partiallyGranted'),
  result('不予公开', 'denied', ['不予公开'], 'denied'),
  result('无法提供', 'unavailable', ['无法提供'], 'unavailable'),
  result('不予处理', 'not processed', ['不予处理'], 'notProcessed'),
  applications('结转下年度', 'carried forward', ['结转'], '(?:至|到)?下一?年度?', [['carriedForward']]),
  claim(['办结率'], rate, {
    subject: { zh: '办结率', en: 'conclusion rate' },
    aboutApplications: true,
    percent: true,
    readings: (cells) => ratio(resultsTotal(cells), handled(cells)),
  }),
  claim(['公开率'], rate, {
    subject: { zh: '公开率', en: 'disclosure rate' },
    aboutApplications: true,
    percent: true,
    readings: (cells) => ratio(disclosed(cells), allResults(cells)),
  }),
  claim(['行政复议'], `${gap(8)}${count}[件起宗]`, {
    subject: { zh: '行政复议', en: 'administrative reviews' },
    aboutApplications: false,
    readings: (cells) => present([readingOf(cells, ['reviewLitigation.review.total'])]),
  }),
  claim(['行政诉讼'], `${gap(8)}${count}[件起宗]`, {
    subject: { zh: '行政诉讼', en: 'lawsuits' },
    aboutApplications: false,
    readings: (cells) =>
      present([
        readingOf(cells, ['reviewLitigation.litigationDirect.total', 'reviewLitigation.litigationAfterReview.total']),
      ]),
  }),
  claim(['现行有效'], `[^。；;]*?${count}[件份部个]`, {
    subject: { zh: '现行有效', en: 'in force' },
    aboutApplications: false,
    readings: (cells) => {
      if (cells.template !== '2021') return [];
      const rows = ['proactive.normativeDocuments.inForce', 'proactive.regulations.inForce'];
      return present([[rows[0]!], [rows[1]!], rows].map((ids) => readingOf(cells, ids)));
    },
  }),
];

/**
 * Where to try claims: the narrative is read on every validation, so this scan is the hot loop. Each word is
 * indexed by its first two characters (and its third when it has one, since 公开 and 行政 start many phrases that
 * are not claims); a typed-array lookup per character is several times cheaper than a regex alternation of words.
 */
const slots = 1 << 16;
const hash2 = (a: number, b: number) => (a * 31 + b) & (slots - 1);
const hash3 = (a: number, b: number, c: number) => (a * 961 + b * 31 + c) & (slots - 1);
const startsWord = new Uint8Array(slots);
const twoCharWord = new Uint8Array(slots);
const threeCharWord = new Uint8Array(slots);
/** First and second characters of words: a character that is neither has no word start on it or just before it. */
const firstOrSecond = new Uint8Array(slots);
/** Claims by the first character of their words. */
const claimsStartingWith = new Map<number, Claim[]>();
for (const c of claims) {
  for (const word of c.words) {
    const [a, b, d] = [word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(2)];
    startsWord[a] = 1;
    firstOrSecond[a] = firstOrSecond[b] = 1;
    if (word.length === 2) twoCharWord[hash2(a, b)] = 1;
    else threeCharWord[hash3(a, b, d)] = 1;
    const list = claimsStartingWith.get(a) ?? [];
    if (!list.includes(c)) claimsStartingWith.set(a, [...list, c]);
  }
}

/** Whether a word may start with these characters (NaN past the end of the text hashes like any code). */
const isWordStart = (a: number, b: number, c: number) =>
  twoCharWord[hash2(a, b)] !== 0 || threeCharWord[hash3(a, b, c)] !== 0;

/** Offsets where a claim word may start; hash collisions only cost a failed sticky match. A small function of its
 * own, so the engine optimizes this loop over every character of the narrative apart from the rest of the rule.
 * Every word has two characters or more, so only every other character is read first: a word starts on it or just
 * before it only when it is a first or second character of some word. This halves the reads of the hot loop. */
function wordStarts(text: string): number[] {
  const starts: number[] = [];
  const n = text.length;
  for (let i = 1; i < n; i += 2) {
    const b = text.charCodeAt(i);
    if (firstOrSecond[b] === 0) continue;
    // A word starting just before i, with b its second character.
    const a = text.charCodeAt(i - 1);
    if (startsWord[a] !== 0 && isWordStart(a, b, text.charCodeAt(i + 1))) starts.push(i - 1);
    // A word starting at i (its second character exists).
    if (startsWord[b] !== 0 && i < n - 1) {
      const c = text.charCodeAt(i + 1);
      if (isWordStart(b, c, text.charCodeAt(i + 2))) starts.push(i);
    }
  }
  return starts;
}

const sentenceEnds = new Uint8Array(0x10000);
for (const c of '。！？!?\n') sentenceEnds[c.charCodeAt(0)] = 1;
const applicationContext = /申请/;
/** Phrases about other channels (hotlines, petitions, messages) that reuse 受理/办结 wording. */
const otherChannel = /热线|信访|留言|诉求|来信|12345|建议|提案/;

/** The sentence around an offset: split on 。！？ and line breaks. */
interface Sentence {
  readonly start: number;
  readonly end: number;
  /** It speaks of 申请, and of no other channel (hotlines, petitions, messages). */
  readonly aboutApplications: boolean;
  readonly otherChannel: boolean;
}

/** The sentence around an offset; `last` is reused while offsets stay inside it, so each sentence is read once. */
function sentenceAt(text: string, offset: number, last: Sentence | undefined): Sentence {
  if (last && last.start <= offset && offset <= last.end) return last;
  let start = offset;
  while (start > 0 && sentenceEnds[text.charCodeAt(start - 1)] === 0) start--;
  let end = offset;
  while (end < text.length && sentenceEnds[text.charCodeAt(end)] === 0) end++;
  const sentence = text.slice(start, end);
  return {
    start,
    end,
    aboutApplications: applicationContext.test(sentence),
    otherChannel: otherChannel.test(sentence),
  };
}

function matchesReading(stated: number, reading: Reading, percent: boolean, printed: string): boolean {
  if (!percent) return stated === reading.value;
  const decimals = printed.split('.')[1]?.length ?? 0;
  return Math.abs(stated - reading.value) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** What one validation's R7 has read so far: readings per claim, and claims it could not compare (blank cells). */
interface Reader {
  readonly cells: CellValues;
  readonly readingsOf: Map<Claim | string, readonly Reading[]>;
  readonly unchecked: Set<string>;
  readonly findings: ValidationFinding[];
}

/** The readings a claim is compared with: a compound claim's are the sum of the rows it names. */
function readingsFor(reader: Reader, c: Claim, compound: CompoundClaim | undefined): readonly Reading[] {
  const key = compound ? compound.rows.join('+') : c;
  let readings = reader.readingsOf.get(key);
  if (!readings) {
    readings = compound ? present([totals(...compound.rows)(reader.cells)]) : c.readings(reader.cells);
    reader.readingsOf.set(key, readings);
  }
  return readings;
}

/** Whether a stated number is one of the readings (a loop, not `some`: no closure per claim matched). */
function matchesAnyReading(stated: number, readings: readonly Reading[], percent: boolean, printed: string): boolean {
  for (const reading of readings) if (matchesReading(stated, reading, percent, printed)) return true;
  return false;
}

function checkField(field: NarrativeField, reader: Reader): void {
  const { text } = field;
  const starts = wordStarts(text);
  // Most fields make no claim: nothing else is set up for them.
  if (starts.length === 0) return;
  // 依申请公开 context comes from the sentence or from its subsection heading (read once, when a claim asks).
  let sectionAboutApplications: boolean | undefined;
  /** The end of the last claim read: a word inside it (部分公开 in 予以公开及部分公开35件) is part of that claim. */
  let readUpTo = 0;
  // Counted only when a finding needs them: most claims agree with the tables.
  let lineAt: ((offset: number) => number) | undefined;
  let placeAt: ((offset: number) => string) | undefined;
  let sentence: Sentence | undefined;
  const aboutApplications = (c: Claim, i: number): boolean => {
    if (!c.aboutApplications) return true;
    sectionAboutApplications ??= field.heading !== undefined && applicationContext.test(field.heading);
    sentence = sentenceAt(text, i, sentence);
    return (sectionAboutApplications || sentence.aboutApplications) && !sentence.otherChannel;
  };
  for (const i of starts) {
    if (i < readUpTo) continue;
    for (const c of claimsStartingWith.get(text.charCodeAt(i))!) {
      c.pattern.lastIndex = i;
      const m = c.pattern.exec(text);
      if (!m) continue;
      const end = i + m[0].length;
      const compound = c.resultRow ? compoundClaim(m[0], text.slice(Math.max(0, i - 4), i)) : undefined;
      if (compound) readUpTo = end;
      // Readings are computed only for claims the text makes.
      const readings = readingsFor(reader, c, compound);
      const subject = compound?.subject ?? c.subject;
      const [best] = readings;
      if (!best) {
        if (aboutApplications(c, i)) reader.unchecked.add(subject.zh);
        continue;
      }
      const digits = m[1]!;
      // Most figures have no thousands separator: no new string for them.
      const printed = digits.includes(',') ? digits.replace(/,/g, '') : digits;
      const stated = Number(printed);
      if (matchesAnyReading(stated, readings, c.percent === true, printed)) continue;
      if (!aboutApplications(c, i)) continue;
      const expected = c.percent ? `${best.value.toFixed(2)}%` : best.value;
      const actual = c.percent ? `${printed}%` : stated;
      // "公开和部分公开30件" starts at the bare 公开 before the word matched.
      const bareStart = compound && !m[0].startsWith('予以') && compound.rows[0] === 'granted';
      const back = Math.max(0, i - 8);
      const bare = bareStart ? text.slice(back, i).lastIndexOf('公开') : -1;
      const start = bare === -1 ? i : back + bare;
      const phrase = text.slice(start, end).trim();
      reader.findings.push({
        rule: 'R7',
        severity: 'warning',
        cells: best.cells,
        location: field.location,
        line: (lineAt ??= lineCounter(text))(i),
        place: (placeAt ??= placeCounter(field))(i),
        excerpt: excerptAround(text, start, end),
        expected,
        actual,
        message: {
          zh: `正文“${phrase}”与表格不符：${subject.zh}按表格应为 ${expected}`,
          en: `the text "${phrase}" contradicts the tables: ${subject.en} should be ${expected}`,
        },
      });
    }
  }
}

/** R7; `skipped` gets one entry naming the claims that could not be compared because their cells are blank. */
export function checkNarrativeNumbers(
  { fields, cells }: RuleContext,
  skipped: SkippedRule[] = [],
): ValidationFinding[] {
  const reader: Reader = { cells, readingsOf: new Map(), unchecked: new Set(), findings: [] };
  for (const field of fields) checkField(field, reader);
  if (reader.unchecked.size > 0) {
    const claims = [...reader.unchecked].join('、');
    skipped.push({
      rule: 'R7',
      reason: {
        zh: `正文中“${claims}”的数字未与表格核对：表格中相应单元格为空（见 S2）`,
        en: `the narrative's figures for ${claims} were not compared with the tables: their cells are blank (see S2)`,
      },
    });
  }
  return reader.findings;
}
