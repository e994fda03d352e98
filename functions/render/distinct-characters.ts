// The characters a page uses, each once, in code point order: what its fonts must cover. Pages are ~130 KB of
// HTML and CSS with a few hundred distinct characters, so a flag per BMP code point beats a Set of strings.
const seen = new Uint8Array(0x10000);

export function distinctCharacters(text: string): string[] {
  const bmp: number[] = [];
  const astral = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      astral.add(text.codePointAt(i)!);
      i++;
    } else if (seen[c] === 0) {
      seen[c] = 1;
      bmp.push(c);
    }
  }
  for (const c of bmp) seen[c] = 0;
  bmp.sort((a, b) => a - b);
  return [
    ...bmp.map((c) => String.fromCharCode(c)),
    ...[...astral].sort((a, b) => a - b).map((cp) => String.fromCodePoint(cp)),
  ];
}
