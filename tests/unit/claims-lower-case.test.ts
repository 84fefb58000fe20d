import { describe, expect, it } from 'vitest';
import { lowerCase } from '../../lib/engine/claims/lower-case';

describe('lowerCase', () => {
  it('returns lowercase ASCII words as they are and lowercases the rest like toLowerCase', () => {
    const plain = 'minister';
    expect(lowerCase(plain)).toBe(plain);
    for (const w of ['Minister', 'U.S.', 'KORUS', 'Élysée', 'İstanbul', 'ÖZIL', '', 'O\u2019Neil']) expect(lowerCase(w)).toBe(w.toLowerCase());
  });

  it('gives the same answer from its cache as at first', () => {
    // A two-byte word (a curly apostrophe), the kind sliced from real articles.
    const w = 'Park\u2019s';
    expect(lowerCase(w)).toBe('park\u2019s');
    expect(lowerCase(w)).toBe('park\u2019s');
  });
});
