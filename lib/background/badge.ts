/**
 * The toolbar badge: how many annotations Gloss made on the tab. Set when the
 * tab's content script reports a count, cleared when the tab navigates.
 */
import type { BackgroundApi } from './api';

/** Badge colour: Gloss's ink, dark enough for white text at the badge's tiny size. */
export const BADGE_COLOUR = '#3d2fb3';

/** The badge text for a count: nothing for zero, capped so it fits. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 999 ? '999+' : String(Math.floor(count));
}

/** Shows `count` on the tab's badge. */
export async function showCount(api: BackgroundApi, tabId: number, count: number): Promise<void> {
  const text = badgeText(count);
  await api.action.setBadgeText({ tabId, text });
  if (text) await api.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
}

/** Clears the tab's badge (it navigated; the old count no longer applies). */
export async function clearCount(api: BackgroundApi, tabId: number): Promise<void> {
  await api.action.setBadgeText({ tabId, text: '' });
}
