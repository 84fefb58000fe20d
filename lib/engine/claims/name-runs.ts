/**
 * A hand-written scanner for the runs of capitalised words that may be
 * personal names ("Mr. Doe", "Jane Doe", "Jane Q. Doe"): exactly the matches
 * of the regular expression
 *
 *   \b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+W|W(?:\s+W){1,3})   with W = [\p{Lu}][\p{L}'’-]{1,40}
 *
 * (flags `gu`), found without a regex: the regex spent tens of milliseconds
 * on a 1 MB article trying every position, where a loop over character codes
 * skips lowercase text at once. Words are capped at 41 characters as in the
 * regex, which keeps the scan linear on long hyphen or apostrophe chains.
 */

import { isRegexSpace, isRegexWordChar } from './chars';

/** One run of capitalised words: `text.slice(index, end)`. */
export interface NameRunMatch {
  index: number;
  end: number;
}

const UPPERCASE_LETTER = /^\p{Lu}$/u;
const LETTER = /^\p{L}$/u;

/** Longest tail of a word after its capital, as in `{1,40}`. */
const MAX_WORD_TAIL = 40;

const TITLES = ['Mr', 'Mrs', 'Ms', 'Dr'] as const;

/** Length in code units of the uppercase letter (`\p{Lu}`) at `i`, or 0. */
function upperLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90 ? 1 : 0;
  if (c !== c) return 0;
  const cp = text.codePointAt(i) as number;
  return UPPERCASE_LETTER.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Length in code units of a word character (`[\p{L}'’-]`) at `i`, or 0. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45 ? 1 : 0;
  if (c === 0x2019) return 1;
  if (c !== c) return 0;
  const cp = text.codePointAt(i) as number;
  return LETTER.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** End of the capitalised word (`W`) at `i`, or -1. */
function wordEnd(text: string, i: number): number {
  const capital = upperLength(text, i);
  if (capital === 0) return -1;
  let j = i + capital;
  let n = 0;
  for (let len = wordCharLength(text, j); len > 0 && n < MAX_WORD_TAIL; len = wordCharLength(text, j)) {
    j += len;
    n++;
  }
  return n === 0 ? -1 : j;
}

/** End of `\s+W` at `i`, or -1. */
function spacedWordEnd(text: string, i: number): number {
  let j = i;
  while (isRegexSpace(text.charCodeAt(j))) j++;
  return j === i ? -1 : wordEnd(text, j);
}

/** End of a match starting at `p` (the word boundary already checked), or -1. */
function matchEnd(text: string, p: number): number {
  // A courtesy title and one word: tried first, as the regex's first alternative.
  if (text.charCodeAt(p) === 77 || text.charCodeAt(p) === 68) {
    for (const title of TITLES) {
      if (!text.startsWith(title, p)) continue;
      let q = p + title.length;
      if (text.charCodeAt(q) === 46) q++;
      const end = spacedWordEnd(text, q);
      if (end >= 0) return end;
    }
  }
  let end = wordEnd(text, p);
  if (end < 0) return -1;
  let words = 1;
  for (; words < 4; words++) {
    const next = spacedWordEnd(text, end);
    if (next < 0) break;
    end = next;
  }
  return words > 1 ? end : -1;
}

/** The first run starting at or after `from`, or null (as `regex.exec` with `lastIndex = from`). */
export function nextNameRun(text: string, from: number): NameRunMatch | null {
  for (let p = from; p < text.length; p++) {
    const c = text.charCodeAt(p);
    // A match opens on a capital at a word boundary; ASCII capitals are word characters,
    // other capitals are not, so the character before must be of the other kind.
    if (c >= 65 && c <= 90) {
      if (p > 0 && isRegexWordChar(text.charCodeAt(p - 1))) continue;
    } else if (c < 128 || p === 0 || !isRegexWordChar(text.charCodeAt(p - 1)) || upperLength(text, p) === 0) {
      continue;
    }
    const end = matchEnd(text, p);
    if (end >= 0) return { index: p, end };
  }
  return null;
}
