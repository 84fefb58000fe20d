/**
 * The content script: a thin shell around `GlossController`, which does the
 * work. It wires the real dependencies (extractor, engine, packs, settings, a
 * WXT shadow root for cards), answers messages from Gloss's own contexts only,
 * and hands teardown to WXT's context so a reloaded extension leaves no trace.
 */
import './style.css';
import cardCss from '../../components/card/card.css?inline';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { browser } from 'wxt/browser';
import { GlossController } from '../../lib/dom/controller';
import { extractInSlices } from '../../lib/dom/extract';
import { SLICE_BUDGET_MS, awaitOffMain, beginWork, endWork, yieldToMain } from '../../lib/dom/scheduler';
import { RemoteAnnotator } from '../../lib/remote/annotate-client';
import type { PortLike } from '../../lib/remote/port';
import { readPageSettings } from '../../lib/settings/page-settings';
import { createCardHost } from '../../components/card/host';
import { isFromExtension, type BackgroundRequest, type ContentRequest } from '../../lib/messages';

const REQUEST_TYPES = new Set<ContentRequest['type']>([
  'gloss:get-status',
  'gloss:get-state',
  'gloss:reveal',
  'gloss:set-enabled',
  'gloss:navigate',
  'gloss:explain-selection',
  'gloss:settings-changed',
]);

function isContentRequest(msg: unknown): msg is ContentRequest {
  return typeof msg === 'object' && msg !== null && REQUEST_TYPES.has((msg as { type?: unknown }).type as ContentRequest['type']);
}

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // style.css holds only ::highlight()/gloss-mark rules and must reach the page; the card CSS goes into the shadow root.
  cssInjectionMode: 'manifest',
  async main(ctx) {
    // Where Gloss's work on this page starts, for DevTools and the browser benchmark.
    performance.mark('gloss:start');
    // Everything else starts in a task of its own: the browser runs `main` inside the task that
    // injects and evaluates this script (15–41 ms on the test machine, now and then more), and setting
    // Gloss up there (2–5 ms) only made that one task longer.
    await yieldToMain();
    if (ctx.isInvalid) return;
    // The engine and the packs live in the background (lib/remote/protocol.ts says why).
    // A long article's text goes in pieces, one per task, each counted as Gloss's work: Chrome
    // serialises a message in the task that posts it (17–45 ms for 1.4 M characters at once).
    const remote = new RemoteAnnotator(
      (info) => browser.runtime.connect(info) as PortLike,
      async (postNext) => {
        for (let more = true; more; ) {
          await yieldToMain();
          beginWork();
          more = postNext();
          endWork();
        }
      },
    );
    const controller = new GlossController({
      doc: document,
      // Sliced like the engine: a very long page is read a few milliseconds at a time.
      extract: (doc, url, signal) => extractInSlices(doc, url, { budgetMs: SLICE_BUDGET_MS, yield: yieldToMain, signal }),
      // In the background: the page's main thread only receives the results, a part per task.
      // The annotations come without their text; they read it back from the page when made.
      annotate: (article, _packs, signal, textOf) => awaitOffMain(remote.annotate(article, signal, textOf)),
      get packs() {
        return remote.packs;
      },
      loadSettings: readPageSettings,
      createCardHost,
      // The packs come with the first card (lib/remote/protocol.ts says why): ask while the hover delay runs.
      prefetchCards: () => void remote.ensurePacks(),
      mountCards: async () => {
        // The cards read the packs; a page never annotated (on-demand mode, a look-up) fetches them first.
        await remote.ensurePacks();
        const ui = await createShadowRootUi(ctx, {
          name: 'gloss-card-host',
          position: 'inline',
          anchor: () => document.documentElement,
          append: 'last',
          css: cardCss,
          isolateEvents: ['keydown', 'keyup', 'keypress'],
          onMount: (container) => container,
        });
        ui.mount();
        return { container: ui.uiContainer, hostElement: ui.shadowHost, remove: () => ui.remove() };
      },
      sendCount: (count) => {
        const msg: BackgroundRequest = { type: 'gloss:count', count };
        browser.runtime.sendMessage(msg).catch(() => undefined);
      },
    });

    const onMessage = (msg: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
      if (!isFromExtension(sender, browser.runtime.id) || !isContentRequest(msg)) return undefined;
      return controller.handle(msg);
    };
    browser.runtime.onMessage.addListener(onMessage);

    const lifetime = new AbortController();
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      lifetime.abort();
    });
    await controller.start(lifetime.signal);
  },
});
