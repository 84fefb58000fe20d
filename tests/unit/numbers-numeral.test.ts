import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumeral } from '../../lib/engine/numbers';

/** The rule `parseNumeral` implements, as one pattern: "25,000", "2.68", "1000". */
function reference(text: string): number | null {
  if (!/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(text)) return null;
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

describe('parseNumeral', () => {
  it('reads numerals as news writes them', () => {
    expect(parseNumeral('25,000')).toBe(25000);
    expect(parseNumeral('2.68')).toBe(2.68);
    expect(parseNumeral('1,000,000')).toBe(1e6);
    expect(parseNumeral('2017')).toBe(2017);
    expect(parseNumeral('1,2')).toBeNull();
    expect(parseNumeral('1.2.3')).toBeNull();
    expect(parseNumeral('.5')).toBeNull();
    expect(parseNumeral('5.')).toBeNull();
    expect(parseNumeral('')).toBeNull();
  });

  it('agrees with the full pattern on any string of digits, dots and commas', () => {
    const text = fc.array(fc.constantFrom('0', '1', '5', '9', '.', ',', 'x'), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(parseNumeral(t)).toBe(reference(t));
    }), { numRuns: 2000 });
    expect(parseNumeral('9'.repeat(400))).toBe(reference('9'.repeat(400)));
  });
});
