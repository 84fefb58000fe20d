/**
 * Gloss in a real Firefox ESR: the built add-on (.output/firefox-mv3)
 * installed as a temporary add-on, the seed article served over
 * http://127.0.0.1, and checks of what the content script painted.
 * Needs `npm run build` first (npm test does it).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { HIGHLIGHT_NAMES } from '../../lib/messages';
import { serveSeedArticle, SEED_PATH, startStaticServer, type StaticServer } from '../../scripts/serve';
import { launchFirefoxWithGloss, type FirefoxWithGloss } from './helpers/firefox';
import { bodyTextNowAndServed, paintedCounts, registeredAroundViewport, type PaintedCounts } from './helpers/page-probes';
import { pollUntil } from './helpers/poll';
import { SEED_EXPECTED } from './helpers/seed-expectations';

const NAMES = Object.values(HIGHLIGHT_NAMES);

/** Official ranges, figure ranges (matching or differing) and claim ranges. */
function paintedTotals(counts: PaintedCounts): { officials: number; figures: number; claims: number } {
  const count = (name: string): number => counts.highlights[name] ?? 0;
  return {
    officials: count(HIGHLIGHT_NAMES.official),
    figures: count(HIGHLIGHT_NAMES.figure) + count(HIGHLIGHT_NAMES.figureDiffers),
    claims: count(HIGHLIGHT_NAMES.claim),
  };
}

describe('Gloss in Firefox ESR on the seed article', { timeout: 120_000 }, () => {
  let firefox: FirefoxWithGloss;
  let server: StaticServer;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    server = await serveSeedArticle();
    firefox = await launchFirefoxWithGloss();
    page = await firefox.browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${String(error)}`));
    await page.goto(server.url(SEED_PATH), { waitUntil: 'load' });
  });

  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  test('the add-on installs under its gecko id', () => {
    assert.equal(firefox.addonId, 'gloss@gloss.invalid');
  });

  test('the content script paints officials, figures and claims as CSS highlights', async () => {
    const counts = await pollUntil(
      () => page.evaluate(paintedCounts, NAMES),
      (c) => paintedTotals(c).officials >= SEED_EXPECTED.officials && paintedTotals(c).claims > 0,
    );
    // Firefox has the Custom Highlight API since 140 (Gloss's minimum), so no fallback marks.
    assert.ok(counts.highlightApi, 'Firefox has the CSS Custom Highlight API');
    assert.equal(counts.marks, 0, 'no fallback gloss-mark elements where highlights work');
    assert.deepEqual(
      paintedTotals(counts),
      { officials: SEED_EXPECTED.officials, figures: SEED_EXPECTED.figures, claims: SEED_EXPECTED.claims },
      `painted: ${JSON.stringify(counts)}`,
    );
  });

  test('the page text is exactly as served', async () => {
    const { now, served } = await page.evaluate(bodyTextNowAndServed);
    assert.ok(served.length > 1000, 'the served article has text');
    assert.equal(now, served);
  });

  test('no script errors on the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});

/**
 * From 5,000 annotations on, Gloss registers only the ranges near the
 * viewport, and an IntersectionObserver on the article's blocks moves that
 * window as the reader scrolls (lib/dom/block-visibility.ts). The observer is
 * made in the content script's world and watches the page's elements: this
 * checks that it does its job in Firefox too.
 */
describe('Gloss in Firefox ESR on a page with tens of thousands of annotations', { timeout: 180_000 }, () => {
  let firefox: FirefoxWithGloss;
  let server: StaticServer;

  before(async () => {
    server = await startStaticServer({ root: 'tests/pages' });
    firefox = await launchFirefoxWithGloss();
  });

  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  test('registers only the ranges near the viewport, and they follow scrolling', async () => {
    const page = await firefox.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(server.url('/hostile-huge.html'), { waitUntil: 'load' });
    const top = await pollUntil(() => page.evaluate(registeredAroundViewport, NAMES), (r) => r.inView > 0, { timeoutMs: 90_000, intervalMs: 250 });
    assert.ok(top.count > 0 && top.count < 5000, `${top.count} ranges registered at the top`);
    assert.equal(top.invalid, 0);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const middle = await pollUntil(
      () => page.evaluate(registeredAroundViewport, NAMES),
      (r) => r.inView > 0 && r.farAway === 0 && r.firstText !== top.firstText,
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    assert.ok(middle.count < 5000, `${middle.count} ranges registered in the middle`);
    assert.equal(middle.farAway, 0, 'nothing far from the viewport stays registered');
    assert.notEqual(middle.firstText, top.firstText);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
