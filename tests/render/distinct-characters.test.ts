import { describe, expect, it } from 'vitest';
import { distinctCharacters } from '../../functions/render/distinct-characters';

describe('distinctCharacters', () => {
  it('lists each character once in code point order, astral ones included, and forgets between calls', () => {
    expect(distinctCharacters('公开b公a开𠀀b')).toEqual(['a', 'b', '公', '开', '𠀀']);
    expect(distinctCharacters('开')).toEqual(['开']);
    expect(distinctCharacters('')).toEqual([]);
  });
});
