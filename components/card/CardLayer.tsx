import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { KnowledgePack } from '../../lib/packs/types';
import { Card } from './Card';
import type { CardModel } from './model';
import { announcement } from './model';

/** Where the card goes, in viewport pixels. */
export interface CardPlacement {
  left: number;
  top: number;
  /** True when there was no room below the anchor and the card sits above it. */
  above: boolean;
}

const GAP = 6;
const MARGIN = 8;

/**
 * Places a card of `size` next to `anchor` (a range's box) inside a viewport of
 * `view`: below when it fits, else above, else whichever side has more room;
 * always clamped on screen horizontally and vertically.
 */
export function placeCard(anchor: DOMRectReadOnly, size: { width: number; height: number }, view: { width: number; height: number }): CardPlacement {
  const below = view.height - anchor.bottom - GAP - MARGIN;
  const aboveRoom = anchor.top - GAP - MARGIN;
  const above = size.height > below && aboveRoom > below;
  let top = above ? anchor.top - GAP - size.height : anchor.bottom + GAP;
  top = Math.max(MARGIN, Math.min(top, view.height - size.height - MARGIN));
  let left = anchor.left;
  left = Math.max(MARGIN, Math.min(left, view.width - size.width - MARGIN));
  return { left: Math.round(left), top: Math.round(top), above };
}

/** What the layer shows: a card with its anchor, or nothing. */
export interface CardLayerState {
  model: CardModel | null;
  /** The anchor's current box; called again on every reposition. */
  anchor: (() => DOMRectReadOnly | null) | null;
  /** Bumped by the host on scroll/resize so the layer re-measures. */
  tick: number;
}

/** The card layer: one positioned card plus a polite live region announcing it. */
export function CardLayer({
  state,
  packs,
  onClose,
  onPointerEnter,
  onPointerLeave,
}: {
  state: CardLayerState;
  packs: readonly KnowledgePack[];
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<CardPlacement | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const rect = state.anchor?.() ?? null;
    if (!el || !rect) {
      setPos(null);
      return;
    }
    const view = el.ownerDocument.defaultView;
    const size = { width: el.offsetWidth, height: el.offsetHeight };
    setPos(placeCard(rect, size, { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 }));
  }, [state.model, state.anchor, state.tick]);
  const { model } = state;
  return (
    <div class="gloss-layer">
      <div class="gloss-live" aria-live="polite" role="status">
        {model ? announcement(model) : ''}
      </div>
      {model ? (
        <div
          ref={ref}
          class="gloss-card-frame"
          data-placement={pos?.above ? 'above' : 'below'}
          style={{ position: 'fixed', left: `${pos?.left ?? -9999}px`, top: `${pos?.top ?? 0}px` }}
          onPointerEnter={onPointerEnter}
          onPointerLeave={onPointerLeave}
        >
          <Card model={model} packs={packs} onClose={onClose} />
        </div>
      ) : null}
    </div>
  );
}
