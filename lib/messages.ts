/**
 * Every message that crosses between Gloss's contexts (popup, options,
 * background, content script), typed in one place. Pages can never send these:
 * receivers check `sender.id === browser.runtime.id` (see `isFromExtension`).
 */
import type { Annotations } from './types';

/** What the content script reports about its tab. */
export type PageStatus =
  | { state: 'loading' }
  | { state: 'no-article' }
  | { state: 'disabled-site' }
  | { state: 'off' }
  | { state: 'ready'; annotations: Annotations; url: string; title: string | null };

/** Requests to the content script of a tab. */
export type ContentRequest =
  | { type: 'gloss:get-status' }
  /**
   * Only the state (`{ state }`), for the toggle command: the full status
   * carries every annotation, tens of thousands on a very long article.
   */
  | { type: 'gloss:get-state' }
  /** Scroll to an annotation and flash it. `kind` + `index` index into the Annotations lists. */
  | { type: 'gloss:reveal'; kind: 'officials' | 'figures' | 'claims'; index: number }
  | { type: 'gloss:set-enabled'; enabled: boolean }
  | { type: 'gloss:navigate'; direction: 'next' | 'previous' }
  /** Show a card for a looked-up selection (context menu "Explain with Gloss"). */
  | { type: 'gloss:explain-selection'; text: string }
  /** Settings changed: re-read them and repaint. */
  | { type: 'gloss:settings-changed' };

/** Requests to the background. */
export type BackgroundRequest =
  /** The content script reports how many annotations its tab has (for the badge). */
  { type: 'gloss:count'; count: number };

/** Names of the CSS Custom Highlight API registrations, one per style. */
export const HIGHLIGHT_NAMES = {
  official: 'gloss-official',
  figure: 'gloss-figure',
  figureDiffers: 'gloss-figure-differs',
  claim: 'gloss-claim',
  flash: 'gloss-flash',
} as const;

/** Minimal sender shape (webextension-polyfill's Runtime.MessageSender). */
export interface SenderLike {
  id?: string;
}

/** True when a message comes from this extension's own contexts, never from a page. */
export function isFromExtension(sender: SenderLike, ownId: string): boolean {
  return sender.id === ownId;
}
