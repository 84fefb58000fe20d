/**
 * Inputs for the engine fuzz (tests/unit/fuzz-engine.test.ts): random text in
 * the article vocabulary, and adversarial strings built to trigger
 * catastrophic backtracking or quadratic scans (a regex or loop that retries
 * from every position of a long run of the same pattern).
 */
import fc from 'fast-check';
import { BLOCK_SEPARATOR, type ArticleText, type TextBlock } from '../../lib/types';

/** An `ArticleText` over `text`: blocks split at `BLOCK_SEPARATOR`, the first a title when asked. */
export function articleOf(text: string, date: string | null = '2017-08-23', titleFirst = false): ArticleText {
  const blocks: TextBlock[] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf(BLOCK_SEPARATOR, start);
    const end = at < 0 ? text.length : at;
    blocks.push({ kind: titleFirst && blocks.length === 0 ? 'title' : 'body', start, end });
    if (at < 0) break;
    start = at + BLOCK_SEPARATOR.length;
  }
  return { text, blocks, date, lang: 'en', title: null, url: null };
}

/** Repeats `unit` until the string is at least `length` characters, then cuts it there. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * Adversarial units, each repeated to a long string: honorifics, quotation
 * marks of every kind, digit groups, reporting clauses, hyphen and dash
 * chains, capitalised-word runs (name and title scans), number words, dates,
 * currency signs, abbreviations with periods, brackets, and whitespace oddities.
 */
export const ADVERSARIAL_UNITS: readonly string[] = [
  'Mr. ', 'Dr. ', 'Sen. ', 'U.S. ', 'a.m. ', '"', '\u201c', '\u201d', "'", '\u2018 ', '«', '„',
  '1,', '1,000,', '0.', '12', '$1', '$', '%', '1%', '$2 billion ', '2017 ', '1-', '9,999,999.',
  'said that ', 'told reporters that ', '"quote," said ', 'according to ', 'he said. ', ', said Kim ',
  '-', '- ', '\u2013', '\u2014 ', 'Kim-', 'Hyun-chong-', 'a-b-', '--',
  'Kim ', 'Hyun ', 'Trade Minister ', 'President ', 'The ', 'Of ', 'Jamieson Greer ', 'Mc', "O'",
  'one ', 'hundred ', 'thousand and ', 'twenty-', 'first ', 'billion ', 'half ',
  'Aug. ', 'Tuesday ', 'last year ', 'Jan 1, ', 'in 2012 ', 'fiscal ', 'Q3 ',
  '(', ')', '[', '. ', '.', '?!', '...', '\u2026',
  '\u00a0', '\u200b', '\u00ad', ' ', '\n', '\n\n', '\t',
  '김', '한미 ', 'ال', '、', '😀',
];

/** Mixed adversarial text: several units, each repeated a while. */
export const adversarialMix: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...ADVERSARIAL_UNITS), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([u, n]) => u.repeat(n)).join(''));

const WORDS = [
  'Kim Hyun-chong', 'Jamieson Greer', 'Trade Minister', 'President Moon Jae-in', 'Mr. Greer', 'he', 'she', 'said', 'told',
  'that', 'the', 'deficit', 'rose', 'to', '$28 billion', '12%', 'in 2016', 'last year', 'on Tuesday', 'Aug. 22',
  'five years', 'third-largest', 'one hundred and twelve', '"', '\u201c', '\u201d', ',', '.', '?', '\n\n', '-', '—',
  'U.S.', 'KORUS', 'agreement', 'jobs', 'cars', 'according to', 'officials', 'a', 'of', 'percent', 'million',
];

/** Random text in the article vocabulary, with random characters mixed in. */
export const vocabularyText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) }), { maxLength: 120 })
  .map((w) => w.join(' '));

/** Any text at all: arbitrary code units (lone surrogates too), graphemes, or the vocabulary. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  vocabularyText,
  adversarialMix,
);
