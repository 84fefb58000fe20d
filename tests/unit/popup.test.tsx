// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fetchView, isRestrictedUrl, Popup, type PopupDeps } from '../../components/popup/Popup';
import type { ContentRequest, PageStatus } from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/types';
import type { SettingsNotice } from '../../lib/settings/store';
import { TEST_ANNOTATIONS, TEST_PACK } from './ui-fixtures';

const ARTICLE_URL = 'https://news.example/2017/08/23/story';
const READY: PageStatus = { state: 'ready', annotations: TEST_ANNOTATIONS, url: ARTICLE_URL, title: 'Trade talks resume' };

interface Harness {
  deps: PopupDeps;
  sent: ContentRequest[];
  settings: () => Settings;
  copied: string[];
  downloads: { filename: string; text: string }[];
}

function harness(opts: {
  url?: string;
  status?: PageStatus | (() => PageStatus);
  unreachable?: boolean;
  settings?: Settings;
  notice?: SettingsNotice | null;
} = {}): Harness {
  const sent: ContentRequest[] = [];
  let settings = structuredClone(opts.settings ?? DEFAULT_SETTINGS);
  const copied: string[] = [];
  const downloads: { filename: string; text: string }[] = [];
  let notice = opts.notice ?? null;
  const deps: PopupDeps = {
    getTargetTab: async () => ({ id: 11, url: opts.url ?? ARTICLE_URL }),
    send: async (_tabId, request) => {
      if (opts.unreachable) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push(request);
      if (request.type !== 'gloss:get-status') return undefined;
      const s = opts.status ?? READY;
      return typeof s === 'function' ? s() : s;
    },
    loadPacks: async () => [TEST_PACK],
    loadSettings: async () => ({ settings, notice }),
    updateSettings: async (change) => (settings = change(structuredClone(settings))),
    dismissNotice: async () => {
      notice = null;
    },
    copyText: async (text) => void copied.push(text),
    download: (filename, text) => void downloads.push({ filename, text }),
    openOptions: vi.fn(),
    reloadTab: vi.fn(),
    now: () => '2026-12-01T10:00:00.000Z',
  };
  return { deps, sent, settings: () => settings, copied, downloads };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 6; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}

async function mount(h: Harness): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<Popup deps={h.deps} />, root));
  await flush();
  return root;
}

function button(root: HTMLElement, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(text));
  if (!found) throw new Error(`no button "${text}" in: ${root.textContent}`);
  return found;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('popup: this page', () => {
  it('shows counts and the three lists', async () => {
    const root = await mount(harness());
    expect([...root.querySelectorAll('.gloss-stats dd')].map((d) => d.textContent)).toEqual(['1', '2', '1']);
    const official = root.querySelector('[data-kind="officials"]')!.textContent!;
    expect(official).toContain('Lee Min-seo');
    expect(official).toContain('2 mentions');
    expect(official).toContain('Trade Minister');
    expect(official).toContain('KR · Mar 2016 – Jan 2018');
    expect(official).toContain('Written “Lee Min-so”; standard spelling: Lee Min-seo');
    const figure = root.querySelector('[data-kind="figures"]')!.textContent!;
    expect(figure).toContain('$28 billion');
    expect(figure).toContain('matches');
    expect(figure).toContain('official: US deficit $27.7 billion for 2016 (goods, USTR)');
    const claim = root.querySelector('[data-kind="claims"]')!.textContent!;
    expect(claim).toContain('Lee Min-seo');
    expect(claim).toContain('check first');
  });

  it('reveals an item on the page, cycling through the mentions of an official', async () => {
    const h = harness();
    const root = await mount(h);
    const official = root.querySelector<HTMLButtonElement>('[data-kind="officials"]')!;
    await act(() => official.click());
    await act(() => official.click());
    await act(() => official.click());
    await act(() => root.querySelector<HTMLButtonElement>('[data-kind="figures"][data-index="1"]')!.click());
    expect(h.sent.filter((m) => m.type === 'gloss:reveal')).toEqual([
      { type: 'gloss:reveal', kind: 'officials', index: 0 },
      { type: 'gloss:reveal', kind: 'officials', index: 1 },
      { type: 'gloss:reveal', kind: 'officials', index: 0 },
      { type: 'gloss:reveal', kind: 'figures', index: 1 },
    ]);
  });

  it('narrows the lists with the filter box, keeping original indices', async () => {
    const root = await mount(harness());
    const input = root.querySelector<HTMLInputElement>('#gloss-filter-input')!;
    await act(() => {
      input.value = '2016';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const figures = [...root.querySelectorAll('[data-kind="figures"]')];
    expect(figures.map((f) => f.getAttribute('data-index'))).toEqual(['0', '1']);
    await act(() => {
      input.value = 'whole story';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(root.querySelectorAll('[data-kind="figures"]')).toHaveLength(0);
    expect(root.querySelectorAll('[data-kind="officials"]')).toHaveLength(0);
    expect(root.querySelectorAll('[data-kind="claims"]')).toHaveLength(1);
  });

  it('switches a category off in settings and tells the page', async () => {
    const h = harness();
    const root = await mount(h);
    const toggle = root.querySelector<HTMLInputElement>('.is-claims input[role="switch"]')!;
    await act(() => toggle.click());
    await flush();
    expect(h.settings().categories.claims).toBe(false);
    expect(h.sent.some((m) => m.type === 'gloss:settings-changed')).toBe(true);
    expect(root.querySelector('.gloss-section.is-claims')!.textContent).toContain('Switched off');
  });

  it('copies Markdown and downloads JSON with sources', async () => {
    const h = harness();
    const root = await mount(h);
    await act(() => button(root, 'Copy as Markdown').click());
    await flush();
    expect(h.copied[0]).toContain('# Gloss annotations: Trade talks resume');
    expect(h.copied[0]).toContain('1. [USTR: Korea country page]');
    expect(root.textContent).toContain('Copied the annotations and their sources.');
    await act(() => button(root, 'Download JSON').click());
    expect(h.downloads[0]!.filename).toBe('gloss-news.example.json');
    expect(JSON.parse(h.downloads[0]!.text).sources[0].id).toBe('ustr');
  });
});

describe('popup: context', () => {
  it('shows the timeline with the article date, the chart with the overlay, and the facts', async () => {
    const root = await mount(harness());
    const contextTab = root.querySelector<HTMLButtonElement>('#tab-context')!;
    expect(root.querySelector<HTMLElement>('#panel-context')!.hidden).toBe(true);
    await act(() => contextTab.click());
    expect(root.querySelector<HTMLElement>('#panel-context')!.hidden).toBe(false);
    expect(contextTab.getAttribute('aria-selected')).toBe('true');
    const panel = root.querySelector('#panel-context')!;
    expect(panel.querySelector('[aria-current="date"]')!.textContent).toContain('Aug 23, 2017');
    expect(panel.querySelector('.gloss-chart__overlay.is-matches')!.getAttribute('data-year')).toBe('2016');
    expect(panel.querySelectorAll('.gloss-facts li')).toHaveLength(2);
    expect(panel.querySelector('.gloss-facts a')!.getAttribute('href')).toContain('census.gov');
  });

  it('moves between tabs with the arrow keys', async () => {
    const root = await mount(harness());
    const list = root.querySelector('[role="tablist"]')!;
    await act(() => void list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(root.querySelector('#tab-context')!.getAttribute('aria-selected')).toBe('true');
    await act(() => void list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })));
    expect(root.querySelector('#tab-page')!.getAttribute('aria-selected')).toBe('true');
  });

  it('says so when the article has no known topic', async () => {
    const root = await mount(harness({ status: { ...READY, annotations: { ...TEST_ANNOTATIONS, topics: [] } } }));
    await act(() => root.querySelector<HTMLButtonElement>('#tab-context')!.click());
    expect(root.querySelector('#panel-context')!.textContent).toContain('not about a topic Gloss has a knowledge pack for');
  });
});

describe('popup: empty and odd states', () => {
  it('recognises pages no extension may run on', () => {
    expect(['chrome://extensions', 'about:blank', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/en/firefox/', undefined].every(isRestrictedUrl)).toBe(true);
    expect(isRestrictedUrl('https://news.example/a')).toBe(false);
  });

  it('a browser page: says Gloss cannot run there, without asking it', async () => {
    const h = harness({ url: 'chrome://settings' });
    const root = await mount(h);
    expect(root.textContent).toContain("Gloss can't run on this page");
    expect(h.sent).toEqual([]);
  });

  it('a web page with no content script: offers a reload', async () => {
    const h = harness({ unreachable: true });
    const root = await mount(h);
    expect(root.textContent).toContain("Gloss can't read this page yet");
    await act(() => button(root, 'Reload the page').click());
    expect(h.deps.reloadTab).toHaveBeenCalledWith(11);
  });

  it('no article: says so and offers to look anyway', async () => {
    const h = harness({ status: { state: 'no-article' } });
    const root = await mount(h);
    expect(root.textContent).toContain('No article on this page');
    await act(() => button(root, 'Look anyway').click());
    await flush();
    expect(h.sent).toContainEqual({ type: 'gloss:set-enabled', enabled: true });
  });

  it('switched off for the site: a button switches it back on', async () => {
    let state: PageStatus = { state: 'disabled-site' };
    const h = harness({
      status: () => state,
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['example.org', 'news.example'] },
    });
    const root = await mount(h);
    expect(root.textContent).toContain('You told Gloss never to run on news.example.');
    state = READY;
    await act(() => button(root, 'Switch on for news.example').click());
    await flush();
    expect(h.settings().disabledSites).toEqual(['example.org']);
    expect(root.querySelectorAll('.gloss-stats dd')).toHaveLength(3);
  });

  it('only when asked: offers to annotate the page', async () => {
    const h = harness({ status: { state: 'off' } });
    const root = await mount(h);
    await act(() => button(root, 'Annotate this page').click());
    await flush();
    expect(h.sent).toContainEqual({ type: 'gloss:set-enabled', enabled: true });
  });

  it('still loading: asks again shortly and shows the result', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let calls = 0;
    const h = harness({ status: () => (++calls < 3 ? { state: 'loading' } : READY) });
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<Popup deps={h.deps} />, root));
    await act(async () => { await vi.advanceTimersByTimeAsync(0); });
    expect(root.textContent).toContain('Still reading this page');
    expect(root.textContent).toContain('Try again');
    await act(async () => { await vi.advanceTimersByTimeAsync(2000); });
    expect(root.querySelectorAll('.gloss-stats dd')).toHaveLength(3);
  });

  it('shows the settings-repair notice until dismissed', async () => {
    const h = harness({ notice: { kind: 'recovered', fields: ['runMode', 'style.mode'], at: '2026-12-01T00:00:00Z' } });
    const root = await mount(h);
    expect(root.querySelector('.gloss-notice')!.textContent).toContain('These went back to their defaults: runMode, style.mode.');
    await act(() => button(root, 'Dismiss').click());
    await flush();
    expect(root.querySelector('.gloss-notice')).toBeNull();
  });

  it('treats a malformed answer from the tab as no answer', async () => {
    const h = harness();
    h.deps.send = async () => ({ state: 'ready', annotations: 'nonsense' });
    expect((await fetchView(h.deps)).kind).toBe('needs-reload');
  });
});
