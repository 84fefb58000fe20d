import { describe, expect, it } from 'vitest';
import { PhraseMatcher, continuesPhrase, memoizeByItems, tokenize } from '../../lib/engine/phrase-matcher';

const texts = (s: string, m: PhraseMatcher<string>) => m.matchAll(tokenize(s)).map((x) => s.slice(x.start, x.end));

describe('tokenize', () => {
  it('splits hyphenated words, keeps dotted acronyms whole and flags possessives', () => {
    const tokens = tokenize('Then-US envoy Hyun-chong’s U.S. trip; O’Neill\u00a0said');
    expect(tokens.map((t) => t.text)).toEqual(['Then', 'US', 'envoy', 'Hyun', 'chong', 'U.S.', 'trip', 'O’Neill', 'said']);
    expect(tokens.map((t) => t.norm)).toEqual(['then', 'us', 'envoy', 'hyun', 'chong', 'us', 'trip', "o'neill", 'said']);
    expect(tokens[4]!.possessive).toBe(true);
    expect(tokens[4]!.sep).toBe('-');
    expect(tokens[8]!.sep).toBe('\u00a0');
    expect(tokens.map((t) => t.cap)).toEqual([true, true, false, true, false, true, false, true, false]);
  });

  it('treats Hangul as words with no case', () => {
    const tokens = tokenize('김현종 본부장');
    expect(tokens.map((t) => [t.text, t.cap])).toEqual([
      ['김현종', true],
      ['본부장', true],
    ]);
  });

  it('lets a phrase run over spaces, hyphens and an initial’s period, but not a comma, sentence end or new block', () => {
    const t = tokenize('Jo W. Park, Mr. Lee. Ann\n\nBo');
    expect(continuesPhrase(t[0]!, t[1]!)).toBe(true); // "Jo W"
    expect(continuesPhrase(t[1]!, t[2]!)).toBe(true); // "W. Park"
    expect(continuesPhrase(t[2]!, t[3]!)).toBe(false); // comma
    expect(continuesPhrase(t[3]!, t[4]!)).toBe(false); // "Mr." is not an initial
    expect(continuesPhrase(t[4]!, t[5]!)).toBe(false); // sentence end
    expect(continuesPhrase(t[5]!, t[6]!)).toBe(false); // block separator
  });
});

describe('PhraseMatcher', () => {
  const m = new PhraseMatcher([
    { phrase: 'Lee Min-seo', value: 'lee' },
    { phrase: 'Arthur J. Penn', value: 'penn' },
    { phrase: 'Penn', value: 'penn-short' },
    { phrase: 'Korea-US trade pact', value: 'topic' },
    { phrase: 'O’Neill', value: 'oneill' },
  ]);

  it('is case-insensitive and tolerant of hyphen, space and joined romanisation', () => {
    expect(texts('LEE MIN-SEO met Lee Min Seo and Lee Minseo.', m)).toEqual(['LEE MIN-SEO', 'Lee Min Seo', 'Lee Minseo']);
  });

  it('prefers the longest phrase and matches initials with or without a period', () => {
    const found = m.matchAll(tokenize('Arthur J Penn, then Penn alone.'));
    expect(found.map((x) => x.values)).toEqual([['penn'], ['penn-short']]);
  });

  it('only matches whole words, never across punctuation', () => {
    expect(texts('Penny and Pennsylvania; Lee, Min-seo', m)).toEqual([]);
  });

  it('treats curly and straight apostrophes, "U.S." and "US", and dashes alike', () => {
    expect(texts("O'Neill backed the Korea–U.S. trade pact", m)).toEqual(["O'Neill", 'Korea–U.S. trade pact']);
  });

  it('keeps every value registered for one phrase', () => {
    const shared = new PhraseMatcher([
      { phrase: 'Sam Ortiz', value: 1 },
      { phrase: 'Sam  Ortiz', value: 2 },
    ]);
    expect(shared.matchAll(tokenize('Sam Ortiz'))[0]!.values).toEqual([1, 2]);
  });
});

describe('memoizeByItems', () => {
  it('reuses the built value for the same items even in a new array', () => {
    let builds = 0;
    const build = memoizeByItems((items: readonly object[]) => ++builds + items.length);
    const a = {};
    const b = {};
    expect(build([a, b])).toBe(3);
    expect(build([a, b])).toBe(3);
    expect(build([b, a])).toBe(4);
    expect(builds).toBe(2);
  });
});
