/**
 * Launches Debian's Chromium with the built Gloss extension loaded unpacked,
 * through Playwright (playwright-core, no downloaded browsers). Used by the
 * Chromium browser test and by `npm run demo`.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, requireBrowser } from './browsers';
import { CHROME_BUILD, requireBuild } from './paths';
import type { ContentRequest, PageStatus } from '../../../lib/messages';

/** A running Chromium with Gloss, and how to reach the extension. */
export interface ChromiumWithGloss {
  context: BrowserContext;
  /** The extension's id, from its service worker URL. */
  extensionId: string;
  /** Gloss's background service worker: evaluate `chrome.*` calls here. */
  background: Worker;
  /** Closes the browser and removes its throwaway profile. */
  close(): Promise<void>;
}

/** Options for `launchChromiumWithGloss`. */
export interface ChromiumLaunchOptions {
  /** Default true. Chromium's (new) headless mode runs extensions. */
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
}

/** The minimal `chrome.tabs` surface evaluated in the service worker. */
interface ChromeTabsGlobal {
  chrome: {
    tabs: {
      query(q: object): Promise<{ id?: number; url?: string }[]>;
      sendMessage(tabId: number, message: ContentRequest): Promise<unknown>;
    };
  };
}

/** Starts Chromium with a fresh profile and waits for Gloss's service worker. */
export async function launchChromiumWithGloss(options: ChromiumLaunchOptions = {}): Promise<ChromiumWithGloss> {
  const executablePath = requireBrowser(CHROMIUM);
  const extension = requireBuild(CHROME_BUILD);
  const profile = await mkdtemp(join(tmpdir(), 'gloss-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      // Root in CI containers cannot use the sandbox.
      '--no-sandbox',
      '--disable-gpu',
      // Nothing in a test may reach the network.
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const background =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 15_000,
      }));
    const extensionId = new URL(background.url()).host;
    return {
      context,
      extensionId,
      background,
      close: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    throw new Error(`Gloss's service worker did not start in Chromium: ${String(error)}`, { cause: error });
  }
}

/**
 * The tab id Chromium gave `page`. Gloss has no `tabs` permission, so the
 * extension cannot see tab URLs; instead the page is brought to the front and
 * the active tab of the focused window is asked for, as the popup would see it.
 */
export async function tabIdOf(background: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const active = await background.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeTabsGlobal;
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => t.id ?? -1);
  });
  const [id] = active;
  if (active.length !== 1 || id === undefined || id < 0) {
    throw new Error(`Expected one active tab, got ${JSON.stringify(active)}`);
  }
  return id;
}

/** Asks the content script of a tab for its status, exactly as the popup does. */
export async function statusOfTab(background: Worker, tabId: number): Promise<PageStatus | { error: string }> {
  return background.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as ChromeTabsGlobal;
    try {
      return (await chrome.tabs.sendMessage(id, { type: 'gloss:get-status' })) as PageStatus;
    } catch (error) {
      return { error: String(error) };
    }
  }, tabId);
}

/** The popup's URL for a given tab (the popup reads `?tab=` so tests can pick the tab). */
export function popupUrl(extensionId: string, tabId: number): string {
  return `chrome-extension://${extensionId}/popup.html?tab=${tabId}`;
}
