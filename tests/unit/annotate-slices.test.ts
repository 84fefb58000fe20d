/**
 * The sliced engine (`annotateInSlices`, used by the content script) must give
 * exactly what the one-go engine (`annotate`, used by Node and the CLI) gives,
 * on the seed article and on the large synthetic one, while really pausing:
 * it yields to the caller between slices, keeps each slice near its budget,
 * and stops when aborted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate, annotateInSlices } from '../../lib/engine/annotate';
import { extractArticle } from '../../lib/dom/extract';
import { parseHtmlDocument } from '../../lib/node/parse-html';
import { bundledPacks } from '../../lib/packs/bundled';
import type { ArticleText } from '../../lib/types';
import { makeBigArticle } from '../../scripts/make-big-article';

function seedArticle(): ArticleText {
  const html = readFileSync(join(import.meta.dirname, '..', '..', 'samples', 'seed-korus-2017.html'), 'utf8');
  const dom = extractArticle(parseHtmlDocument(html));
  if (!dom) throw new Error('the seed article was not extracted');
  return dom.article;
}

/** A yield that counts how often the engine gave the event loop a turn. */
function countingYield(): { yield: () => Promise<void>; count: () => number } {
  let n = 0;
  return {
    yield: () => {
      n++;
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
    count: () => n,
  };
}

describe('annotateInSlices', () => {
  it('gives the seed article exactly the annotations annotate gives', async () => {
    const article = seedArticle();
    const expected = annotate(article, bundledPacks);
    // A zero budget yields after every step: the most pauses the engine can take.
    const y = countingYield();
    const sliced = await annotateInSlices(article, bundledPacks, { budgetMs: 0, yield: y.yield });
    expect(sliced).toEqual(expected);
    expect(expected.officials.length).toBeGreaterThan(0);
    expect(expected.claims.length).toBeGreaterThan(0);
    expect(y.count()).toBeGreaterThan(10);
  });

  it('gives a 300 kB article the same annotations, in many short slices', async () => {
    const article = makeBigArticle(300_000);
    const expected = annotate(article, bundledPacks);
    const y = countingYield();
    const slices: number[] = [];
    let sliceStart = performance.now();
    const sliced = await annotateInSlices(article, bundledPacks, {
      budgetMs: 5,
      yield: async () => {
        slices.push(performance.now() - sliceStart);
        await y.yield();
        sliceStart = performance.now();
      },
    });
    expect(sliced).toEqual(expected);
    expect(y.count()).toBeGreaterThan(20);
    // Most slices stay near the budget; one step (the officials pass) is allowed to run longer.
    const sorted = [...slices].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]!).toBeLessThan(30);
  }, 60_000);

  it('resolves to null, without finishing, once aborted', async () => {
    const article = makeBigArticle(100_000);
    const controller = new AbortController();
    let yields = 0;
    const result = await annotateInSlices(article, bundledPacks, {
      budgetMs: 0,
      yield: async () => {
        if (++yields === 3) controller.abort();
      },
      signal: controller.signal,
    });
    expect(result).toBeNull();
    expect(yields).toBe(3);
  });
});
