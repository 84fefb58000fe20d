/**
 * `npm run smoke -- <dir>`: loads every `*.html` page in `dir` in Chromium
 * with the built Gloss, offline (every request that is not to the local
 * server is aborted), and checks that Gloss settles on each page without
 * errors and without stalling it. Prints one line per page; exits 1 when any
 * page fails. Pages are measured, never copied: only counts are printed.
 *
 * A page fails when Gloss has not settled (status other than `loading`)
 * within SETTLE_MS, when the extension logs an error, or when the page's
 * next frame takes longer than FRAME_MS after Gloss settled.
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromiumWithGloss, statusOfTab, tabIdOf } from '../tests/e2e/helpers/chromium';
import { pollUntil } from '../tests/e2e/helpers/poll';
import { startStaticServer } from './serve';

/** Longest Gloss may take to settle on a page (the 1.3 MB page included). */
const SETTLE_MS = 20_000;
/** Longest the page's next animation frame may take once Gloss has settled. */
const FRAME_MS = 1_000;

/** One page's outcome. */
interface SmokeResult {
  file: string;
  state: string;
  settleMs: number;
  frameMs: number;
  counts: string;
  problems: string[];
}

const dir = resolve(process.argv[2] ?? '../shared/fixtures/pages');
const files = (await readdir(dir)).filter((f) => f.endsWith('.html')).sort();
if (files.length === 0) {
  console.error(`No .html pages in ${dir}`);
  process.exit(1);
}

const server = await startStaticServer({ root: dir });
const gloss = await launchChromiumWithGloss();
const results: SmokeResult[] = [];
try {
  // Offline: the pages' own scripts, images and trackers never load.
  await gloss.context.route('**/*', (route) =>
    route.request().url().startsWith(server.origin) ? route.continue() : route.abort('blockedbyclient'),
  );
  for (const file of files) {
    const page = await gloss.context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) {
        problems.push(`extension error: ${message.text().slice(0, 200)}`);
      }
    });
    page.on('pageerror', (error) => {
      if ((error.stack ?? '').includes('chrome-extension://')) problems.push(`extension exception: ${error.message.slice(0, 200)}`);
    });
    const started = Date.now();
    let state = 'not loaded';
    let counts = '';
    let settleMs = 0;
    let frameMs = 0;
    try {
      await page.goto(server.url(`/${encodeURIComponent(file)}`), { waitUntil: 'domcontentloaded', timeout: SETTLE_MS });
      const tabId = await tabIdOf(gloss.background, page);
      const status = await pollUntil(
        () => statusOfTab(gloss.background, tabId),
        (s) => 'state' in s && s.state !== 'loading',
        { timeoutMs: SETTLE_MS, intervalMs: 100 },
      );
      settleMs = Date.now() - started;
      state = 'state' in status ? status.state : `unreachable (${status.error})`;
      if (!('state' in status) || status.state === 'loading') problems.push(`did not settle within ${SETTLE_MS} ms`);
      if ('state' in status && status.state === 'ready') {
        const a = status.annotations;
        counts = `${a.officials.length} officials, ${a.figures.length} figures, ${a.claims.length} claims`;
      }
      const frameStart = Date.now();
      await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => done())));
      frameMs = Date.now() - frameStart;
      if (frameMs > FRAME_MS) problems.push(`next frame took ${frameMs} ms`);
    } catch (error) {
      problems.push(`failed: ${String(error).slice(0, 200)}`);
    } finally {
      await page.close();
    }
    results.push({ file, state, settleMs, frameMs, counts, problems });
    const mark = problems.length ? 'FAIL' : 'ok  ';
    console.log(`${mark} ${file.padEnd(24)} ${state.padEnd(12)} ${String(settleMs).padStart(6)} ms  frame ${frameMs} ms  ${counts}`);
    for (const problem of problems) console.log(`       ${problem}`);
  }
} finally {
  await gloss.close();
  await server.close();
}

const failed = results.filter((r) => r.problems.length > 0);
console.log(`\nsmoke: ${results.length - failed.length}/${results.length} pages ok`);
process.exit(failed.length ? 1 : 0);
