/**
 * Small tests on tokens shared by the figure rules: word and mark look-ups, capitals, integers,
 * sentence openings, and whether a number is a label ("Section 232") rather than a quantity.
 */
import { monthIndexOfLower, weekdayIndexOfLower } from '../dates';
import type { Line, Token } from './types';
import { IDENTIFIER_WORDS, SENTENCE_OPENERS } from './words';

/** True when `t` is a word whose lower-case form is one of `words`. */
export const isWord = (t: Token | undefined, ...words: string[]): boolean => t !== undefined && t.type === 'word' && words.includes(t.lower);
/** True when `t` is a word whose lower-case form is in `set`. */
export const inSet = (t: Token | undefined, set: ReadonlySet<string>): boolean => t !== undefined && t.type === 'word' && set.has(t.lower);
/** True when `t` is one of the punctuation `marks`. */
export const isPunct = (t: Token | undefined, ...marks: string[]): boolean => t !== undefined && t.type === 'punct' && marks.includes(t.text);
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
// Run on nearly every word: an ASCII first letter (nearly every token) is decided without the Unicode regex.
/** True when `t` is a word starting with a capital letter. */
export const isCapitalised = (t: Token | undefined): boolean => {
  if (t === undefined || t.type !== 'word') return false;
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(t.text);
};
/** True when `t` is a word starting with a lower-case letter. */
export const isLowerWord = (t: Token | undefined): boolean => {
  if (t === undefined || t.type !== 'word') return false;
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : LOWER_START.test(t.text);
};
/** True when `s` is one or more ASCII digits (`/^\d+$/` without a regex: run on every numeral). */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
/** True when `t` is a numeral of digits only (no separators). */
export const isInteger = (t: Token | undefined): boolean => t !== undefined && t.type === 'num' && isDigits(t.text);
/** The numeric value of a token's text (NaN without a token). */
export const intOf = (t: Token | undefined): number => (t ? Number(t.text) : NaN);

/** True when the token opens a sentence or line, so its capital letter says nothing. */
export function opensSentence(line: Line, i: number): boolean {
  const prev = line[i - 1];
  if (!prev) return true;
  if (prev.type === 'punct' && SENTENCE_OPENERS.has(prev.text)) return true;
  return false;
}

/** A capitalised word in the middle of a sentence, outside a headline: part of a name. */
export function isNameWord(line: Line, i: number): boolean {
  const t = line[i];
  if (!t || t.title || !isCapitalised(t) || opensSentence(line, i)) return false;
  if (monthIndexOfLower(t.lower) !== null || weekdayIndexOfLower(t.lower) !== null) return false;
  // Short acronyms ("US", "UN") modify numbers without naming them ("US 10-year notes").
  return !(t.text.length <= 3 && t.text === t.text.toUpperCase());
}

/** True when the number at `i` is a label or part of a name: "Section 232", "G20", "COVID-19", "Fox 5". */
export function isIdentifierNumber(line: Line, i: number): boolean {
  const t = line[i];
  const prev = line[i - 1];
  if (!t || !prev) return false;
  if (t.glued && prev.type === 'word') return true;
  if (t.glued && prev.type === 'num') return true;
  if (t.glued && isPunct(prev, '#', '№', '/', ':', '.', '-', '‐', '_', '@', '+')) {
    const before = line[i - 2];
    if (isPunct(prev, '-') && before && before.lower === 'mid') return false;
    if (before && prev.glued && (before.type === 'word' || before.type === 'num')) return true;
    if (isPunct(prev, '#', '№', '@', '/', ':', '_')) return true;
  }
  if (prev.type === 'word' && IDENTIFIER_WORDS.has(prev.lower) && !(prev.lower === 'week' || prev.lower === 'title') ) return true;
  if (isPunct(prev, '.') && IDENTIFIER_WORDS.has(line[i - 2]?.lower ?? '') && line[i - 2]?.lower !== 'week') return true;
  if (prev.type === 'word' && isNameWord(line, i - 1)) return true;
  const next = line[i + 1];
  // Glued letters after a number that are not a suffix we read: "3D", "5G", "4x4".
  if (next && next.glued && next.type === 'word' && !/^(st|nd|rd|th|s|am|pm|k|m|mn|mln|bn|b|bln|tn|trn|billion|million|trillion|thousand|a|p)$/.test(next.lower)) return true;
  return false;
}
