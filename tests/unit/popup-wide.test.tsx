// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Popup, WIDE_LAYOUT_QUERY, type PopupDeps } from '../../components/popup/Popup';
import type { PageStatus } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings/types';
import { TEST_ANNOTATIONS, TEST_PACK } from './ui-fixtures';

const ARTICLE_URL = 'https://news.example/story';
const READY: PageStatus = { state: 'ready', annotations: TEST_ANNOTATIONS, url: ARTICLE_URL, title: 'Trade talks resume' };

/** A media query list whose answer the test changes, as a window resize would. */
class FakeQuery {
  readonly media = WIDE_LAYOUT_QUERY;
  private readonly listeners = new Set<() => void>();
  constructor(public matches: boolean) {}
  addEventListener(_type: 'change', listener: () => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'change', listener: () => void): void {
    this.listeners.delete(listener);
  }
  resize(matches: boolean): void {
    this.matches = matches;
    for (const listener of this.listeners) listener();
  }
}

function deps(query: FakeQuery | null): PopupDeps {
  return {
    getTargetTab: async () => ({ id: 3, url: ARTICLE_URL }),
    send: async (_tab, request) => (request.type === 'gloss:get-status' ? READY : undefined),
    loadPacks: async () => [TEST_PACK],
    loadSettings: async () => ({ settings: structuredClone(DEFAULT_SETTINGS), notice: null }),
    updateSettings: async (change) => change(structuredClone(DEFAULT_SETTINGS)),
    dismissNotice: async () => undefined,
    copyText: async () => undefined,
    download: vi.fn(),
    openOptions: vi.fn(),
    reloadTab: vi.fn(),
    now: () => '2026-12-01T10:00:00.000Z',
    ...(query ? { wideLayout: () => query as unknown as MediaQueryList } : {}),
  };
}

async function mount(d: PopupDeps): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<Popup deps={d} />, root));
  for (let i = 0; i < 6; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('popup layout', () => {
  it('is wide only where the page is wide: both panels side by side, no tabs', async () => {
    const root = await mount(deps(new FakeQuery(true)));
    expect(root.querySelector('[role="tablist"]')).toBeNull();
    const columns = [...root.querySelectorAll('.gloss-column')];
    expect(columns.map((c) => c.querySelector('h2')?.textContent)).toEqual(['This page', 'Context']);
    expect(columns[0]!.querySelector('[data-kind="officials"]')?.textContent).toContain('Lee Min-seo');
    expect(columns[1]!.querySelector('.gloss-timeline [aria-current="date"]')).not.toBeNull();
    expect(columns[1]!.querySelector('.gloss-chart')).not.toBeNull();
    expect(root.querySelector('[hidden]')).toBeNull();
  });

  it('keeps the tabs in the toolbar popup (no query, or one that does not match)', async () => {
    for (const query of [null, new FakeQuery(false)]) {
      const root = await mount(deps(query));
      expect(root.querySelectorAll('[role="tab"]')).toHaveLength(2);
      expect(root.querySelector('.gloss-column')).toBeNull();
      expect(root.querySelector('#panel-context')?.hasAttribute('hidden')).toBe(true);
      document.body.replaceChildren();
    }
  });

  it('follows the window: widening swaps the tabs for columns, narrowing brings them back', async () => {
    const query = new FakeQuery(false);
    const root = await mount(deps(query));
    expect(root.querySelector('[role="tablist"]')).not.toBeNull();
    await act(() => query.resize(true));
    expect(root.querySelector('[role="tablist"]')).toBeNull();
    expect(root.querySelectorAll('.gloss-column')).toHaveLength(2);
    await act(() => query.resize(false));
    expect(root.querySelector('[role="tablist"]')).not.toBeNull();
  });
});
