/**
 * One-pass phrase matching over article text.
 *
 * The text is cut once into word tokens (`tokenize`); phrases (pack names,
 * aliases, topic terms, job titles) are stored in a token trie. Matching walks
 * the trie from each token, so the cost is O(tokens × longest phrase) however
 * many phrases there are, and matches always start and end on word
 * boundaries. Matching is case-insensitive and tolerant of how names are
 * written: "Kim Hyun-chong", "Kim Hyun Chong" and "Kim Hyunchong" are the same
 * phrase; curly and straight apostrophes are the same; non-breaking spaces
 * count as spaces; "U.S." and "US" are the same token.
 */

import { drain, type Steps } from './steps';

/** A word of the text. Offsets are into the tokenized string. */
export interface Token {
  start: number;
  end: number;
  /** The word as written ("Hyun", "U.S.", "O’Brien"). */
  text: string;
  /** Case-folded form used for matching ("hyun", "us", "o'brien"). */
  norm: string;
  /** What separates this token from the previous one (empty for the first token). */
  sep: string;
  /** True when the first letter is upper case (or the script has no case, e.g. Hangul). */
  cap: boolean;
  /** True when a possessive `'s` / `’s` (or a bare `’` after s) follows the word; it is not part of the token. */
  possessive: boolean;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;
const APOSTROPHES = new Set(["'", '’', 'ʼ']);
const HYPHENS = new Set(['-', '‐', '‑', '–']);
const SPACES = new Set([' ', '\u00a0', '\t', '\n', '\u2009', '\u202f']);

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

const WORD_CODE_POINT = /^[\p{L}\p{M}\p{N}]$/u;
const NEEDS_NORMALISING = /[.’ʼ]/;

/** True when code point `cp` is a letter, mark or digit; ASCII (nearly every character) without a regex. */
function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  return WORD_CODE_POINT.test(String.fromCodePoint(cp));
}

/** True for ASCII letters and digits. */
const isAsciiWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** Start of the next run of word characters (`[\p{L}\p{M}\p{N}]+`) at or after `from`, or -1. */
function nextRunStart(text: string, from: number): number {
  for (let i = from; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (isAsciiWordCode(c)) return i;
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (isWordCodePoint(cp)) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return -1;
}

/** End of the run of word characters starting at `from` (a word character). */
function runEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!isAsciiWordCode(c)) break;
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (!isWordCodePoint(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

function isPossessiveS(text: string, at: number): boolean {
  return (text[at] === 's' || text[at] === 'S') && !isWordChar(text[at + 1]);
}

/**
 * Cuts text into word tokens in one left-to-right pass. Hyphenated words
 * become several tokens (with `sep` "-"), dotted acronyms ("U.S.") one token,
 * and a possessive `'s` is dropped from the token and flagged instead.
 */
export function tokenize(text: string): Token[] {
  return drain(tokenizeSteps(text));
}

/** Tokens between pauses of `tokenizeSteps`: a few milliseconds of work. */
const TOKENS_PER_STEP = 4096;

/** `tokenize` as resumable steps (pauses every few thousand tokens), for the sliced engine. */
export function* tokenizeSteps(text: string): Steps<Token[]> {
  const tokens: Token[] = [];
  // A hand-written scan rather than a global regex: no match array per word on the engine's hottest loop.
  let prevEnd = 0;
  let next: number;
  for (let start = nextRunStart(text, 0); start >= 0; start = nextRunStart(text, next)) {
    let end = runEnd(text, start);
    if (end - start === 1 && text[end] === '.' && isLetter(text[start]) && isLetter(text[end + 1]) && text[end + 2] === '.') {
      // Dotted acronym: single letters each followed by a period ("U.S.", "U.S.A.").
      while (isLetter(text[end + 1]) && text[end + 2] === '.' && !isWordChar(text[end + 3])) end += 2;
      end += 1;
    } else {
      // An apostrophe inside a word ("O’Brien", "don't") belongs to it, unless it starts a possessive 's.
      while (APOSTROPHES.has(text[end] ?? '') && isWordChar(text[end + 1]) && !isPossessiveS(text, end + 1)) {
        end = runEnd(text, end + 1);
      }
    }
    next = end;
    const raw = text.slice(start, end);
    let possessive = false;
    if (APOSTROPHES.has(text[end] ?? '')) {
      if (isPossessiveS(text, end + 1)) {
        possessive = true;
        next = end + 2;
      } else if (raw.endsWith('s') && !isWordChar(text[end + 1])) {
        possessive = true;
        next = end + 1;
      }
    }
    const first = raw[0] ?? '';
    const folded = raw.toLowerCase();
    const code = raw.charCodeAt(0);
    tokens.push({
      start,
      end,
      text: raw,
      norm: NEEDS_NORMALISING.test(folded) ? folded.replace(/[’ʼ]/g, "'").replace(/\./g, '') : folded,
      sep: text.slice(prevEnd, start),
      // ASCII (nearly every token) needs no Unicode test: only A–Z is a capital.
      cap: code < 128 ? code >= 65 && code <= 90 : isLetter(first) && (first !== folded[0] || first === first.toUpperCase()),
      possessive,
    });
    prevEnd = end;
    if (tokens.length % TOKENS_PER_STEP === 0) yield;
  }
  return tokens;
}

/**
 * True when `next` continues a phrase from `prev`: only spaces (one line at
 * most), a hyphen, or the period of an initial/acronym lie between them. A
 * comma, a sentence end or a block separator ends any phrase.
 */
export function continuesPhrase(prev: Token, next: Token): boolean {
  const sep = next.sep;
  if (sep.length === 0 || sep.length > 3 || prev.possessive) return false;
  let periods = 0;
  let newlines = 0;
  for (const ch of sep) {
    if (ch === '.') periods++;
    else if (ch === '\n') newlines++;
    else if (!SPACES.has(ch) && !HYPHENS.has(ch)) return false;
  }
  if (newlines > 0) return false;
  // A period may only close an initial ("W.") or an acronym, never a sentence.
  if (periods > 1 || (periods === 1 && (sep[0] !== '.' || prev.norm.length !== 1))) return false;
  return true;
}

/** True when the separator before `next` is a hyphen (the two tokens form one hyphenated word). */
export function isHyphenJoin(next: Token): boolean {
  return next.sep.length === 1 && HYPHENS.has(next.sep);
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

/** A phrase found in the text. */
export interface PhraseMatch<T> {
  /** Index of the first and one past the last token. */
  firstToken: number;
  endToken: number;
  start: number;
  end: number;
  /** Every value registered for the matched phrase (several when two entries share a phrase). */
  values: readonly T[];
}

/** The token keys a phrase is stored under: as written, plus each hyphenated pair written joined ("hyunchong"). */
function phraseKeys(phrase: string): string[][] {
  const tokens = tokenize(phrase);
  if (tokens.length === 0) return [];
  const base = tokens.map((t) => t.norm);
  const variants: string[][] = [base];
  const joins = tokens.map((t, i) => (i > 0 && isHyphenJoin(t) ? i : -1)).filter((i) => i > 0);
  if (joins.length > 0 && joins.length <= 2) {
    const combos = 1 << joins.length;
    for (let mask = 1; mask < combos; mask++) {
      const out: string[] = [];
      tokens.forEach((t, i) => {
        const joinIndex = joins.indexOf(i);
        if (joinIndex >= 0 && mask & (1 << joinIndex) && out.length > 0) out[out.length - 1] += t.norm;
        else out.push(t.norm);
      });
      variants.push(out);
    }
  }
  return variants;
}

/**
 * A set of phrases compiled into a token trie. Build it once per phrase set
 * (it is immutable) and call `match` per article.
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };
  private longest = 0;

  /** Compiles `entries`; a phrase listed twice keeps every value. */
  constructor(entries: Iterable<{ phrase: string; value: T }>) {
    for (const { phrase, value } of entries) {
      for (const keys of phraseKeys(phrase)) {
        let node = this.root;
        for (const key of keys) {
          let child = node.next.get(key);
          if (!child) {
            child = { next: new Map(), values: [] };
            node.next.set(key, child);
          }
          node = child;
        }
        if (!node.values.includes(value)) node.values.push(value);
        this.longest = Math.max(this.longest, keys.length);
      }
    }
  }

  /** The longest phrase starting at token `i`, or null. */
  matchAt(tokens: readonly Token[], i: number): PhraseMatch<T> | null {
    let node: TrieNode<T> | undefined = this.root;
    let best: PhraseMatch<T> | null = null;
    for (let j = i; j < tokens.length && j - i < this.longest; j++) {
      const token = tokens[j]!;
      if (j > i && !continuesPhrase(tokens[j - 1]!, token)) break;
      node = node.next.get(token.norm);
      if (!node) break;
      if (node.values.length > 0) {
        best = { firstToken: i, endToken: j + 1, start: tokens[i]!.start, end: token.end, values: node.values };
      }
    }
    return best;
  }

  /** All leftmost-longest, non-overlapping matches, in text order. */
  matchAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const m = this.matchAt(tokens, i);
      if (m) {
        out.push(m);
        i = m.endToken;
      } else i++;
    }
    return out;
  }
}

/**
 * Memoises `build` per list of objects, by the identity of the items (not of
 * the array), so callers that pass a fresh array of the same packs on every
 * page still reuse the compiled matcher. Keeps the few most recent lists.
 */
export function memoizeByItems<K extends object, V>(build: (items: readonly K[]) => V, size = 4): (items: readonly K[]) => V {
  const recent: { items: readonly K[]; value: V }[] = [];
  return (items) => {
    const hit = recent.find((entry) => entry.items.length === items.length && entry.items.every((item, i) => item === items[i]));
    if (hit) return hit.value;
    const value = build(items);
    recent.unshift({ items: [...items], value });
    if (recent.length > size) recent.pop();
    return value;
  };
}
