/**
 * Limits on how much of a page Gloss takes on, so a pathological page (a
 * "page" of tens of megabytes of text, an endless archive) costs a bounded
 * amount of the page's main thread: Gloss reads and paints the first part and
 * leaves the rest alone.
 *
 * The limits only bite on such pages. Extraction, the engine and painting all
 * run in slices that yield to the page, so a long article costs time spread
 * over many short tasks rather than one long task; an ordinary long read
 * (30,000 characters) or even a 1.5 MB page is taken in full.
 */
import type { ArticleDom } from './types';

/** Longest article text annotated: about a hundred long-form articles. */
export const MAX_ARTICLE_CHARS = 3_000_000;

/** Most highlights painted on one page, in reading order (each costs the browser some paint work). */
export const MAX_PAINTED_ITEMS = 60_000;

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
