/**
 * The popup in a real Chromium with Gloss built and loaded: opened as a tab
 * (`popup.html?tab=<id>`) for a tab showing the seed article served from
 * 127.0.0.1. Checks the lists, the timeline and chart, jump-to-mention, the
 * badge, the empty states, accessibility (axe-core) and the Korean UI.
 * Needs `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startStaticServer, SEED_FILE, SEED_PATH, type StaticServer } from '../../scripts/serve';
import { launchChromiumWithGloss, popupUrl, statusOfTab, tabIdOf, type ChromiumWithGloss } from './helpers/chromium';
import { CHROMIUM, requireBrowser } from './helpers/browsers';
import { CHROME_BUILD, requireBuild } from './helpers/paths';
import { pollUntil } from './helpers/poll';
import { runAxe } from './axe';

/** A page that is plainly not a news article (our own words). */
const PLAIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Garden notes</title></head>
<body><h1>Garden notes</h1><ul><li>Water the tomatoes</li><li>Order more seeds</li><li>Fix the gate</li></ul></body></html>`;

interface BadgeGlobal {
  chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } };
}

describe('the popup in Chromium', { timeout: 180_000 }, () => {
  let browser: ChromiumWithGloss;
  let server: StaticServer;
  let scratch: string;
  let article: Page;
  let articleTab: number;
  const errors: string[] = [];

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await browser.context.newPage();
    popup.on('pageerror', (e) => errors.push(`popup: ${e.message}`));
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(popupUrl(browser.extensionId, tabId));
    return popup;
  }

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'gloss-popup-e2e-'));
    await writeFile(join(scratch, 'plain.html'), PLAIN_PAGE);
    server = await startStaticServer({ routes: { [SEED_PATH]: SEED_FILE, '/notes/garden.html': join(scratch, 'plain.html') } });
    browser = await launchChromiumWithGloss();
    article = await browser.context.newPage();
    await article.goto(server.url(SEED_PATH), { waitUntil: 'load' });
    articleTab = await tabIdOf(browser.background, article);
    await pollUntil(() => statusOfTab(browser.background, articleTab), (s) => 'state' in s && s.state === 'ready');
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  test('lists officials with roles, figures with verdicts and claims with speakers', async () => {
    const popup = await openPopup(articleTab);
    const officials = popup.getByRole('region', { name: /^Officials\b/ });
    await officials.getByRole('listitem').first().waitFor({ timeout: 10_000 });
    const officialText = (await officials.innerText()).replace(/\s+/g, ' ');
    assert.match(officialText, /Kim Hyun-chong/);
    assert.match(officialText, /Trade Minister/);
    const figures = (await popup.getByRole('region', { name: /^Figures\b/ }).innerText()).replace(/\s+/g, ' ');
    assert.match(figures, /\$28 billion/);
    assert.match(figures, /matches official: US deficit \$27\.7 billion for 2016/);
    const claims = popup.getByRole('region', { name: /^Claims\b/ });
    assert.ok((await claims.getByRole('listitem').count()) > 0);
    assert.match(await claims.innerText(), /Kim Hyun-chong/);
    await popup.close();
  });

  test('the filter box narrows the lists', async () => {
    const popup = await openPopup(articleTab);
    await popup.getByRole('region', { name: /^Officials\b/ }).getByRole('listitem').first().waitFor();
    await popup.getByRole('searchbox').fill('Greer');
    const names = await popup.getByRole('region', { name: /^Officials\b/ }).getByRole('listitem').allInnerTexts();
    assert.equal(names.length, 1);
    assert.match(names[0]!, /Jamieson Greer/);
    assert.equal(await popup.getByRole('region', { name: /^Figures\b/ }).getByRole('listitem').count(), 0);
    await popup.close();
  });

  test('Context shows the timeline with the article date and the chart with the article figure', async () => {
    const popup = await openPopup(articleTab);
    await popup.getByRole('tab', { name: 'Context' }).click();
    const marker = popup.locator('[aria-current="date"]');
    await marker.waitFor();
    assert.match(await marker.innerText(), /Aug 23, 2017/);
    assert.equal(await marker.locator('time').getAttribute('datetime'), '2017-08-23');
    assert.ok((await popup.locator('.gloss-timeline__row.is-key').count()) > 3, 'key events are marked');
    const overlay = popup.locator('.gloss-chart__overlay');
    assert.equal(await overlay.first().getAttribute('data-year'), '2016');
    assert.match((await overlay.first().getAttribute('class')) ?? '', /is-matches/);
    assert.ok((await popup.locator('.gloss-chart__gap').count()) > 0, 'missing years are drawn as gaps');
    const verdict = (await popup.locator('.gloss-chart__verdict').first().innerText()).replace(/\s+/g, ' ');
    assert.match(verdict, /Article: “\$28 billion” for 2016\. Official: US deficit \$27\.7 billion \(goods/);
    assert.match(await popup.locator('figcaption').first().innerText(), /Basis: goods/);
    await popup.close();
  });

  test('choosing an item scrolls the article to it and flashes it', async () => {
    const popup = await openPopup(articleTab);
    const claims = popup.getByRole('region', { name: /^Claims\b/ });
    await claims.getByRole('listitem').first().waitFor();
    await article.evaluate(() => window.scrollTo(0, 0));
    await claims.getByRole('button').last().click();
    const flashed = await pollUntil(
      () => article.evaluate(() => ({ flash: CSS.highlights.get('gloss-flash')?.size ?? 0, y: window.scrollY })),
      (v) => v.flash > 0,
      { timeoutMs: 3000, intervalMs: 50 },
    );
    assert.ok(flashed.flash > 0, 'the chosen claim is flashed');
    await popup.close();
  });

  test('the toolbar badge shows how many annotations the tab has', async () => {
    const status = await statusOfTab(browser.background, articleTab);
    assert.ok('state' in status && status.state === 'ready');
    const badge = await pollUntil(
      () => browser.background.evaluate((tabId) => (globalThis as unknown as BadgeGlobal).chrome.action.getBadgeText({ tabId }), articleTab),
      (text) => text !== '',
    );
    const total = status.annotations.officials.length + status.annotations.figures.length + status.annotations.claims.length;
    assert.ok(Number(badge) > 0, `badge "${badge}"`);
    assert.ok(Number(badge) <= total, `badge ${badge} counts at most the ${total} annotations`);
  });

  test('a page with no article says so and offers to look anyway', async () => {
    const plain = await browser.context.newPage();
    await plain.goto(server.url('/notes/garden.html'));
    const tabId = await tabIdOf(browser.background, plain);
    await pollUntil(() => statusOfTab(browser.background, tabId), (s) => 'state' in s && s.state !== 'loading');
    const popup = await openPopup(tabId);
    await popup.getByRole('heading', { name: 'No article on this page' }).waitFor();
    assert.ok(await popup.getByRole('button', { name: 'Look anyway' }).isVisible());
    await popup.close();
    await plain.close();
  });

  test('a browser page says Gloss cannot run there', async () => {
    const inner = await browser.context.newPage();
    await inner.goto('chrome://version');
    const tabId = await tabIdOf(browser.background, inner);
    const popup = await openPopup(tabId);
    await popup.getByRole('heading', { name: /^Gloss can't/ }).waitFor();
    await popup.close();
    await inner.close();
  });

  test('axe-core finds no violations in the popup, on both tabs', async () => {
    const popup = await openPopup(articleTab);
    await popup.getByRole('region', { name: /^Officials\b/ }).getByRole('listitem').first().waitFor();
    assert.deepEqual(await runAxe(popup), []);
    await popup.getByRole('tab', { name: 'Context' }).click();
    assert.deepEqual(await runAxe(popup), []);
    await popup.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await runAxe(popup), []);
    await popup.close();
  });

  test('no script errors in the popup', () => {
    assert.deepEqual(errors, []);
  });
});

describe('the popup in Korean', { timeout: 120_000 }, () => {
  test('renders its UI in Korean with --lang=ko', async () => {
    const extension = requireBuild(CHROME_BUILD);
    const profile = await mkdtemp(join(tmpdir(), 'gloss-ko-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: requireBrowser(CHROMIUM),
      headless: true,
      env: { ...process.env, LANGUAGE: 'ko', LANG: 'ko_KR.UTF-8' },
      args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--lang=ko', '--no-sandbox',
        '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      const id = new URL(worker.url()).host;
      const options = await context.newPage();
      await options.goto(`chrome-extension://${id}/options.html`);
      await options.getByRole('heading', { name: 'Gloss 설정' }).waitFor({ timeout: 10_000 });
      assert.equal(await options.evaluate(() => document.documentElement.lang.slice(0, 2)), 'ko');
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html?tab=999999`);
      await popup.getByRole('heading', { name: /Gloss/ }).first().waitFor();
      assert.match(await popup.locator('main').innerText(), /Gloss가|페이지/);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});
