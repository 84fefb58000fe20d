/**
 * The figures tokenizer: cuts article text into lines of tokens (numerals, letter runs, single other
 * characters) in one linear scan by hand, with no regex per token.
 */
import type { ArticleText } from '../../types';
import { monthIndexOfLower } from '../dates';
import type { Line, Token } from './types';

const LETTER_CODE_POINT = /^\p{L}$/u;

/** True when `cp` is a letter (`\p{L}`); ASCII without a regex. */
function isLetterCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
  return LETTER_CODE_POINT.test(String.fromCodePoint(cp));
}

/**
 * True when `cp` is white space (`\s`): the ASCII spaces, the Unicode space
 * separators (Zs), the line and paragraph separators and U+FEFF, listed rather
 * than tested with a regex (curly quotes and dashes reach here on every page).
 */
export function isSpaceCodePoint(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13);
  if (cp < 0x1680) return cp === 0xa0;
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f ||
    cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Start of the next token (any non-space) at or after `from`, or -1. */
function nextTokenStart(text: string, from: number): number {
  for (let i = from; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c !== 32 && (c < 9 || c > 13)) return i;
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (!isSpaceCodePoint(cp)) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return -1;
}

/**
 * End of the token starting at `start`: a numeral (`\d+(?:[.,]\d+)*`), a run of
 * letters (`\p{L}+`) or a single other character. A hand-written scan: a regex
 * allocated a match per token on one of the engine's hottest loops.
 */
function tokenEnd(text: string, start: number): number {
  const first = text.codePointAt(start) as number;
  let i = start;
  if (isDigitCode(first)) {
    while (isDigitCode(text.charCodeAt(i))) i++;
    for (;;) {
      const sep = text.charCodeAt(i);
      if ((sep !== 46 && sep !== 44) || !isDigitCode(text.charCodeAt(i + 1))) return i;
      i += 1;
      while (isDigitCode(text.charCodeAt(i))) i++;
    }
  }
  if (isLetterCodePoint(first)) {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) break;
        i++;
        continue;
      }
      const cp = text.codePointAt(i) as number;
      if (!isLetterCodePoint(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    return i;
  }
  return start + (first > 0xffff ? 2 : 1);
}

/** Tokens read between pauses (a `null`) within one long line. */
const TOKENS_PER_PAUSE = 8192;

/**
 * Cuts the text into lines of tokens, one line at a time. Linear; a regex runs
 * only on non-ASCII letters and on full stops. Within a very long line it also
 * yields `null` every few thousand tokens: a chance for the caller to pause.
 */
export function* tokenize(article: ArticleText): Generator<Token[] | null> {
  const { text } = article;
  const titles = article.blocks.filter((b) => b.kind === 'title');
  let line: Token[] = [];
  const pool: Token[] = [];
  let prevEnd = 0;
  let sentence = 0;
  let titleIndex = 0;
  for (let start = nextTokenStart(text, 0); start >= 0; start = nextTokenStart(text, prevEnd)) {
    const raw = text.slice(start, tokenEnd(text, start));
    let newline = false;
    for (let k = prevEnd; k < start; k++) {
      if (text.charCodeAt(k) === 10) {
        newline = true;
        break;
      }
    }
    if (newline && line.length > 0) {
      yield line;
      line = [];
      sentence++;
    }
    while (titleIndex < titles.length && (titles[titleIndex] as { end: number }).end <= start) titleIndex++;
    const block = titles[titleIndex];
    const c = raw.charCodeAt(0);
    // Multi-character tokens can only be numerals or letter runs; only single characters need the Unicode test.
    const type: Token['type'] = c >= 48 && c <= 57 ? 'num' : raw.length > 1 || isLetterCodePoint(c) ? 'word' : 'punct';
    // Numerals are ASCII digits and separators: nothing to lower-case.
    const lower = type === 'num' ? raw : lowerCased(raw);
    const glued = line.length > 0 && prevEnd === start;
    const title = block !== undefined && block.start <= start && start < block.end;
    // A line's tokens are dropped once the line is matched, so their objects are reused for the next line.
    const token = pool[line.length];
    if (token === undefined) {
      const fresh: Token = { text: raw, lower, start, end: start + raw.length, type, glued, title, sentence };
      pool.push(fresh);
      line.push(fresh);
    } else {
      token.text = raw;
      token.lower = lower;
      token.start = start;
      token.end = start + raw.length;
      token.type = type;
      token.glued = glued;
      token.title = title;
      token.sentence = sentence;
      line.push(token);
    }
    if ((raw === '.' || raw === '!' || raw === '?') && !isAbbreviationDot(line)) sentence++;
    prevEnd = start + raw.length;
    if (line.length % TOKENS_PER_PAUSE === 0) yield null;
  }
  if (line.length > 0) yield line;
}

/**
 * `raw.toLowerCase()`, without the call when nothing would change. The call is
 * costly on the tokens of an article holding any character above U+00FF: their
 * slices are then two-byte strings, which V8 lower-cases through ICU.
 */
function lowerCased(raw: string): string {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 128) return raw.toLowerCase();
  }
  return raw;
}

/** "U.S." or "Mr." or "Aug.": a full stop that does not end the sentence. */
function isAbbreviationDot(line: Line): boolean {
  const before = line[line.length - 2];
  if (!before || before.type !== 'word') return false;
  return before.text.length <= 2 || monthIndexOfLower(before.lower) !== null || /^(mr|mrs|ms|dr|st|gov|sen|rep|gen|col|lt|sgt|inc|corp|co|ltd|jr|sr|vs|no|prof|rev|dept|est)$/.test(before.lower);
}
