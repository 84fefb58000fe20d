/**
 * Gloss in a real Chromium: the built extension (.output/chrome-mv3) loaded
 * unpacked, the seed article served over http://127.0.0.1, and checks of what
 * the content script painted, what it reports, and what the popup lists.
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { HIGHLIGHT_NAMES } from '../../lib/messages';
import { serveSeedArticle, SEED_PATH, type StaticServer } from '../../scripts/serve';
import { launchChromiumWithGloss, popupUrl, statusOfTab, tabIdOf, type ChromiumWithGloss } from './helpers/chromium';
import { bodyTextNowAndServed, paintedCounts, type PaintedCounts } from './helpers/page-probes';
import { pollUntil } from './helpers/poll';
import { SEED_EXPECTED } from './helpers/seed-expectations';

const NAMES = Object.values(HIGHLIGHT_NAMES);

/** Sum of figure ranges: a figure is painted either as matching/unchecked or as differing. */
function figureRanges(counts: PaintedCounts): number {
  return (counts.highlights[HIGHLIGHT_NAMES.figure] ?? 0) + (counts.highlights[HIGHLIGHT_NAMES.figureDiffers] ?? 0);
}

describe('Gloss in Chromium on the seed article', { timeout: 120_000 }, () => {
  let browser: ChromiumWithGloss;
  let server: StaticServer;
  let page: Page;
  let articleUrl: string;
  const pageErrors: string[] = [];

  before(async () => {
    server = await serveSeedArticle();
    browser = await launchChromiumWithGloss();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // A 404 for /favicon.ico is the test server's doing, not Gloss's.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        pageErrors.push(`console.error: ${message.text()}`);
      }
    });
    articleUrl = server.url(SEED_PATH);
    await page.goto(articleUrl, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the extension loads and its service worker runs', () => {
    assert.match(browser.extensionId, /^[a-p]{32}$/);
  });

  test('the content script paints officials, figures and claims as CSS highlights', async () => {
    const counts = await pollUntil(
      () => page.evaluate(paintedCounts, NAMES),
      (c) => (c.highlights[HIGHLIGHT_NAMES.official] ?? 0) >= SEED_EXPECTED.officials && (c.highlights[HIGHLIGHT_NAMES.claim] ?? 0) > 0,
    );
    assert.ok(counts.highlightApi, 'Chromium has the CSS Custom Highlight API');
    assert.deepEqual(
      {
        officials: counts.highlights[HIGHLIGHT_NAMES.official],
        figures: figureRanges(counts),
        claims: counts.highlights[HIGHLIGHT_NAMES.claim],
      },
      { officials: SEED_EXPECTED.officials, figures: SEED_EXPECTED.figures, claims: SEED_EXPECTED.claims },
      `painted: ${JSON.stringify(counts)}`,
    );
  });

  test('the content script reports the same annotations it painted', async () => {
    const tabId = await tabIdOf(browser.background, page);
    const status = await pollUntil(
      () => statusOfTab(browser.background, tabId),
      (s) => 'state' in s && s.state !== 'loading',
    );
    assert.ok('state' in status && status.state === 'ready', `status: ${JSON.stringify(status).slice(0, 300)}`);
    assert.equal(status.url, articleUrl, 'the status comes from the article tab');
    const { annotations } = status;
    const counts = await page.evaluate(paintedCounts, NAMES);
    assert.equal(annotations.officials.length, counts.highlights[HIGHLIGHT_NAMES.official]);
    assert.equal(annotations.figures.length, figureRanges(counts));
    assert.equal(annotations.claims.length, counts.highlights[HIGHLIGHT_NAMES.claim]);
    const names = new Set(annotations.officials.map((o) => o.name));
    for (const name of SEED_EXPECTED.officialNames) assert.ok(names.has(name), `officials include ${name}`);
  });

  test('the page text is exactly as served', async () => {
    const { now, served } = await page.evaluate(bodyTextNowAndServed);
    assert.ok(served.length > 1000, 'the served article has text');
    assert.equal(now, served);
  });

  test('the popup lists the officials of the tab', async () => {
    const tabId = await tabIdOf(browser.background, page);
    const popup = await browser.context.newPage();
    try {
      await popup.setViewportSize({ width: 400, height: 600 });
      popup.on('pageerror', (error) => pageErrors.push(`popup pageerror: ${error.message}`));
      await popup.goto(popupUrl(browser.extensionId, tabId));
      // The officials section is a region named by its heading ("Officials 7").
      const officials = popup.getByRole('region', { name: /^Officials\b/ });
      await officials.getByRole('listitem').first().waitFor({ state: 'visible', timeout: 10_000 });
      const listed = await officials.getByRole('listitem').allInnerTexts();
      for (const name of SEED_EXPECTED.officialNames) {
        assert.ok(listed.some((item) => item.includes(name)), `${name} is listed among ${JSON.stringify(listed.map((i) => i.split('\n')[0]))}`);
      }
    } finally {
      await popup.close();
    }
  });

  test('no script errors on the page or in the popup', () => {
    assert.deepEqual(pageErrors, []);
  });
});
