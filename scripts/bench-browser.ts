/**
 * `npm run bench:browser [-- --runs N] [--page NAME[,NAME…]] [--json] [--verbose]`
 *
 * Times Gloss in headless Chromium (the built extension, `.output/chrome-mv3`:
 * the content script, and the background where the engine runs) on real pages, next to two references on the same
 * pages loaded afresh in a browser without Gloss:
 *
 * - the floor: a minimal script that walks the article's text nodes once,
 *   reads their text, and registers one highlight range per annotation Gloss
 *   found (StaticRanges, one Highlight, `CSS.highlights.set`): what any in-page
 *   highlighter that paints them all must at least do;
 * - the usual highlighter: mark.js (node_modules/mark.js) marking the same
 *   terms (the pack's names and aliases plus the figure strings Gloss found).
 *
 * Pages: the bundled seed article, a generated ~1.5 MB article page
 * (`make-big-article.ts`), the largest real page in ../shared/fixtures/pages
 * (read there at run time, never copied) when it exists, and a page with no
 * article. Each is measured `--runs` times (default 5); medians are reported.
 *
 * How Gloss is timed, honestly and from outside: the content script writes
 * User Timing entries (`gloss:start` when it starts, `gloss:paint-in-view`,
 * `gloss:paint`, and one `gloss:slice` per stretch of main-thread work
 * between yields). Performance entries belong to the document, so the page's
 * main world reads them; no message or DOM attribute exposes annotations.
 * Long tasks come from a `longtask` PerformanceObserver installed in the main
 * world before the page loads (any task over 50 ms during Gloss's run counts
 * against Gloss). Heap: CDP `Runtime.getHeapUsage` after
 * `HeapProfiler.collectGarbage`, with Gloss minus the same page without it
 * (the isolate's heap holds the content script's world too); the peak is
 * sampled every 20 ms in one extra, untimed run. Scrolling: one more run
 * scrolls the page for 40 frames under the CPU profiler and counts the
 * samples whose stack holds the content script. `--verbose` prints each
 * load's timeline to stderr (its long tasks and slices, in ms from
 * `gloss:start`), to find which task a long one was.
 */
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, requireBrowser } from '../tests/e2e/helpers/browsers';
import { launchChromiumWithGloss, popupUrl, statusOfTab, tabIdOf, type ChromiumWithGloss } from '../tests/e2e/helpers/chromium';
import { CHROME_BUILD, REPO_ROOT } from '../tests/e2e/helpers/paths';
import { bundledPacks } from '../lib/packs/bundled';
import { makeBigArticleHtml } from './make-big-article';

/** One page to measure. */
interface BenchPage {
  name: string;
  path: string;
  html: string;
  /** True when Gloss should find an article (else only the no-article path is timed). */
  article: boolean;
}

/** What the page's main world reads after Gloss's run. */
interface GlossTimeline {
  start: number | null;
  extractEnd: number | null;
  /** When the annotations were ready on the page (the end of `gloss:annotate`: the background's answer assembled). */
  readyEnd: number | null;
  /** The end of `gloss:annotate-head`: a long article's head annotated and assembled (null: no head was asked for). */
  headReadyEnd: number | null;
  inViewEnd: number | null;
  paintEnd: number | null;
  slices: number[];
  sliceStarts: number[];
  longTasks: { start: number; duration: number }[];
  painted: number;
}

/** Medians of one page. */
interface PageResult {
  name: string;
  bytes: number;
  textChars: number;
  /** What Gloss found (officials, figures and claims). */
  annotations: number;
  /** Highlight ranges registered when Gloss was done: all of them, or the window near the viewport on very large pages. */
  registered: number;
  glossMs: number;
  /** The first run on this page (the background meets an article of this size for the first time: its engine is least warm). */
  glossFirstMs: number;
  /** The median of the runs after the first. */
  glossWarmMs: number | null;
  /**
   * To every highlight in view painted. On a long article that is the head's paint (its first
   * blocks, annotated on their own: `lib/dom/article-head.ts`) when the head holds every block in view.
   */
  glossVisibleMs: number | null;
  /** From the annotations painted in view (the head's, or the whole article's) being ready on the page to those highlights painted. */
  readyToInViewMs: number | null;
  glossMainThreadMs: number;
  longestSliceMs: number;
  longestTaskMs: number;
  floorMs: number | null;
  markjsMs: number | null;
  markjsMarks: number | null;
  glossOverFloor: number | null;
  /** `glossVisibleMs` over the floor: how soon the reader sees the highlights in view. */
  inViewOverFloor: number | null;
  /**
   * Gloss's main-thread time over the floor: what the page itself pays, against the least an
   * annotator's page must pay. Beside `glossOverFloor`, not instead of it: the target is on the
   * wall time, which also counts the background's engine (on another thread) and the messages.
   */
  mainThreadOverFloor: number | null;
  markjsOverGloss: number | null;
  heapBytes: number;
  peakHeapBytes: number;
  /**
   * The largest heap sampled after a full garbage collection during a run: what Gloss keeps alive
   * at its busiest, without the garbage V8 has not yet collected (which `peakHeapBytes` counts).
   */
  peakLiveHeapBytes: number;
  /** Gloss's main-thread time per frame while the page scrolls (its window following the viewport on very large pages). */
  scrollFrameMs: number | null;
  runs: number;
}

const HIGHLIGHT_NAMES = ['gloss-official', 'gloss-figure', 'gloss-figure-differs', 'gloss-claim'];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** From the answer that was painted in view (the head's when it was, else the whole article's) to the in-view paint. */
function readyToInView(t: GlossTimeline): number | null {
  if (t.inViewEnd === null) return null;
  const ready = t.headReadyEnd !== null && t.headReadyEnd <= t.inViewEnd ? t.headReadyEnd : t.readyEnd;
  return ready !== null && ready <= t.inViewEnd ? t.inViewEnd - ready : null;
}

function medianOrNull(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length > 0 ? median(present) : null;
}

// ---- Pages and server -----------------------------------------------------------

/** A page with no article: site furniture only (navigation, a search form, a list of links). */
function noArticleHtml(): string {
  const links = Array.from({ length: 60 }, (_, i) => `<li><a href="#s${i}">Section ${i + 1}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Synthetic Gazette: sections</title></head>
<body><header><nav><ul>${links}</ul></nav></header><main><form><label>Search <input name="q"></label><button>Go</button></form>
<ul class="tiles">${links}</ul></main><footer><p>Contact us</p></footer></body></html>`;
}

/** The largest page in ../shared/fixtures/pages, read where it is (measurement only, never copied). */
function largestSharedPage(): BenchPage | null {
  const dir = resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'pages');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
  if (files.length === 0) return null;
  const largest = files.map((f) => ({ f, size: statSync(join(dir, f)).size })).sort((a, b) => b.size - a.size)[0]!;
  return { name: largest.f.replace(/\.html$/, ''), path: `/shared/${largest.f}`, html: readFileSync(join(dir, largest.f), 'utf8'), article: true };
}

function benchPages(): BenchPage[] {
  const pages: BenchPage[] = [
    { name: 'seed', path: '/2017/08/23/seed.html', html: readFileSync(join(REPO_ROOT, 'samples', 'seed-korus-2017.html'), 'utf8'), article: true },
    { name: 'big-1.5MB', path: '/2017/08/23/big.html', html: makeBigArticleHtml(2000), article: true },
  ];
  const shared = largestSharedPage();
  if (shared) pages.push(shared);
  pages.push({ name: 'no-article', path: '/sections/index.html', html: noArticleHtml(), article: false });
  return pages;
}

async function serve(pages: readonly BenchPage[]): Promise<{ origin: string; close(): Promise<void> }> {
  const byPath = new Map(pages.map((p) => [p.path, p.html]));
  const server: Server = createServer((req, res) => {
    const html = byPath.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** Offline: anything but the local server is refused (real pages reference ads, fonts, trackers). */
async function offline(context: BrowserContext, origin: string): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(origin) || url.startsWith('chrome-extension://') ? route.continue() : route.abort('blockedbyclient');
  });
}

// ---- In-page probes (serialised into the page: self-contained, no named inner functions) ----

function installLongTaskObserver(): void {
  const w = window as unknown as { __benchLongTasks: { start: number; duration: number }[] };
  w.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask support: the slices still give the longest stretch.
  }
}

function readGlossTimeline(names: string[]): GlossTimeline {
  // Inline callbacks only: a named inner function would need tsx's `__name` helper in the page.
  const [extractEnd, readyEnd, headReadyEnd, inViewEnd, paintEnd] = ['gloss:extract', 'gloss:annotate', 'gloss:annotate-head', 'gloss:paint-in-view', 'gloss:paint'].map((name) => {
    const all = performance.getEntriesByName(name);
    const e = all[all.length - 1];
    return e ? e.startTime + e.duration : null;
  });
  const start = performance.getEntriesByName('gloss:start')[0]?.startTime ?? null;
  const slices = performance.getEntriesByName('gloss:slice');
  let painted = 0;
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  for (const n of names) painted += registry?.get(n)?.size ?? 0;
  painted += document.querySelectorAll('gloss-mark').length;
  return {
    start,
    extractEnd: extractEnd ?? null,
    readyEnd: readyEnd ?? null,
    headReadyEnd: headReadyEnd ?? null,
    inViewEnd: inViewEnd ?? null,
    paintEnd: paintEnd ?? null,
    slices: slices.map((e) => e.duration),
    sliceStarts: slices.map((e) => e.startTime),
    longTasks: (window as unknown as { __benchLongTasks?: { start: number; duration: number }[] }).__benchLongTasks ?? [],
    painted,
  };
}

function runFloor(count: number): { ms: number; chars: number } {
  const t0 = performance.now();
  const root = document.querySelector('article') ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Text).data;
    chars += text.length;
    if (text.trim().length > 0) nodes.push(n as Text);
  }
  const ranges: StaticRange[] = [];
  for (let i = 0; i < count && nodes.length > 0; i++) {
    const node = nodes[(i * 7919) % nodes.length]!;
    ranges.push(new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: Math.min(node.data.length, 4) }));
  }
  CSS.highlights.set('bench-floor', new Highlight(...ranges));
  return { ms: performance.now() - t0, chars };
}

function runMarkJs(terms: string[]): Promise<{ ms: number; marks: number }> {
  const MarkCtor = (window as unknown as { Mark: new (el: Element) => { mark(t: string[], o: object): void } }).Mark;
  const root = document.querySelector('article') ?? document.body;
  return new Promise((done) => {
    const options: Record<string, unknown> = { separateWordSearch: false, diacritics: false };
    // Assigned, not written in the literal: a named property function would need tsx's `__name` in the page.
    options['done'] = (marks: number): void => done({ ms: performance.now() - t0, marks });
    const t0 = performance.now();
    new MarkCtor(root).mark(terms, options);
  });
}

// ---- Measurements ---------------------------------------------------------------

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return heapNow(cdp);
}

/**
 * The page isolate's JS heap in use plus its ArrayBuffer backing stores:
 * typed arrays (Gloss keeps a very long article's places in them) live
 * outside the JS heap, and leaving them out would flatter Gloss.
 */
async function heapNow(cdp: CDPSession): Promise<number> {
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

/**
 * Waits for Gloss to finish on `page` without Playwright's `waitForFunction`:
 * that injects Playwright's 330 KB helper script into the page while Gloss is
 * still working, a 13 ms task (19 ms with its message) that real pages never
 * have and that delayed Gloss's messages in the measurement. Instead one
 * CDP `Runtime.evaluate` awaits a promise that checks the page's timeline
 * every 20 ms (microseconds each).
 */
async function waitForGloss(page: Page, article: boolean): Promise<void> {
  const name = article ? 'gloss:paint' : 'gloss:extract';
  const timeoutMs = article ? 180_000 : 60_000;
  const expression = `new Promise((resolve) => {
    const deadline = Date.now() + ${timeoutMs};
    const check = () => performance.getEntriesByName(${JSON.stringify(name)}).length > 0 ? resolve(true) : Date.now() > deadline ? resolve(false) : setTimeout(check, 20);
    check();
  })`;
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as { result: { value?: unknown } };
    if (result.value !== true) throw new Error(`Gloss did not reach ${name} within ${timeoutMs} ms`);
  } finally {
    await cdp.detach();
  }
  if (!article) await page.waitForTimeout(300);
}

interface GlossRun {
  timeline: GlossTimeline;
  heapWith: number;
}

async function glossRun(gloss: ChromiumWithGloss, url: string, article: boolean): Promise<GlossRun & { page: Page }> {
  const page = await gloss.context.newPage();
  await page.addInitScript(installLongTaskObserver);
  await page.goto(url, { waitUntil: 'load' });
  await waitForGloss(page, article);
  const timeline = await page.evaluate(readGlossTimeline, HIGHLIGHT_NAMES);
  const cdp = await gloss.context.newCDPSession(page);
  const heapWith = await heapUsed(cdp);
  await cdp.detach();
  return { page, timeline, heapWith };
}

/** One extra run sampling the heap every 20 ms while Gloss works: the peak above the page's own heap. */
async function peakHeapRun(gloss: ChromiumWithGloss, url: string, article: boolean, live = false): Promise<number> {
  const page = await gloss.context.newPage();
  const cdp = await gloss.context.newCDPSession(page);
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        // Live: each sample after a full collection (slower, so this run is not timed either).
        peak = Math.max(peak, live ? await heapUsed(cdp) : await heapNow(cdp));
      } catch {
        // Navigation in progress.
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await page.goto(url, { waitUntil: 'load' });
  await waitForGloss(page, article);
  sampling = false;
  await sampler;
  await cdp.detach();
  await page.close();
  return peak;
}

/** Frames scrolled when measuring Gloss's cost while the reader scrolls. */
const SCROLL_FRAMES = 40;

/**
 * Gloss's main-thread time per frame while the page scrolls, from a CPU
 * profile of the page's isolate: every sample whose stack holds the content
 * script counts (with the browser work it calls, such as reading boxes).
 * On a windowed page this is the cost of the window following the viewport.
 */
async function scrollRun(gloss: ChromiumWithGloss, url: string): Promise<number> {
  const page = await gloss.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await waitForGloss(page, true);
  const cdp = await gloss.context.newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const expression = `(async () => { for (let k = 0; k < ${SCROLL_FRAMES}; k++) { window.scrollBy(0, 400); await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); } })()`;
    await cdp.send('Runtime.evaluate', { expression, awaitPromise: true });
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    return timeInScript(profile, '/content-scripts/content.js') / SCROLL_FRAMES;
  } finally {
    await cdp.detach();
    await page.close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of `profile` whose stack holds a frame of the script at `urlPart`. */
function timeInScript(profile: CpuProfile, urlPart: string): number {
  const parent = new Map<number, number>();
  const inScript = new Map<number, boolean>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const holds = (id: number): boolean => {
    const known = inScript.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const value = (byId.get(id)?.callFrame.url.includes(urlPart) ?? false) || (up !== undefined && holds(up));
    inScript.set(id, value);
    return value;
  };
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (holds(id)) us += profile.timeDeltas[i] ?? 0;
  });
  return us / 1000;
}

interface PlainRun {
  heapWithout: number;
  floor: { ms: number; chars: number };
}

async function floorRun(plain: BrowserContext, url: string, count: number): Promise<PlainRun> {
  const page = await plain.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const cdp = await plain.newCDPSession(page);
  const heapWithout = await heapUsed(cdp);
  await cdp.detach();
  const floor = await page.evaluate(runFloor, count);
  await page.close();
  return { heapWithout, floor };
}

async function markJsRun(plain: BrowserContext, url: string, markJs: string, terms: string[]): Promise<{ ms: number; marks: number }> {
  const page = await plain.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: markJs });
  const out = await page.evaluate(runMarkJs, terms);
  await page.close();
  return out;
}

/** The terms mark.js is given: every pack name, alias and misspelling, plus the figure strings Gloss found. */
function markTerms(figureTexts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const pack of bundledPacks) {
    for (const e of pack.entities) for (const t of [e.name, ...e.aliases, ...e.misspellings]) terms.add(t);
  }
  for (const f of figureTexts) terms.add(f.replace(/\s+/g, ' '));
  return [...terms];
}

/** What Gloss found on the page (its status): every figure's text, and how many annotations in all. */
async function foundOn(gloss: ChromiumWithGloss, page: Page): Promise<{ figureTexts: string[]; annotations: number }> {
  const tabId = await tabIdOf(gloss.background, page);
  const status = await statusOfTab(gloss.background, tabId);
  if (!('state' in status) || status.state !== 'ready') return { figureTexts: [], annotations: 0 };
  const a = status.annotations;
  return { figureTexts: a.figures.map((f) => f.text), annotations: a.officials.length + a.figures.length + a.claims.length };
}

/**
 * One load's timeline in ms from `gloss:start`: Gloss's span, the page's long tasks (start+duration; a
 * task that ends at 0 is the one in which the browser evaluated the content script) and Gloss's slices.
 */
function describeLoad(name: string, run: number, t: GlossTimeline): string {
  const start = t.start ?? 0;
  const at = (ms: number): string => (ms - start).toFixed(0);
  const end = t.paintEnd ?? t.extractEnd;
  const tasks = t.longTasks.map((lt) => `${at(lt.start)}+${lt.duration.toFixed(0)}`).join(' ') || 'none';
  const slices = t.slices.map((d, i) => `${at(t.sliceStarts[i] ?? start)}+${d.toFixed(1)}`).join(' ');
  return `${name} load ${run + 1}: Gloss 0–${end === null ? '?' : at(end)} ms; long tasks ${tasks}; slices ${slices}`;
}

async function measurePage(gloss: ChromiumWithGloss, plain: BrowserContext, origin: string, page: BenchPage, runs: number, markJs: string, verbose = false): Promise<PageResult> {
  const url = origin + page.path;
  const glossRuns: GlossRun[] = [];
  let terms: string[] = [];
  let annotations = 0;
  for (let i = 0; i < runs; i++) {
    const run = await glossRun(gloss, url, page.article);
    if (i === 0 && page.article) {
      const found = await foundOn(gloss, run.page);
      terms = markTerms(found.figureTexts);
      annotations = found.annotations;
    }
    await run.page.close();
    glossRuns.push(run);
    if (verbose) process.stderr.write(`${describeLoad(page.name, i, run.timeline)}\n`);
  }
  const peak = await peakHeapRun(gloss, url, page.article);
  const peakLive = await peakHeapRun(gloss, url, page.article, true);
  const scrollFrameMs = page.article ? await scrollRun(gloss, url) : null;
  const painted = median(glossRuns.map((r) => r.timeline.painted));
  const plainRuns: PlainRun[] = [];
  const marks: { ms: number; marks: number }[] = [];
  for (let i = 0; i < runs; i++) {
    // The floor registers a range for every annotation, even where Gloss registers only those near
    // the viewport (pages with more than WINDOWED_FROM): the least an annotator that paints them all must do.
    plainRuns.push(await floorRun(plain, url, annotations));
    if (page.article) marks.push(await markJsRun(plain, url, markJs, terms));
  }

  const perRun = glossRuns.map(({ timeline: t }) => {
    const start = t.start ?? 0;
    const end = (page.article ? t.paintEnd : t.extractEnd) ?? start;
    // Long tasks that overlap Gloss's run (the page itself is idle by then: it has loaded).
    const tasks = t.longTasks.filter((lt) => lt.start + lt.duration > start && lt.start < end).map((lt) => lt.duration);
    return {
      total: end - start,
      visible: t.inViewEnd !== null ? t.inViewEnd - start : null,
      readyToInView: readyToInView(t),
      busy: t.slices.reduce((a, b) => a + b, 0),
      longestSlice: Math.max(0, ...t.slices),
      longestTask: Math.max(0, ...tasks, ...t.slices),
    };
  });
  const heapWithout = median(plainRuns.map((r) => r.heapWithout));
  const glossMs = median(perRun.map((r) => r.total));
  const glossVisibleMs = medianOrNull(perRun.map((r) => r.visible));
  const mainThreadMs = median(perRun.map((r) => r.busy));
  const floorMs = page.article ? median(plainRuns.map((r) => r.floor.ms)) : null;
  const markjsMs = page.article ? median(marks.map((m) => m.ms)) : null;
  return {
    name: page.name,
    bytes: Buffer.byteLength(page.html),
    textChars: median(plainRuns.map((r) => r.floor.chars)),
    annotations,
    registered: painted,
    glossMs,
    glossFirstMs: perRun[0]?.total ?? NaN,
    glossWarmMs: perRun.length > 1 ? median(perRun.slice(1).map((r) => r.total)) : null,
    glossVisibleMs,
    readyToInViewMs: medianOrNull(perRun.map((r) => r.readyToInView)),
    glossMainThreadMs: mainThreadMs,
    longestSliceMs: median(perRun.map((r) => r.longestSlice)),
    longestTaskMs: Math.max(...perRun.map((r) => r.longestTask)),
    floorMs,
    markjsMs,
    markjsMarks: page.article ? median(marks.map((m) => m.marks)) : null,
    glossOverFloor: floorMs ? glossMs / floorMs : null,
    inViewOverFloor: floorMs && glossVisibleMs !== null ? glossVisibleMs / floorMs : null,
    mainThreadOverFloor: floorMs ? mainThreadMs / floorMs : null,
    markjsOverGloss: markjsMs !== null ? markjsMs / glossMs : null,
    heapBytes: Math.max(0, median(glossRuns.map((r) => r.heapWith)) - heapWithout),
    peakHeapBytes: Math.max(0, peak - heapWithout),
    peakLiveHeapBytes: Math.max(0, peakLive - heapWithout),
    scrollFrameMs,
    runs,
  };
}

/** Time until the popup for the seed page's tab shows its officials (and its first contentful paint). */
async function popupTimes(gloss: ChromiumWithGloss, origin: string, runs: number): Promise<{ firstPaintMs: number; dataMs: number }> {
  const page = await gloss.context.newPage();
  await page.goto(`${origin}/2017/08/23/seed.html`, { waitUntil: 'load' });
  await waitForGloss(page, true);
  const tabId = await tabIdOf(gloss.background, page);
  const paints: number[] = [];
  const data: number[] = [];
  for (let i = 0; i < runs; i++) {
    const popup = await gloss.context.newPage();
    await popup.goto(popupUrl(gloss.extensionId, tabId));
    await popup.waitForFunction(
      () => {
        const w = window as unknown as { __benchData?: number };
        if (document.body.innerText.includes('Kim Hyun-chong')) w.__benchData ??= performance.now();
        return w.__benchData !== undefined;
      },
      null,
      { timeout: 30_000, polling: 'raf' },
    );
    const t = await popup.evaluate(() => ({
      data: (window as unknown as { __benchData: number }).__benchData,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    data.push(t.data);
    if (t.fcp !== null) paints.push(t.fcp);
    await popup.close();
  }
  await page.close();
  return { firstPaintMs: median(paints), dataMs: median(data) };
}

function gzBytes(files: readonly string[]): { raw: number; gz: number } {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const body = readFileSync(f);
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gz };
}

/** Bundle sizes from the Chrome build: what each context loads (the popup's shared chunks included). */
function bundleSizes(): Record<string, number> {
  const dir = CHROME_BUILD;
  const content = gzBytes([join(dir, 'content-scripts', 'content.js'), join(dir, 'content-scripts', 'content.css')]);
  const popupHtml = readFileSync(join(dir, 'popup.html'), 'utf8');
  const popupFiles = [...popupHtml.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => join(dir, m[1]!));
  const popup = gzBytes([join(dir, 'popup.html'), ...popupFiles]);
  const background = gzBytes([join(dir, 'background.js')]);
  return {
    contentScriptBytes: content.raw,
    contentScriptGzBytes: content.gz,
    popupBytes: popup.raw,
    popupGzBytes: popup.gz,
    backgroundBytes: background.raw,
    backgroundGzBytes: background.gz,
  };
}

// ---- Report -------------------------------------------------------------------------

const fmt = (n: number | null, digits = 1): string => (n === null || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

function table(machine: Record<string, unknown>, pages: readonly PageResult[], bundle: Record<string, number>, popup: { firstPaintMs: number; dataMs: number }): string {
  const lines: string[] = [];
  lines.push(`Gloss in Chromium ${String(machine.chromium)} on ${String(machine.cpus)} × ${String(machine.model)}, ${String(machine.memory)}; Node ${String(machine.node)}; load average at start ${String(machine.loadAverage)}`);
  lines.push('');
  const head = ['page', 'size', 'found', 'shown', 'Gloss ms', 'first', 'warm', 'in view', 'ready→view', 'main thr.', 'longest', 'scroll', 'floor ms', 'mark.js', 'G/floor', 'view/floor', 'main/floor', 'mark/G', 'heap', 'peak', 'live pk'];
  const rows = pages.map((p) => [
    p.name, kb(p.bytes), String(p.annotations), String(p.registered), fmt(p.glossMs), fmt(p.glossFirstMs), fmt(p.glossWarmMs), fmt(p.glossVisibleMs), fmt(p.readyToInViewMs),
    fmt(p.glossMainThreadMs), fmt(p.longestTaskMs), fmt(p.scrollFrameMs, 2), fmt(p.floorMs, 2), fmt(p.markjsMs), fmt(p.glossOverFloor), fmt(p.inViewOverFloor), fmt(p.mainThreadOverFloor), fmt(p.markjsOverGloss), mb(p.heapBytes), mb(p.peakHeapBytes), mb(p.peakLiveHeapBytes),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  lines.push(line(head), ...rows.map(line));
  lines.push('');
  lines.push('found: annotations; shown: highlight ranges registered (only those near the viewport from 5,000 annotations on).');
  lines.push('Gloss ms: content script start to all highlights painted (median; first: the first run, warm: the median of the');
  lines.push('others); in view: to every highlight in view (on a long article, its head\'s paint when the head holds the blocks');
  lines.push('in view); ready→view: from the annotations painted in view assembled on the page to those highlights painted;');
  lines.push('main thr.: sum of its slices; longest: longest Gloss slice or long task during its run; G/floor: Gloss ms over');
  lines.push('floor ms (the target); view/floor: in view over floor ms; main/floor: main thr. over floor ms (what the page pays);');
  lines.push(`scroll: Gloss's main-thread ms per frame while the page scrolls (${SCROLL_FRAMES} frames, CPU profile); heap: retained JS heap`);
  lines.push('and ArrayBuffers with Gloss minus without; peak: sampled during a run, garbage not yet collected included;');
  lines.push('live pk: sampled during another run, each sample after a full garbage collection (what Gloss keeps alive at most).');
  lines.push('');
  lines.push(`Content script ${kb(bundle.contentScriptBytes!)} (${kb(bundle.contentScriptGzBytes!)} gzip), popup ${kb(bundle.popupBytes!)} (${kb(bundle.popupGzBytes!)} gzip), background ${kb(bundle.backgroundBytes!)} (${kb(bundle.backgroundGzBytes!)} gzip)`);
  lines.push(`Popup: first contentful paint ${fmt(popup.firstPaintMs)} ms, the seed page's officials shown at ${fmt(popup.dataMs)} ms`);
  return lines.join('\n');
}

function arg(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const runs = Math.max(1, Number(arg(argv, '--runs') ?? 5) || 5);
  const only = arg(argv, '--page');
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  const all = benchPages();
  const wanted = only?.split(',') ?? [];
  const unknown = wanted.filter((name) => !all.some((p) => p.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`bench-browser: no page named ${unknown.join(', ')}; the pages are ${all.map((p) => p.name).join(', ')}\n`);
    return 2;
  }
  const pages = all.filter((p) => wanted.length === 0 || wanted.includes(p.name));
  const markJs = readFileSync(join(REPO_ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
  const server = await serve(pages);
  const gloss = await launchChromiumWithGloss();
  const plainBrowser: Browser = await chromium.launch({
    executablePath: requireBrowser(CHROMIUM),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await offline(gloss.context, server.origin);
    await offline(plain, server.origin);
    const machine = {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      memory: `${Math.round(totalmem() / 2 ** 30)} GB`,
      chromium: plainBrowser.version(),
      node: process.version,
      loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      date: new Date().toISOString(),
    };
    const results: PageResult[] = [];
    for (const p of pages) {
      if (!json) process.stderr.write(`measuring ${p.name} (${runs} runs)…\n`);
      results.push(await measurePage(gloss, plain, server.origin, p, runs, markJs, verbose));
    }
    const popup = pages.some((p) => p.name === 'seed') ? await popupTimes(gloss, server.origin, runs) : { firstPaintMs: NaN, dataMs: NaN };
    const bundle = bundleSizes();
    if (json) {
      process.stdout.write(`${JSON.stringify({ machine, pages: results, bundle, popupFirstPaintMs: popup.firstPaintMs, popupDataMs: popup.dataMs }, null, 2)}\n`);
    } else {
      process.stdout.write(`${table(machine, results, bundle, popup)}\n`);
    }
    return 0;
  } finally {
    await plainBrowser.close();
    await gloss.close();
    await server.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench-browser: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
