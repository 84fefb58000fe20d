import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney, parseNumberWords, parseNumeral, roundingTolerance, scaled } from '../../lib/engine/numbers';

describe('parseNumeral', () => {
  it('reads plain, grouped and decimal numerals', () => {
    expect(parseNumeral('42')).toBe(42);
    expect(parseNumeral('25,000')).toBe(25000);
    expect(parseNumeral('1,000,000')).toBe(1e6);
    expect(parseNumeral('2.68')).toBe(2.68);
  });
  it('rejects malformed grouping', () => {
    expect(parseNumeral('1,2')).toBeNull();
    expect(parseNumeral('12,34,567')).toBeNull();
    expect(parseNumeral('')).toBeNull();
  });
});

describe('parseNumberWords', () => {
  it.each([
    ['one', 1], ['seven', 7], ['nineteen', 19], ['twenty-five', 25], ['ninety nine', 99],
    ['three hundred', 300], ['three hundred and twelve', 312], ['a dozen', 12], ['two dozen', 24],
    ['a thousand', 1000], ['four million', 4e6], ['two billion', 2e9], ['a hundred', 100],
    ['two million three hundred thousand', 2.3e6],
  ])('%s → %d', (words, value) => {
    expect(parseNumberWords(words)).toBe(value);
  });
  it.each(['five five', 'ten three', 'a', 'pizza', 'twenty thirty', ''])('rejects "%s"', (words) => {
    expect(parseNumberWords(words)).toBeNull();
  });
});

describe('parseMoney', () => {
  it.each([
    ['$28 billion', 28e9, 'USD'],
    ['US$1.2 trillion', 1.2e12, 'USD'],
    ['28 billion dollars', 28e9, 'USD'],
    ['$3bn', 3e9, 'USD'],
    ['$3.5m', 3.5e6, 'USD'],
    ['₩1 trillion', 1e12, 'KRW'],
    ['1 trillion won', 1e12, 'KRW'],
    ['S$23.62 billion', 23.62e9, 'SGD'],
    ['€5 million', 5e6, 'EUR'],
    ['£2bn', 2e9, 'GBP'],
    ['$28\u00a0billion', 28e9, 'USD'],
    ['12 million Singapore dollars', 12e6, 'SGD'],
    ['KRW 500 billion', 500e9, 'KRW'],
  ])('%s', (text, value, currency) => {
    const m = parseMoney(text);
    expect(m).not.toBeNull();
    expect(m?.value).toBe(value);
    expect(m?.currency).toBe(currency);
  });
  it('keeps the rounding the writer used', () => {
    expect(parseMoney('$28 billion')?.tolerance).toBe(0.5e9);
    expect(parseMoney('$27.6 billion')?.tolerance).toBeCloseTo(0.05e9, 0);
  });
  it('rejects what is not money', () => {
    expect(parseMoney('28 billion')).toBeNull();
    expect(parseMoney('$28 zillion')).toBeNull();
    expect(parseMoney('28 billion apples')).toBeNull();
  });
});

describe('rounding and formatting', () => {
  it('gives half the last stated digit', () => {
    expect(roundingTolerance('28', 1e9)).toBe(0.5e9);
    expect(roundingTolerance('23.62', 1e9)).toBeCloseTo(0.005e9, 0);
  });
  it('scales without binary noise', () => {
    expect(scaled(16.6, 1e9)).toBe(16600000000);
    expect(scaled(2.68, 1e6)).toBe(2680000);
  });
  it('formats amounts for notes', () => {
    expect(formatMoney(27.7e9)).toBe('$27.7 billion');
    expect(formatMoney(-17e9)).toBe('$17 billion');
    expect(formatMoney(1.5e6)).toBe('$1.5 million');
    expect(formatMoney(3e12, 'KRW')).toBe('KRW 3 trillion');
  });
});
