/**
 * The in-page experience in a real Chromium: painting on the seed article,
 * hover cards for each kind, keyboard navigation, and pages that fight back
 * (a script editing its own text nodes, form fields, a single-page app that
 * loads late and navigates with pushState, odd text). Every page must keep its
 * text and its DOM: the test pages record any DOM change outside their own
 * `[data-live]` areas, and Gloss must cause none.
 * Needs `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { HIGHLIGHT_NAMES, type PageStatus } from '../../lib/messages';
import { WINDOWED_FROM } from '../../lib/dom/controller';
import { SEED_FILE, SEED_PATH, startStaticServer, type StaticServer } from '../../scripts/serve';
import { launchChromiumWithGloss, statusOfTab, tabIdOf, type ChromiumWithGloss } from './helpers/chromium';
import { bodyTextNowAndServed, registeredAroundViewport } from './helpers/page-probes';
import { pollUntil } from './helpers/poll';

const NAMES = Object.values(HIGHLIGHT_NAMES);

/** In the page: every painted range as text, per highlight name, plus whether each is still valid. */
function paintedTexts(names: string[]): { texts: Record<string, string[]>; invalid: number } {
  const texts: Record<string, string[]> = {};
  let invalid = 0;
  for (const name of names) {
    const h = CSS.highlights.get(name);
    texts[name] = [];
    if (!h) continue;
    for (const r of h) {
      const sc = r.startContainer;
      const ec = r.endContainer;
      const startLen = sc.nodeType === 3 ? (sc as Text).data.length : sc.childNodes.length;
      const endLen = ec.nodeType === 3 ? (ec as Text).data.length : ec.childNodes.length;
      if (!sc.isConnected || !ec.isConnected || r.startOffset > startLen || r.endOffset > endLen) {
        invalid++;
        continue;
      }
      const live = document.createRange();
      live.setStart(sc, r.startOffset);
      live.setEnd(ec, r.endOffset);
      texts[name]!.push(live.toString());
    }
  }
  return { texts, invalid };
}

/**
 * In the page: a point inside the first painted range of `name` where no other
 * Gloss highlight lies (so a claim is hovered away from the names inside it).
 */
function pointOnlyIn(name: string): { x: number; y: number } | null {
  const registry = CSS.highlights as HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => { highlight: Highlight }[] };
  const own = registry.get(name);
  if (!own) return null;
  for (const r of own) {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    (r.startContainer.parentElement as HTMLElement | null)?.scrollIntoView({ block: 'center' });
    for (const rect of live.getClientRects()) {
      for (let x = rect.left + 2; x < rect.right - 1; x += 6) {
        const y = rect.top + rect.height / 2;
        const hits = registry.highlightsFromPoint ? registry.highlightsFromPoint(x, y) : [];
        const gloss = hits.filter((hit) => [...registry.entries()].some(([n, h]) => h === hit.highlight && n.startsWith('gloss-')));
        if (gloss.length === 1 && gloss[0]!.highlight === own) return { x, y };
      }
    }
  }
  return null;
}

/** In the page: the open card's accessible name and text, or null when no card is open. */
function openCard(): { label: string | null; text: string } | null {
  const host = document.querySelector('gloss-card-host');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  return dialog ? { label: dialog.getAttribute('aria-label'), text: dialog.textContent ?? '' } : null;
}

/** In the page: what the test page's own probe recorded (see tests/pages/*.html). */
function probe(): { foreign: string[]; textKept: boolean; longTasks: number[] } {
  const w = window as unknown as { __foreign: string[]; __textAtLoad: string; __outsideLive: () => string; __longTasks: number[] };
  return { foreign: w.__foreign, textKept: w.__textAtLoad === w.__outsideLive(), longTasks: w.__longTasks };
}

describe('Gloss in the page (Chromium)', { timeout: 180_000 }, () => {
  let browser: ChromiumWithGloss;
  let server: StaticServer;
  const errors: string[] = [];

  async function open(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`${path}: ${m.text()}`);
    });
    await page.goto(server.url(path), { waitUntil: 'load' });
    return page;
  }

  async function readyStatus(page: Page): Promise<PageStatus | { error: string }> {
    const tab = await tabIdOf(browser.background, page);
    return pollUntil(() => statusOfTab(browser.background, tab), (s) => 'state' in s && s.state === 'ready');
  }

  before(async () => {
    server = await startStaticServer({ root: 'tests/pages', routes: { [SEED_PATH]: SEED_FILE } });
    browser = await launchChromiumWithGloss();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('seed article: every annotation is painted, each kind opens its card on hover, text unchanged', async () => {
    const page = await open(SEED_PATH);
    const status = await readyStatus(page);
    assert.ok('state' in status && status.state === 'ready', JSON.stringify(status));
    const a = status.annotations;
    const painted = await pollUntil(
      () => page.evaluate(paintedTexts, NAMES),
      (p) => (p.texts[HIGHLIGHT_NAMES.claim]?.length ?? 0) >= a.claims.length,
    );
    assert.equal(painted.invalid, 0);
    const figures = [...(painted.texts[HIGHLIGHT_NAMES.figure] ?? []), ...(painted.texts[HIGHLIGHT_NAMES.figureDiffers] ?? [])];
    assert.deepEqual([...(painted.texts[HIGHLIGHT_NAMES.official] ?? [])].sort(), a.officials.map((o) => o.text).sort());
    assert.deepEqual(figures.sort(), a.figures.map((f) => f.text).sort());
    assert.deepEqual([...(painted.texts[HIGHLIGHT_NAMES.claim] ?? [])].sort(), a.claims.map((c) => c.text).sort());

    for (const [name, label] of [
      [HIGHLIGHT_NAMES.official, 'official'],
      [HIGHLIGHT_NAMES.figure, 'figure'],
      [HIGHLIGHT_NAMES.claim, 'claim'],
    ] as const) {
      const point = await page.evaluate(pointOnlyIn, name);
      assert.ok(point, `a point only in ${name}`);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      const card = await pollUntil(() => page.evaluate(openCard), (c) => c?.label?.includes(label) === true, { timeoutMs: 3000, intervalMs: 50 });
      assert.ok(card?.label?.includes(label), `${label} card opened: ${JSON.stringify(card)}`);
      await page.mouse.move(2, 2);
      const closed = await pollUntil(() => page.evaluate(openCard), (c) => c === null, { timeoutMs: 3000, intervalMs: 50 });
      assert.equal(closed, null, `${label} card closes when the pointer leaves`);
    }

    const { now, served } = await page.evaluate(bodyTextNowAndServed);
    assert.equal(now, served);
    await page.close();
  });

  test('seed article: Alt+Shift+N opens the first annotation\'s card, Escape closes it', async () => {
    const page = await open(SEED_PATH);
    await readyStatus(page);
    await page.mouse.click(5, 5);
    await page.keyboard.press('Alt+Shift+KeyN');
    const card = await pollUntil(() => page.evaluate(openCard), (c) => c !== null, { timeoutMs: 3000, intervalMs: 50 });
    assert.ok(card, 'a card opened');
    const live = await page.evaluate(() => document.querySelector('gloss-card-host')?.shadowRoot?.querySelector('[aria-live="polite"]')?.textContent ?? '');
    assert.ok(live.length > 0, 'the card is announced');
    await page.keyboard.press('Escape');
    assert.equal(await pollUntil(() => page.evaluate(openCard), (c) => c === null, { timeoutMs: 2000, intervalMs: 50 }), null);
    await page.close();
  });

  test('a page that edits its own text nodes keeps working, and so does Gloss', async () => {
    const page = await open('/interactive.html');
    await readyStatus(page);
    await page.waitForFunction(() => (window as unknown as { __doneEditing?: boolean }).__doneEditing === true, null, { timeout: 10_000 });
    const final = await page.evaluate(() => (window as unknown as { __finalTicker: string }).__finalTicker);
    const painted = await pollUntil(
      () => page.evaluate(paintedTexts, NAMES),
      (p) => (p.texts[HIGHLIGHT_NAMES.figure] ?? []).includes(final) || (p.texts[HIGHLIGHT_NAMES.figureDiffers] ?? []).includes(final),
      { timeoutMs: 5000 },
    );
    assert.equal(painted.invalid, 0, 'no range points at a detached or shortened node');
    const figures = [...(painted.texts[HIGHLIGHT_NAMES.figure] ?? []), ...(painted.texts[HIGHLIGHT_NAMES.figureDiffers] ?? [])];
    assert.ok(figures.includes(final), `the ticker's latest value ${final} is painted: ${JSON.stringify(figures)}`);
    const all = Object.values(painted.texts).flat().join(' | ');
    assert.ok(!all.includes('Donald Trump'), 'nothing painted from the removed paragraph');
    assert.ok((painted.texts[HIGHLIGHT_NAMES.claim] ?? []).some((t) => t.includes('balanced and fair deal')), 'the edited quotation is re-annotated');
    assert.equal(await page.evaluate(() => (window as unknown as { __refsOk: boolean }).__refsOk), true, "the page's own node references still work");
    const p = await page.evaluate(probe);
    assert.deepEqual(p.foreign, []);
    assert.ok(p.textKept);
    await page.close();
  });

  test('inputs, textarea, contenteditable and code get nothing painted, and typing still works', async () => {
    const page = await open('/inputs.html');
    await readyStatus(page);
    const inside = await page.evaluate((names: string[]) => {
      let bad = 0;
      let total = 0;
      for (const name of names) {
        const h = CSS.highlights.get(name);
        if (!h) continue;
        for (const r of h) {
          total++;
          for (const n of [r.startContainer, r.endContainer]) {
            const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
            if (el?.closest('input,textarea,[contenteditable],pre,code')) bad++;
          }
        }
      }
      return { bad, total };
    }, NAMES);
    assert.equal(inside.bad, 0);
    assert.ok(inside.total >= 4, `the article around the fields is painted (${inside.total})`);
    await page.fill('#field', '');
    await page.type('#field', 'Who is Kim Hyun-chong?');
    await page.click('#area');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Thanks.');
    await page.click('#editor p');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' More');
    assert.equal(await page.inputValue('#field'), 'Who is Kim Hyun-chong?');
    const area = await page.inputValue('#area');
    assert.ok(area.endsWith(' Thanks.'), `textarea: ${area}`);
    const editor = (await page.textContent('#editor')) ?? '';
    assert.ok(editor.includes(' More'), `contenteditable: ${editor}`);
    // Alt+Shift+N while typing is the page's, not Gloss's.
    await page.focus('#area');
    await page.keyboard.press('Alt+Shift+KeyN');
    assert.equal(await page.evaluate(openCard), null);
    const p = await page.evaluate(probe);
    assert.deepEqual(p.foreign, []);
    assert.ok(p.textKept, await page.evaluate(() => JSON.stringify([(window as unknown as { __textAtLoad: string }).__textAtLoad, (window as unknown as { __outsideLive: () => string }).__outsideLive()])));
    await page.close();
  });

  test('a late article is annotated, and a pushState navigation replaces its annotations', async () => {
    const page = await open('/spa.html');
    const first = await readyStatus(page);
    assert.ok('state' in first && first.state === 'ready', JSON.stringify(first));
    const before = await pollUntil(() => page.evaluate(paintedTexts, NAMES), (p) => (p.texts[HIGHLIGHT_NAMES.official] ?? []).includes('Jamieson Greer'));
    assert.ok((before.texts[HIGHLIGHT_NAMES.official] ?? []).includes('Jamieson Greer'));
    await page.evaluate(() => (window as unknown as { __goTo: (k: string) => void }).__goTo('b'));
    const afterNav = await pollUntil(
      () => page.evaluate(paintedTexts, NAMES),
      (p) => (p.texts[HIGHLIGHT_NAMES.official] ?? []).includes('Michael Beeman'),
      { timeoutMs: 8000 },
    );
    const all = Object.values(afterNav.texts).flat();
    assert.ok(all.includes('Michael Beeman'), JSON.stringify(afterNav.texts));
    assert.ok(!all.includes('Jamieson Greer'), 'annotations of the previous article are gone');
    assert.equal(afterNav.invalid, 0);
    const tab = await tabIdOf(browser.background, page);
    const status = await pollUntil(() => statusOfTab(browser.background, tab), (s) => 'state' in s && s.state === 'ready' && s.url.endsWith('/spa/b'));
    assert.ok('state' in status && status.state === 'ready' && status.url.endsWith('/spa/b'), JSON.stringify(status).slice(0, 200));
    await page.close();
  });

  test('tens of thousands of annotations: only those near the viewport are registered, and they follow scrolling', async () => {
    const page = await open('/hostile-huge.html');
    const tab = await tabIdOf(browser.background, page);
    const status = await pollUntil(() => statusOfTab(browser.background, tab), (s) => 'state' in s && s.state === 'ready', { timeoutMs: 60_000 });
    assert.ok('state' in status && status.state === 'ready');
    const total = status.annotations.officials.length + status.annotations.figures.length + status.annotations.claims.length;
    assert.ok(total > WINDOWED_FROM, `${total} annotations`);
    // A long article's head (its first blocks, annotated on their own) was painted before the whole of it.
    // Inline callbacks only: a named inner function would need tsx's `__name` helper in the page.
    const [head, inView, all] = await page.evaluate(() =>
      ['gloss:paint-head', 'gloss:paint-in-view', 'gloss:paint'].map((name) => {
        const e = performance.getEntriesByName(name)[0];
        return e ? e.startTime + e.duration : null;
      }),
    );
    const timing = { head: head ?? null, inView: inView ?? null, all: all ?? null };
    assert.ok(timing.head !== null && timing.all !== null && timing.head < timing.all, `head and whole painted at ${JSON.stringify(timing)}`);
    assert.ok(timing.inView !== null && timing.inView <= timing.all, `in view by ${timing.inView}`);
    const top = await pollUntil(() => page.evaluate(registeredAroundViewport, NAMES), (r) => r.inView > 0, { timeoutMs: 20_000 });
    assert.ok(top.count < total / 4, `${top.count} of ${total} ranges registered at the top`);
    assert.equal(top.invalid, 0);
    // Scroll to the middle: the window moves there, and what was registered at the top is gone.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const middle = await pollUntil(
      () => page.evaluate(registeredAroundViewport, NAMES),
      (r) => r.inView > 0 && r.farAway === 0,
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    assert.ok(middle.count < total / 4, `${middle.count} ranges registered in the middle`);
    assert.notEqual(middle.firstText, top.firstText);
    // A highlight there opens its card on hover, like anywhere else.
    const point = await page.evaluate(pointOnlyIn, HIGHLIGHT_NAMES.official);
    assert.ok(point, 'an official is painted in the middle of the page');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const card = await pollUntil(() => page.evaluate(openCard), (c) => c !== null, { timeoutMs: 3000, intervalMs: 50 });
    assert.ok(card?.label, 'a card opened');
    // The keyboard reaches annotations the window never showed: from the top, "previous" wraps to
    // the last one, at the bottom of the page; it is made then, scrolled to and its card opened.
    await page.keyboard.press('Escape');
    await pollUntil(() => page.evaluate(openCard), (c) => c === null, { timeoutMs: 2000, intervalMs: 50 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.click(5, 5);
    await page.keyboard.press('Alt+Shift+KeyP');
    const last = await pollUntil(() => page.evaluate(openCard), (c) => c !== null, { timeoutMs: 3000, intervalMs: 50 });
    assert.ok(last?.label, 'the last annotation\'s card opened');
    const scrolled = await page.evaluate(() => (window.scrollY + window.innerHeight) / document.documentElement.scrollHeight);
    assert.ok(scrolled > 0.95, `the page scrolled to its end (${scrolled.toFixed(3)})`);
    const bottom = await pollUntil(() => page.evaluate(registeredAroundViewport, NAMES), (r) => r.inView > 0 && r.farAway === 0, { timeoutMs: 10_000, intervalMs: 100 });
    assert.equal(bottom.invalid, 0);
    // The toolbar badge counts every annotation, not only the window's.
    const badge = await browser.background.evaluate(`chrome.action.getBadgeText({ tabId: ${tab} })`);
    assert.equal(badge, total > 999 ? '999+' : String(total));
    const p = await page.evaluate(probe);
    assert.deepEqual(p.foreign, []);
    assert.ok(p.textKept);
    console.log(`windowed page: ${total} annotations, ${top.count} registered at the top, ${middle.count} in the middle; head painted at ${timing.head?.toFixed(0)} ms, in view at ${timing.inView?.toFixed(0)}, all at ${timing.all?.toFixed(0)}; long tasks: ${JSON.stringify(p.longTasks)}`);
    await page.close();
  });

  test('odd text: nbsp, soft hyphens, zero-width, Hangul, RTL, emoji, a 50,000-character paragraph, deep nesting', async () => {
    const page = await open('/odd-text.html');
    await readyStatus(page);
    const painted = await pollUntil(() => page.evaluate(paintedTexts, NAMES), (p) => (p.texts[HIGHLIGHT_NAMES.figure]?.length ?? 0) > 500, { timeoutMs: 20_000 });
    assert.equal(painted.invalid, 0);
    const figures = [...(painted.texts[HIGHLIGHT_NAMES.figure] ?? []), ...(painted.texts[HIGHLIGHT_NAMES.figureDiffers] ?? [])];
    assert.ok(figures.includes('$28\u00a0billion'), 'a figure with a no-break space is painted whole');
    assert.ok(figures.includes('12%'), 'a figure between emoji is painted');
    const officials = painted.texts[HIGHLIGHT_NAMES.official] ?? [];
    assert.ok(officials.length > 100, `officials in the long paragraph are painted (${officials.length})`);
    const deep = await page.evaluate(() => {
      const h = CSS.highlights.get('gloss-official');
      const deepest = document.querySelector('#deep')!;
      return [...(h ?? [])].some((r) => deepest.contains(r.startContainer));
    });
    assert.ok(deep, 'text 400 elements deep is painted');
    const p = await page.evaluate(probe);
    assert.deepEqual(p.foreign, []);
    assert.ok(p.textKept);
    const measures = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('gloss:')).map((m) => `${m.name}=${Math.round(m.duration)}ms`));
    console.log(`odd-text timings: ${measures.join(', ')}; long tasks seen by the page: ${JSON.stringify(p.longTasks)}`);
    await page.close();
  });

  test('no page errors on any test page', () => {
    assert.deepEqual(errors, []);
  });
});
