/**
 * Finds the article on a page and builds the engine's `ArticleText` with an
 * index back to the page's text nodes. Shared by the content script (live
 * page) and Node (linkedom documents): no layout APIs, one walk over the
 * article's nodes.
 */
import { BLOCK_SEPARATOR, type ArticleText, type TextBlock } from '../types';
import type { ArticleDom, PieceIndex, TextPiece } from './types';
import { findBodyRootSteps, findHeadline, findStandfirst } from './article-root';
import { draftOf, walkBodySteps, type BlockDraft } from './blocks';
import { drain, runInSlices, type SliceRunOptions, type Steps } from '../engine/steps';
import { declaredTitle, declaredUrl, findLanguage, findPublicationDate } from './metadata';

/** Below this much body prose the page is not an article (a home page, a search page…). */
export const MIN_ARTICLE_CHARS = 250;
/** A paragraph this long counts as prose when counting paragraphs. */
const PROSE_PARAGRAPH_CHARS = 50;

function blockLength(draft: BlockDraft): number {
  let n = 0;
  for (const p of draft.pieces) n += p.text.length;
  return n;
}

/**
 * True when the body blocks hold real prose: at least 250 characters, and
 * either two prose-sized paragraphs or one long one.
 */
function looksLikeArticle(body: BlockDraft[]): boolean {
  let total = 0;
  let prose = 0;
  for (const draft of body) {
    const length = blockLength(draft);
    total += length;
    if (length >= PROSE_PARAGRAPH_CHARS) prose++;
  }
  return total >= MIN_ARTICLE_CHARS && (prose >= 2 || total >= 2 * MIN_ARTICLE_CHARS);
}

/** Orders the headline and standfirst before body blocks when they were found outside the body root. */
function* assembleDrafts(bodyRoot: Element, title: Element | null, dek: Element | null): Steps<BlockDraft[]> {
  const walked = yield* walkBodySteps(bodyRoot, { title, dek });
  const leading: BlockDraft[] = [];
  for (const [kind, el] of [['title', title], ['dek', dek]] as const) {
    if (!el || bodyRoot.contains(el)) continue;
    const draft = draftOf(kind, el);
    if (draft) leading.push(draft);
  }
  return [...leading, ...walked];
}

/** Joins the drafts into the article string and its sorted piece index. */
function join(drafts: BlockDraft[]): { text: string; blocks: TextBlock[]; pieces: TextPiece[]; elements: Element[] } {
  const parts: string[] = [];
  const blocks: TextBlock[] = [];
  const pieces: TextPiece[] = [];
  const elements: Element[] = [];
  let offset = 0;
  for (const draft of drafts) {
    if (blocks.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      pieces.push({ start: offset, end: offset + BLOCK_SEPARATOR.length, node: null, nodeOffset: 0, text: BLOCK_SEPARATOR });
      offset += BLOCK_SEPARATOR.length;
    }
    const start = offset;
    for (const piece of draft.pieces) {
      if (piece.text.length === 0) continue;
      parts.push(piece.text);
      pieces.push(
        piece.node
          ? { start: offset, end: offset + piece.text.length, node: piece.node, nodeOffset: piece.nodeOffset }
          : { start: offset, end: offset + piece.text.length, node: null, nodeOffset: 0, text: piece.text },
      );
      offset += piece.text.length;
    }
    blocks.push({ kind: draft.kind, start, end: offset });
    elements.push(draft.element);
  }
  return { text: parts.join(''), blocks, pieces, elements };
}

/**
 * Finds the article on `doc` and returns its text (headline, standfirst, body
 * paragraphs in document order, joined by `BLOCK_SEPARATOR`, characters kept
 * exactly as in the text nodes) with the page's date and language, plus the
 * piece index back to the DOM. Returns null when the page has no article, so
 * the content script can stop early.
 */
export function extractArticle(doc: Document, url?: string | null): ArticleDom | null {
  return drain(extractArticleSteps(doc, url));
}

/**
 * `extractArticle` as resumable steps: the body-root search and the walk
 * pause every few dozen paragraphs, so the content script can read a very
 * long page in slices (`extractInSlices`) with the same result.
 */
export function* extractArticleSteps(doc: Document, url?: string | null): Steps<ArticleDom | null> {
  const bodyRoot = yield* findBodyRootSteps(doc);
  if (!bodyRoot) return null;
  const declared = declaredTitle(doc);
  const headline = findHeadline(doc, bodyRoot, declared);
  const dek = findStandfirst(headline, bodyRoot);
  yield;
  const drafts = yield* assembleDrafts(bodyRoot, headline, dek);
  if (!looksLikeArticle(drafts.filter((d) => d.kind === 'body'))) return null;
  yield;

  const { text, blocks, pieces, elements } = join(drafts);
  yield;
  const titleBlock = blocks.find((b) => b.kind === 'title');
  const title = titleBlock ? text.slice(titleBlock.start, titleBlock.end).replace(/\s+/g, ' ').trim() : declared;
  const scope = articleScope(bodyRoot, headline);
  const pageUrl = url ?? declaredUrl(doc);
  const article: ArticleText = {
    text,
    blocks,
    date: findPublicationDate(doc, scope, pageUrl),
    lang: findLanguage(doc),
    title,
    url: pageUrl,
  };
  return { article, pieces, root: scope, blockElements: elements };
}

/**
 * `extractArticle` run in time slices (see `runInSlices`): the content
 * script's extractor, so a very long page is read without a long task. Null
 * when the page has no article or `options.signal` aborted.
 */
export function extractInSlices(doc: Document, url: string | null, options: SliceRunOptions): Promise<ArticleDom | null> {
  return runInSlices(extractArticleSteps(doc, url), options);
}

/** The smallest element holding both the body and its headline (the `<article>` in most pages). */
function articleScope(bodyRoot: Element, headline: Element | null): Element {
  let scope: Element = bodyRoot;
  if (headline) {
    while (!scope.contains(headline) && scope.parentElement) scope = scope.parentElement;
  }
  for (let e: Element | null = scope; e; e = e.parentElement) {
    if (e.localName === 'article') return e;
  }
  return scope;
}

/** Index of the last piece whose start is <= offset (pieces are sorted by start). */
function lastPieceStartingAtOrBefore(pieces: readonly TextPiece[], offset: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const piece = pieces[mid];
    if (piece && piece.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** A position in the page: a text node and an offset in its data. */
export interface NodePosition {
  node: Text;
  offset: number;
}

interface IndexedPosition extends NodePosition {
  /** Index of the piece the position is in. */
  index: number;
}

function locateIndexed(pieces: readonly TextPiece[], offset: number, affinity: 'start' | 'end'): IndexedPosition | null {
  if (affinity === 'start') {
    for (let i = Math.max(0, lastPieceStartingAtOrBefore(pieces, offset)); i < pieces.length; i++) {
      const piece = pieces[i];
      if (!piece || piece.end <= offset || piece.node === null) continue;
      const at = Math.max(offset, piece.start);
      return { node: piece.node, offset: piece.nodeOffset + (at - piece.start), index: i };
    }
    return null;
  }
  for (let i = lastPieceStartingAtOrBefore(pieces, offset - 1); i >= 0; i--) {
    const piece = pieces[i];
    if (!piece || piece.start >= offset || piece.node === null) continue;
    const at = Math.min(offset, piece.end);
    return { node: piece.node, offset: piece.nodeOffset + (at - piece.start), index: i };
  }
  return null;
}

/**
 * Maps an article offset to a text-node position by binary search. `start`
 * affinity gives the position of the character at `offset` (moving forward
 * past synthetic text); `end` gives the position just after the character
 * before `offset` (moving backward). Null when no real text is there.
 */
export function locate(dom: PieceIndex, offset: number, affinity: 'start' | 'end'): NodePosition | null {
  const found = locateIndexed(dom.pieces, offset, affinity);
  return found ? { node: found.node, offset: found.offset } : null;
}

/** DOM range boundaries for an article span, as `Range.setStart/setEnd` want them. */
export interface RangeBounds {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * The DOM boundaries of the article span [start, end), skipping synthetic
 * pieces at its edges; null when the span holds no real text. Used by the
 * in-page painter to build highlight ranges.
 */
export function rangeBounds(dom: PieceIndex, start: number, end: number): RangeBounds | null {
  if (end <= start) return null;
  const from = locateIndexed(dom.pieces, start, 'start');
  const to = locateIndexed(dom.pieces, end, 'end');
  if (!from || !to) return null;
  if (from.index > to.index || (from.index === to.index && from.offset >= to.offset)) return null;
  return { startNode: from.node, startOffset: from.offset, endNode: to.node, endOffset: to.offset };
}

/**
 * The article's text between `start` and `end`, read back from the page's
 * text nodes (and the synthetic pieces' own text): what `ArticleText.text`
 * held there, while the nodes are unchanged. The page does not keep the text
 * once the engine has it (see `HeldArticle`); cards and the popup read an
 * annotation's few words back this way.
 */
export function textBetween(dom: PieceIndex, start: number, end: number): string {
  const { pieces } = dom;
  let out = '';
  for (let i = Math.max(0, lastPieceStartingAtOrBefore(pieces, start)); i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.start >= end) break;
    if (piece.end <= start) continue;
    const from = Math.max(start, piece.start) - piece.start;
    const to = Math.min(end, piece.end) - piece.start;
    out += piece.node ? piece.node.data.slice(piece.nodeOffset + from, piece.nodeOffset + to) : (piece.text ?? '').slice(from, to);
  }
  return out;
}
