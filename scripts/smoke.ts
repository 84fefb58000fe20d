/**
 * `npm run smoke -- <dir>`: loads every `*.html` page in `dir` in Chromium
 * with the built Gloss, offline (every request that is not to the local
 * server is aborted), and checks that Gloss settles on each page without
 * errors and without stalling it. Prints one line per page; exits 1 when any
 * page fails. Pages are measured, never copied: only counts are printed.
 *
 * Per page it reports the highlights painted (read from `CSS.highlights` in
 * the page's own world), the page errors (all, and those from Gloss), whether
 * the page's text changed between DOMContentLoaded (before the content script
 * runs, at document_idle) and after Gloss settled, and the longest task.
 *
 * A page fails when Gloss has not settled (status other than `loading`)
 * within SETTLE_MS, when the extension logs an error or throws, when the
 * page's text changed, or when the page's next frame takes longer than
 * FRAME_MS after Gloss settled.
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
  painted: number;
  pageErrors: number;
  textChanged: boolean;
  longestTaskMs: number;
  problems: string[];
}

/** Page-world probe: the text before any content script ran, and the long tasks. */
const PROBE = `(() => {
  const probe = { text: null, longest: 0 };
  Object.defineProperty(window, '__glossSmoke', { value: probe });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longest = Math.max(probe.longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  document.addEventListener('DOMContentLoaded', () => { probe.text = document.body ? document.body.textContent : ''; }, { once: true });
})();`;

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
  await gloss.context.addInitScript(PROBE);
  for (const file of files) {
    const page = await gloss.context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) {
        problems.push(`extension error: ${message.text().slice(0, 200)}`);
      }
    });
    let pageErrors = 0;
    page.on('pageerror', (error) => {
      pageErrors++;
      if ((error.stack ?? '').includes('chrome-extension://')) problems.push(`extension exception: ${error.message.slice(0, 200)}`);
    });
    const started = Date.now();
    let state = 'not loaded';
    let counts = '';
    let settleMs = 0;
    let frameMs = 0;
    let painted = 0;
    let textChanged = false;
    let longestTaskMs = 0;
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
      const probe = await page.evaluate(() => {
        const p = (window as unknown as { __glossSmoke?: { text: string | null; longest: number } }).__glossSmoke;
        let n = 0;
        const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
        registry?.forEach((h, name) => {
          if (name.startsWith('gloss-')) n += h.size;
        });
        return { before: p?.text ?? null, now: document.body ? document.body.textContent : '', longest: p?.longest ?? 0, painted: n };
      });
      painted = probe.painted;
      longestTaskMs = Math.round(probe.longest);
      textChanged = probe.before !== null && probe.before !== probe.now;
      if (textChanged) problems.push('the page text changed');
    } catch (error) {
      problems.push(`failed: ${String(error).slice(0, 200)}`);
    } finally {
      await page.close();
    }
    results.push({ file, state, settleMs, frameMs, counts, painted, pageErrors, textChanged, longestTaskMs, problems });
    const mark = problems.length ? 'FAIL' : 'ok  ';
    console.log(
      `${mark} ${file.padEnd(24)} ${state.padEnd(12)} ${String(settleMs).padStart(6)} ms  frame ${frameMs} ms  ` +
        `painted ${painted}  page errors ${pageErrors} (from Gloss ${problems.filter((p) => p.startsWith('extension')).length})  text ${textChanged ? 'CHANGED' : 'unchanged'}  longest task ${longestTaskMs} ms  ${counts}`,
    );
    for (const problem of problems) console.log(`       ${problem}`);
  }
} finally {
  await gloss.close();
  await server.close();
}

const failed = results.filter((r) => r.problems.length > 0);
const glossErrorPages = results.filter((r) => r.problems.some((p) => p.startsWith('extension'))).length;
const changed = results.filter((r) => r.textChanged).length;
console.log(`\nsmoke: ${results.length - failed.length}/${results.length} pages ok; pages with Gloss errors: ${glossErrorPages}; pages whose text changed: ${changed}`);
process.exit(failed.length ? 1 : 0);
