/**
 * Contracts of the DOM layer: how engine offsets (into `ArticleText.text`)
 * map back to the page's text nodes.
 */
import type { ArticleText } from '../types';

/**
 * One piece of the article string. Either a stretch of a real text node
 * (`node` set, `nodeOffset` is where in `node.data` the piece starts), or
 * synthetic text that the extractor inserted (block separators, a space for
 * `<br>`), which maps to no node.
 */
export interface TextPiece {
  /** Offset of the piece in `ArticleText.text`. */
  start: number;
  end: number;
  node: Text | null;
  nodeOffset: number;
  /** The synthetic text itself (a block separator, the "\n" of a `<br>`), for pieces with no node. */
  text?: string;
}

/**
 * The article found on a page plus the index back to the DOM. Built in one walk
 * over the article's text nodes; `pieces` is sorted by `start`, so an offset is
 * found by binary search.
 */
export interface ArticleDom {
  article: ArticleText;
  pieces: TextPiece[];
  /** The element the article was found in. */
  root: Element;
  /** The block elements, parallel to `article.blocks`. */
  blockElements: Element[];
}

/**
 * The article as the page keeps it once it has gone to the engine: the index
 * back to the DOM and the article's metadata, without its text. The text of
 * a very long article is megabytes; the page reads any stretch of it back from
 * the text nodes (`textBetween`) when a card or the popup needs it.
 */
export interface HeldArticle extends Omit<ArticleDom, 'article'> {
  article: Omit<ArticleText, 'text'>;
}

/** The page's text index: what mapping offsets back to the DOM needs. */
export type PieceIndex = Pick<ArticleDom, 'pieces'>;
