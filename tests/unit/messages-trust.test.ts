// @vitest-environment happy-dom
/**
 * Only Gloss's own contexts can talk to Gloss. The content script (its real
 * entrypoint, on WXT's fake browser) and the background ignore messages whose
 * sender is not this extension, whatever the message says; and the page can
 * read nothing of what Gloss found (no attributes, no globals, no DOM
 * changes on the Highlight API path).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import contentScript from '../../entrypoints/content/index';
import { handleBackgroundMessage } from '../../lib/background/messages';
import type { BackgroundApi } from '../../lib/background/api';
import { isFromExtension } from '../../lib/messages';
import { connectToService } from './port-pair';

const ARTICLE = `<main><article><h1>Harbour levy stays, commissioner says</h1>
<p>Commissioner Mara Okonkwo-Lind told the council on Tuesday that the container levy would stay at 4% for the next two years.</p>
<p>"We will not raise it before the new quay opens," Okonkwo-Lind said, adding that traffic had grown by 12% since 2019 and that the port handled 4.2 million containers last year.</p>
<p>Council members asked for the full accounts, which the port authority promised to publish in March, along with the costs of the new quay.</p>
</article></main>`;

/** Sends a message through the fake browser as `sender` and returns what the listeners answered. */
async function send(message: unknown, sender: { id?: string; url?: string }): Promise<unknown[]> {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return (results as unknown[]).filter((r) => r !== undefined);
}

describe('content script messages', () => {
  let invalidate: (() => void) | null = null;
  beforeAll(async () => {
    class FakeHighlight extends Set<AbstractRange> {
      priority = 0;
    }
    Object.assign(window, { Highlight: FakeHighlight });
    (window as unknown as { CSS: { highlights: Map<string, FakeHighlight> } }).CSS = { highlights: new Map() };
    document.body.replaceChildren(document.createRange().createContextualFragment(ARTICLE));
    // The engine runs in the background: WXT's fake browser has no ports, so connect to the real service in memory.
    fakeBrowser.runtime.connect = connectToService(fakeBrowser.runtime.id) as unknown as typeof fakeBrowser.runtime.connect;
    const ctx = {
      onInvalidated: (cb: () => void) => {
        invalidate = cb;
        return () => undefined;
      },
    };
    await (contentScript as unknown as { main: (c: typeof ctx) => Promise<void> }).main(ctx);
  });
  afterAll(() => invalidate?.());

  it('answers its own extension', async () => {
    const [status] = await send({ type: 'gloss:get-status' }, { id: fakeBrowser.runtime.id });
    expect(status).toMatchObject({ state: 'ready' });
  });

  it.each([
    ['another extension', { id: 'some-other-extension-id' }],
    ['a page (no id)', { url: 'https://evil.example/' }],
    ['an empty sender', {}],
  ])('ignores every request from %s', async (_label, sender) => {
    for (const message of [
      { type: 'gloss:get-status' },
      { type: 'gloss:get-state' },
      { type: 'gloss:set-enabled', enabled: false },
      { type: 'gloss:explain-selection', text: 'Mara Okonkwo-Lind' },
      { type: 'gloss:reveal', kind: 'officials', index: 0 },
      { type: 'gloss:navigate', direction: 'next' },
    ]) {
      expect(await send(message, sender)).toEqual([]);
    }
    // Still on: the foreign set-enabled did nothing.
    const [status] = await send({ type: 'gloss:get-status' }, { id: fakeBrowser.runtime.id });
    expect(status).toMatchObject({ state: 'ready' });
    expect(await send({ type: 'gloss:get-state' }, { id: fakeBrowser.runtime.id })).toEqual([{ state: 'ready' }]);
  });

  it('ignores malformed messages even from itself', async () => {
    for (const message of [null, 'gloss:get-status', 42, { type: 'gloss:unknown' }, { type: ['gloss:get-status'] }, { type: { toString: () => 'gloss:get-status' } }]) {
      expect(await send(message, { id: fakeBrowser.runtime.id })).toEqual([]);
    }
  });

  it('leaves nothing a page could read: no attributes, no globals, no marks', () => {
    const glossAttrs = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => /gloss/i.test(n));
    expect(glossAttrs).toEqual([]);
    expect(Object.getOwnPropertyNames(window).filter((n) => /gloss/i.test(n))).toEqual([]);
    expect(document.querySelectorAll('gloss-mark').length).toBe(0);
    expect(document.body.textContent).toContain('Commissioner Mara Okonkwo-Lind told the council');
  });
});

describe('background messages', () => {
  function api(): { api: BackgroundApi; badges: Map<number, string> } {
    const badges = new Map<number, string>();
    const noop = { addListener: () => undefined };
    return {
      badges,
      api: {
        runtimeId: 'gloss-own-id',
        action: { setBadgeText: ({ tabId, text }) => void badges.set(tabId, text), setBadgeBackgroundColor: () => undefined },
        tabs: { sendMessage: async () => undefined, query: async () => [], onUpdated: noop },
        runtime: { onMessage: noop, onInstalled: noop },
        contextMenus: { create: () => undefined, removeAll: () => undefined, onClicked: noop },
        commands: { onCommand: noop },
      },
    };
  }

  it('acts on its own content script only', async () => {
    const f = api();
    expect(await handleBackgroundMessage(f.api, { type: 'gloss:count', count: 7 }, { id: 'gloss-own-id', tab: { id: 3 } })).toBe(true);
    expect(f.badges.get(3)).toBe('7');
    for (const sender of [{ id: 'other-extension', tab: { id: 3 } }, { tab: { id: 3 } }, {}]) {
      expect(await handleBackgroundMessage(f.api, { type: 'gloss:count', count: 99 }, sender)).toBe(false);
    }
    expect(f.badges.get(3)).toBe('7');
  });

  it('refuses malformed counts from itself', async () => {
    const f = api();
    for (const count of [-1, 1.5, Number.NaN, Infinity, 1e9, '5']) {
      expect(await handleBackgroundMessage(f.api, { type: 'gloss:count', count }, { id: 'gloss-own-id', tab: { id: 1 } })).toBe(false);
    }
    expect(f.badges.size).toBe(0);
  });

  it('isFromExtension compares ids exactly', () => {
    expect(isFromExtension({ id: 'abc' }, 'abc')).toBe(true);
    for (const id of [undefined, '', 'ABC', 'abc ', 'ab']) expect(isFromExtension({ id }, 'abc')).toBe(false);
  });
});
