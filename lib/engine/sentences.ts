/**
 * Sentence splitting for news prose, in one left-to-right pass.
 *
 * A sentence ends at `.`, `!`, `?` or an ellipsis, optionally followed by
 * closing quotes or brackets, when whitespace and a plausible sentence start
 * (capital letter, digit or opening quote) follow. A blank line always ends a
 * sentence (the engine joins paragraphs with blank lines); a single line break
 * is whitespace, as in HTML source. A full stop
 * does not end a sentence after a courtesy title ("Mr."), a month ("Jan."),
 * "No.", a single initial ("George W. Bush") or an acronym ("U.S.") unless the
 * next word is a typical sentence opener ("The", "He"): news text mentions
 * "the U.S. trade deficit" far more often than it ends a sentence on "U.S.".
 */

import { lowerCase } from './claims/lower-case';

/** A sentence as offsets into the text that was split. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Words that, followed by a full stop, are abbreviations and never end a sentence. */
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm',
  'maj', 'rev', 'hon', 'pres', 'supt', 'st', 'mt', 'ft', 'jr', 'sr', 'messrs', 'mme', 'mlle',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vs', 'v', 'etc', 'inc', 'corp', 'co', 'ltd', 'dept', 'univ', 'approx', 'est', 'fig', 'vol',
  'e.g', 'i.e', 'cf', 'al',
]);

/** Length of the longest word in `NEVER_FINAL`. */
const LONGEST_NEVER_FINAL = Math.max(...[...NEVER_FINAL].map((w) => w.length));

/** Capitalised words that usually open a sentence: after "U.S." they signal a real boundary. */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
  'but', 'and', 'however', 'in', 'on', 'at', 'for', 'if', 'when', 'while', 'as', 'his', 'her', 'its',
  'their', 'our', 'after', 'before', 'since', 'so', 'yet', 'still', 'meanwhile', 'last', 'earlier',
]);

/** Closing quotes and brackets after a terminator, as code units: " ' ” ’ ) ] ». */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 0xbb;
}

/** Opening quotes and brackets before a sentence, as code units: " ' “ ‘ ( [ «. */
function isOpener(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 40 || c === 91 || c === 0xab;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** `isUpper(text[i])` from the code unit, with an ASCII fast path. */
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return c === c && isUpper(text[i] as string);
}

/** Whether a code unit is sentence whitespace: space, tab, no-break space or a line break. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 10 || c === 13;
}

/** Whether a code unit ends a sentence: `.`, `!`, `?` or an ellipsis. */
function isTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Whether `text.slice(from, to)` holds a full stop. */
function hasDot(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 46) return true;
  return false;
}

/** Start of the word (letters and inner dots) that ends just before `dot`, e.g. "Mr" or "U.S". */
function wordStartBefore(text: string, dot: number, floor: number): number {
  let i = dot;
  for (let c = text.charCodeAt(i - 1); i > floor && (isAsciiLetter(c) || c === 46); c = text.charCodeAt(i - 1)) i--;
  return i;
}

/** The word starting at `i` (letters only). */
function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}

/** Whether the full stop at `dot`, with the next word starting at `next`, is an abbreviation's. */
function isAbbreviationStop(text: string, dot: number, next: number, floor: number): boolean {
  const from = wordStartBefore(text, dot, floor);
  if (from === dot) return false;
  // Most words before a full stop are longer than any abbreviation: no string needed for them.
  if (dot - from <= LONGEST_NEVER_FINAL && NEVER_FINAL.has(lowerCase(text.slice(from, dot)))) return true;
  // A single capital letter is an initial ("George W. Bush").
  if (dot - from === 1 && text.charCodeAt(from) >= 65 && text.charCodeAt(from) <= 90) return true;
  // Acronyms with inner dots ("U.S", "U.N", "a.m"): a boundary only before a typical opener.
  if (hasDot(text, from, dot)) {
    const nextWord = lowerCase(wordAt(text, next));
    return !SENTENCE_OPENERS.has(nextWord);
  }
  return false;
}

/** Line breaks and sentence terminators, the only characters the splitter stops at. */
const BREAK_OR_TERMINATOR = /[\n.!?\u2026]/g;

/**
 * The last search for `BREAK_OR_TERMINATOR`: in `text`, from `from`, found at
 * `at` (-1: none). Paragraphs are split in order, so the search that ran past
 * one paragraph's end still answers at the start of the next, and a stretch
 * without terminators is searched once rather than once per paragraph.
 */
let lastSearch: { text: string; from: number; at: number } | null = null;

/** Offset of the first line break or terminator at or after `from`, or `text.length`: a native regex scan. */
function nextBreakOrTerminator(text: string, from: number): number {
  const last = lastSearch;
  if (last === null || last.text !== text || from < last.from || (last.at >= 0 && last.at < from)) {
    BREAK_OR_TERMINATOR.lastIndex = from;
    const m = BREAK_OR_TERMINATOR.exec(text);
    lastSearch = { text, from, at: m ? m.index : -1 };
    return m ? m.index : text.length;
  }
  return last.at < 0 ? text.length : last.at;
}

/**
 * Splits `text.slice(start, end)` into sentences and returns their offsets in
 * `text` (trimmed of surrounding whitespace, never empty). Linear in the
 * length of the range.
 */
export function splitSentences(text: string, start = 0, end: number = text.length): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let sentenceStart = start;
  const push = (s: number, e: number): void => {
    let a = s;
    let b = e;
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  let i = start;
  while (i < end) {
    // Only line breaks and terminators matter: jump straight to the next one.
    i = nextBreakOrTerminator(text, i);
    if (i >= end) break;
    const c = text.charCodeAt(i);
    if (c === 10) {
      // A blank line (paragraph break) ends a sentence; a single line break is just whitespace.
      let k = i + 1;
      while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
      if (text.charCodeAt(k) === 10) {
        push(sentenceStart, i);
        sentenceStart = k + 1;
        i = k + 1;
        continue;
      }
      i++;
      continue;
    }
    if (!isTerminator(c)) {
      i++;
      continue;
    }
    // Extend over a run of terminators ("...", "?!") and closing quotes/brackets.
    let j = i + 1;
    while (j < end && isTerminator(text.charCodeAt(j))) j++;
    const runLength = j - i;
    while (j < end && isCloser(text.charCodeAt(j))) j++;
    if (j < end && !isSpaceCode(text.charCodeAt(j))) {
      i = j;
      continue;
    }
    // Skip the whitespace after the terminator; a blank line in it is left to the line-break branch.
    let k = j;
    let newlines = 0;
    let firstNewline = -1;
    while (k < end && isSpaceCode(text.charCodeAt(k))) {
      if (text.charCodeAt(k) === 10) {
        newlines++;
        if (firstNewline < 0) firstNewline = k;
      }
      k++;
    }
    if (k >= end || newlines >= 2) {
      i = newlines >= 2 ? firstNewline : k;
      continue;
    }
    let l = k;
    while (l < end && isOpener(text.charCodeAt(l))) l++;
    const d = text.charCodeAt(l);
    const startsSentence = isUpperAt(text, l) || (d >= 48 && d <= 57) || l > k;
    if (startsSentence && !(c === 46 && runLength === 1 && isAbbreviationStop(text, i, l, sentenceStart))) {
      push(sentenceStart, j);
      sentenceStart = k;
    }
    i = k;
  }
  push(sentenceStart, end);
  return out;
}
