import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { KnowledgePack } from '../../lib/packs/types';
import { Card } from './Card';
import type { CardModel } from './model';
import { announcement } from './model';
import { keyAction } from '../../lib/dom/keyboard';

/** Where the card goes, in viewport pixels. */
export interface CardPlacement {
  left: number;
  top: number;
  /** True when there was no room below the anchor and the card sits above it. */
  above: boolean;
  /** Set when the card is taller than the room on its side: it is cut to this height and scrolls, so it never covers its anchor. */
  maxHeight?: number;
}

const GAP = 6;
const MARGIN = 8;
/** Below this much room a shortened card would be too small to read: it keeps its height and may cover the anchor. */
const MIN_CARD_HEIGHT = 140;

/**
 * Places a card of `size` next to `anchor` (a range's box) inside a viewport of
 * `view`: below when it fits, else above, else whichever side has more room,
 * shortened to that room (it scrolls) so the highlight stays visible; always
 * clamped on screen horizontally and vertically.
 */
export function placeCard(anchor: DOMRectReadOnly, size: { width: number; height: number }, view: { width: number; height: number }): CardPlacement {
  const below = view.height - anchor.bottom - GAP - MARGIN;
  const aboveRoom = anchor.top - GAP - MARGIN;
  const above = size.height > below && aboveRoom > below;
  const room = Math.floor(above ? aboveRoom : below);
  const maxHeight = size.height > room && room >= MIN_CARD_HEIGHT ? room : undefined;
  const height = maxHeight ?? size.height;
  let top = above ? anchor.top - GAP - height : anchor.bottom + GAP;
  top = Math.max(MARGIN, Math.min(top, view.height - height - MARGIN));
  let left = anchor.left;
  left = Math.max(MARGIN, Math.min(left, view.width - size.width - MARGIN));
  const placement = { left: Math.round(left), top: Math.round(top), above };
  return maxHeight === undefined ? placement : { ...placement, maxHeight };
}

/** What the layer shows: a card with its anchor, or nothing. */
export interface CardLayerState {
  model: CardModel | null;
  /** The anchor's current box; called again on every reposition. */
  anchor: (() => DOMRectReadOnly | null) | null;
  /** Bumped by the host on scroll/resize so the layer re-measures. */
  tick: number;
}

/**
 * The card layer: one positioned card plus a polite live region announcing it.
 * Escape inside the card closes it; Alt+Shift+N / P move to the next card.
 */
export function CardLayer({
  state,
  packs,
  onClose,
  onPointerEnter,
  onPointerLeave,
  onNavigate,
}: {
  state: CardLayerState;
  packs: readonly KnowledgePack[];
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** Alt+Shift+N / Alt+Shift+P pressed while focus is in the card. */
  onNavigate?: (step: 1 | -1) => void;
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
    // Measure the card at its natural height (a previous placement may have shortened it), then apply this one's limit.
    const card = el.querySelector<HTMLElement>('.gloss-card');
    if (card) card.style.maxHeight = '';
    const size = { width: el.offsetWidth, height: el.offsetHeight };
    const next = placeCard(rect, size, { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 });
    if (card && next.maxHeight !== undefined) card.style.maxHeight = `${next.maxHeight}px`;
    setPos(next);
  }, [state.model, state.anchor, state.tick]);
  const onKeyDown = (e: KeyboardEvent): void => {
    // Keys pressed inside the card stop at Gloss's shadow root (the page never sees them), so the card handles its own.
    const action = keyAction(e, true);
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    if (action === 'close') onClose();
    else onNavigate?.(action === 'next' ? 1 : -1);
  };
  const { model } = state;
  return (
    <div class="gloss-layer" lang="en">
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
          onKeyDown={onKeyDown}
        >
          <Card model={model} packs={packs} onClose={onClose} />
        </div>
      ) : null}
    </div>
  );
}
