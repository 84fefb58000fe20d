/**
 * The head of a long article: its first blocks, which the engine annotates on
 * their own before the whole, so the reader sees highlights near the top of
 * the page while the background is still reading the rest.
 *
 * Why: on a very long article (hundreds of thousands of characters) the
 * engine takes most of a second, and the page showed nothing until it was
 * done. The head is a prefix of the article, so its offsets are the article's
 * offsets and everything it finds was found with all the context before it.
 * What it cannot know is context further down (a surname in the first lines
 * that a later paragraph names in full): the whole article's annotations
 * replace the head's when they arrive. Over the project's and the fixtures'
 * articles cut at 453 block boundaries, 21 of 49,232 annotations in a cut
 * differed from the whole article's (a surname linked later, a speaker named
 * later); the rest were identical.
 */
import type { ArticleText } from '../types';

/** Articles shorter than this are annotated in one go: the engine takes a few tens of milliseconds at most. */
export const HEAD_FROM_CHARS = 64_000;

/** About how many characters the head holds: several screens of text. */
export const HEAD_CHARS = 16_000;

/**
 * The article's first blocks up to about `size` characters (at least one
 * block), as an article of its own; null when the article is shorter than
 * `from` or the head would be the whole of it.
 */
export function articleHead(article: ArticleText, size = HEAD_CHARS, from = HEAD_FROM_CHARS): ArticleText | null {
  const { blocks } = article;
  if (article.text.length < from || blocks.length < 2) return null;
  let k = 1;
  while (k < blocks.length && blocks[k]!.end <= size) k++;
  if (k >= blocks.length) return null;
  return { ...article, text: article.text.slice(0, blocks[k - 1]!.end), blocks: blocks.slice(0, k) };
}
