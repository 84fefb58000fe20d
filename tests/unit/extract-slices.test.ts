import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle, extractInSlices } from '../../lib/dom/extract';
import { parseHtmlDocument } from '../../lib/node/parse-html';

const SEED = readFileSync(join(__dirname, '..', '..', 'samples', 'seed-korus-2017.html'), 'utf8');

/** A long article page written for this test: a headline, nav furniture and many short paragraphs. */
function longPage(paragraphs: number): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `<p>Paragraph ${i + 1}: the harbour board met again, and the minister said tolls would rise by ${i % 9}% next year.</p>`,
  ).join('');
  return `<!DOCTYPE html><html lang="en"><head><title>Harbour tolls rise | Test Gazette</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Harbour tolls rise</h1><div class="story-body">${body}</div></article></body></html>`;
}

function counter(): { yields: number; yield: () => Promise<void> } {
  const c = { yields: 0, yield: async () => void c.yields++ };
  return c;
}

describe('extractInSlices', () => {
  it('gives exactly what extractArticle gives, pausing on a long page', async () => {
    const doc = parseHtmlDocument(longPage(600));
    const c = counter();
    const sliced = await extractInSlices(doc, 'https://example.org/a', { budgetMs: 0, yield: c.yield });
    expect(sliced).toEqual(extractArticle(doc, 'https://example.org/a'));
    expect(sliced!.article.blocks).toHaveLength(601);
    expect(c.yields).toBeGreaterThan(20);
  });

  it('does not pause on an ordinary article within its budget, and agrees on the seed', async () => {
    const doc = parseHtmlDocument(SEED);
    const c = counter();
    const sliced = await extractInSlices(doc, null, { budgetMs: 10_000, yield: c.yield });
    expect(c.yields).toBe(0);
    expect(sliced).toEqual(extractArticle(doc, null));
  });

  it('stops at the next pause when its signal aborts', async () => {
    const doc = parseHtmlDocument(longPage(600));
    const stop = new AbortController();
    let yields = 0;
    const out = await extractInSlices(doc, null, {
      budgetMs: 0,
      yield: async () => {
        if (++yields === 3) stop.abort();
      },
      signal: stop.signal,
    });
    expect(out).toBeNull();
    expect(yields).toBe(3);
  });
});
