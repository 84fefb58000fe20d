import { describe, expect, it } from 'vitest';
import { isSpaceCodePoint } from '../../lib/engine/figures/tokenize';

describe('isSpaceCodePoint', () => {
  it('is true exactly where the regex \\s matches, over every code point', () => {
    const space = /^\s$/u;
    const wrong: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (isSpaceCodePoint(cp) !== space.test(String.fromCodePoint(cp))) wrong.push(cp);
    }
    expect(wrong).toEqual([]);
  });
});
