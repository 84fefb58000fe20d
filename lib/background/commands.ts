/**
 * Keyboard commands (declared in `wxt.config.ts`): switch highlights on and
 * off, and move to the next or previous annotation.
 */
import type { PageStatus } from '../messages';
import type { BackgroundApi, TabLike } from './api';

/** Command names, as in the manifest's `commands`. */
export const COMMANDS = {
  toggle: 'toggle-highlights',
  next: 'next-annotation',
  previous: 'previous-annotation',
} as const;

function isPageStatus(value: unknown): value is PageStatus {
  return typeof value === 'object' && value !== null && typeof (value as { state?: unknown }).state === 'string';
}

async function targetTab(api: BackgroundApi, tab?: TabLike): Promise<number | undefined> {
  if (tab?.id !== undefined) return tab.id;
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/**
 * Runs a command on the tab. Toggle asks the tab for its state first: a tab
 * showing highlights switches them off, any other tab is asked to annotate
 * (that is also how "only when asked" mode is asked). Returns what was sent.
 */
export async function handleCommand(api: BackgroundApi, command: string, tab?: TabLike): Promise<string | null> {
  const tabId = await targetTab(api, tab);
  if (tabId === undefined) return null;
  try {
    if (command === COMMANDS.next || command === COMMANDS.previous) {
      await api.tabs.sendMessage(tabId, { type: 'gloss:navigate', direction: command === COMMANDS.next ? 'next' : 'previous' });
      return `navigate:${command === COMMANDS.next ? 'next' : 'previous'}`;
    }
    if (command === COMMANDS.toggle) {
      const status = await api.tabs.sendMessage(tabId, { type: 'gloss:get-state' });
      const enabled = !(isPageStatus(status) && status.state === 'ready');
      await api.tabs.sendMessage(tabId, { type: 'gloss:set-enabled', enabled });
      return `set-enabled:${enabled}`;
    }
  } catch {
    // The tab has no content script (browser page): the command has nothing to act on.
  }
  return null;
}
