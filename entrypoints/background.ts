/**
 * The background service worker: the engine (content scripts send it their
 * article), badge counts, the "Explain with Gloss" menu item and keyboard
 * commands. The logic lives in `lib/background/`; this file only hands it the
 * browser.
 */
import { browser } from 'wxt/browser';
import { setupBackground } from '../lib/background/setup';
import { serveAnnotatePort } from '../lib/background/annotate-service';
import { createPacksCache } from '../lib/background/packs-cache';
import { warmUp } from '../lib/background/warm-up';

export default defineBackground(() => {
  setupBackground({
    runtimeId: browser.runtime.id,
    action: browser.action,
    tabs: browser.tabs,
    runtime: browser.runtime,
    contextMenus: browser.contextMenus,
    commands: browser.commands,
  });
  // The engine runs here, not in the page: content scripts send their article over a port.
  const loadPacks = createPacksCache(browser.storage.onChanged);
  browser.runtime.onConnect.addListener((port) => serveAnnotatePort(port, { runtimeId: browser.runtime.id, loadPacks }));
  // The first article after a restart would otherwise meet a cold engine (lib/background/warm-up.ts says why).
  setTimeout(() => void loadPacks().then(warmUp).catch(() => undefined), 0);
});
