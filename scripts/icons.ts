/**
 * Draws Gloss's toolbar and store icons (public/icon/16|32|48|128.png): a
 * highlighter stroke under a bold "G". Rendered by headless Chromium from an
 * SVG so the PNGs are real, anti-aliased and transparent outside the tile.
 *
 * Run: `tsx scripts/icons.ts` (needs /usr/bin/chromium). The PNGs are committed;
 * run this only to change the mark.
 */
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM, requireBrowser } from '../tests/e2e/helpers/browsers';
import { REPO_ROOT } from './serve';

/** Icon sizes WXT picks up from public/icon/<size>.png into the manifest. */
const SIZES = [16, 32, 48, 128] as const;

/** The mark on a 128-unit grid; small sizes drop the tile's border for legibility. */
function iconSvg(size: number): string {
  const small = size <= 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#14304f"/>
  <path d="M14 ${small ? 92 : 90} L114 ${small ? 62 : 66}" stroke="#ffd21f" stroke-width="${small ? 40 : 34}" stroke-linecap="round" opacity="0.95"/>
  <text x="64" y="${small ? 100 : 97}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif"
        font-weight="bold" font-size="${small ? 112 : 96}" fill="#ffffff" stroke="#14304f" stroke-width="${small ? 0 : 3}"
        paint-order="stroke">G</text>
</svg>`;
}

const browser = await chromium.launch({ executablePath: requireBrowser(CHROMIUM), headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const dir = join(REPO_ROOT, 'public', 'icon');
  await mkdir(dir, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(size)}</body></html>`);
    const path = join(dir, `${size}.png`);
    await page.locator('svg').screenshot({ path, omitBackground: true });
    console.log(`wrote ${path}`);
  }
} finally {
  await browser.close();
}
