/**
 * Reads a number written at a token: a numeral with an optional scale word ("2.68 million") or
 * spelled-out words ("twenty-five", "a dozen").
 */
import { isNumberWord, parseNumberWordList, parseNumeral, SCALE_ABBREVIATIONS, SCALE_WORDS, scaled, UNIT_WORDS } from '../numbers';
import { isPunct } from './token-tests';
import type { Line, Token } from './types';

const MAX_NUMBER_WORD_TOKENS = 12;
/** Tens words, which a glued hyphen joins to a unit word ("twenty-five"). */
export const TENS: ReadonlySet<string> = new Set(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);

/** A number as written: numeral or words, with an optional scale word. */
export interface NumberRead {
  value: number;
  /** Index of the last token of the number. */
  last: number;
  /** The numeral text when written in digits (for rounding), else null. */
  numeral: string | null;
  scale: number;
  words: readonly string[];
}

/** The `words` of every numeral reading: shared, since a reading is never changed. */
const NO_WORDS: readonly string[] = [];

/**
 * Reads a number at token `i`: "25,000", "2.68 million", "twenty-five", "a dozen",
 * "three hundred". `abbreviations` allows glued scale abbreviations ("3bn"), which
 * are only trusted in money.
 */
export function readNumber(line: Line, i: number, abbreviations = false): NumberRead | null {
  const t = line[i];
  if (!t) return null;
  if (t.type === 'num') {
    const n = parseNumeral(t.text);
    if (n === null) return null;
    const next = line[i + 1];
    if (next && next.type === 'word' && next.lower in SCALE_WORDS) {
      const abbreviation = SCALE_ABBREVIATIONS.has(next.lower);
      if (!abbreviation || (abbreviations && (next.glued || next.lower === 'bn' || next.lower === 'mn' || next.lower === 'tn'))) {
        const scale = SCALE_WORDS[next.lower] as number;
        return { value: scaled(n, scale), last: i + 1, numeral: t.text, scale, words: NO_WORDS };
      }
    }
    return { value: n, last: i, numeral: t.text, scale: 1, words: NO_WORDS };
  }
  if (t.type !== 'word' || !(isNumberWord(t.lower) || t.lower === 'a' || t.lower === 'an')) return null;
  const words: string[] = [];
  let last = i - 1;
  let j = i;
  if (t.lower === 'a' || t.lower === 'an') {
    const after = line[i + 1]?.lower ?? '';
    if (!(after === 'hundred' || after === 'dozen' || after === 'thousand' || after === 'million' || after === 'billion' || after === 'trillion')) return null;
    words.push(t.lower);
    j = i + 1;
  }
  // Spelled-out numbers are short; the cap keeps a run like "twenty-twenty-twenty-…" linear.
  for (const stop = Math.min(line.length, i + MAX_NUMBER_WORD_TOKENS); j < stop; j++) {
    const w = line[j] as Token;
    if (w.type === 'word' && isNumberWord(w.lower)) {
      words.push(w.lower);
      last = j;
    } else if (isPunct(w, '-') && w.glued && line[j + 1]?.glued && TENS.has(line[j - 1]?.lower ?? '') &&
      (UNIT_WORDS[line[j + 1]?.lower ?? ''] ?? 10) < 10) {
      continue;
    } else if (w.lower === 'and' && words[words.length - 1] === 'hundred' && isNumberWord(line[j + 1]?.lower ?? '')) {
      continue;
    } else {
      break;
    }
  }
  if (last < i || words.every((w) => w === 'a' || w === 'an')) return null;
  const value = parseNumberWordList(words);
  if (value === null) return null;
  const lastWord = words[words.length - 1] as string;
  const scale = lastWord in SCALE_WORDS ? (SCALE_WORDS[lastWord] as number) : 1;
  return { value, last, numeral: null, scale, words };
}
