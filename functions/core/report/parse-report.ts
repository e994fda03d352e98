// Rule S1: turn untrusted JSON into a ReportDocument, or say exactly which path is wrong and what was expected.
import { cellsOf, isTemplateId, templateIds, templates } from '../format/templates';
import { agencyCodeFinding, isAgencyCode, isReportYear, reportYearFinding } from '../identifiers';
import { fail, ok, type Result } from '../result';
import { checkStatistics } from '../statistics/check-statistics';
import { readCell } from '../statistics/cells';
import { templateCoversYear } from '../statistics/template-for-year';
import { structureFinding, unknownFieldFinding } from '../structure-findings';
import type { Message, ValidationFinding } from '../validation-finding';
import { reportLimits, type TextFieldKind } from './limits';
import type { TemplateId } from '../format/table-definition';
import {
  defaultTitle,
  reportFormat,
  type Agency,
  type CellValue,
  type Narrative,
  type ReportDocument,
  type Statistics,
} from './report-document';
import { textFieldProblem } from './text-field';

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (value: Json): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects every structural problem of one document. */
class Findings {
  readonly list: ValidationFinding[] = [];
  /** Characters in the text fields read so far, for the document's limit. */
  textChars = 0;

  /** A text field of the right type whose content is refused (text-field.ts); its path is `${at}${key}`, joined
   * only when refused: most fields are fine. */
  text(at: string, key: string, value: string, kind: TextFieldKind): void {
    this.textChars += value.length;
    const problem = textFieldProblem(kind, value);
    if (!problem) return;
    this.refuse(`${at}${key}`, problem.expected, problem.actual, problem.message, problem.line);
  }

  /** Content refused for what it holds or how much (a limit): said in words, not as "expected … got …". */
  refuse(location: string, expected: string, actual: string, message: Message, line?: number): void {
    this.list.push({
      rule: 'S1',
      severity: 'error',
      cells: [],
      location,
      ...(line === undefined ? {} : { line }),
      expected,
      actual,
      message: { zh: `${location}：${message.zh}`, en: `${location}: ${message.en}` },
    });
  }

  add(location: string, expected: Message, actual: Json, cells: readonly string[] = []): void {
    this.list.push(structureFinding(location, expected, actual, cells));
  }

  unknown(location: string, allowed: readonly string[]): void {
    this.list.push(unknownFieldFinding(location, allowed));
  }
}

const text: Message = { zh: '非空字符串', en: 'a non-empty string' };
const markdown: Message = { zh: '字符串（Markdown）', en: 'a string (Markdown)' };

/** The kind of each text field, by its key: its length limit and the characters it may hold (limits.ts). */
const textFieldKinds: Readonly<Record<string, TextFieldKind>> = {
  title: 'title',
  name: 'name',
  issuer: 'name',
  code: 'name',
  heading: 'heading',
  preamble: 'body',
  overviewIntro: 'body',
  body: 'body',
  problems: 'body',
  otherMatters: 'body',
};

function readString(
  f: Findings,
  obj: JsonObject,
  key: string,
  at: string,
  expected: Message = text,
  allowEmpty = false,
): string {
  const value = obj[key];
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) {
    f.add(`${at}${key}`, expected, value);
    return '';
  }
  f.text(at, key, value, textFieldKinds[key] ?? 'name');
  return value;
}

/** `$comment` is ignored but must stay small and flat: a string or a list of strings. */
function checkComment(f: Findings, comment: Json): void {
  const expected: Message = { zh: '字符串或字符串数组', en: 'a string or a list of strings' };
  if (typeof comment === 'string') {
    f.text('', '$comment', comment, 'comment');
    return;
  }
  if (!Array.isArray(comment)) {
    f.add('$comment', expected, comment);
    return;
  }
  for (const [i, line] of comment.entries()) {
    // One finding for the first wrong item: a hostile list may hold a million of them.
    if (typeof line !== 'string') {
      f.add(`$comment[${i}]`, { zh: '字符串', en: 'a string' }, line);
      return;
    }
    f.text('$comment', `[${i}]`, line, 'comment');
  }
}

const count = (n: number) => n.toLocaleString('en');

function checkKeys(f: Findings, obj: JsonObject, at: string, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) f.unknown(`${at}${key}`, allowed);
}

const topLevelKeys = [
  '$comment',
  'format',
  'template',
  'year',
  'agency',
  'issuedOn',
  'title',
  'narrative',
  'statistics',
];
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month 1–12, counted as Date.UTC does (years 0–99 are 1900–1999): no Date made per document. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const y = year <= 99 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

function isCalendarDate(value: string): boolean {
  const m = isoDate.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses a report document (spec §2–§3). `$comment` (a string or list of strings) is allowed and ignored. */
export function parseReport(input: Json): Result<ReportDocument, ValidationFinding[]> {
  const read = readReport(input);
  return read.findings.length === 0 ? ok(read.report) : fail([...read.findings]);
}

/** The parts of a document the rules read; a part with an S1 finding is not well-formed and its rules do not run. */
export type ReportPart = 'template' | 'year' | 'agency' | 'issuedOn' | 'narrative' | 'tables';
const reportParts: readonly ReportPart[] = ['template', 'year', 'agency', 'issuedOn', 'narrative', 'tables'];
export const everyPart: ReadonlySet<ReportPart> = new Set(reportParts);

export interface ReadReport {
  readonly findings: readonly ValidationFinding[];
  /**
   * The document when there are no findings; otherwise a draft for rules on its well-formed parts only (placeholders
   * stand in for the others): never to be merged, rendered or published.
   */
  readonly report: ReportDocument;
  readonly wellFormed: ReadonlySet<ReportPart>;
}

const emptyNarrative: Narrative = { preamble: '', overview: [], problems: '', otherMatters: '' };

/** Which part a finding's location belongs to; undefined for fields no rule reads (format, title, $comment). */
function partAt(location: string | undefined): ReportPart | 'document' | undefined {
  const key = location?.split(/[.[]/, 1)[0];
  if (key === 'statistics') return location === 'statistics' ? 'tables' : undefined;
  if (key === '(document)') return 'document';
  return reportParts.find((part) => part === key);
}

/** Parses like parseReport, and on findings also says which parts are well-formed enough for rules to read. */
export function readReport(input: Json): ReadReport {
  const f = new Findings();
  if (!isObject(input)) {
    f.add('(document)', { zh: 'JSON 对象', en: 'a JSON object' }, input);
    return { findings: f.list, report: draftOf({}, [], new Set()), wellFormed: new Set() };
  }
  checkKeys(f, input, '', topLevelKeys);
  if (input.$comment !== undefined) checkComment(f, input.$comment);
  if (input.format !== reportFormat)
    f.add('format', { zh: `"${reportFormat}"`, en: `"${reportFormat}"` }, input.format);

  const template = input.template;
  if (!isTemplateId(template)) {
    f.add(
      'template',
      {
        zh: `模板编号 ${templateIds.map((t) => `"${t}"`).join(' 或 ')}`,
        en: `a template id, one of ${templateIds.map((t) => `"${t}"`).join(', ')}`,
      },
      template,
    );
  }
  const year = input.year;
  if (!isReportYear(year)) f.list.push(reportYearFinding('year', year));
  else if (isTemplateId(template) && !templateCoversYear(template, year)) {
    const { from, to } = templates[template].years;
    const span = to === undefined ? `${from} 年及以后` : `${from}–${to} 年`;
    f.add(
      'template',
      {
        zh: `适用于 ${year} 年度的模板（${template} 版模板适用于 ${span}）`,
        en: `a template for ${year} (template ${template} is for ${to === undefined ? `${from} onward` : `${from}–${to}`})`,
      },
      template,
    );
  }

  const agency = input.agency;
  let agencyCode = '',
    agencyName = '',
    issuer = '',
    consolidated: boolean | undefined;
  if (!isObject(agency))
    f.add('agency', { zh: '对象（code, name, issuer）', en: 'an object with code, name, issuer' }, agency);
  else {
    checkKeys(f, agency, 'agency.', ['code', 'name', 'issuer', 'consolidated']);
    if (isAgencyCode(agency.code)) agencyCode = agency.code;
    else f.list.push(agencyCodeFinding('agency.code', agency.code));
    agencyName = readString(f, agency, 'name', 'agency.');
    issuer = readString(f, agency, 'issuer', 'agency.');
    if (agency.consolidated !== undefined && typeof agency.consolidated !== 'boolean')
      f.add('agency.consolidated', { zh: 'true 或 false', en: 'true or false' }, agency.consolidated);
    else consolidated = agency.consolidated;
  }

  const issuedOn = input.issuedOn;
  const badDate = issuedOn !== undefined && (typeof issuedOn !== 'string' || !isCalendarDate(issuedOn));
  if (badDate) f.add('issuedOn', { zh: '日期 YYYY-MM-DD', en: 'a date YYYY-MM-DD' }, issuedOn);
  if (input.title !== undefined) readString(f, input, 'title', '');

  const narrative = input.narrative;
  if (!isObject(narrative))
    f.add(
      'narrative',
      {
        zh: '对象（preamble, overview, problems, otherMatters）',
        en: 'an object with preamble, overview, problems, otherMatters',
      },
      narrative,
    );
  else {
    checkKeys(f, narrative, 'narrative.', ['preamble', 'overviewIntro', 'overview', 'problems', 'otherMatters']);
    readString(f, narrative, 'preamble', 'narrative.', markdown, true);
    if (narrative.overviewIntro !== undefined) readString(f, narrative, 'overviewIntro', 'narrative.', markdown, true);
    readString(f, narrative, 'problems', 'narrative.', markdown, true);
    readString(f, narrative, 'otherMatters', 'narrative.', markdown, true);
    const overview = narrative.overview;
    const { overviewSections } = reportLimits;
    if (!Array.isArray(overview))
      f.add(
        'narrative.overview',
        { zh: '数组（各小节 { heading, body }）', en: 'an array of { heading, body }' },
        overview,
      );
    else if (overview.length > overviewSections) {
      f.refuse('narrative.overview', `at most ${overviewSections} subsections`, `${overview.length} subsections`, {
        zh: `有 ${overview.length} 个小节，超过上限 ${overviewSections} 个`,
        en: `has ${overview.length} subsections, more than the limit of ${overviewSections}`,
      });
    } else {
      overview.forEach((section: Json, i) => {
        const at = `narrative.overview[${i}]`;
        if (!isObject(section)) {
          f.add(at, { zh: '对象 { heading, body }', en: 'an object { heading, body }' }, section);
          return;
        }
        checkKeys(f, section, `${at}.`, ['heading', 'body']);
        readString(f, section, 'heading', `${at}.`);
        readString(f, section, 'body', `${at}.`, markdown, true);
      });
    }
  }

  const statistics = input.statistics;
  let collected: (CellValue | undefined)[] = [];
  if (!isObject(statistics))
    f.add(
      'statistics',
      {
        zh: '对象（proactive, applications, reviewLitigation）',
        en: 'an object with proactive, applications, reviewLitigation',
      },
      statistics,
    );
  else if (isTemplateId(template)) {
    const checked = checkStatistics(template, statistics);
    f.list.push(...checked.findings);
    collected = checked.values;
  }

  const { textChars } = reportLimits;
  if (f.textChars > textChars) {
    f.refuse('(document)', `at most ${textChars} characters of text`, `${f.textChars} characters`, {
      zh: `各文字字段合计 ${count(f.textChars)} 个字符，超过上限 ${count(textChars)} 个`,
      en: `the text fields hold ${count(f.textChars)} characters together, more than the limit of ${count(textChars)}`,
    });
  }
  const agencyRead = {
    code: agencyCode,
    name: agencyName,
    issuer,
    ...(consolidated === undefined ? {} : { consolidated }),
  };
  if (f.list.length > 0) {
    const wrong = new Set(f.list.map((finding) => partAt(finding.location)));
    const wellFormed = new Set(wrong.has('document') ? [] : reportParts.filter((part) => !wrong.has(part)));
    // A template that does not fit the year is still the grid the tables were read with.
    if (!isTemplateId(template)) wellFormed.delete('tables');
    else if (!wrong.has('document')) wellFormed.add('template');
    return { findings: f.list, report: draftOf({ ...input, agency: agencyRead }, collected, wellFormed), wellFormed };
  }
  const document = input as unknown as ReportDocument & { $comment?: unknown };
  const { $comment: _comment, ...rest } = document;
  const report: ReportDocument = {
    ...rest,
    agency: agencyRead,
    title: typeof input.title === 'string' ? input.title : defaultTitle(agencyName, year as number),
  };
  parsedCells.set(report, collected);
  return { findings: [], report, wellFormed: everyPart };
}

/** A stand-in document for the rules that may still run: placeholders where a part is not well-formed. */
function draftOf(
  input: JsonObject,
  cells: readonly (CellValue | undefined)[],
  wellFormed: ReadonlySet<ReportPart>,
): ReportDocument {
  const has = (part: ReportPart) => wellFormed.has(part);
  const template = has('template') ? (input.template as TemplateId) : '2021';
  const year = has('year') ? (input.year as number) : 0;
  const agency = has('agency') ? (input.agency as Agency) : { code: '', name: '', issuer: '' };
  const draft: ReportDocument = {
    format: reportFormat,
    template,
    year,
    agency,
    ...(has('issuedOn') && typeof input.issuedOn === 'string' ? { issuedOn: input.issuedOn } : {}),
    title: typeof input.title === 'string' ? input.title : defaultTitle(agency.name, year),
    narrative: has('narrative') ? (input.narrative as Narrative) : emptyNarrative,
    statistics: (has('tables') ? input.statistics : {}) as Statistics,
  };
  const count = cellsOf(template).length;
  const read = has('tables') ? cells : [];
  parsedCells.set(draft, [...read, ...Array<undefined>(Math.max(0, count - read.length)).fill(undefined)]);
  return draft;
}

/** Cell values read while parsing, in `cellsOf` order, so rules need not walk the tables again. */
const parsedCells = new WeakMap<ReportDocument, readonly (CellValue | undefined)[]>();

/** Every cell value of a report in `cellsOf(report.template)` order; undefined where a draft's cell is malformed. */
export function cellValueList(report: ReportDocument): readonly (CellValue | undefined)[] {
  return parsedCells.get(report) ?? cellsOf(report.template).map((cell) => readCell(report.statistics, cell.path));
}
