import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextNameRun } from '../../lib/engine/claims/name-runs';

/** The regular expression the scanner replaces, as the reference. */
const REFERENCE = /\b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+[\p{Lu}][\p{L}'\u2019-]{1,40}|[\p{Lu}][\p{L}'\u2019-]{1,40}(?:\s+[\p{Lu}][\p{L}'\u2019-]{1,40}){1,3})/gu;

function scan(text: string): string[] {
  const out: string[] = [];
  for (let m = nextNameRun(text, 0); m; m = nextNameRun(text, m.end)) out.push(`${m.index}:${text.slice(m.index, m.end)}`);
  return out;
}

function reference(text: string): string[] {
  const out: string[] = [];
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) out.push(`${m.index}:${m[0]}`);
  return out;
}

describe('nextNameRun', () => {
  it('finds titled names and runs of two to four capitalised words', () => {
    // "Q." is no word (a capital needs a letter after it), so "Jane Q. Doe" is no run; runs stop at four words.
    expect(scan('Then Mr. Doe met Jane Q. Doe and Ann Lee Park Vance Moore in Oslo.')).toEqual(['0:Then Mr', '33:Ann Lee Park Vance']);
    expect(scan('Mrs Smith spoke; Dr. Émile Zola wrote.')).toEqual(['0:Mrs Smith', '17:Dr. Émile']);
    expect(scan('the minister said so')).toEqual([]);
  });

  it('agrees with the regular expression on names, accents, apostrophes and long words', () => {
    const samples = [
      'O\u2019Neil Ruiz-Ortega said it.', 'aÉmile Zola', 'MrSmith Jones', 'Mr.  Smith', 'Dr\u00A0Who Knows',
      `${'A'.repeat(45)} Bob`, `Bob ${'B'.repeat(50)}c Dee`, 'Kim Hyun-chong, Moon Jae-in and U.S. Trade',
      '\u{1D400}lpha Beta', 'x_Ann Bo', '9Ann Bo', 'Ann\n\nBo Cy', 'Ms. lowercase Name Here',
    ];
    for (const s of samples) expect(scan(s)).toEqual(reference(s));
  });

  it('agrees with the regular expression on random text', () => {
    const pieces = fc.constantFrom('Mr', 'Mrs', 'Ms', 'Dr', '.', ' ', '  ', '\n', '\u00A0', 'Ann', 'bo', 'X', 'É', 'é', "'", '\u2019', '-', '_', '1', 'Lee', 'a', ',', '\u{1D400}');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(scan(text)).toEqual(reference(text));
    }), { numRuns: 3000 });
  });
});
