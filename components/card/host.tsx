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
  /** Moves the card focus inside it (keyboard users). */
  focus(): void;
  /** Removes the UI and its listeners. */
  destroy(): void;
}

/** Callbacks from the card UI to the controller. */
export interface CardHostEvents {
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onClose: () => void;
}

/**
 * Renders the card layer into `container` (inside Gloss's shadow root) and keeps
 * it next to its anchor: scroll (capture phase, so scrolling containers count
 * too) and resize re-measure once per frame.
 */
export function createCardHost(container: HTMLElement, packs: readonly KnowledgePack[], events: CardHostEvents): CardHost {
  const view = container.ownerDocument.defaultView ?? window;
  let state: CardLayerState = { model: null, anchor: null, tick: 0 };
  let frame: number | null = null;
  const draw = () =>
    render(
      <CardLayer state={state} packs={packs} onClose={events.onClose} onPointerEnter={events.onPointerEnter} onPointerLeave={events.onPointerLeave} />,
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
      state = { model: null, anchor: null, tick: state.tick + 1 };
      draw();
    },
    get isOpen() {
      return state.model !== null;
    },
    get model() {
      return state.model;
    },
    focus() {
      container.querySelector<HTMLElement>('.gloss-close')?.focus();
    },
    destroy() {
      view.removeEventListener('scroll', onMove, { capture: true });
      view.removeEventListener('resize', onMove);
      if (frame !== null) view.cancelAnimationFrame(frame);
      render(null, container);
    },
  };
}
