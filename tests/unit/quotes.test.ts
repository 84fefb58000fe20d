import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/engine/quotes';
import { BLOCK_SEPARATOR, type ArticleText, type TextBlock } from '../../lib/types';

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

function contents(a: ArticleText): string[] {
  return findQuotes(a).map((q) => a.text.slice(q.contentStart, q.contentEnd));
}

describe('findQuotes', () => {
  it('finds straight and curly quotes and drops a trailing comma but keeps a final full stop', () => {
    const a = article(['"The budget is balanced," the mayor said. “We spent less than we earned.”']);
    expect(contents(a)).toEqual(['The budget is balanced', 'We spent less than we earned.']);
  });

  it('records the marks and whether the quote opens its paragraph', () => {
    const a = article(['Critics called it “a giveaway” to insurers.']);
    const [q] = findQuotes(a);
    expect(q).toBeDefined();
    expect(a.text[q?.open ?? -1]).toBe('“');
    expect(a.text[(q?.close ?? 0) - 1]).toBe('”');
    expect(q?.opensBlock).toBe(false);
    expect(q?.closed).toBe(true);
  });

  it('reads single quotes as marks but not apostrophes', () => {
    expect(contents(article(["Mayor calls budget 'a fresh start' for the city's schools"]))).toEqual(['a fresh start']);
    expect(contents(article(["The nation's ports and the workers' union didn't agree"]))).toEqual([]);
    expect(contents(article(['Governor hails ‘turning point’ in talks']))).toEqual(['turning point']);
  });

  it('keeps a quote that runs on into a paragraph opening with a quote mark', () => {
    const a = article(['"The harbour was quiet for a decade.', '"Now it is full again," the harbour master said.']);
    const qs = findQuotes(a);
    expect(qs).toHaveLength(2);
    expect(qs[0]?.closed).toBe(false);
    expect(a.text.slice(qs[0]?.contentStart ?? 0, qs[0]?.contentEnd ?? 0)).toBe('The harbour was quiet for a decade.');
    expect(qs[1]?.opensBlock).toBe(true);
  });

  it('drops a quote left open when the next paragraph does not continue it', () => {
    expect(contents(article(['He called it "a mistake and left.', 'Nothing else happened.']))).toEqual([]);
  });

  it('never pairs marks across paragraphs', () => {
    expect(contents(article(['One "open', 'and close" here']))).toEqual([]);
  });
});

describe('findQuotes: British single-quoted speech', () => {
  it('accepts a long single-quoted speech after "said:" and runs it on into a paragraph that opens with a single quote', () => {
    const a = article([
      "The harbour master said: 'Every berth in the port has been booked since the spring, and the waiting list now stretches well into the next financial year for most of the larger ferry operators.",
      "'We cannot build new quays overnight.'",
    ]);
    const quotes = findQuotes(a);
    expect(quotes.map((q) => a.text.slice(q.contentStart, q.contentEnd))).toEqual([
      'Every berth in the port has been booked since the spring, and the waiting list now stretches well into the next financial year for most of the larger ferry operators.',
      'We cannot build new quays overnight.',
    ]);
    expect(quotes[0]?.closed).toBe(false);
  });

  it('still ignores a long mid-sentence single-quoted stretch', () => {
    const long = 'x '.repeat(120);
    expect(contents(article([`The so-called 'reform ${long} plan' was dropped.`]))).toEqual([]);
  });
});
