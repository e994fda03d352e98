// What each kind of cell may hold, defined once for JSON values (reports, statistics JSON) and text (CSV cells).
// Amounts are printed exactly as entered, so exponent notation (1e-7, 1e21) is refused: it would print as such.
import type { CellKind } from '../format/table-definition';
import type { CellValue } from '../report/report-document';
import type { Message } from '../validation-finding';

interface CellKindRule {
  readonly expected: Message;
  /** The same, short, for a text cell: blank is an empty cell there. */
  readonly expectedText: Message;
  /** A JSON value other than null (a blank cell) that the cell may hold. */
  readonly acceptsJson: (value: unknown) => boolean;
  /** The value of a non-blank text cell, or undefined when the text is not one. */
  readonly fromText: (text: string) => CellValue | undefined;
}

const maxInteger = Number.MAX_SAFE_INTEGER;
const decimal = /^\d+(\.\d+)?$/;

const integerFromText = (pattern: RegExp) => (text: string) => {
  const value = pattern.test(text) ? Number(text) : undefined;
  return Number.isSafeInteger(value) ? value : undefined;
};

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
// A number amount is accepted when it prints as plain decimals, and is small enough to print as it was written.
const isAmount = (value: unknown) =>
  typeof value === 'string'
    ? decimal.test(value)
    : typeof value === 'number' && value <= maxInteger && decimal.test(String(value));

export const cellKinds: Readonly<Record<CellKind, CellKindRule>> = {
  count: {
    expected: {
      zh: `不小于 0 的整数（至多 ${maxInteger}；空白请填 null）`,
      en: `an integer ≥ 0 (at most ${maxInteger}; null for a blank cell)`,
    },
    expectedText: { zh: '不小于 0 的整数', en: 'an integer ≥ 0' },
    acceptsJson: isCount,
    fromText: integerFromText(/^\d+$/),
  },
  signedCount: {
    expected: {
      zh: `整数（可为负数，绝对值至多 ${maxInteger}；空白请填 null）`,
      en: `an integer, may be negative (at most ${maxInteger} either way; null for a blank cell)`,
    },
    expectedText: { zh: '整数', en: 'an integer' },
    acceptsJson: Number.isSafeInteger,
    fromText: integerFromText(/^-?\d+$/),
  },
  amount: {
    expected: {
      zh: '不小于 0 的数额，不用科学计数法（数字或 "18.20" 这样的十进制字符串；空白请填 null）',
      en: 'an amount ≥ 0 without exponent notation (a number or a decimal string like "18.20"; null for a blank cell)',
    },
    expectedText: {
      zh: '不用科学计数法的十进制数额（如 18.20）',
      en: 'a decimal amount without exponent (e.g. 18.20)',
    },
    acceptsJson: isAmount,
    fromText: (text) => (decimal.test(text) ? text : undefined),
  },
};

/** Why an integer-looking text is still refused: it would not survive as a number. */
export const tooLargeText = (text: string): Message | undefined =>
  /^-?\d+$/.test(text) && !Number.isSafeInteger(Number(text))
    ? { zh: `（超过最大的精确整数 ${maxInteger}）`, en: ` (beyond the largest exact integer, ${maxInteger})` }
    : undefined;

/** The same checks as cellKinds, called directly: this runs for every cell of every report parsed. */
export function isCellValue(kind: CellKind, value: unknown): value is CellValue {
  if (value === null) return true;
  switch (kind) {
    case 'count':
      return isCount(value);
    case 'signedCount':
      return Number.isSafeInteger(value);
    case 'amount':
      return isAmount(value);
  }
}

/** How a cell is written in a CSV or stored: blank is empty, amounts as their decimal text. */
export const cellText = (value: CellValue): string => (value === null ? '' : String(value));
