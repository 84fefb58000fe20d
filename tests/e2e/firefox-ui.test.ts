/**
 * Gloss's UI in a real Firefox ESR (puppeteer-core over WebDriver BiDi, the
 * built add-on installed as a temporary add-on): hovering a highlight on the
 * seed article opens the right card, the keyboard command moves focus into a
 * card and Escape gives it back, and the options page works, with its settings
 * reaching the content script.
 *
 * Reaching the options page: an add-on's pages live at
 * moz-extension://<uuid>/, where Firefox picks the uuid per profile at install
 * and keeps it in the pref `extensions.webextensions.uuids` (add-on id → uuid).
 * The tools cannot call `browser.runtime.openOptionsPage()` for us (BiDi does
 * not reach add-on contexts), and reading prefs.js races Firefox's lazy save,
 * so the test sets that pref at launch instead: Firefox then uses our uuid.
 * Two more things make it work with puppeteer-core 24 and Firefox ESR 153:
 * - BiDi refuses `browsingContext.navigate` to moz-extension:// ("not allowed
 *   in this context") unless Firefox runs with `--remote-allow-system-access`;
 * - the page then loads (in the add-on's process), but puppeteer never sees
 *   that navigation finish, so `goto` and `reload` would time out: the test
 *   starts the navigation and waits for the page's own content instead.
 * Needs `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { HIGHLIGHT_NAMES } from '../../lib/messages';
import { serveSeedArticle, SEED_PATH, type StaticServer } from '../../scripts/serve';
import { FIREFOX, requireBrowser } from './helpers/browsers';
import { FIREFOX_BUILD, requireBuild } from './helpers/paths';
import { paintedCounts } from './helpers/page-probes';
import { pollUntil } from './helpers/poll';

/** Gloss's gecko id (wxt.config.ts). */
const ADDON_ID = 'gloss@gloss.invalid';

/** In the page: the open card's accessible name and text, or null. */
function openCard(): { label: string | null; text: string } | null {
  const dialog = document.querySelector('gloss-card-host')?.shadowRoot?.querySelector('[role="dialog"]');
  return dialog ? { label: dialog.getAttribute('aria-label'), text: dialog.textContent ?? '' } : null;
}

/** In the page: the painted range of `name` whose text is `text` (or the first), its text and centre, scrolled into view. */
function paintedTarget(name: string, text: string | null): { text: string; x: number; y: number } | null {
  for (const r of CSS.highlights.get(name) ?? []) {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    const said = live.toString();
    if (text !== null && said !== text) continue;
    (r.startContainer.parentElement as HTMLElement | null)?.scrollIntoView({ block: 'center' });
    const box = live.getClientRects()[0];
    if (box) return { text: said, x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }
  return null;
}

/** In the page: the options page's heading once it has rendered, and whether this is a fresh document (no marker). */
function optionsState(): { heading: string; fresh: boolean } {
  return {
    heading: document.querySelector('h1')?.textContent ?? '',
    fresh: !(window as unknown as { __glossTestMarker?: boolean }).__glossTestMarker,
  };
}

/**
 * Loads an add-on page in `page` and waits until it has rendered its heading.
 * The navigation's own promise is left to time out quietly (see the module comment).
 */
async function openAddonPage(page: Page, url: string): Promise<string> {
  page.goto(url, { timeout: 20_000 }).catch(() => undefined);
  const state = await pollUntil(() => page.evaluate(optionsState).catch(() => ({ heading: '', fresh: false })), (s) => s.heading.length > 0);
  return state.heading;
}

/** Reloads an add-on page from inside it and waits for the new document's heading. */
async function reloadAddonPage(page: Page): Promise<string> {
  await page.evaluate(() => {
    (window as unknown as { __glossTestMarker?: boolean }).__glossTestMarker = true;
    location.reload();
  });
  const state = await pollUntil(
    () => page.evaluate(optionsState).catch(() => ({ heading: '', fresh: false })),
    (s) => s.fresh && s.heading.length > 0,
  );
  return state.fresh ? state.heading : '';
}

describe('Gloss UI in Firefox ESR', { timeout: 150_000 }, () => {
  let browser: Browser;
  let server: StaticServer;
  const uuid = randomUUID();
  const errors: string[] = [];

  async function openArticle(): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`article: ${String(e)}`));
    await page.goto(server.url(SEED_PATH), { waitUntil: 'load' });
    return page;
  }

  async function hoverUntilCard(page: Page, name: string, text: string | null): Promise<{ said: string; card: { label: string | null; text: string } | null }> {
    const target = await pollUntil(() => page.evaluate(paintedTarget, name, text), (t) => t !== null);
    assert.ok(target, `${name} painted${text ? ` on "${text}"` : ''}`);
    await page.mouse.move(2, 2);
    await page.mouse.move(target.x, target.y, { steps: 4 });
    const card = await pollUntil(() => page.evaluate(openCard), (c) => c !== null, { timeoutMs: 4000, intervalMs: 50 });
    return { said: target.text, card };
  }

  before(async () => {
    server = await serveSeedArticle();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: requireBrowser(FIREFOX),
      headless: true,
      enableExtensions: true,
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }) },
      // WebDriver BiDi refuses to navigate to moz-extension:// ("not allowed in this context") unless the remote agent
      // may reach privileged pages; this throwaway, loopback-only test browser may.
      args: ['--remote-allow-system-access'],
    });
    assert.equal(await browser.installExtension(requireBuild(FIREFOX_BUILD)), ADDON_ID);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('hovering an official opens its card with the person and their role', async () => {
    const page = await openArticle();
    const { said, card } = await hoverUntilCard(page, HIGHLIGHT_NAMES.official, 'Kim Hyun-chong');
    assert.equal(said, 'Kim Hyun-chong');
    assert.ok(card, 'a card opened');
    assert.equal(card.label, 'Gloss: official');
    assert.match(card.text, /Kim Hyun-chong/);
    assert.match(card.text, /Trade Minister/);
    assert.match(card.text, /at the article's date \(2017-08-23\)/);
    await page.mouse.move(2, 2);
    assert.equal(await pollUntil(() => page.evaluate(openCard), (c) => c === null, { timeoutMs: 3000, intervalMs: 50 }), null, 'the card closes when the pointer leaves');
    await page.close();
  });

  test('hovering "$28 billion" opens the figure card with its check against the official series', async () => {
    const page = await openArticle();
    const { card } = await hoverUntilCard(page, HIGHLIGHT_NAMES.figure, '$28 billion');
    assert.ok(card, 'a card opened');
    assert.equal(card.label, 'Gloss: figure');
    assert.match(card.text, /Matches the official figure/);
    assert.match(card.text, /\$27\.7 billion/);
    assert.match(card.text, /goods/);
    await page.close();
  });

  test('hovering a quotation opens the claim card with its speaker', async () => {
    const page = await openArticle();
    // A quoted claim with no name or figure inside it, so the pointer is over the claim alone.
    const { said, card } = await hoverUntilCard(page, HIGHLIGHT_NAMES.claim, 'We were unable to reach any consensus');
    assert.equal(said, 'We were unable to reach any consensus');
    assert.ok(card, 'a card opened');
    assert.equal(card.label, 'Gloss: claim');
    assert.match(card.text, /Quoted statement/);
    assert.match(card.text, /Kim Hyun-chong/);
    await page.close();
  });

  test('Alt+Shift+N opens a card with focus in it, Escape closes it and gives focus back', async () => {
    const page = await openArticle();
    await pollUntil(() => page.evaluate(paintedTarget, HIGHLIGHT_NAMES.official, null), (t) => t !== null);
    await page.focus('a.logo');
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyN');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    const inCard = () => page.evaluate(() => {
      const host = document.querySelector('gloss-card-host');
      return document.activeElement === host && !!host?.shadowRoot?.activeElement?.closest('.gloss-card');
    });
    assert.equal(await pollUntil(inCard, (v) => v, { timeoutMs: 3000, intervalMs: 50 }), true, 'focus moved into the card');
    await page.keyboard.press('Escape');
    assert.equal(await pollUntil(() => page.evaluate(openCard), (c) => c === null, { timeoutMs: 3000, intervalMs: 50 }), null, 'Escape closed the card');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#home', 'focus is back on the logo link');
    await page.close();
  });

  test('the options page opens at moz-extension://<uuid>/options.html and saves a change that survives a reload', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`options: ${String(e)}`));
    assert.equal(await openAddonPage(page, `moz-extension://${uuid}/options.html`), 'Gloss options');
    const claims = await page.waitForSelector('input[name="category-claims"]', { timeout: 5000 });
    assert.ok(claims, 'the Claims switch is there');
    assert.equal(await claims.evaluate((el) => (el as HTMLInputElement).checked), true);
    await claims.click();
    await page.waitForFunction(() => [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes('Saved.')), { timeout: 5000 });
    assert.equal(await reloadAddonPage(page), 'Gloss options', 'the page reloaded');
    const after = await page.waitForSelector('input[name="category-claims"]', { timeout: 5000 });
    assert.equal(await after!.evaluate((el) => (el as HTMLInputElement).checked), false, 'the change was stored');
    await page.close();
  });

  test('the content script follows the options: with claims off, the article shows no claims', async () => {
    const page = await openArticle();
    const counts = await pollUntil(
      () => page.evaluate(paintedCounts, Object.values(HIGHLIGHT_NAMES)),
      (c) => (c.highlights[HIGHLIGHT_NAMES.official] ?? 0) > 0,
    );
    assert.ok((counts.highlights[HIGHLIGHT_NAMES.official] ?? 0) > 0, 'officials are still painted');
    assert.equal(counts.highlights[HIGHLIGHT_NAMES.claim] ?? 0, 0, `no claims painted: ${JSON.stringify(counts.highlights)}`);
    await page.close();
  });

  test('no script errors on the article or the options page', () => {
    assert.deepEqual(errors, []);
  });
});
