/**
 * Pointer position → the painted annotation under it.
 *
 * Uses `CSS.highlights.highlightsFromPoint` where the browser has it (exact,
 * respects layout), else the caret position under the pointer
 * (`caretPositionFromPoint` / `caretRangeFromPoint`) looked up in an index of
 * ranges by text node, confirmed against the range's boxes. In the
 * `<gloss-mark>` fallback the element under the pointer says it directly.
 */
import type { Highlighter, PaintItem } from './highlighter';
import { MARK_TAG } from './highlighter';
import { toLiveRange } from './range-map';

interface HighlightHit {
  ranges: AbstractRange[];
}
interface RegistryWithHitTest {
  highlightsFromPoint?: (x: number, y: number) => HighlightHit[];
}
interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** Smaller ranges (a name, a figure) win over the claim sentence around them. */
function rank(item: PaintItem): number {
  return item.kind === 'claim' ? 1 : 0;
}

function pickBest(items: readonly PaintItem[]): PaintItem | null {
  let best: PaintItem | null = null;
  for (const it of items) {
    if (it.kind === 'flash') continue;
    if (!best || rank(it) < rank(best)) best = it;
  }
  return best;
}

/** Index of painted items for hit testing; rebuild it when the painted set changes. */
export class HitIndex {
  private readonly byRange = new Map<AbstractRange, PaintItem>();
  private readonly byNode = new Map<Node, PaintItem[]>();
  private readonly multiNode: PaintItem[] = [];

  constructor(items: readonly PaintItem[]) {
    for (const it of items) {
      if (it.kind === 'flash') continue;
      this.byRange.set(it.range, it);
      if (it.range.startContainer === it.range.endContainer) {
        let list = this.byNode.get(it.range.startContainer);
        if (!list) this.byNode.set(it.range.startContainer, (list = []));
        list.push(it);
      } else {
        this.multiNode.push(it);
      }
    }
  }

  /** The painted item at viewport point (x, y), or null. */
  at(doc: Document, highlighter: Highlighter, x: number, y: number): PaintItem | null {
    if (highlighter.mode === 'marks') return this.fromMarks(doc, highlighter, x, y);
    const registry = (doc.defaultView as (Window & { CSS?: { highlights?: RegistryWithHitTest } }) | null)?.CSS?.highlights;
    if (registry?.highlightsFromPoint) {
      const found: PaintItem[] = [];
      for (const hit of registry.highlightsFromPoint(x, y)) {
        for (const r of hit.ranges) {
          const it = this.byRange.get(r);
          if (it) found.push(it);
        }
      }
      return pickBest(found);
    }
    return this.fromCaret(doc, x, y);
  }

  private fromMarks(doc: Document, highlighter: Highlighter, x: number, y: number): PaintItem | null {
    const mark = doc.elementFromPoint(x, y)?.closest(MARK_TAG);
    if (!mark) return null;
    const items = highlighter.idsOfMark(mark).map((id) => highlighter.get(id)).filter((i): i is PaintItem => !!i);
    return pickBest(items);
  }

  private fromCaret(doc: Document, x: number, y: number): PaintItem | null {
    const cd = doc as Document & CaretDocument;
    let node: Node | null = null;
    let offset = 0;
    if (cd.caretPositionFromPoint) {
      const p = cd.caretPositionFromPoint(x, y);
      if (p) ({ offsetNode: node, offset } = p);
    } else if (cd.caretRangeFromPoint) {
      const r = cd.caretRangeFromPoint(x, y);
      if (r) ({ startContainer: node, startOffset: offset } = r);
    }
    if (!node) return null;
    const candidates: PaintItem[] = [];
    for (const it of this.byNode.get(node) ?? []) {
      if (offset >= it.range.startOffset && offset <= it.range.endOffset) candidates.push(it);
    }
    for (const it of this.multiNode) {
      const live = toLiveRange(it.range);
      if (live && live.isPointInRange(node, offset)) candidates.push(it);
    }
    // The caret snaps to the nearest character; keep only ranges whose boxes hold the point.
    const inside = candidates.filter((it) => {
      const live = toLiveRange(it.range);
      if (!live) return false;
      for (const rect of live.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
      }
      return false;
    });
    return pickBest(inside);
  }
}
