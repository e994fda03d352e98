// Agency codes and years are checked once, in the core, and every key or file name is built from checked values only.
import { describe, expect, it } from 'vitest';
import {
  agencyCodeFinding,
  InvalidIdentifierError,
  isAgencyCode,
  isReportYear,
  reportYearFromText,
} from '../../functions/core/identifiers';
import { parseReport } from '../../functions/core/report/parse-report';
import { narrativeFileName } from '../../functions/pipeline/narrative-file';
import { agencyPk, statisticsSk } from '../../functions/adapters/dynamodb-keys';
import { reportPrefix } from '../../functions/publish/archive-keys';
import { hostileAgencyCodes, hostileYearTexts, hostileYearValues } from '../support/hostile-identifiers';
import { fixtureJson } from './report-builders';

describe('identifiers', () => {
  it('accepts agency codes of 1–64 lower-case letters and digits joined by single hyphens', () => {
    for (const code of ['a', 'lvliang-lishi', 'x1-2-3', 'a'.repeat(64)]) expect(isAgencyCode(code)).toBe(true);
    for (const code of hostileAgencyCodes) expect(isAgencyCode(code), code).toBe(false);
  });

  it('accepts the years the templates cover, up to a fixed bound', () => {
    for (const year of [2019, 2023, 2100]) expect(isReportYear(year)).toBe(true);
    for (const year of hostileYearValues) expect(isReportYear(year), String(year)).toBe(false);
    expect(reportYearFromText('2023')).toBe(2023);
    for (const text of hostileYearTexts) expect(reportYearFromText(text), text).toBeUndefined();
  });

  it('builds no key and no file name from an unchecked value', () => {
    for (const agency of hostileAgencyCodes) {
      expect(() => agencyPk(agency)).toThrow(InvalidIdentifierError);
      expect(() => reportPrefix({ agency, year: 2023 })).toThrow(InvalidIdentifierError);
      expect(() => narrativeFileName(agency, 2023)).toThrow(InvalidIdentifierError);
    }
    for (const year of [2023.5, 999999999, 2018]) {
      expect(() => statisticsSk(year)).toThrow(InvalidIdentifierError);
      expect(() => reportPrefix({ agency: 'lishi', year })).toThrow(InvalidIdentifierError);
    }
    expect(reportPrefix({ agency: 'lvliang-lishi', year: 2023 })).toBe('reports/lvliang-lishi/2023/');
  });
});

describe('identifiers in a report document', () => {
  const locations = (doc: unknown) => {
    const parsed = parseReport(doc);
    return parsed.ok ? [] : parsed.error.map((f) => f.location);
  };

  it.each(hostileAgencyCodes)('refuses agency.code %j, naming the field', (code) => {
    const doc = fixtureJson();
    (doc.agency as Record<string, unknown>).code = code;
    expect(locations(doc)).toEqual(['agency.code']);
  });

  it.each(hostileYearValues)('refuses year %j, naming the field', (year) => {
    expect(locations({ ...fixtureJson(), year })).toEqual(['year']);
  });

  it('says what an agency code and a year must be', () => {
    const doc: Record<string, unknown> = { ...fixtureJson(), year: 2023.5 };
    (doc.agency as Record<string, unknown>).code = 'a/b';
    const parsed = parseReport(doc);
    const messages = parsed.ok ? [] : parsed.error.map((f) => f.message.en);
    expect(messages).toEqual([
      expect.stringMatching(/^year: expected a report year \(an integer from 2019 to 2100/),
      expect.stringMatching(/^agency\.code: expected an agency code \(1–64 characters/),
    ]);
  });
});

describe('agency code findings', () => {
  it.each([
    ['lishі', '"і" (U+0456) is not a lower-case letter, digit or hyphen'],
    ['ｌｉｓｈｉ', '"ｌ" (U+FF4C) is not a lower-case letter, digit or hyphen'],
    ['a/b', '"/" (U+002F) is not a lower-case letter, digit or hyphen'],
    ['a'.repeat(300), '300 characters long'],
    ['a--b', 'a hyphen at the start or end, or two in a row'],
  ])('says what is wrong with %j, since a look-alike prints like the real code', (code, why) => {
    expect(agencyCodeFinding('agency', code).message.en).toMatch(
      new RegExp(`^agency: expected an agency code .*: ${escape(why)}$`),
    );
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
