/**
 * Hover cards for keyboard, screen-reader and touch users, in a real Chromium
 * with the built extension on the seed article: the keyboard command moves
 * focus into the card and Tab reaches its links, Escape closes it and gives
 * focus back, hovering never moves focus, axe-core finds nothing wrong inside
 * the card's shadow root, and a tap on a highlight opens its card.
 * Needs `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { HIGHLIGHT_NAMES } from '../../lib/messages';
import { serveSeedArticle, SEED_PATH, type StaticServer } from '../../scripts/serve';
import { launchChromiumWithGloss, statusOfTab, tabIdOf, type ChromiumWithGloss } from './helpers/chromium';
import { pollUntil } from './helpers/poll';

const require = createRequire(import.meta.url);

/** The page's own link that holds focus before the card opens (the site's logo link in the seed page). */
const START_LINK = 'a.logo';

/** In the page: where focus is, seen through Gloss's shadow root. */
function focusState(): { inCard: boolean; tag: string | null; label: string | null; pageHref: string | null } {
  const host = document.querySelector('gloss-card-host');
  const inner = host?.shadowRoot?.activeElement ?? null;
  const active = document.activeElement;
  return {
    inCard: !!host && active === host && !!inner?.closest('.gloss-card'),
    tag: inner ? inner.localName : null,
    label: inner ? inner.getAttribute('role') ?? inner.getAttribute('aria-label') : null,
    pageHref: active && active !== host ? active.getAttribute('href') : null,
  };
}

/** In the page: the open card's accessible name, or null when no card is open. */
function openCardLabel(): string | null {
  const dialog = document.querySelector('gloss-card-host')?.shadowRoot?.querySelector('[role="dialog"]');
  return dialog ? dialog.getAttribute('aria-label') : null;
}

/** In the page: which card is open, as its title and where it sits (two mentions of one person differ by place). */
function cardIdentity(): string {
  const root = document.querySelector('gloss-card-host')?.shadowRoot;
  const frame = root?.querySelector<HTMLElement>('.gloss-card-frame');
  return frame ? `${root?.querySelector('.gloss-title')?.textContent ?? ''} @ ${frame.style.left},${frame.style.top}` : '';
}

/** In the page: the centre of the first painted range of `name`, scrolled into view, or null. */
function centreOfFirst(name: string): { x: number; y: number } | null {
  const first = [...(CSS.highlights.get(name) ?? [])][0];
  if (!first) return null;
  (first.startContainer.parentElement as HTMLElement | null)?.scrollIntoView({ block: 'center' });
  const live = document.createRange();
  live.setStart(first.startContainer, first.startOffset);
  live.setEnd(first.endContainer, first.endOffset);
  const rect = live.getClientRects()[0];
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
}

interface AxeShadowResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  passes: { nodes: { target: unknown[] }[] }[];
}

/** Runs axe-core (WCAG 2.1 A/AA and best practice) on the card layer inside Gloss's shadow root. */
async function axeOnCard(page: Page): Promise<{ violations: string[]; checkedInShadow: number }> {
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: object, o: object): Promise<AxeShadowResult> } }).axe;
    const r = await axe.run(
      { include: [{ fromShadowDom: ['gloss-card-host', '.gloss-layer'] }] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
    );
    // Targets inside a shadow root are nested arrays: counting them proves axe looked inside.
    const checkedInShadow = r.passes.reduce((n, p) => n + p.nodes.filter((node) => Array.isArray(node.target[0])).length, 0);
    return {
      violations: r.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`),
      checkedInShadow,
    };
  });
}

describe('hover cards: keyboard, screen readers and touch (Chromium)', { timeout: 120_000 }, () => {
  let browser: ChromiumWithGloss;
  let server: StaticServer;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    server = await serveSeedArticle();
    browser = await launchChromiumWithGloss();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url(SEED_PATH), { waitUntil: 'load' });
    const tab = await tabIdOf(browser.background, page);
    await pollUntil(() => statusOfTab(browser.background, tab), (s) => 'state' in s && s.state === 'ready');
    await pollUntil(() => page.evaluate(centreOfFirst, HIGHLIGHT_NAMES.official), (p) => p !== null);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the keyboard command moves focus into the card, Tab reaches its links, Escape gives focus back', async () => {
    await page.focus(START_LINK);
    await page.keyboard.press('Alt+Shift+KeyN');
    const opened = await pollUntil(() => page.evaluate(focusState), (f) => f.inCard, { timeoutMs: 3000, intervalMs: 50 });
    assert.ok(opened.inCard, `focus is in the card: ${JSON.stringify(opened)}`);
    assert.equal(opened.label, 'dialog', 'the card itself (the labelled dialog) has focus');

    await page.keyboard.press('Tab');
    assert.equal((await page.evaluate(focusState)).label, 'Close', 'Tab goes to the close button');
    // Move on (from inside the card) to the first official: officials from the pack list their sources as links.
    for (let i = 0; i < 12 && !(await page.evaluate(openCardLabel))?.includes('official'); i++) {
      await page.keyboard.press('Alt+Shift+KeyN');
      await page.waitForTimeout(100);
    }
    assert.match((await page.evaluate(openCardLabel)) ?? '', /official/, 'an official\'s card is open');
    let reachedLink = false;
    for (let i = 0; i < 6 && !reachedLink; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(focusState);
      reachedLink = f.inCard && f.tag === 'a';
    }
    assert.ok(reachedLink, 'a source link in the card is reachable with Tab');

    await page.keyboard.press('Escape');
    assert.equal(await pollUntil(() => page.evaluate(openCardLabel), (l) => l === null, { timeoutMs: 2000, intervalMs: 50 }), null, 'Escape closes the card');
    const back = await page.evaluate(focusState);
    assert.equal(back.pageHref, await page.getAttribute(START_LINK, 'href'), `focus is back on the page's link: ${JSON.stringify(back)}`);
  });

  test('Alt+Shift+N inside the card moves to the next card, keeping focus in it', async () => {
    await page.focus(START_LINK);
    await page.keyboard.press('Alt+Shift+KeyN');
    await pollUntil(() => page.evaluate(focusState), (f) => f.inCard, { timeoutMs: 3000, intervalMs: 50 });
    const first = await page.evaluate(cardIdentity);
    await page.keyboard.press('Alt+Shift+KeyN');
    const second = await pollUntil(() => page.evaluate(cardIdentity), (id) => id !== first, { timeoutMs: 3000, intervalMs: 50 });
    assert.notEqual(second, first, 'another annotation\'s card is open');
    assert.ok((await page.evaluate(focusState)).inCard, 'focus stays in the card');
    await page.keyboard.press('Escape');
    await pollUntil(() => page.evaluate(openCardLabel), (l) => l === null, { timeoutMs: 2000, intervalMs: 50 });
  });

  test('an open card has no axe-core violations inside the shadow root', async () => {
    await page.focus(START_LINK);
    await page.keyboard.press('Alt+Shift+KeyN');
    await pollUntil(() => page.evaluate(openCardLabel), (l) => l !== null, { timeoutMs: 3000, intervalMs: 50 });
    const result = await axeOnCard(page);
    assert.ok(result.checkedInShadow > 5, `axe checked nodes inside the shadow root (${result.checkedInShadow})`);
    assert.deepEqual(result.violations, []);
    await page.keyboard.press('Escape');
  });

  test('hovering a highlight opens its card without taking focus', async () => {
    await page.focus(START_LINK);
    await page.mouse.move(2, 2);
    const point = await page.evaluate(centreOfFirst, HIGHLIGHT_NAMES.official);
    assert.ok(point, 'an official is painted');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const label = await pollUntil(() => page.evaluate(openCardLabel), (l) => l !== null, { timeoutMs: 3000, intervalMs: 50 });
    assert.match(label ?? '', /official/);
    const f = await page.evaluate(focusState);
    assert.equal(f.inCard, false, 'focus did not move into the card');
    assert.equal(f.pageHref, await page.getAttribute(START_LINK, 'href'), 'focus is still on the page\'s link');
    await page.mouse.move(2, 2);
    await pollUntil(() => page.evaluate(openCardLabel), (l) => l === null, { timeoutMs: 3000, intervalMs: 50 });
  });

  test('a tap on a highlight opens its card, a tap elsewhere closes it', async () => {
    // Real touch input through the DevTools protocol: the browser makes pointer events of type "touch" from it.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const tap = async (x: number, y: number): Promise<void> => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const point = await page.evaluate(centreOfFirst, HIGHLIGHT_NAMES.figure);
    assert.ok(point, 'a figure is painted');
    await tap(point.x, point.y);
    const label = await pollUntil(() => page.evaluate(openCardLabel), (l) => l !== null, { timeoutMs: 3000, intervalMs: 50 });
    assert.match(label ?? '', /figure/, 'the tapped figure\'s card opened');
    // A tap on the page's own furniture, away from any highlight, closes the card.
    await tap(3, 400);
    assert.equal(await pollUntil(() => page.evaluate(openCardLabel), (l) => l === null, { timeoutMs: 3000, intervalMs: 50 }), null);
    await cdp.detach();
  });

  test('no page errors', () => {
    assert.deepEqual(errors, []);
  });
});
