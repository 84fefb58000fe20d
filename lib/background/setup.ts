/**
 * Wires the background's listeners. Listeners are added synchronously at start,
 * as MV3 service workers require, so events that wake the worker are not lost.
 */
import type { BackgroundApi } from './api';
import { clearCount } from './badge';
import { handleCommand } from './commands';
import { createMenu, handleMenuClick } from './menu';
import { handleBackgroundMessage } from './messages';

/** Adds every background listener to `api`. */
export function setupBackground(api: BackgroundApi): void {
  api.runtime.onMessage.addListener((message, sender) => {
    void handleBackgroundMessage(api, message, sender).catch(() => undefined);
  });
  api.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void Promise.resolve(clearCount(api, tabId)).catch(() => undefined);
  });
  // Menu (re)creation is chained so two install events can never interleave remove and create.
  let menus: Promise<void> = Promise.resolve();
  api.runtime.onInstalled.addListener(() => {
    menus = menus.then(() => createMenu(api)).catch(() => undefined);
  });
  api.contextMenus.onClicked.addListener((info, tab) => {
    void handleMenuClick(api, info, tab);
  });
  api.commands.onCommand.addListener((command, tab) => {
    void handleCommand(api, command, tab);
  });
}
