// Agency codes and years an attacker or a careless user might send: traversal, separators, length, look-alikes.
export const hostileAgencyCodes: readonly string[] = [
  '../../../../tmp/x/escaped',
  '../secret',
  'a/b',
  'a\\b',
  'a'.repeat(300),
  'a'.repeat(65),
  '',
  '..',
  'lishі', // Cyrillic і
  'ｌｉｓｈｉ', // full-width
  'Lishi',
  'a--b',
  '-lishi',
  'li shi',
  'li\u0000shi',
];

/** As text, the way flags and CSV comment lines carry them. */
export const hostileYearTexts: readonly string[] = [
  '2023.5',
  '999999999',
  '',
  '2e3',
  '0x7e7',
  '2018',
  '２０２３',
  '-2023',
];

/** As JSON values. */
export const hostileYearValues: readonly unknown[] = [
  2023.5,
  999999999,
  2018,
  2101,
  -2023,
  '2023',
  null,
  Number.POSITIVE_INFINITY,
];
