/**
 * `npm run demo`: Gloss on the bundled seed article in Debian's Chromium.
 *
 * - With a display ($DISPLAY set): opens a real window on the article with Gloss
 *   loaded and waits until you close it.
 * - Without one: runs headless and writes screenshots to demo-output/, prints
 *   their paths, exits 0:
 *   - page.png: the annotated article (1280×900);
 *   - card.png: the card of the "$28 billion" figure, with its check against
 *     the official series; card-official.png: the card of the first official;
 *   - popup.png: the popup page at 1280×900, wide layout ("This page" beside
 *     "Context": lists, timeline with the article's date, chart with the
 *     article's figure); popup-narrow.png: the toolbar-size popup (400×600).
 *
 * Runs after `npm run build` (the npm script does both). Everything is local:
 * the article is served from 127.0.0.1 and the browser has a throwaway profile.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HIGHLIGHT_NAMES } from '../lib/messages';
import { CHROMIUM, missingBrowserMessage } from '../tests/e2e/helpers/browsers';
import { launchChromiumWithGloss, popupUrl, tabIdOf } from '../tests/e2e/helpers/chromium';
import { paintedCounts, rectOfText } from '../tests/e2e/helpers/page-probes';
import { pollUntil } from '../tests/e2e/helpers/poll';
import { SEED_EXPECTED } from '../tests/e2e/helpers/seed-expectations';
import { REPO_ROOT, SEED_PATH, serveSeedArticle } from './serve';

/** Where the headless demo writes its screenshots. */
const OUTPUT_DIR = join(REPO_ROOT, 'demo-output');
/** How long a hover takes to open a card (the card opens after a short intent delay). */
const HOVER_WAIT_MS = 600;
/** Where the hovered text sits on screen (px from the top) for the card shots: room for a full card below it. */
const CARD_ANCHOR_Y = 200;
/** The figure whose card card.png shows: it has a check against the official trade series. */
const FIGURE_HOVER_TEXT = '$28 billion';
/** The popup page's size for popup.png: wide enough for both panels and the context side by side. */
const WIDE_POPUP = { width: 1280, height: 900 };
/** The toolbar popup's size, for popup-narrow.png. */
const NARROW_POPUP = { width: 400, height: 600 };

/**
 * Hovers the first occurrence of `text` on the page and saves the screen once
 * the card is open. Warns (and still saves) when the text is missing or when
 * nothing changed on screen, i.e. no card opened.
 */
async function screenshotCard(page: Page, text: string, path: string): Promise<void> {
  await page.mouse.move(2, 2);
  await page.waitForTimeout(HOVER_WAIT_MS);
  const centred = await page.evaluate(rectOfText, text);
  if (!centred) {
    console.warn(`warning: "${text}" not found on the page; ${path} shows no card`);
    await page.screenshot({ path });
    return;
  }
  // rectOfText centres the text; move it up to the top quarter so the whole card fits below it.
  const moved = await page.evaluate((dy) => {
    const before = window.scrollY;
    window.scrollBy(0, dy);
    return window.scrollY - before;
  }, centred.y - CARD_ANCHOR_Y);
  const rect = { ...centred, y: centred.y - moved };
  const before = await page.screenshot();
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
  await page.waitForTimeout(HOVER_WAIT_MS);
  const after = await page.screenshot();
  await writeFile(path, after);
  if (before.equals(after)) console.warn(`warning: hovering "${text}" changed nothing on screen: no card appeared`);
}

/** Opens the popup page for `tabId` at `size` and saves it once its lists are drawn. */
async function screenshotPopup(page: Page, url: string, size: { width: number; height: number }, path: string): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('.gloss-list li').first().waitFor({ timeout: 10_000 }).catch(() => {
    console.warn(`warning: the popup listed nothing; ${path} shows its state instead`);
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path });
}

if (!existsSync(CHROMIUM.path)) {
  console.error(missingBrowserMessage(CHROMIUM));
  console.error('`bash .ci/run` (as root) installs it along with everything the tests need.');
  process.exit(1);
}

const server = await serveSeedArticle();
const articleUrl = server.url(SEED_PATH);
const windowed = Boolean(process.env.DISPLAY);
const gloss = await launchChromiumWithGloss({ headless: !windowed, viewport: windowed ? null : { width: 1280, height: 900 } });

try {
  const page = await gloss.context.newPage();
  await page.goto(articleUrl, { waitUntil: 'load' });

  if (windowed) {
    console.log(`Gloss is running on ${articleUrl}. Hover a highlight, open the Gloss toolbar button; close the window to finish.`);
    await new Promise<void>((resolve) => gloss.context.on('close', () => resolve()));
  } else {
    const names = Object.values(HIGHLIGHT_NAMES);
    const counts = await pollUntil(
      () => page.evaluate(paintedCounts, names),
      (c) => (c.highlights[HIGHLIGHT_NAMES.official] ?? 0) > 0 || c.marks > 0,
    );
    const painted = Object.values(counts.highlights).reduce<number>((sum, n) => sum + (n ?? 0), 0) + counts.marks;
    if (painted === 0) console.warn('warning: Gloss painted nothing on the article (is the content script built?)');
    else console.log(`painted: ${JSON.stringify(counts.highlights)}${counts.marks ? `, ${counts.marks} marks` : ''}`);

    await mkdir(OUTPUT_DIR, { recursive: true });
    const pagePng = join(OUTPUT_DIR, 'page.png');
    await page.screenshot({ path: pagePng });

    const cardPng = join(OUTPUT_DIR, 'card.png');
    const officialPng = join(OUTPUT_DIR, 'card-official.png');
    await screenshotCard(page, FIGURE_HOVER_TEXT, cardPng);
    await screenshotCard(page, SEED_EXPECTED.hoverText, officialPng);

    const tabId = await tabIdOf(gloss.background, page);
    const popup = await gloss.context.newPage();
    const url = popupUrl(gloss.extensionId, tabId);
    const popupPng = join(OUTPUT_DIR, 'popup.png');
    const narrowPng = join(OUTPUT_DIR, 'popup-narrow.png');
    await screenshotPopup(popup, url, WIDE_POPUP, popupPng);
    await screenshotPopup(popup, url, NARROW_POPUP, narrowPng);

    for (const path of [pagePng, cardPng, officialPng, popupPng, narrowPng]) console.log(path);
  }
} finally {
  await gloss.close().catch(() => undefined);
  await server.close();
}
