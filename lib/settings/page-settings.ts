/**
 * The content script's read of the settings: one `storage.local.get` and the
 * pure interpretation shared with `store.ts`, without WXT's storage layer
 * (about 12 KB of code that every page would otherwise load and evaluate).
 *
 * Read-only on purpose: repairing a corrupt value and leaving the "settings
 * were repaired" notice is done by the extension's own pages (popup, options),
 * which read through `store.ts`; a page can use the repaired value meanwhile.
 */
import { browser } from 'wxt/browser';
import type { Settings } from './types';
import { interpretStored } from './interpret';

/** The storage.local key behind store.ts's `local:settings`. */
const SETTINGS_STORAGE_KEY = 'settings';

/** The current settings as the content script needs them (defaults when none or unreadable). */
export async function readPageSettings(): Promise<Settings> {
  let raw: unknown;
  try {
    raw = (await browser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY];
  } catch {
    raw = undefined;
  }
  return interpretStored(raw).settings;
}
