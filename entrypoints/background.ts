/**
 * The background service worker: badge counts, the "Explain with Gloss" menu
 * item and keyboard commands. The logic lives in `lib/background/`; this file
 * only hands it the browser.
 */
import { browser } from 'wxt/browser';
import { setupBackground } from '../lib/background/setup';

export default defineBackground(() => {
  setupBackground({
    runtimeId: browser.runtime.id,
    action: browser.action,
    tabs: browser.tabs,
    runtime: browser.runtime,
    contextMenus: browser.contextMenus,
    commands: browser.commands,
  });
});
