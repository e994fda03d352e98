// Agency codes and report years become DynamoDB keys, S3 keys and file names, so they are checked here, once, and
// at every place they enter: the report document, statistics files, CLI flags (and later the CMS and HTTP).
// Key builders take only checked values (the brands below) and check again: a key from an unchecked value is a bug.
import { templates } from './format/templates';
import { structureFinding } from './structure-findings';
import type { Message, ValidationFinding } from './validation-finding';

export type AgencyCode = string & { readonly __brand: 'AgencyCode' };
export type ReportYear = number & { readonly __brand: 'ReportYear' };

export const agencyCodeMaxLength = 64;
/** Lower-case ASCII letters and digits in segments joined by single hyphens: safe in any path, key or URL. */
export const agencyCodePattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The first year a template covers. */
export const firstReportYear = Math.min(...Object.values(templates).map((t) => t.years.from));
/** The newest template is open-ended; a fixed bound still refuses typos such as 20233 or 999999999. */
export const lastReportYear = 2100;

export const agencyCodeExpected: Message = {
  zh: `机关代码（1–${agencyCodeMaxLength} 个字符：小写字母和数字，以单个连字符连接，如 lvliang-lishi）`,
  en: `an agency code (1–${agencyCodeMaxLength} characters: lower-case letters and digits joined by single hyphens, e.g. lvliang-lishi)`,
};

export const reportYearExpected: Message = {
  zh: `年度（${firstReportYear}–${lastReportYear} 的整数，如 2023）`,
  en: `a report year (an integer from ${firstReportYear} to ${lastReportYear}, e.g. 2023)`,
};

export function isAgencyCode(value: unknown): value is AgencyCode {
  return typeof value === 'string' && value.length <= agencyCodeMaxLength && agencyCodePattern.test(value);
}

export function isReportYear(value: unknown): value is ReportYear {
  return Number.isInteger(value) && (value as number) >= firstReportYear && (value as number) <= lastReportYear;
}

/** A year written as text (a flag, a CSV comment): digits only, so "2023.5", "2e3" and "0x7e7" are refused. */
export function reportYearFromText(text: string): ReportYear | undefined {
  const year = /^\d{1,4}$/.test(text) ? Number(text) : undefined;
  return isReportYear(year) ? year : undefined;
}

/** What is wrong with a code that is text, since look-alikes (Cyrillic і, full-width ｌ) print like the real thing. */
function agencyCodeFlaw(code: string): Message | undefined {
  if (code === '') return undefined;
  if (code.length > agencyCodeMaxLength)
    return { zh: `长 ${code.length} 个字符`, en: `${code.length} characters long` };
  const odd = Array.from(code).find((ch) => !/[a-z0-9-]/.test(ch));
  if (odd !== undefined) {
    const point = `U+${odd.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      zh: `${JSON.stringify(odd)}（${point}）不是小写字母、数字或连字符`,
      en: `${JSON.stringify(odd)} (${point}) is not a lower-case letter, digit or hyphen`,
    };
  }
  return { zh: '连字符在开头、结尾或连续出现', en: 'a hyphen at the start or end, or two in a row' };
}

/** An S1 finding for a bad agency code at `location` (a document path, a flag, a CSV line), saying what is wrong. */
export function agencyCodeFinding(location: string, value: unknown): ValidationFinding {
  const finding = structureFinding(location, agencyCodeExpected, value);
  const flaw = typeof value === 'string' ? agencyCodeFlaw(value) : undefined;
  if (!flaw) return finding;
  return { ...finding, message: { zh: `${finding.message.zh}：${flaw.zh}`, en: `${finding.message.en}: ${flaw.en}` } };
}

export const reportYearFinding = (location: string, value: unknown): ValidationFinding =>
  structureFinding(location, reportYearExpected, value);

export class InvalidIdentifierError extends Error {
  override readonly name = 'InvalidIdentifierError';
}

export function requireAgencyCode(value: string): AgencyCode {
  if (!isAgencyCode(value))
    throw new InvalidIdentifierError(`not a checked agency code: ${JSON.stringify(value.slice(0, 80))}`);
  return value;
}

export function requireReportYear(value: number): ReportYear {
  if (!isReportYear(value)) throw new InvalidIdentifierError(`not a checked report year: ${String(value)}`);
  return value;
}
