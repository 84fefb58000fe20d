/**
 * The popup's dependencies wired to the real browser: which tab, messaging,
 * packs, settings, clipboard and downloads.
 */
import { browser } from 'wxt/browser';
import { WIDE_LAYOUT_QUERY, type PopupDeps, type TargetTab } from '../../components/popup/Popup';
import { bundledPacks } from '../../lib/packs/bundled';
import { listUserPacks } from '../../lib/packs/user-packs';
import { dismissNotice, loadSettings, updateSettings } from '../../lib/settings/store';

/**
 * The tab the popup is about: `?tab=<id>` when given (tests open the popup in a
 * tab of its own), else the active tab of the current window.
 */
async function getTargetTab(): Promise<TargetTab | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) {
    const id = Number(param);
    try {
      const tab = await browser.tabs.get(id);
      return tab.url === undefined ? { id } : { id, url: tab.url };
    } catch {
      return { id };
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return tab.url === undefined ? { id: tab.id } : { id: tab.id, url: tab.url };
}

/** Saves text as a file through a temporary object URL (no `downloads` permission needed). */
function download(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The production dependencies of the popup. */
export const browserPopupDeps: PopupDeps = {
  getTargetTab,
  send: (tabId, request) => browser.tabs.sendMessage(tabId, request),
  loadPacks: async () => [...bundledPacks, ...(await listUserPacks()).packs],
  loadSettings,
  updateSettings,
  dismissNotice,
  copyText: (text) => navigator.clipboard.writeText(text),
  download,
  openOptions: () => void browser.runtime.openOptionsPage(),
  reloadTab: (tabId) => {
    void browser.tabs.reload(tabId);
    window.close();
  },
  now: () => new Date().toISOString(),
  // The toolbar popup is 400 px wide and keeps its tabs; opened in a tab, the page is wide enough for both panels.
  wideLayout: () => (typeof matchMedia === 'function' ? matchMedia(WIDE_LAYOUT_QUERY) : null),
};
