import { describe, expect, it } from 'vitest';
import type { ContentRequest } from '../../lib/messages';
import type { BackgroundApi, BackgroundSender, MenuClickInfo, TabLike } from '../../lib/background/api';
import { badgeText } from '../../lib/background/badge';
import { handleBackgroundMessage } from '../../lib/background/messages';
import { EXPLAIN_MENU_ID, MAX_SELECTION } from '../../lib/background/menu';
import { setupBackground } from '../../lib/background/setup';

const OWN_ID = 'gloss-test-id';

/** A recording double of the browser API with a way to fire each event. */
function fakeApi(statusOf: (tabId: number) => unknown = () => ({ state: 'ready' })) {
  const badges = new Map<number, string>();
  const sent: { tabId: number; message: ContentRequest }[] = [];
  const menus: string[] = [];
  const listeners = {
    message: [] as ((m: unknown, s: BackgroundSender) => void)[],
    updated: [] as ((id: number, info: { status?: string }) => void)[],
    installed: [] as (() => void)[],
    menu: [] as ((info: MenuClickInfo, tab?: TabLike) => void)[],
    command: [] as ((command: string, tab?: TabLike) => void)[],
  };
  const api: BackgroundApi = {
    runtimeId: OWN_ID,
    action: {
      setBadgeText: ({ tabId, text }) => void badges.set(tabId, text),
      setBadgeBackgroundColor: () => undefined,
    },
    tabs: {
      sendMessage: async (tabId, message) => {
        if (tabId === 99) throw new Error('Could not establish connection. Receiving end does not exist.');
        sent.push({ tabId, message });
        return message.type === 'gloss:get-status' || message.type === 'gloss:get-state' ? statusOf(tabId) : undefined;
      },
      query: async () => [{ id: 7 }],
      onUpdated: { addListener: (l) => void listeners.updated.push(l) },
    },
    runtime: {
      onMessage: { addListener: (l) => void listeners.message.push(l) },
      onInstalled: { addListener: (l) => void listeners.installed.push(l) },
    },
    contextMenus: {
      create: ({ id, title }) => void menus.push(`${id}:${title}`),
      removeAll: () => void menus.splice(0),
      onClicked: { addListener: (l) => void listeners.menu.push(l) },
    },
    commands: { onCommand: { addListener: (l) => void listeners.command.push(l) } },
  };
  setupBackground(api);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { api, badges, sent, menus, listeners, settle };
}

describe('badge', () => {
  it('shows the count, nothing for zero, and caps large counts', () => {
    expect([0, 1, 42, 1000, -3, Number.NaN].map(badgeText)).toEqual(['', '1', '42', '999+', '', '']);
  });

  it('sets the count for the sending tab and clears it when the tab navigates', async () => {
    const f = fakeApi();
    f.listeners.message[0]!({ type: 'gloss:count', count: 12 }, { id: OWN_ID, tab: { id: 3 } });
    await f.settle();
    expect(f.badges.get(3)).toBe('12');
    f.listeners.updated[0]!(3, { status: 'complete' });
    await f.settle();
    expect(f.badges.get(3)).toBe('12');
    f.listeners.updated[0]!(3, { status: 'loading' });
    await f.settle();
    expect(f.badges.get(3)).toBe('');
  });

  it('ignores messages from anywhere but the extension itself, and malformed ones', async () => {
    const f = fakeApi();
    expect(await handleBackgroundMessage(f.api, { type: 'gloss:count', count: 5 }, { id: 'other-extension', tab: { id: 1 } })).toBe(false);
    expect(await handleBackgroundMessage(f.api, { type: 'gloss:count', count: 5 }, { tab: { id: 1 } })).toBe(false);
    expect(await handleBackgroundMessage(f.api, { type: 'gloss:count', count: '5' }, { id: OWN_ID, tab: { id: 1 } })).toBe(false);
    expect(await handleBackgroundMessage(f.api, { type: 'gloss:count', count: 2.5 }, { id: OWN_ID, tab: { id: 1 } })).toBe(false);
    expect(await handleBackgroundMessage(f.api, { type: 'gloss:count', count: 5 }, { id: OWN_ID })).toBe(false);
    expect(await handleBackgroundMessage(f.api, { type: 'gloss:nope' }, { id: OWN_ID, tab: { id: 1 } })).toBe(false);
    expect(f.badges.size).toBe(0);
  });
});

describe('context menu', () => {
  it('is created once on install with a localised title', async () => {
    const f = fakeApi();
    f.listeners.installed[0]!();
    f.listeners.installed[0]!();
    await f.settle();
    expect(f.menus).toEqual([`${EXPLAIN_MENU_ID}:Explain with Gloss`]);
  });

  it('sends the trimmed, capped selection to the clicked tab', async () => {
    const f = fakeApi();
    f.listeners.menu[0]!({ menuItemId: EXPLAIN_MENU_ID, selectionText: '  Lee Min-seo ' }, { id: 4 });
    f.listeners.menu[0]!({ menuItemId: EXPLAIN_MENU_ID, selectionText: 'x'.repeat(2000) }, { id: 4 });
    f.listeners.menu[0]!({ menuItemId: 'someone-else', selectionText: 'ignored' }, { id: 4 });
    f.listeners.menu[0]!({ menuItemId: EXPLAIN_MENU_ID, selectionText: 'no tab' });
    f.listeners.menu[0]!({ menuItemId: EXPLAIN_MENU_ID, selectionText: 'unreachable' }, { id: 99 });
    await f.settle();
    expect(f.sent).toEqual([
      { tabId: 4, message: { type: 'gloss:explain-selection', text: 'Lee Min-seo' } },
      { tabId: 4, message: { type: 'gloss:explain-selection', text: 'x'.repeat(MAX_SELECTION) } },
    ]);
  });
});

describe('keyboard commands', () => {
  it('toggle switches highlights off on an annotated tab and on elsewhere', async () => {
    const states: Record<number, unknown> = { 5: { state: 'ready' }, 6: { state: 'off' } };
    const f = fakeApi((id) => states[id]);
    f.listeners.command[0]!('toggle-highlights', { id: 5 });
    f.listeners.command[0]!('toggle-highlights', { id: 6 });
    await f.settle();
    await f.settle();
    // It asks each tab for its state only, never for the full status with every annotation.
    expect(f.sent.filter((s) => s.message.type.startsWith('gloss:get-')).map((s) => s.message.type)).toEqual(['gloss:get-state', 'gloss:get-state']);
    const toggles = f.sent.filter((s) => s.message.type === 'gloss:set-enabled');
    expect(toggles).toEqual([
      { tabId: 5, message: { type: 'gloss:set-enabled', enabled: false } },
      { tabId: 6, message: { type: 'gloss:set-enabled', enabled: true } },
    ]);
  });

  it('next and previous go to the given tab, or the active one', async () => {
    const f = fakeApi();
    f.listeners.command[0]!('next-annotation', { id: 2 });
    f.listeners.command[0]!('previous-annotation');
    f.listeners.command[0]!('unknown-command', { id: 2 });
    await f.settle();
    await f.settle();
    expect(f.sent).toEqual([
      { tabId: 2, message: { type: 'gloss:navigate', direction: 'next' } },
      { tabId: 7, message: { type: 'gloss:navigate', direction: 'previous' } },
    ]);
  });
});
