import { render } from 'preact';
import type { KnowledgePack } from '../../lib/packs/types';
import { CardLayer, type CardLayerState } from './CardLayer';
import type { CardModel } from './model';

/** The controller's handle on the card UI (a shadow root in the page, or a plain element in tests). */
export interface CardHost {
  /** Opens (or replaces) the card, placed next to the box `anchor` returns. */
  show(model: CardModel, anchor: () => DOMRectReadOnly | null): void;
  hide(): void;
  readonly isOpen: boolean;
  readonly model: CardModel | null;
  /**
   * Moves focus into the open card (keyboard users): the card itself, so a
   * screen reader reads it and Tab reaches its close button and links. Where
   * focus was is remembered, and `hide()` puts it back if focus was still in
   * the card. Hover never calls this: pointing must not move focus.
   */
  focus(): void;
  /** Removes the UI and its listeners. */
  destroy(): void;
}

/** Callbacks from the card UI to the controller. */
export interface CardHostEvents {
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onClose: () => void;
  /** Alt+Shift+N / Alt+Shift+P pressed inside the card (those keys never reach the page from there). */
  onNavigate?: (step: 1 | -1) => void;
}

/** True for an element that can be given focus back (an HTML or SVG element still in the page). */
function canRefocus(el: Element | null): el is HTMLElement {
  return !!el && el.isConnected && typeof (el as HTMLElement).focus === 'function';
}

/**
 * Renders the card layer into `container` (inside Gloss's shadow root) and keeps
 * it next to its anchor: scroll (capture phase, so scrolling containers count
 * too) and resize re-measure once per frame.
 */
export function createCardHost(container: HTMLElement, packs: readonly KnowledgePack[], events: CardHostEvents): CardHost {
  const doc = container.ownerDocument;
  const view = doc.defaultView ?? window;
  const root = container.getRootNode() as Document | ShadowRoot;
  let state: CardLayerState = { model: null, anchor: null, tick: 0 };
  let frame: number | null = null;
  /** Where focus was before `focus()` moved it into the card. */
  let returnFocus: HTMLElement | null = null;
  const focusInCard = (): boolean => {
    const active = root.activeElement;
    return !!active && container.contains(active);
  };
  const draw = () =>
    render(
      <CardLayer state={state} packs={packs} onClose={events.onClose} onPointerEnter={events.onPointerEnter}
        onPointerLeave={events.onPointerLeave} onNavigate={events.onNavigate} />,
      container,
    );
  const onMove = () => {
    if (!state.model || frame !== null) return;
    frame = view.requestAnimationFrame(() => {
      frame = null;
      state = { ...state, tick: state.tick + 1 };
      draw();
    });
  };
  view.addEventListener('scroll', onMove, { capture: true, passive: true });
  view.addEventListener('resize', onMove, { passive: true });
  draw();
  return {
    show(model, anchor) {
      state = { model, anchor, tick: state.tick + 1 };
      draw();
    },
    hide() {
      if (!state.model) return;
      const hadFocus = focusInCard();
      state = { model: null, anchor: null, tick: state.tick + 1 };
      draw();
      if (hadFocus && canRefocus(returnFocus)) returnFocus.focus({ preventScroll: true });
      returnFocus = null;
    },
    get isOpen() {
      return state.model !== null;
    },
    get model() {
      return state.model;
    },
    focus() {
      const card = container.querySelector<HTMLElement>('.gloss-card');
      if (!card) return;
      if (!focusInCard()) {
        // The page's focused element; the page's body (nothing focused) is not worth returning to.
        const active = doc.activeElement;
        returnFocus = active !== doc.body && active !== null && !active.contains(container) && canRefocus(active) ? active : null;
      }
      card.focus({ preventScroll: true });
    },
    destroy() {
      view.removeEventListener('scroll', onMove, { capture: true });
      view.removeEventListener('resize', onMove);
      if (frame !== null) view.cancelAnimationFrame(frame);
      render(null, container);
    },
  };
}
