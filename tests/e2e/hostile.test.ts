/**
 * Pages that fight back, in a real Chromium with the built extension: a page
 * that breaks JavaScript built-ins in its own world, a strict
 * Content-Security-Policy (as a meta tag and as a served header), a page that
 * removes Gloss's card host as soon as it appears, 1,000 iframes, and a
 * 100,000-node article. On each: Gloss keeps working or backs off cleanly,
 * the page's own script keeps running, no page errors, the page's text and DOM
 * are unchanged, and Gloss leaves nothing a page could read (no attributes on
 * <html>, no globals). Pages: tests/pages/hostile-*.html. Needs `npm run build`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HIGHLIGHT_NAMES, type PageStatus } from '../../lib/messages';
import { startStaticServer, type StaticServer } from '../../scripts/serve';
import { launchChromiumWithGloss, statusOfTab, tabIdOf, type ChromiumWithGloss } from './helpers/chromium';
import { REPO_ROOT } from './helpers/paths';
import { pollUntil } from './helpers/poll';

const NAMES = Object.values(HIGHLIGHT_NAMES);

/** In the page: painted ranges per highlight name, read through `registry` (or the page's CSS.highlights). */
function countPainted(names: string[]): Record<string, number> {
  const w = window as unknown as { __realHighlights?: HighlightRegistry };
  const registry = w.__realHighlights ?? (typeof CSS !== 'undefined' ? CSS.highlights : undefined);
  const out: Record<string, number> = {};
  for (const name of names) out[name] = registry?.get(name)?.size ?? 0;
  return out;
}

/** In the page: what its own probe recorded (see the script at the top of each hostile page). */
function probe(): { foreign: string[]; textKept: boolean; beats: number; violations: string[]; longTasks: number[] } {
  const w = window as unknown as {
    __foreign: string[];
    __textAtLoad: string;
    __outsideLive: () => string;
    __beats: number;
    __violations: string[];
    __longTasks: number[];
  };
  return { foreign: w.__foreign, textKept: w.__textAtLoad === w.__outsideLive(), beats: w.__beats, violations: w.__violations, longTasks: w.__longTasks };
}

/** In the page: anything Gloss left where the page's own script could read it. */
function traces(): { htmlAttributes: string[]; bodyAttributes: string[]; globals: string[]; marks: number; dataGloss: number } {
  return {
    htmlAttributes: [...document.documentElement.attributes].map((a) => a.name).filter((n) => /gloss/i.test(n)),
    bodyAttributes: [...document.body.attributes].map((a) => a.name).filter((n) => /gloss/i.test(n)),
    globals: Object.getOwnPropertyNames(window).filter((n) => /gloss/i.test(n)),
    marks: document.querySelectorAll('gloss-mark').length,
    dataGloss: document.querySelectorAll('[data-gloss],[data-gloss-ids]').length,
  };
}

/** In the page: a point in the middle of the first painted range of `name`, scrolled into view. */
function pointIn(name: string): { x: number; y: number; width: number; height: number } | null {
  const w = window as unknown as { __realHighlights?: HighlightRegistry };
  const h = (w.__realHighlights ?? CSS.highlights).get(name);
  if (!h) return null;
  for (const r of h) {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    (r.startContainer.parentElement as HTMLElement | null)?.scrollIntoView({ block: 'center' });
    const rect = live.getClientRects()[0];
    if (rect && rect.width > 4) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, width: rect.width, height: rect.height };
  }
  return null;
}

/** In the page: the open card's accessible name and whether the card's stylesheet applied, or null. */
function openCard(): { label: string | null; styled: boolean } | null {
  const host = document.querySelector('gloss-card-host');
  const card = host?.shadowRoot?.querySelector('.gloss-card');
  if (!card) return null;
  const style = getComputedStyle(card);
  return { label: card.getAttribute('aria-label') ?? card.closest('[role="dialog"]')?.getAttribute('aria-label') ?? null, styled: style.borderTopLeftRadius === '10px' && style.position === 'relative' };
}

/**
 * Counts tinted pixels (blue well above red, as the official tint over white is) in a screenshot
 * of `page`. The PNG is decoded in a blank page of its own (no image library in Node; the page
 * under test forbids images).
 */
async function tintedPixels(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = await page.screenshot({ clip, type: 'png' });
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(async (b64: string) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 2]! - data[i]! > 12) n++;
    return n;
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}

describe('Pages that fight back (Chromium)', { timeout: 300_000 }, () => {
  let browser: ChromiumWithGloss;
  let server: StaticServer;
  const errors: string[] = [];

  async function open(path: string, waitUntil: 'load' | 'domcontentloaded' = 'load'): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`${path}: ${m.text()}`);
    });
    await page.goto(server.url(path), { waitUntil, timeout: 60_000 });
    return page;
  }

  async function settledStatus(page: Page, timeoutMs = 20_000): Promise<PageStatus | { error: string }> {
    const tab = await tabIdOf(browser.background, page);
    return pollUntil(() => statusOfTab(browser.background, tab), (s) => 'state' in s && s.state !== 'loading', { timeoutMs });
  }

  /** The page's heartbeat still ticks: its own script runs after Gloss settled. */
  async function assertPageAlive(page: Page): Promise<void> {
    const first = (await page.evaluate(probe)).beats;
    await page.waitForTimeout(400);
    const later = (await page.evaluate(probe)).beats;
    assert.ok(later > first, `the page's own interval keeps running (${first} → ${later})`);
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    assert.ok(Date.now() - t0 < 1000, 'the page renders its next frame within a second');
  }

  async function assertNoTraces(page: Page): Promise<void> {
    const t = await page.evaluate(traces);
    assert.deepEqual(t, { htmlAttributes: [], bodyAttributes: [], globals: [], marks: 0, dataGloss: 0 }, 'Gloss leaves nothing for the page to read');
  }

  before(async () => {
    server = await startStaticServer({ root: 'tests/pages' });
    browser = await launchChromiumWithGloss();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a page that breaks built-ins in its own world does not reach Gloss (isolated world)', async () => {
    const page = await open('/hostile-builtins.html');
    const status = await settledStatus(page);
    assert.ok('state' in status && status.state === 'ready', JSON.stringify(status).slice(0, 300));
    assert.ok(status.annotations.officials.length >= 3 && status.annotations.figures.length >= 3 && status.annotations.claims.length >= 1);
    // Gloss finished painting while the page's built-ins were still broken.
    await page.waitForTimeout(3300);
    const timing = await page.evaluate(() => {
      const w = window as unknown as { __brokenAt: number; __restoredAt: number };
      const paint = performance.getEntriesByName('gloss:paint', 'measure')[0];
      return { brokenAt: w.__brokenAt, restoredAt: w.__restoredAt, paintedAt: paint ? paint.startTime + paint.duration : null };
    });
    assert.ok(timing.paintedAt !== null && timing.paintedAt > timing.brokenAt && timing.paintedAt < timing.restoredAt, JSON.stringify(timing));
    const painted = await page.evaluate(countPainted, NAMES);
    assert.ok((painted[HIGHLIGHT_NAMES.official] ?? 0) >= 3, JSON.stringify(painted));
    assert.ok((painted[HIGHLIGHT_NAMES.claim] ?? 0) >= 1, JSON.stringify(painted));
    const p = await page.evaluate(probe);
    assert.deepEqual(p.foreign, []);
    assert.ok(p.textKept);
    await assertPageAlive(page);
    await assertNoTraces(page);
    await page.close();
  });

  for (const variant of ['meta tag', 'served header'] as const) {
    test(`strict Content-Security-Policy (${variant}): highlights are styled and the card works`, async () => {
      const path = variant === 'meta tag' ? '/hostile-csp.html' : '/hostile-csp-header.html';
      if (variant === 'served header') {
        // The same page, served with the policy as a response header instead of (as well as) the meta tag.
        const html = await readFile(join(REPO_ROOT, 'tests/pages/hostile-csp.html'), 'utf8');
        await browser.context.route(server.url(path), (route) =>
          route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'content-security-policy': "default-src 'none'; style-src 'none'; img-src 'none'; connect-src 'self'; script-src 'nonce-gloss-hostile'" },
            body: html,
          }),
        );
      }
      const page = await open(path);
      const status = await settledStatus(page);
      assert.ok('state' in status && status.state === 'ready', JSON.stringify(status).slice(0, 300));
      const painted = await pollUntil(() => page.evaluate(countPainted, NAMES), (c) => (c[HIGHLIGHT_NAMES.official] ?? 0) >= 3);
      assert.ok((painted[HIGHLIGHT_NAMES.official] ?? 0) >= 3, JSON.stringify(painted));
      // The highlight colour reaches the screen: the page's CSP does not block the content script's styles.
      const at = await page.evaluate(pointIn, HIGHLIGHT_NAMES.official);
      assert.ok(at, 'an official is on screen');
      const clip = { x: Math.max(0, at.x - at.width / 2), y: Math.max(0, at.y - at.height / 2), width: at.width, height: at.height };
      const tinted = await tintedPixels(page, clip);
      assert.ok(tinted > (clip.width * clip.height) / 4, `official highlight is tinted on screen (${tinted} of ${Math.round(clip.width * clip.height)} px)`);
      await page.mouse.move(at.x, at.y, { steps: 3 });
      const card = await pollUntil(() => page.evaluate(openCard), (c) => c !== null, { timeoutMs: 4000, intervalMs: 50 });
      assert.ok(card, 'the card opens');
      assert.ok(card.styled, "the card's stylesheet applies inside its shadow root despite style-src 'none'");
      const p = await page.evaluate(probe);
      assert.deepEqual(p.violations, [], 'Gloss caused no CSP violation');
      assert.deepEqual(p.foreign, []);
      assert.ok(p.textKept);
      await assertPageAlive(page);
      await page.close();
    });
  }

  test('a page that removes the card host: Gloss mounts it again a few times, then stops offering cards', async () => {
    const page = await open('/hostile-remover.html');
    const status = await settledStatus(page);
    assert.ok('state' in status && status.state === 'ready', JSON.stringify(status).slice(0, 300));
    const at = await page.evaluate(pointIn, HIGHLIGHT_NAMES.official);
    assert.ok(at, 'an official is painted');
    for (let i = 0; i < 8; i++) {
      await page.mouse.move(2, 2);
      await page.waitForTimeout(150);
      await page.mouse.move(at.x, at.y, { steps: 2 });
      await page.waitForTimeout(350);
    }
    const removed = await page.evaluate(() => (window as unknown as { __removed: number }).__removed);
    // Gloss mounted its host at most 1 + 3 times; it does not fight the page in a loop.
    assert.ok(removed >= 1 && removed <= 4, `the page removed the card host ${removed} times`);
    const again = await statusOfTab(browser.background, await tabIdOf(browser.background, page));
    assert.ok('state' in again && again.state === 'ready', 'Gloss still answers and its highlights stay');
    const painted = await page.evaluate(countPainted, NAMES);
    assert.ok((painted[HIGHLIGHT_NAMES.official] ?? 0) >= 3, JSON.stringify(painted));
    const p = await page.evaluate(probe);
    assert.deepEqual(p.foreign, []);
    assert.ok(p.textKept);
    await assertPageAlive(page);
    await page.close();
  });

  test('a page with 1,000 iframes: the article is annotated, the page stays responsive', async () => {
    // 'domcontentloaded': Gloss runs at document idle, long before a thousand frames have loaded.
    const t0 = Date.now();
    const page = await open('/hostile-iframes.html', 'domcontentloaded');
    console.log(`iframes page: open ${Date.now() - t0} ms`);
    assert.equal(await page.evaluate(() => (window as unknown as { __frames: number }).__frames), 1000);
    const status = await settledStatus(page);
    console.log(`iframes page: settled ${Date.now() - t0} ms`);
    assert.ok('state' in status && status.state === 'ready', JSON.stringify(status).slice(0, 300));
    // Only the top document's article: nothing from the frames' "Widget" text.
    assert.ok(status.annotations.officials.length >= 3);
    assert.ok(!status.annotations.claims.some((c) => c.text.includes('Widget')));
    const p = await page.evaluate(probe);
    assert.deepEqual(p.foreign, []);
    assert.ok(p.textKept);
    await assertPageAlive(page);
    await assertNoTraces(page);
    await page.close();
  });

  test('a 100,000-node article: Gloss finishes (or backs off) without errors and the page keeps working', async () => {
    const page = await open('/hostile-huge.html');
    const nodes = await page.evaluate(() => (window as unknown as { __nodes: number }).__nodes);
    assert.ok(nodes >= 100_000, `${nodes} nodes`);
    const status = await settledStatus(page, 60_000);
    assert.ok('state' in status && (status.state === 'ready' || status.state === 'no-article'), JSON.stringify(status).slice(0, 300));
    const p = await page.evaluate(probe);
    assert.deepEqual(p.foreign, []);
    assert.ok(p.textKept);
    await assertPageAlive(page);
    const measures = await page.evaluate(() =>
      performance.getEntriesByType('measure').filter((m) => m.name.startsWith('gloss:')).map((m) => `${m.name}=${Math.round(m.duration)}ms`),
    );
    const painted = await page.evaluate(countPainted, NAMES);
    console.log(`100,000-node page: ${nodes} nodes; state ${status.state}; ${JSON.stringify(painted)}; ${measures.join(', ')}; long tasks ${JSON.stringify(p.longTasks)}`);
    await assertNoTraces(page);
    await page.close();
  });

  test('no page errors on any hostile page', () => {
    assert.deepEqual(errors, []);
  });
});
