/**
 * `npm run demo`: Gloss on the bundled seed article in Debian's Chromium.
 *
 * - With a display ($DISPLAY set): opens a real window on the article with Gloss
 *   loaded and waits until you close it.
 * - Without one: runs headless and writes three screenshots to demo-output/
 *   (page.png: the annotated article; card.png: the card shown on hovering an
 *   official; popup.png: the popup for that tab), prints their paths, exits 0.
 *
 * Runs after `npm run build` (the npm script does both). Everything is local:
 * the article is served from 127.0.0.1 and the browser has a throwaway profile.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

    // Aim at the first official: scroll its text into view, then hover it.
    const rect = await page.evaluate(rectOfText, SEED_EXPECTED.hoverText);
    const cardPng = join(OUTPUT_DIR, 'card.png');
    if (!rect) {
      console.warn(`warning: "${SEED_EXPECTED.hoverText}" not found on the page; card.png shows no hover`);
      await page.screenshot({ path: cardPng });
    } else {
      await page.mouse.move(2, 2);
      const before = await page.screenshot();
      await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
      await page.waitForTimeout(HOVER_WAIT_MS);
      const after = await page.screenshot();
      await writeFile(cardPng, after);
      if (before.equals(after)) console.warn('warning: hovering the official changed nothing on screen: no card appeared');
    }

    const tabId = await tabIdOf(gloss.background, page);
    const popup = await gloss.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(popupUrl(gloss.extensionId, tabId), { waitUntil: 'load' });
    await popup.waitForTimeout(800);
    const popupPng = join(OUTPUT_DIR, 'popup.png');
    await popup.screenshot({ path: popupPng });

    for (const path of [pagePng, cardPng, popupPng]) console.log(path);
  }
} finally {
  await gloss.close().catch(() => undefined);
  await server.close();
}
