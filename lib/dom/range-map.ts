/**
 * Engine offsets (into `ArticleText.text`) → DOM ranges, through the extractor's
 * text index (`ArticleDom.pieces`, sorted by `start`; `rangeBounds` finds each
 * offset by binary search), so mapping every annotation costs O(n log p).
 * Adds what painting needs on top: no range may point at a detached node.
 */
import type { PieceIndex } from './types';
import { rangeBounds } from './extract';

/** Where a range starts and ends in the page's text nodes. */
export interface DomBounds {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * The text-node bounds of the article span `[start, end)`, or null when the span
 * is empty, maps to no real text, or a node has since left the document (a range
 * must never point at a detached node).
 */
export function boundsFor(dom: PieceIndex, start: number, end: number): DomBounds | null {
  const b = rangeBounds(dom, start, end);
  if (!b) return null;
  if (!b.startNode.isConnected || !b.endNode.isConnected) return null;
  if (b.startOffset > b.startNode.data.length || b.endOffset > b.endNode.data.length) return null;
  return b;
}

/**
 * A `StaticRange` for the span: static ranges cost nothing when the page mutates
 * (live ranges are updated on every edit), and the page watcher re-maps after
 * text changes anyway. Falls back to a live `Range` where `StaticRange` is missing.
 */
export function staticRangeFor(dom: PieceIndex, start: number, end: number): AbstractRange | null {
  const b = boundsFor(dom, start, end);
  if (!b) return null;
  const doc = b.startNode.ownerDocument;
  const view = doc.defaultView as (Window & { StaticRange?: typeof StaticRange }) | null;
  if (view?.StaticRange) {
    return new view.StaticRange({
      startContainer: b.startNode,
      startOffset: b.startOffset,
      endContainer: b.endNode,
      endOffset: b.endOffset,
    });
  }
  return liveRangeFrom(b.startNode, b.startOffset, b.endNode, b.endOffset);
}

/** A live `Range` with the same bounds (for geometry: `getBoundingClientRect`), or null when it is stale. */
export function toLiveRange(range: AbstractRange): Range | null {
  const { startContainer: sc, endContainer: ec } = range;
  if (!sc.isConnected || !ec.isConnected) return null;
  if (range.startOffset > nodeLength(sc) || range.endOffset > nodeLength(ec)) return null;
  return liveRangeFrom(sc, range.startOffset, ec, range.endOffset);
}

/** True when the range's nodes are still in the document and its offsets still fit them. */
export function isRangeValid(range: AbstractRange): boolean {
  const { startContainer: sc, endContainer: ec } = range;
  return sc.isConnected && ec.isConnected && range.startOffset <= nodeLength(sc) && range.endOffset <= nodeLength(ec);
}

function nodeLength(node: Node): number {
  return node.nodeType === 3 || node.nodeType === 8 ? (node as CharacterData).data.length : node.childNodes.length;
}

function liveRangeFrom(sn: Node, so: number, en: Node, eo: number): Range | null {
  try {
    const r = (sn.ownerDocument ?? document).createRange();
    r.setStart(sn, so);
    r.setEnd(en, eo);
    return r;
  } catch {
    return null;
  }
}
