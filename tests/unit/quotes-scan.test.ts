import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuotes, type QuoteSpan } from '../../lib/engine/quotes';
import { BLOCK_SEPARATOR, type ArticleText, type TextBlock } from '../../lib/types';

// The quote finder as it was before it jumped from mark to mark: a test of every character,
// kept here as the reference the faster scan must agree with.
const DOUBLE_MARKS = new Set(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);
const DOUBLE_CLOSE_ONLY = new Set(['\u201D', '\u00BB']);
const DOUBLE_OPEN_ONLY = new Set(['\u201C', '\u201E', '\u00AB']);
/** Longest single-quoted stretch we accept mid-sentence: there single quotes mostly mark short terms. */
const MAX_SINGLE_QUOTE = 160;
/** Longest single-quoted speech (British style) opening a paragraph or after "said:" / "said,". */
const MAX_SINGLE_SPEECH = 1200;
function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && (isLetter(ch) || (ch >= '0' && ch <= '9'));
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

/** Whether the block starts (after spaces) with a double quote mark. */
function opensWithQuote(text: string, block: TextBlock | undefined): boolean {
  if (!block) return false;
  const i = firstNonSpace(text, block.start, block.end);
  return i < block.end && DOUBLE_MARKS.has(text[i] ?? '');
}

/** Whether the block starts (after spaces) with a single quote mark opening a word ('We …', ‘We …'). */
function opensWithSingleQuote(text: string, block: TextBlock | undefined): boolean {
  if (!block) return false;
  const i = firstNonSpace(text, block.start, block.end);
  return (text[i] === '\'' || text[i] === '\u2018') && isLetter(text[i + 1]);
}

/** Quotations in one block, in order. */
function referenceQuotesInBlock(article: ArticleText, blockIndex: number): QuoteSpan[] {
  const { text, blocks } = article;
  const block = blocks[blockIndex];
  if (!block) return [];
  const out: QuoteSpan[] = [];
  let doubleOpen = -1;
  let singleOpen = -1;
  let singleLimit = MAX_SINGLE_QUOTE;
  const blockFirst = firstNonSpace(text, block.start, block.end);
  for (let i = block.start; i < block.end; i++) {
    const ch = text[i] ?? '';
    if (DOUBLE_MARKS.has(ch)) {
      singleOpen = -1;
      if (doubleOpen < 0) {
        // A closing-only mark with nothing open is a stray; skip it.
        if (!DOUBLE_CLOSE_ONLY.has(ch)) doubleOpen = i;
      } else if (DOUBLE_OPEN_ONLY.has(ch)) {
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
    if (ch === '\'' || ch === '\u2018' || ch === '\u2019') {
      const before = i > block.start ? text[i - 1] : undefined;
      const after = text[i + 1];
      if (singleOpen < 0) {
        const canOpen = ch !== '\u2019' && !isWordChar(before) && isLetter(after);
        if (canOpen) {
          singleOpen = i;
          // British papers quote whole speeches in single quotes: at a paragraph start or after "said:" / "said,".
          const speech = i === blockFirst || /[:,]\s+$/.test(text.slice(Math.max(block.start, i - 3), i));
          singleLimit = speech ? MAX_SINGLE_SPEECH : MAX_SINGLE_QUOTE;
        }
      } else if (ch !== '\u2018' && !isWordChar(after) && before !== ' ') {
        const q = makeQuote(text, block, blockIndex, singleOpen, i + 1, true);
        if (q) out.push(q);
        singleOpen = -1;
      }
      continue;
    }
    if (singleOpen >= 0 && i - singleOpen > singleLimit) singleOpen = -1;
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
function referenceFindQuotes(article: ArticleText): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (let b = 0; b < article.blocks.length; b++) out.push(...referenceQuotesInBlock(article, b));
  return out;
}


function article(paragraphs: string[]): ArticleText {
  const blocks: TextBlock[] = [];
  let text = '';
  for (const p of paragraphs) {
    if (text) text += BLOCK_SEPARATOR;
    blocks.push({ kind: 'body', start: text.length, end: text.length + p.length });
    text += p;
  }
  return { text, blocks, date: null, lang: 'en', title: null, url: null };
}

describe('findQuotes (mark-to-mark scan)', () => {
  it('agrees with the character-by-character reference on random paragraphs', () => {
    const piece = fc.constantFrom('"', "'", '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\u2018', '\u2019', 'We', 'won', ' ', ', ', ': ', 'said', 'x'.repeat(90), 'Kim', '3', '\u2014', 'é');
    const paragraph = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.array(paragraph, { minLength: 1, maxLength: 2 }), (a, b) => {
      const first = article(a);
      const other = article(b);
      // Another article in between: the reused search must notice the text changed.
      expect(findQuotes(other)).toEqual(referenceFindQuotes(other));
      expect(findQuotes(first)).toEqual(referenceFindQuotes(first));
    }), { numRuns: 500 });
  });

  it('agrees with the reference at every length around the single-quote limits', () => {
    for (let n = 150; n <= 170; n++) {
      for (const inner of ['', "x\u2019s ", '\u00AB']) {
        const body = `${inner}${'a'.repeat(n)}`;
        for (const text of [`Word 'b${body}' end.`, `'b${body}' end.`, `He said: 'b${body}${'c'.repeat(1100)}' end.`]) {
          const a = article([text, "'Next paragraph."]);
          expect(findQuotes(a)).toEqual(referenceFindQuotes(a));
        }
      }
    }
  });

  it('drops a single quote left open past its length limit, as the reference does', () => {
    const long = `He used the word 'fair ${'and more words '.repeat(15)}then stopped.' Later 'ok' came.`;
    const a = article([long]);
    const found: QuoteSpan[] = findQuotes(a);
    expect(found).toEqual(referenceFindQuotes(a));
    expect(found.map((q) => a.text.slice(q.contentStart, q.contentEnd))).toContain('ok');
  });
});
