// Rule R7 reads compound claims as real reports write them: "予以公开及部分公开35件", "予以公开（含部分公开）35件",
// "公开和部分公开35件", "不予公开、无法提供共3件" name one number for several result rows of 三, so the number is
// compared with the sum of those rows, not with the first row named.

/** The result rows of 三 by the words that name them; the longer word first where one contains another. */
const resultRows: readonly (readonly [word: string, row: string, zh: string, en: string])[] = [
  ['部分予以公开', 'partiallyGranted', '部分公开', 'partially granted'],
  ['部分公开', 'partiallyGranted', '部分公开', 'partially granted'],
  ['不予公开', 'denied', '不予公开', 'denied'],
  ['予以公开', 'granted', '予以公开', 'granted'],
  ['无法提供', 'unavailable', '无法提供', 'unavailable'],
  ['不予处理', 'notProcessed', '不予处理', 'not processed'],
  ['其他处理', 'otherHandling', '其他处理', 'other handling'],
];
const resultWord = new RegExp(resultRows.map(([word]) => word).join('|'), 'g');
const rowOfWord = new Map(resultRows.map(([word, row]) => [word, row]));

/** "公开和部分公开", "公开（含部分公开）": a bare 公开 (not 依申请公开 or 主动公开) joined to the word that follows. */
const bareGrantedBefore = /(?<![予请动])公开\s*(?:和|及|与|以及|、|[（(]含|含)$/;

const joiningWord = /[及和与、含]/;

export interface CompoundClaim {
  /** Result row ids in the order named, e.g. granted, partiallyGranted. */
  readonly rows: readonly string[];
  readonly subject: { readonly zh: string; readonly en: string };
}

/**
 * The rows a claim names when it names more than one: `phrase` is the matched claim (its first word to its number),
 * `before` a few characters before it. Undefined for a claim about one row.
 */
export function compoundClaim(phrase: string, before: string): CompoundClaim | undefined {
  const bareGranted = bareGrantedBefore.test(before);
  // Most claims name one row ("予以公开10件"): without a joining word there is nothing more to read.
  if (!bareGranted && !joiningWord.test(phrase)) return undefined;
  const rows: string[] = bareGranted ? ['granted'] : [];
  for (const [word] of phrase.matchAll(resultWord)) {
    const row = rowOfWord.get(word)!;
    if (!rows.includes(row)) rows.push(row);
  }
  if (rows.length < 2) return undefined;
  const named = rows.map((row) => resultRows.find(([, r]) => r === row)!);
  const zh = named.map(([, , name]) => name).join(' + ');
  return { rows, subject: { zh, en: named.map(([, , , en]) => en).join(' + ') } };
}
