import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaled } from '../../lib/engine/numbers';

/** The rounding `scaled` promises: the product read back at 15 significant digits. */
const reference = (n: number, scale: number): number => (scale === 1 ? n : Number((n * scale).toPrecision(15)));

describe('scaled', () => {
  it('multiplies without binary noise', () => {
    expect(scaled(16.6, 1e9)).toBe(16_600_000_000);
    expect(scaled(28, 1e9)).toBe(28_000_000_000);
    expect(scaled(2.68, 1e6)).toBe(2_680_000);
    expect(scaled(7, 1)).toBe(7);
  });

  it('gives the 15-digit product for whole and decimal numbers alike', () => {
    const scales = fc.constantFrom(1, 1e3, 1e6, 1e9, 1e12);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 7 }), scales, (n, scale) => {
      expect(scaled(n, scale)).toBe(reference(n, scale));
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 1, max: 3 }), scales, (digits, decimals, scale) => {
      const n = digits / 10 ** decimals;
      expect(scaled(n, scale)).toBe(reference(n, scale));
    }));
  });
});
