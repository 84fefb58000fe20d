/**
 * Limits on how much of a page Gloss takes on, so a pathological page (a
 * "story" of hundreds of thousands of characters, an archive of thousands of
 * dispatches) costs a bounded amount of the page's main thread: Gloss reads
 * and paints the first part and leaves the rest alone.
 */
import type { ArticleDom } from './types';

/** Longest article text annotated: about five times a long-form article. */
export const MAX_ARTICLE_CHARS = 150_000;

/** Most highlights painted on one page, in reading order (each costs the browser some paint work). */
export const MAX_PAINTED_ITEMS = 5_000;

/**
 * The article cut to its first `max` characters at a block boundary (or inside
 * the first block when that alone is longer), so the engine sees a well-formed
 * `ArticleText`; unchanged when it is short enough.
 */
export function capArticle(dom: ArticleDom, max = MAX_ARTICLE_CHARS): ArticleDom {
  const { article } = dom;
  if (article.text.length <= max) return dom;
  let k = 0;
  while (k < article.blocks.length && article.blocks[k]!.end <= max) k++;
  const blocks = k > 0 ? article.blocks.slice(0, k) : [{ ...article.blocks[0]!, end: max }];
  const end = blocks[blocks.length - 1]!.end;
  return {
    ...dom,
    article: { ...article, text: article.text.slice(0, end), blocks },
    blockElements: dom.blockElements.slice(0, blocks.length),
  };
}
