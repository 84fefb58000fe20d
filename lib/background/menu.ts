/**
 * The "Explain with Gloss" context-menu item on selected text. Clicking it asks
 * the tab's content script to show a card for the selection.
 */
import { t } from '../i18n';
import type { BackgroundApi, MenuClickInfo, TabLike } from './api';

/** The menu item's id. */
export const EXPLAIN_MENU_ID = 'gloss-explain-selection';

/** A selection longer than this is cut: a card explains a name or a figure, not an article. */
export const MAX_SELECTION = 500;

/** Creates the menu item (on install and update; `removeAll` first so it is never duplicated). */
export async function createMenu(api: BackgroundApi): Promise<void> {
  await api.contextMenus.removeAll();
  api.contextMenus.create({ id: EXPLAIN_MENU_ID, title: t('menuExplainSelection'), contexts: ['selection'] });
}

/** Sends the selection to the tab. Returns true when a message was sent. */
export async function handleMenuClick(api: BackgroundApi, info: MenuClickInfo, tab?: TabLike): Promise<boolean> {
  if (info.menuItemId !== EXPLAIN_MENU_ID || tab?.id === undefined) return false;
  const text = (info.selectionText ?? '').trim().slice(0, MAX_SELECTION);
  if (!text) return false;
  try {
    await api.tabs.sendMessage(tab.id, { type: 'gloss:explain-selection', text });
    return true;
  } catch {
    // No content script on that tab (a browser page, or opened before Gloss was installed): nothing to explain into.
    return false;
  }
}
