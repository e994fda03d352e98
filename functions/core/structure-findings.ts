// Rule S1 findings (the shape of an input is wrong), worded the same wherever a document, a file or a flag is read.
import type { Message, ValidationFinding } from './validation-finding';

export const describeValue = (value: unknown): string =>
  value === undefined
    ? 'nothing'
    : value === null
      ? 'null'
      : Array.isArray(value)
        ? 'an array'
        : typeof value === 'string'
          ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
          : typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : 'an object';

const describeZh = (value: unknown): string =>
  value === undefined
    ? '缺失'
    : Array.isArray(value)
      ? '数组'
      : typeof value === 'object' && value !== null
        ? '对象'
        : describeValue(value);

/** `location: expected …, got …` */
export function structureFinding(
  location: string,
  expected: Message,
  actual: unknown,
  cells: readonly string[] = [],
): ValidationFinding {
  return {
    rule: 'S1',
    severity: 'error',
    cells,
    location,
    expected: expected.en,
    actual: actual === undefined ? null : describeValue(actual),
    message: {
      zh: `${location}：应为${expected.zh}，实际为${describeZh(actual)}`,
      en: `${location}: expected ${expected.en}, got ${describeValue(actual)}`,
    },
  };
}

/** A key that has no place here. */
export function unknownFieldFinding(location: string, allowed: readonly string[]): ValidationFinding {
  const list = allowed.join(', ');
  return {
    rule: 'S1',
    severity: 'error',
    cells: [],
    location,
    expected: list,
    actual: location.split('.').at(-1) ?? location,
    message: {
      zh: `${location}：不是此处应有的字段（应为 ${list} 之一）`,
      en: `${location}: unknown field (expected one of ${list})`,
    },
  };
}
