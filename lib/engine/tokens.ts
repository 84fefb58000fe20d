/**
 * The word tokens of a text, stored compactly. The engine cuts an article
 * into words once (about 220,000 per MB) and every officials and topics rule
 * reads them, so the list is a few parallel typed arrays (offsets, form ids,
 * flags) rather than an object and three strings per word: no per-word
 * allocation, nothing for the garbage collector to copy. A word as written
 * and its separator are cut from the text only when a rule asks.
 *
 * Tokenizing rules: hyphenated words become several tokens (the separator is
 * the hyphen), dotted acronyms ("U.S.") one token, an apostrophe inside a
 * word ("O’Brien") belongs to it, and a possessive `'s` is dropped from the
 * token and flagged instead. Forms are case-folded, with curly apostrophes
 * straightened and periods dropped ("U.S." and "US" are the same form).
 */
import { drain, type Steps } from './steps';
import { WordForms } from './tokens-forms';

/** Flag bits of a token and the separator before it, worked out once by the tokenizer. */
const CAP = 1;
const POSSESSIVE = 2;
/** A dotted acronym ("U.S."): the only tokens holding a period, always as their last character. */
const DOTTED = 4;
/** The separator alone lets a phrase continue: 1–3 spaces or hyphens, at most one period (first), no line break. */
const SEP_PHRASE = 8;
/** …and that separator holds a period, so the previous token must be an initial. */
const SEP_PERIOD = 16;
/** The separator is one hyphen. */
const SEP_HYPHEN = 32;

/** The tokens of one text, by index (0 … length − 1). Built by `tokenizeSteps`; read-only afterwards. */
export class TokenList {
  /** The interned folded forms; `forms.forms[id]` is a form. */
  readonly forms: WordForms;
  private starts: Int32Array;
  private ends: Int32Array;
  private ids: Int32Array;
  private bits: Uint8Array;
  /** Number of tokens (a field, not a getter: every loop of the engine reads it). Only `push` changes it. */
  length = 0;

  constructor(readonly text: string) {
    this.forms = new WordForms(text);
    // About one word per five characters in running text; the arrays grow if not.
    const capacity = (text.length >> 2) + 16;
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.bits = new Uint8Array(capacity);
  }

  /** Offset of token `i`'s first character. */
  start(i: number): number {
    return this.starts[i]!;
  }

  /** Offset just past token `i`. */
  end(i: number): number {
    return this.ends[i]!;
  }

  /** Where the separator before token `i` begins: the previous token's end (0 for the first token). */
  sepStart(i: number): number {
    return i > 0 ? this.ends[i - 1]! : 0;
  }

  /** Id of token `i`'s folded form (equal ids, equal forms). */
  id(i: number): number {
    return this.ids[i]!;
  }

  /** Folded form of token `i` ("hyun", "us", "o'brien"), one shared string per distinct form. */
  norm(i: number): string {
    return this.forms.forms[this.ids[i]!]!;
  }

  /** Token `i` as written ("Hyun", "U.S.", "O’Brien"); makes a string, so hot loops use `norm`. */
  word(i: number): string {
    return this.text.slice(this.starts[i]!, this.ends[i]!);
  }

  /** What separates token `i` from the previous one (for the first token, the text before it). */
  sep(i: number): string {
    return this.text.slice(this.sepStart(i), this.starts[i]!);
  }

  /** True when the separator before token `i` holds the character `code` (no string made). */
  sepHas(i: number, code: number): boolean {
    const to = this.starts[i]!;
    for (let k = this.sepStart(i); k < to; k++) if (this.text.charCodeAt(k) === code) return true;
    return false;
  }

  /** True when token `i`'s first letter is upper case (or its script has no case, e.g. Hangul). */
  cap(i: number): boolean {
    return (this.bits[i]! & CAP) !== 0;
  }

  /** True when a possessive `'s` / `’s` (or a bare `’` after s) follows token `i`. */
  possessive(i: number): boolean {
    return (this.bits[i]! & POSSESSIVE) !== 0;
  }

  /** True for a dotted acronym ("U.S."): the only tokens that hold (and end with) a period. */
  dotted(i: number): boolean {
    return (this.bits[i]! & DOTTED) !== 0;
  }

  /**
   * True when token `i` continues a phrase from token `i − 1`: only spaces
   * (on one line), a hyphen, or the period of an initial lie between them.
   * A comma, a sentence end or a block separator ends any phrase.
   */
  continues(i: number): boolean {
    const bits = this.bits[i]!;
    if ((bits & SEP_PHRASE) === 0 || (this.bits[i - 1]! & POSSESSIVE) !== 0) return false;
    return (bits & SEP_PERIOD) === 0 || this.norm(i - 1).length === 1;
  }

  /** `continues` with the previous token described by its possessive flag and form (it may be from elsewhere). */
  continuesAfter(i: number, prevPossessive: boolean, prevNorm: string): boolean {
    const bits = this.bits[i]!;
    if ((bits & SEP_PHRASE) === 0 || prevPossessive) return false;
    return (bits & SEP_PERIOD) === 0 || prevNorm.length === 1;
  }

  /** True when one hyphen joins token `i` to the previous one ("Hyun-chong"). */
  hyphenJoin(i: number): boolean {
    return (this.bits[i]! & SEP_HYPHEN) !== 0;
  }

  /** Token views of the list, for callers that want objects (tests, phrase compiling). */
  toTokens(): Token[] {
    const out: Token[] = [];
    for (let i = 0; i < this.length; i++) out.push(new Token(this, i));
    return out;
  }

  /** Appends a token (tokenizer only). */
  push(start: number, end: number, id: number, bits: number): void {
    if (this.length === this.starts.length) this.grow();
    const i = this.length++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.ids[i] = id;
    this.bits[i] = bits;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const grown = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.starts = grown(this.starts, (n) => new Int32Array(n));
    this.ends = grown(this.ends, (n) => new Int32Array(n));
    this.ids = grown(this.ids, (n) => new Int32Array(n));
    this.bits = grown(this.bits, (n) => new Uint8Array(n));
  }
}

/** One token of a `TokenList`, as an object (for tests and small inputs; the engine reads the list by index). */
export class Token {
  constructor(
    readonly list: TokenList,
    readonly index: number,
  ) {}

  get start(): number {
    return this.list.start(this.index);
  }

  get end(): number {
    return this.list.end(this.index);
  }

  /** The word as written ("Hyun", "U.S.", "O’Brien"). */
  get text(): string {
    return this.list.word(this.index);
  }

  /** Case-folded form used for matching ("hyun", "us", "o'brien"). */
  get norm(): string {
    return this.list.norm(this.index);
  }

  /** What separates this token from the previous one. */
  get sep(): string {
    return this.list.sep(this.index);
  }

  /** True when the first letter is upper case (or the script has no case, e.g. Hangul). */
  get cap(): boolean {
    return this.list.cap(this.index);
  }

  /** True when a possessive `'s` / `’s` (or a bare `’` after s) follows the word; it is not part of the token. */
  get possessive(): boolean {
    return this.list.possessive(this.index);
  }
}

/** Tokens as the engine takes them: the compact list, or token objects made by `tokenize`. */
export type Tokens = TokenList | readonly Token[];

/** The list behind `tokens`. An array must be a whole `tokenize` result (indices are the list's). */
export function listOf(tokens: Tokens): TokenList {
  if (tokens instanceof TokenList) return tokens;
  if (tokens.length === 0) return new TokenList('');
  const list = tokens[0]!.list;
  // A slice would silently shift every index: refuse it.
  if (tokens[0]!.index !== 0 || tokens.length !== list.length) throw new Error('listOf: pass a whole tokenize() result');
  return list;
}

/** True when `next` continues a phrase from `prev` (see `TokenList.continues`); for token objects. */
export function continuesPhrase(prev: Token, next: Token): boolean {
  return next.list.continuesAfter(next.index, prev.possessive, prev.norm);
}

/** True when the separator before `next` is one hyphen (the two tokens form one hyphenated word). */
export function isHyphenJoin(next: Token): boolean {
  return next.list.hyphenJoin(next.index);
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;
const WORD_CODE_POINT = /^[\p{L}\p{M}\p{N}]$/u;
const NEEDS_NORMALISING = /[.’ʼ]/;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

/** True when code point `cp` is a letter, mark or digit; ASCII (nearly every character) without a regex. */
function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  return WORD_CODE_POINT.test(String.fromCodePoint(cp));
}

/** True for ASCII letters and digits. */
const isAsciiWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** True for the apostrophes that may join a word or start a possessive: ' ’ ʼ. */
const isApostropheCode = (c: number): boolean => c === 39 || c === 0x2019 || c === 0x2bc;

/** True for the hyphens that join words: - ‐ ‑ –. */
const isHyphenCode = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;

/** True for the spaces a phrase may run over (a line break ends it). */
const isPhraseSpaceCode = (c: number): boolean => c === 32 || c === 0xa0 || c === 9 || c === 0x2009 || c === 0x202f;

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

/** The SEP_* bits of the separator `text[from, to)`. */
function separatorBits(text: string, from: number, to: number): number {
  const length = to - from;
  if (length === 1) {
    // Nearly every separator is one space.
    const c = text.charCodeAt(from);
    if (isPhraseSpaceCode(c)) return SEP_PHRASE;
    if (isHyphenCode(c)) return SEP_PHRASE | SEP_HYPHEN;
    return c === 46 ? SEP_PHRASE | SEP_PERIOD : 0;
  }
  if (length === 0 || length > 3) return 0;
  let periods = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) periods++;
    else if (!isPhraseSpaceCode(c) && !isHyphenCode(c)) return 0;
  }
  // A period may only close an initial ("W.") or an acronym, never a sentence.
  if (periods === 0) return SEP_PHRASE;
  return periods === 1 && text.charCodeAt(from) === 46 ? SEP_PHRASE | SEP_PERIOD : 0;
}

/** Tokens between pauses of `tokenizeSteps`: a few milliseconds of work. */
const TOKENS_PER_STEP = 8192;

/** Where `cutTokens` stopped: the scan position and the end of the last token. */
interface ScanState {
  next: number;
  prevEnd: number;
}

/** Cuts `text` into tokens as resumable steps (pauses every few thousand tokens), for the sliced engine. */
export function* tokenizeSteps(text: string): Steps<TokenList> {
  const list = new TokenList(text);
  const state: ScanState = { next: 0, prevEnd: 0 };
  // The scan itself is a plain function: locals of a generator live in its heap frame, which makes a hot loop slower.
  while (cutTokens(list, state, TOKENS_PER_STEP)) yield;
  return list;
}

/** Appends up to `max` tokens to `list`, from `state` on; false when the text has no more words. */
function cutTokens(list: TokenList, state: ScanState, max: number): boolean {
  const text = list.text;
  const forms = list.forms;
  // A hand-written scan rather than a global regex: no match array per word on the engine's hottest loop.
  let prevEnd = state.prevEnd;
  let next = state.next;
  for (let count = 0; count < max; count++) {
    const start = nextRunStart(text, next);
    if (start < 0) return false;
    // Nearly every word is ASCII letters and digits: find its end and hash its folded form in one loop.
    let end = start;
    let hash = 0;
    for (; end < text.length; end++) {
      let c = text.charCodeAt(end);
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    // The hash holds for the token only if it ends here: not before a non-ASCII letter, an apostrophe or an acronym's period.
    let hashed = !(text.charCodeAt(end) >= 128);
    if (!hashed) end = runEnd(text, end);
    let bits = 0;
    if (end - start === 1 && text.charCodeAt(end) === 46 && isLetter(text[start]) && isLetter(text[end + 1]) && text[end + 2] === '.') {
      // Dotted acronym: single letters each followed by a period ("U.S.", "U.S.A.").
      while (isLetter(text[end + 1]) && text[end + 2] === '.' && !isWordChar(text[end + 3])) end += 2;
      end += 1;
      bits |= DOTTED;
      hashed = false;
    } else {
      // An apostrophe inside a word ("O’Brien", "don't") belongs to it, unless it starts a possessive 's.
      while (isApostropheCode(text.charCodeAt(end)) && isWordChar(text[end + 1]) && !isPossessiveS(text, end + 1)) {
        end = runEnd(text, end + 1);
        hashed = false;
      }
    }
    next = end;
    if (isApostropheCode(text.charCodeAt(end))) {
      if (isPossessiveS(text, end + 1)) {
        bits |= POSSESSIVE;
        next = end + 2;
      } else if (text.charCodeAt(end - 1) === 115 && !isWordChar(text[end + 1])) {
        bits |= POSSESSIVE;
        next = end + 1;
      }
    }
    const code = text.charCodeAt(start);
    let id = -1;
    if (code < 128) {
      // ASCII first letter (nearly every token): only A–Z is a capital, no Unicode test needed.
      if (code >= 65 && code <= 90) bits |= CAP;
      id = hashed ? forms.internHashed(start, end, hash) : forms.internAscii(start, end);
    }
    if (id < 0) {
      const raw = text.slice(start, end);
      const folded = raw.toLowerCase();
      if (code >= 128) {
        const first = raw[0]!;
        if (isLetter(first) && (first !== folded[0] || first === first.toUpperCase())) bits |= CAP;
      }
      id = forms.intern(NEEDS_NORMALISING.test(folded) ? folded.replace(/[’ʼ]/g, "'").replace(/\./g, '') : folded);
    }
    list.push(start, end, id, bits | separatorBits(text, prevEnd, start));
    prevEnd = end;
  }
  state.prevEnd = prevEnd;
  state.next = next;
  return true;
}

/** `tokenizeSteps` at once: the compact token list of `text`. */
export function tokenList(text: string): TokenList {
  return drain(tokenizeSteps(text));
}

/** Cuts text into word tokens, as objects (see the module comment for the rules). */
export function tokenize(text: string): Token[] {
  return tokenList(text).toTokens();
}
