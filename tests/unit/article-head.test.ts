import { describe, expect, it } from 'vitest';
import { articleHead, HEAD_CHARS, HEAD_FROM_CHARS } from '../../lib/dom/article-head';
import { annotate } from '../../lib/engine/annotate';
import { bundledPacks } from '../../lib/packs/bundled';
import { makeBigArticle } from '../../scripts/make-big-article';
import { BLOCK_SEPARATOR, type ArticleText } from '../../lib/types';

/** An article of `count` blocks of `length` characters each. */
function articleOf(count: number, length: number): ArticleText {
  const blocks: ArticleText['blocks'] = [];
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const text = `${String(i).padStart(4, '0')} `.padEnd(length, 'x');
    parts.push(text);
    blocks.push({ kind: i === 0 ? 'title' : 'body', start: at, end: at + length });
    at += length + BLOCK_SEPARATOR.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks, date: '2017-08-23', lang: 'en', title: 'T', url: null };
}

describe('articleHead', () => {
  it('leaves an article shorter than the threshold whole', () => {
    expect(articleHead(articleOf(10, 1000))).toBeNull();
    expect(articleHead(articleOf(HEAD_FROM_CHARS / 1000 - 1, 998))).toBeNull();
  });

  it("cuts a long article after its last block within the head's size, keeping its metadata", () => {
    const article = articleOf(100, 1000);
    const head = articleHead(article)!;
    expect(head.blocks).toEqual(article.blocks.slice(0, head.blocks.length));
    expect(head.text).toBe(article.text.slice(0, head.blocks.at(-1)!.end));
    expect(head.text.length).toBeLessThanOrEqual(HEAD_CHARS);
    // The next block would not have fitted.
    expect(article.blocks[head.blocks.length]!.end).toBeGreaterThan(HEAD_CHARS);
    expect({ ...head, text: '', blocks: [] }).toEqual({ ...article, text: '', blocks: [] });
  });

  it('keeps at least the first block, and gives no head when the head would be the whole article', () => {
    const long = articleOf(5, 20_000);
    expect(articleHead(long)!.blocks).toHaveLength(1);
    expect(articleHead(articleOf(3, 5000), 16_000, 10_000)).toBeNull();
    expect(articleHead({ ...articleOf(1, 70_000) })).toBeNull();
  });

  it("finds in a long article's head exactly what the whole article's run finds there", () => {
    const article = makeBigArticle(200_000);
    const head = articleHead(article)!;
    expect(head).not.toBeNull();
    const whole = annotate(article, bundledPacks);
    const first = annotate(head, bundledPacks);
    const end = head.text.length;
    const within = <T extends { end: number }>(list: T[]): T[] => list.filter((x) => x.end <= end);
    expect(first.officials.length + first.figures.length + first.claims.length).toBeGreaterThan(100);
    expect(first.officials).toEqual(within(whole.officials));
    expect(first.figures).toEqual(within(whole.figures));
    expect(first.claims).toEqual(within(whole.claims));
  });
});
