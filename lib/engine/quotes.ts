/**
 * Finds quotations in article text: the stretches between quotation marks,
 * paragraph by paragraph, in one pass per paragraph.
 *
 * Double quotes (straight `"`, curly `“ ”`, low `„`, guillemets) pair up inside
 * a paragraph. Single quotes (`'`, `‘ ’`) count only outside double quotes and
 * only when they look like marks rather than apostrophes, because British
 * headlines quote with them ("his 'biggest frustration'"). A quotation left
 * open at the end of a paragraph is kept only when the next paragraph opens
 * with a quote mark, the newspaper convention for a quote that runs on.
 */
import type { ArticleText, TextBlock } from '../types';

/** One quotation: where its marks are and where its words are. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark (or the paragraph end when the quote runs on). */
  close: number;
  /** The quoted words, trimmed of spaces and of a trailing comma, colon or semicolon. */
  contentStart: number;
  contentEnd: number;
  /** False when the quote runs on into the next paragraph without a closing mark here. */
  closed: boolean;
  /** True when the opening mark is the first character of its paragraph. */
  opensBlock: boolean;
  /** Index of the block (in `article.blocks`) holding the quote. */
  block: number;
}

/** Longest single-quoted stretch we accept mid-sentence: there single quotes mostly mark short terms. */
const MAX_SINGLE_QUOTE = 160;
/** Longest single-quoted speech (British style) opening a paragraph or after "said:" / "said,". */
const MAX_SINGLE_SPEECH = 1200;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
}

/** `isLetter(text[i])` from the code unit, with an ASCII fast path (no one-character string). */
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return c === c && isLetter(text[i]);
}

/** `isWordChar(text[i])` from the code unit, with an ASCII fast path. */
function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return c === c && isLetter(text[i]);
}

/** Double quote marks as code units: `"`, `“`, `”`, `„`, `«`, `»`. */
function isDoubleMark(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb;
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i] ?? '')) i++;
  return i;
}

/** Trims spaces and a trailing comma/colon/semicolon from a quote's inside. */
function trimContent(text: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /[\s,;:]/.test(text[b - 1] ?? '')) b--;
  return [a, b];
}

function makeQuote(
  text: string,
  block: TextBlock,
  blockIndex: number,
  open: number,
  close: number,
  closed: boolean,
): QuoteSpan | null {
  const [contentStart, contentEnd] = trimContent(text, open + 1, closed ? close - 1 : close);
  if (contentEnd <= contentStart) return null;
  return {
    open,
    close,
    contentStart,
    contentEnd,
    closed,
    opensBlock: firstNonSpace(text, block.start, block.end) === open,
    block: blockIndex,
  };
}

/** Quote marks: `"`, `'`, `«`, `»`, `“`, `”`, `„`, `‘`, `’`. */
const QUOTE_MARK = /["'\u00AB\u00BB\u201C-\u201E\u2018\u2019]/g;

/**
 * The last search for `QUOTE_MARK`: in `text`, from `from`, found at `at`
 * (-1: none). Blocks are read in order, so a search that ran past one block
 * still answers in the next, and a stretch without marks is searched once.
 */
let lastSearch: { text: string; from: number; at: number } | null = null;

/** Offset of the first quote mark at or after `from`, or `text.length`: a native regex scan. */
function nextQuoteMark(text: string, from: number): number {
  const last = lastSearch;
  if (last === null || last.text !== text || from < last.from || (last.at >= 0 && last.at < from)) {
    QUOTE_MARK.lastIndex = from;
    const m = QUOTE_MARK.exec(text);
    lastSearch = { text, from, at: m ? m.index : -1 };
    return m ? m.index : text.length;
  }
  return last.at < 0 ? text.length : last.at;
}

/** Whether the block starts (after spaces) with a double quote mark. */
function opensWithQuote(text: string, block: TextBlock | undefined): boolean {
  if (!block) return false;
  const i = firstNonSpace(text, block.start, block.end);
  return i < block.end && isDoubleMark(text.charCodeAt(i));
}

/** Whether the block starts (after spaces) with a single quote mark opening a word ('We …', ‘We …'). */
function opensWithSingleQuote(text: string, block: TextBlock | undefined): boolean {
  if (!block) return false;
  const i = firstNonSpace(text, block.start, block.end);
  return (text[i] === '\'' || text[i] === '\u2018') && isLetter(text[i + 1]);
}

/**
 * Quotations in the block at `blockIndex`, in order: `findQuotes` one block at
 * a time, for callers that read the article a block at a time.
 */
export function quotesInBlock(article: ArticleText, blockIndex: number): QuoteSpan[] {
  const { text, blocks } = article;
  const block = blocks[blockIndex];
  if (!block) return [];
  const out: QuoteSpan[] = [];
  let doubleOpen = -1;
  let singleOpen = -1;
  let singleLimit = MAX_SINGLE_QUOTE;
  const blockFirst = firstNonSpace(text, block.start, block.end);
  // Jump from quote mark to quote mark; `prev` is the last mark handled (every character between two marks is no mark).
  let prev = block.start - 1;
  for (let i = nextQuoteMark(text, block.start); ; i = nextQuoteMark(text, i + 1)) {
    const at = Math.min(i, block.end);
    // A single quote open too long is dropped at the first non-mark character past its limit: is one in (prev, at)?
    if (singleOpen >= 0 && Math.max(prev + 1, singleOpen + singleLimit + 1) < at) singleOpen = -1;
    if (i >= block.end) break;
    prev = i;
    const c = text.charCodeAt(i);
    if (isDoubleMark(c)) {
      singleOpen = -1;
      if (doubleOpen < 0) {
        // A closing-only mark with nothing open is a stray; skip it.
        if (c !== 0x201d && c !== 0xbb) doubleOpen = i;
      } else if (c === 0x201c || c === 0x201e || c === 0xab) {
        // A second opening mark: the first was never closed, start again here.
        doubleOpen = i;
      } else {
        const q = makeQuote(text, block, blockIndex, doubleOpen, i + 1, true);
        if (q) out.push(q);
        doubleOpen = -1;
      }
      continue;
    }
    if (doubleOpen >= 0) continue;
    if (c === 39 || c === 0x2018 || c === 0x2019) {
      if (singleOpen < 0) {
        const canOpen = c !== 0x2019 && !(i > block.start && isWordCharAt(text, i - 1)) && isLetterAt(text, i + 1);
        if (canOpen) {
          singleOpen = i;
          // British papers quote whole speeches in single quotes: at a paragraph start or after "said:" / "said,".
          const speech = i === blockFirst || /[:,]\s+$/.test(text.slice(Math.max(block.start, i - 3), i));
          singleLimit = speech ? MAX_SINGLE_SPEECH : MAX_SINGLE_QUOTE;
        }
      } else if (c !== 0x2018 && !isWordCharAt(text, i + 1) && !(i > block.start && text.charCodeAt(i - 1) === 32)) {
        const q = makeQuote(text, block, blockIndex, singleOpen, i + 1, true);
        if (q) out.push(q);
        singleOpen = -1;
      }
    }
  }
  if (singleOpen >= 0 && singleLimit === MAX_SINGLE_SPEECH && opensWithSingleQuote(text, blocks[blockIndex + 1])) {
    const q = makeQuote(text, block, blockIndex, singleOpen, block.end, false);
    if (q) out.push(q);
  }
  if (doubleOpen >= 0 && opensWithQuote(text, blocks[blockIndex + 1])) {
    const q = makeQuote(text, block, blockIndex, doubleOpen, block.end, false);
    if (q) out.push(q);
  }
  return out;
}

/**
 * Finds every quotation in the article's blocks, in document order. Linear in
 * the length of the text.
 */
export function findQuotes(article: ArticleText): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (let b = 0; b < article.blocks.length; b++) out.push(...quotesInBlock(article, b));
  return out;
}
