/**
 * Gloss on one page: finds the article, annotates it, paints the annotations
 * (what is in view first), keeps them right as the page changes, opens cards on
 * hover, tap and keyboard, and answers the popup's requests.
 *
 * Everything it sets up is undone by `stop()` (highlights, listeners, observer,
 * timers, the card host), and `update()` is idempotent: running it twice paints
 * exactly what running it once does. Dependencies are injected so the same
 * class runs in the content script and in unit tests.
 */
import type { Annotations, ArticleText } from '../types';
import type { KnowledgePack } from '../packs/types';
import type { ContentRequest, PageStatus } from '../messages';
import type { Settings } from '../settings/types';
import type { ArticleDom, HeldArticle } from './types';
import type { CardHost, CardHostEvents } from '../../components/card/host';
import type { CardModel } from '../../components/card/model';
import { Highlighter, HighlightStyleSheet, type PaintItem, type PaintKind } from './highlighter';
import { staticRangeFor } from './range-map';
import { textBetween } from './extract';
import { HitIndex } from './hit-test';
import { PageWatcher, type PageChange } from './page-watcher';
import { keyAction } from './keyboard';
import { awaitOffMain, beginWork, endWork, inViewFirst, processInSlices, visibleBlocks, yieldToMain } from './scheduler';
import { capArticle, MAX_PAINTED_ITEMS } from './article-cap';
import { articleHead } from './article-head';
import { SpanTable } from './span-table';
import { BlockVisibility } from './block-visibility';
import { annotationSetOf, isAnnotationSet, type AnnotationSet } from '../annotation-set';

/** How often the card host is mounted again after the page removed it, before Gloss stops offering cards. */
const MAX_CARD_REMOUNTS = 3;

/**
 * From this many highlights on, only those near the viewport are registered
 * (`Highlighter.setWindowed` says why); below it, all are, in one go.
 */
export const WINDOWED_FROM = 5000;

/** How far beyond the viewport, in viewport heights above and below, a windowed page is painted. */
const WINDOW_MARGIN = 1;

/** An annotation to paint: where it is in the article's text, and how it looks. */
interface PaintSpan {
  id: string;
  kind: PaintKind;
  start: number;
  end: number;
}

/** The annotation lists a painted item can come from. */
export type AnnotationList = 'officials' | 'figures' | 'claims';

/** A mounted card UI: where cards render, and how to take it out of the page. */
export interface MountedCardUi {
  /** Element inside the shadow root that the card layer renders into. */
  container: HTMLElement;
  /** The element in the page that hosts the shadow root (mutations inside it are Gloss's own). */
  hostElement: Element;
  remove(): void;
}

/** What the controller needs from its environment. */
export interface ControllerDeps {
  doc: Document;
  /**
   * The extractor: synchronous (tests) or sliced (the content script: `extractInSlices`, which yields
   * to the page between slices and resolves to null when `signal` aborts).
   */
  extract: (doc: Document, url: string | null, signal: AbortSignal) => ArticleDom | null | Promise<ArticleDom | null>;
  /**
   * The engine: synchronous (tests) or sliced (the content script: `annotateInSlices`, which yields
   * to the page between slices and resolves to null when `signal` aborts).
   */
  annotate: (
    article: ArticleText,
    packs: readonly KnowledgePack[],
    signal: AbortSignal,
    /**
     * Reads the article's text back from the page's text nodes. The controller does not keep
     * `article.text` once the request is made (see `HeldArticle`): an engine that returns
     * annotations without their text (the background's columns) gets it from here.
     */
    textOf: (start: number, end: number) => string,
  ) => Annotations | AnnotationSet | Promise<Annotations | AnnotationSet | null>;
  packs: readonly KnowledgePack[];
  loadSettings: () => Promise<Settings>;
  /** Mounts the card UI on first use (a WXT shadow root in the extension). */
  mountCards: () => Promise<MountedCardUi>;
  /**
   * Starts fetching what the first card needs (the packs, in the extension)
   * when the pointer first rests on a highlight, so the fetch overlaps the
   * hover delay instead of following it. Optional; called once.
   */
  prefetchCards?: () => void;
  /** Builds the card host in a mounted container. */
  createCardHost: (container: HTMLElement, packs: readonly KnowledgePack[], events: CardHostEvents) => CardHost;
  /** Reports the painted count (the toolbar badge). */
  sendCount?: (count: number) => void;
  /** Use the `<gloss-mark>` fallback even where `CSS.highlights` exists (tests). */
  forceFallback?: boolean;
  /** Hover delays in ms (open after, close after leaving). */
  hoverOpenMs?: number;
  hoverCloseMs?: number;
  /** Quiet time after a text change before re-annotating (ms). */
  settleMs?: number;
}

/** What the engine returns for one request. */
type EngineAnswer = ReturnType<ControllerDeps['annotate']>;

/** A long article's head, asked for on its own (see `article-head.ts`). */
interface HeadRequest {
  /** How many of the article's blocks the head holds. */
  blocks: number;
  annotations: EngineAnswer;
  /** Resolves to null once the whole article's answer has arrived (or failed): the head is of no use then. */
  whole: Promise<null>;
  /** True once the whole article's answer has arrived (or failed). */
  wholeSettled: () => boolean;
}

/** An article handed to the engine, as `run` keeps it while it waits. */
interface Sent {
  held: HeldArticle;
  /** When the request was made (`performance.now()`). */
  at: number;
  annotations: EngineAnswer;
  head: HeadRequest | null;
}

/** True when every block index in `visible` is below `blocks` (the head holds every block in view). */
function coversAll(visible: ReadonlySet<number>, blocks: number): boolean {
  for (const b of visible) if (b >= blocks) return false;
  return true;
}

/**
 * Records a User Timing measure (visible in DevTools and to the browser tests)
 * so the cost of each step on real pages can be read without a profiler.
 */
function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Old engines without the options form: timing is diagnostics only.
  }
}

/** True when `host` is `site` or one of its subdomains. */
export function hostMatches(host: string, site: string): boolean {
  const s = site.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
  const h = host.toLowerCase();
  return s.length > 0 && (h === s || h.endsWith(`.${s}`));
}

/** Gloss's state for one document. */
export class GlossController {
  private readonly deps: ControllerDeps;
  private readonly doc: Document;
  private readonly view: Window;
  private readonly highlighter: Highlighter;
  private readonly styles: HighlightStyleSheet;
  private settings: Settings | null = null;
  /** The first settings read, which the first run waits for before painting. */
  private settingsRead: Promise<void> = Promise.resolve();
  private enabled = true;
  private state: PageStatus['state'] = 'loading';
  private dom: HeldArticle | null = null;
  private annotations: AnnotationSet | null = null;
  private order: PaintItem[] = [];
  /** Text offset where each item of `order` starts (same indices), for the window's binary searches. */
  private orderStarts: ArrayLike<number> = [];
  private hits = new HitIndex([]);
  /**
   * A windowed paint's spans, in reading order (`orderStarts` holds their
   * starts); null otherwise. Their items, with a StaticRange each, are made
   * only when needed: for the window, a card, a reveal or the keyboard
   * (`materialise`). On a page with 57,000 annotations, making every range up
   * front took about 85 ms and registering them with the highlighter 55 ms,
   * for a window of a few hundred.
   */
  private windowedSpans: SpanTable | null = null;
  /** The items the window shows now (a windowed paint's hit tests look only at these). */
  private windowItems: PaintItem[] = [];
  /** The article changed since the windowed paint: offsets no longer map to its text, so no new items are made. */
  private windowStale = false;
  /** Scroll and resize listeners (or the block observer) of a windowed paint; aborted with the paint. */
  private windowListeners: AbortController | null = null;
  /** Which blocks are near the viewport, as the browser reports it (null: read the boxes instead). */
  private nearBlocks: BlockVisibility | null = null;
  /** The blocks the window covers now, as a key, so scrolling within them changes nothing. */
  private windowKey = '';
  private windowFrame: number | null = null;
  private watcher: PageWatcher | null = null;
  private generation = 0;
  /** The most recent run started by `update`, so callers of an older one can wait for it. */
  private latestRun: Promise<void> = Promise.resolve();
  private running = false;
  private listeners: AbortController | null = null;
  private cards: { ui: MountedCardUi; host: CardHost } | null = null;
  private cardsPending: Promise<{ ui: MountedCardUi; host: CardHost } | null> | null = null;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private hovered: string | null = null;
  private openId: string | null = null;
  private pointerInCard = false;
  private navIndex = -1;
  private pointerFrame: number | null = null;
  private lastPointer: { x: number; y: number } | null = null;
  private lastRetry = 0;
  private lastSettingsJson = '';
  /** Whether this run has measured `gloss:paint-in-view` (a head paint may have done it before the whole article's). */
  private inViewMeasured = false;
  /** The painted highlights are a long article's head (see `article-head.ts`), to be replaced by the whole article's. */
  private provisional = false;
  /** Aborts the engine run of an update that a newer update or `stop()` has replaced. */
  private staleRun: AbortController | null = null;
  /** Whether `deps.prefetchCards` has been called (it is called once, on the first hover). */
  private cardsPrefetched = false;
  /** Times the card host was mounted again after the page removed it (see `cardHost`). */
  private cardRemounts = 0;

  constructor(deps: ControllerDeps) {
    this.deps = deps;
    this.doc = deps.doc;
    this.view = deps.doc.defaultView!;
    this.highlighter = new Highlighter(deps.doc, { forceFallback: deps.forceFallback });
    this.styles = new HighlightStyleSheet(deps.doc);
  }

  /** Which highlight mechanism is in use. */
  get paintMode(): 'highlights' | 'marks' {
    return this.highlighter.mode;
  }

  /**
   * The painted items, in reading order. In a windowed paint (from
   * `WINDOWED_FROM` annotations on) items are made as the window reaches
   * them, so this lists none; `paintedCount` counts them all.
   */
  get painted(): readonly PaintItem[] {
    return this.order;
  }

  /** How many annotations are painted (or ready for the window, in a windowed paint). */
  get paintedCount(): number {
    return this.windowedSpans ? this.windowedSpans.length : this.highlighter.size;
  }

  /** The current annotations, or null. */
  get current(): AnnotationSet | null {
    return this.annotations;
  }

  /**
   * Reads settings and, meanwhile, extracts and annotates the page (sliced);
   * paints once both are done, unless the site is disabled or the run mode
   * waits for the user. `signal` aborting stops everything.
   *
   * Why overlap: the settings read is mostly idle time waiting on the browser,
   * and the run mode is only known once it returns. Nothing is painted, and no
   * count is reported, before the settings arrive; a disabled site or
   * on-demand mode then abandons the speculative run at its next pause and
   * drops what it found (so at most the work done while the read was pending
   * is spent on such a page, and nothing of it is shown or kept).
   */
  async start(signal?: AbortSignal): Promise<void> {
    if (this.running) return this.update();
    this.running = true;
    signal?.addEventListener('abort', () => this.stop(), { once: true });
    const settingsRead = this.readSettings();
    this.settingsRead = settingsRead;
    const speculative = this.update();
    await settingsRead;
    if (!this.running) return;
    const disabled = this.siteDisabled();
    this.enabled = this.settings!.runMode !== 'on-demand';
    if (disabled || !this.enabled) {
      this.abandonRun();
      await speculative;
      this.state = disabled ? 'disabled-site' : 'off';
      if (!disabled) this.listen();
      return;
    }
    this.listen();
    await speculative;
  }

  /** Drops the speculative first run (its engine stops at its next pause) and everything it found. */
  private abandonRun(): void {
    this.generation++;
    this.staleRun?.abort();
    this.staleRun = null;
    this.clearPaint();
    this.watcher?.stop();
    this.watcher = null;
    this.dom = null;
    this.annotations = null;
  }

  /** Re-extracts, re-annotates and repaints the page (idempotent). */
  async update(): Promise<void> {
    if (!this.running) return;
    beginWork();
    try {
      let run = this.run();
      this.latestRun = run;
      await run;
      // A newer run (a page change seen by the watcher, a settings change) may have
      // superseded this one mid-way: settle with it, so a caller never sees a page
      // whose highlights are registered but not yet indexed.
      while (this.latestRun !== run) {
        run = this.latestRun;
        await run;
      }
    } finally {
      endWork();
    }
  }

  /** The work of `update`: one stretch of main-thread work, with pauses inside the engine and painting. */
  private async run(): Promise<void> {
    const gen = ++this.generation;
    this.clearPaint();
    if (!this.enabled || this.siteDisabled()) {
      this.state = this.enabled ? 'disabled-site' : 'off';
      this.reportCount();
      return;
    }
    // A newer update or stop() makes this run stale: the sliced extractor and engine then stop at their next pause.
    const stale = new AbortController();
    this.staleRun?.abort();
    this.staleRun = stale;
    const sent = await this.extractAndSend(stale.signal);
    if (gen !== this.generation || sent === 'stale') return;
    this.dom = sent?.held ?? null;
    this.ensureWatcher();
    if (!sent) {
      this.annotations = null;
      this.state = 'no-article';
      this.reportCount();
      return;
    }
    // Until the (sliced) engine is done the page is loading, not showing the last run's annotations.
    this.annotations = null;
    this.state = 'loading';
    this.inViewMeasured = false;
    if (sent.head) await this.paintHead(sent.head, sent.held, sent.at, gen);
    if (gen !== this.generation) return;
    let annotations: AnnotationSet | null;
    try {
      // Not main-thread work: the stretch a head paint left open ends here (waits inside `deps.annotate` end theirs).
      const found = await awaitOffMain(Promise.resolve(sent.annotations));
      annotations = found && (isAnnotationSet(found) ? found : annotationSetOf(found));
    } catch {
      // The engine could not run (in the extension: the background went away). Nothing more is painted
      // (a long article's head, if painted, stays: it is right as far as it goes) and the state stays
      // 'loading', whose popup message offers Retry; the page's text and nodes are untouched.
      return;
    }
    if (gen !== this.generation || !annotations) return;
    // The first run starts before the settings arrive (see `start`): they decide whether and what to paint.
    if (!this.settings) await this.settingsRead;
    if (gen !== this.generation || !this.settings) return;
    // A card open on the head's highlights would read the whole article's lists by the head's ids.
    if (this.provisional) this.closeCard();
    this.annotations = annotations;
    measure('gloss:annotate', sent.at);
    this.state = 'ready';
    await this.paint(sent.held, annotations, gen);
  }

  /**
   * Paints a long article's head (its first blocks, annotated on their own)
   * while the background reads the rest, so the top of the page shows its
   * highlights within a fraction of the whole run. Skipped when the whole
   * article's annotations are already there. The state stays 'loading' (the
   * popup and exports wait for the whole article); cards work on the head's
   * highlights, which the whole article's replace in one task when they are
   * painted (`paint`).
   */
  private async paintHead(head: HeadRequest, held: HeldArticle, at: number, gen: number): Promise<void> {
    let found: Annotations | AnnotationSet | null;
    try {
      // Whichever comes first: a head that arrives after the whole article is of no use.
      found = await Promise.race([head.annotations, head.whole]);
    } catch {
      // The whole article's request reports a failing background; the head just goes unpainted.
      return;
    }
    if (!found || gen !== this.generation || head.wholeSettled()) return;
    if (!this.settings) await this.settingsRead;
    if (gen !== this.generation || !this.settings || head.wholeSettled()) return;
    const annotations = isAnnotationSet(found) ? found : annotationSetOf(found);
    this.annotations = annotations;
    measure('gloss:annotate-head', at);
    await this.paint(held, annotations, gen, head.blocks);
  }

  /** Removes every highlight, listener, observer, timer and the card host. */
  stop(): void {
    this.running = false;
    this.generation++;
    this.staleRun?.abort();
    this.staleRun = null;
    this.clearPaint();
    this.styles.remove();
    this.watcher?.stop();
    this.watcher = null;
    this.listeners?.abort();
    this.listeners = null;
    for (const t of [this.openTimer, this.closeTimer, this.settleTimer]) if (t !== null) clearTimeout(t);
    this.openTimer = this.closeTimer = this.settleTimer = null;
    if (this.pointerFrame !== null) this.view.cancelAnimationFrame(this.pointerFrame);
    this.pointerFrame = null;
    this.cards?.host.destroy();
    this.cards?.ui.remove();
    this.cards = null;
    this.cardsPending = null;
    this.dom = null;
    this.annotations = null;
  }

  /** The page's state as the popup and commands see it ('ready' only with annotations to show). */
  private publicState(): PageStatus['state'] {
    return this.state === 'ready' && !this.annotations ? 'loading' : this.state;
  }

  /** What the popup sees. */
  status(): PageStatus {
    if (this.state === 'ready' && this.annotations) {
      // Made afresh from the kept columns: the popup and exports need the objects, the page does not.
      return { state: 'ready', annotations: this.annotations.toAnnotations(), url: this.doc.location?.href ?? '', title: this.dom?.article.title ?? null };
    }
    return { state: this.publicState() } as PageStatus;
  }

  /** Answers a request from the popup, background or context menu. */
  async handle(req: ContentRequest): Promise<unknown> {
    switch (req.type) {
      case 'gloss:get-status':
        return this.status();
      case 'gloss:get-state':
        return { state: this.publicState() };
      case 'gloss:reveal':
        return this.reveal(`${req.kind}:${req.index}`, false);
      case 'gloss:set-enabled':
        this.enabled = req.enabled;
        if (!this.listeners) this.listen();
        await this.update();
        return this.status();
      case 'gloss:navigate':
        return this.navigate(req.direction === 'next' ? 1 : -1);
      case 'gloss:explain-selection':
        return this.explainSelection(req.text);
      case 'gloss:settings-changed':
        await this.readSettings(true);
        return this.status();
    }
  }

  // ---- Painting ------------------------------------------------------------------

  private clearPaint(): void {
    this.closeCard();
    this.windowListeners?.abort();
    this.windowListeners = null;
    this.nearBlocks = null;
    if (this.windowFrame !== null) this.view.cancelAnimationFrame(this.windowFrame);
    this.windowFrame = null;
    this.windowKey = '';
    this.highlighter.clear();
    this.watcher?.discardPending();
    this.order = [];
    this.orderStarts = [];
    this.hits = new HitIndex([]);
    this.windowedSpans = null;
    this.windowItems = [];
    this.windowStale = false;
    this.navIndex = -1;
    this.provisional = false;
  }

  /** How many annotations the enabled categories paint (at most `MAX_PAINTED_ITEMS`). */
  private paintableCount(a: AnnotationSet): number {
    const cats = this.settings!.categories;
    const n = (cats.officials ? a.size('officials') : 0) + (cats.figures ? a.size('figures') : 0) + (cats.claims ? a.size('claims') : 0);
    return Math.min(n, MAX_PAINTED_ITEMS);
  }

  /** The spans to paint, filtered by the enabled categories, in reading order. */
  private spans(a: AnnotationSet): PaintSpan[] {
    const cats = this.settings!.categories;
    const out: PaintSpan[] = [];
    const add = (list: AnnotationList, kind: (i: number) => PaintKind): void => {
      const [starts, ends] = [a.starts(list), a.ends(list)];
      for (let i = 0; i < starts.length; i++) out.push({ id: `${list}:${i}`, kind: kind(i), start: starts[i]!, end: ends[i]! });
    };
    if (cats.officials) add('officials', () => 'official');
    if (cats.figures) add('figures', (i) => (a.figureDiffers(i) ? 'figureDiffers' : 'figure'));
    if (cats.claims) add('claims', () => 'claim');
    return out.sort((x, y) => x.start - y.start || (x.kind === 'claim' ? -1 : 0) - (y.kind === 'claim' ? -1 : 0));
  }

  /**
   * Finds the article and hands it to the engine (null: the page has no
   * article). A function of its own so that the extracted article, text and
   * all, is no longer referenced once the request is made: `run` keeps only
   * what `send` returns while it waits for the engine.
   */
  private async extractAndSend(signal: AbortSignal): Promise<Sent | null | 'stale'> {
    const gen = this.generation;
    const t0 = performance.now();
    const extracted = await this.deps.extract(this.doc, this.doc.location?.href ?? null, signal);
    if (gen !== this.generation) return 'stale';
    measure('gloss:extract', t0);
    return extracted ? this.send(capArticle(extracted), signal) : null;
  }

  /**
   * Hands the article to the engine and returns what the page keeps of it:
   * the index back to the DOM without the text (a very long article's text is
   * megabytes; the engine has it, and an annotation's text is read back from
   * the nodes when a card or the popup needs it).
   */
  private send(extracted: ArticleDom, signal: AbortSignal): Sent {
    const { article, ...index } = extracted;
    const { text: _sent, ...meta } = article;
    const held: HeldArticle = { ...index, article: meta };
    // The `<gloss-mark>` fallback splits text nodes as it paints, so there the nodes stop holding the
    // text at the extracted offsets: that path keeps the text. (Highlight ranges change no node.)
    const textOf = this.highlighter.mode === 'marks' ? readerOfString(article.text) : readerOfPage(held.pieces);
    const at = performance.now();
    const ask = (a: ArticleText): EngineAnswer => {
      try {
        return this.deps.annotate(a, this.deps.packs, signal, textOf);
      } catch (e) {
        // An engine that throws at once fails like one that rejects: `run` leaves the page untouched.
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    // A long article's head is asked for first: its message is small, so the background starts on it
    // while the page is still sending the whole text. Not in the `<gloss-mark>` fallback: its marks
    // split the text nodes the whole article's offsets map to, so they would have to go before the
    // whole article's ranges are made, leaving the head unpainted in between.
    const headArticle = this.highlighter.mode === 'marks' ? null : articleHead(article);
    const headAnswer = headArticle ? ask(headArticle) : null;
    // A head request that fails rejects unobserved until `paintHead` awaits it.
    if (headAnswer) Promise.resolve(headAnswer).catch(() => undefined);
    const annotations = ask(article);
    if (!headArticle || headAnswer === null) return { held, at, annotations, head: null };
    let settled = false;
    const whole = Promise.resolve(annotations).then(
      () => ((settled = true), null),
      () => ((settled = true), null),
    );
    return { held, at, annotations, head: { blocks: headArticle.blocks.length, annotations: headAnswer, whole, wholeSettled: () => settled } };
  }

  /**
   * Paints in-view spans at once, the rest in slices; then reports the count.
   * `headBlocks` is given for a head paint: its annotations cover only the
   * article's first `headBlocks` blocks, and the whole article's paint
   * replaces them later.
   */
  private async paint(dom: HeldArticle, a: AnnotationSet, gen: number, headBlocks?: number): Promise<void> {
    const t0 = performance.now();
    const isHead = headBlocks !== undefined;
    // The head's highlights stay until this paint's first commit, in the same task: no frame without highlights.
    let replaced = false;
    const replaceHead = (): void => {
      if (replaced) return;
      replaced = true;
      if (this.provisional) this.clearPaint();
      this.provisional = isHead;
    };
    const windowed = this.highlighter.mode !== 'marks' && this.paintableCount(a) > WINDOWED_FROM;
    // Block boxes are read before the highlight styles change: the page's layout is still clean
    // then, so reading it forces no style recalculation of the whole document. A windowed paint
    // reads them here too, with the window's margin, and its first window uses this reading: a read
    // after the styles changed forced that recalculation inside Gloss's task (56–62 ms tasks on the
    // 1.5 MB page in 2 of 9 loads).
    // A head reads the boxes of its own blocks and of the next one only: if that one is out of view,
    // so is the rest of the article (2,000 boxes on the 1.5 MB page cost 6–10 ms).
    const boxes = isHead ? dom.blockElements.slice(0, headBlocks + 1) : dom.blockElements;
    const visible = visibleBlocks(boxes, this.view, windowed ? WINDOW_MARGIN : undefined);
    this.styles.apply(this.settings!.style);
    // With tens of thousands of annotations, ordering them and sorting out the visible ones are
    // tasks of their own (each a pause for the page); a page of ordinary size does it all at once.
    const many = a.size('officials') + a.size('figures') + a.size('claims') > WINDOWED_FROM;
    if (many) {
      await yieldToMain();
      if (gen !== this.generation) return;
    }
    if (windowed) {
      // Windowed: the spans are kept as offsets and the window makes the items it shows.
      const table = SpanTable.from(a, this.settings!.categories, MAX_PAINTED_ITEMS);
      await yieldToMain();
      if (gen !== this.generation) return;
      replaceHead();
      this.highlighter.setWindowed(true);
      this.windowedSpans = table;
      this.orderStarts = table.starts;
      this.followViewport(visible);
      this.measurePainted(t0, isHead, isHead ? coversAll(visible, headBlocks) : true);
      return;
    }
    const spans = this.spans(a).slice(0, MAX_PAINTED_ITEMS);
    if (many) {
      await yieldToMain();
      if (gen !== this.generation) return;
    }
    const marks = this.highlighter.mode === 'marks';
    // A head paint has painted everything in view only if no block in view lies past the head.
    const inViewComplete = !isHead || coversAll(visible, headBlocks);
    const { now, later } = inViewFirst(spans, dom.article.blocks, visible);
    const toItem = (s: (typeof spans)[number]): PaintItem | null => {
      const range = staticRangeFor(dom, s.start, s.end);
      return range ? { id: s.id, kind: s.kind, range } : null;
    };
    this.highlighter.setWindowed(false);
    const batch: PaintItem[] = [];
    // In-view spans come first, so the first slice paints what the reader sees. In the fallback
    // every add rewraps the marks, so there everything is committed once at the end; so it is when
    // a head is showing, which goes in the same task as this paint's highlights come (a head's
    // highlight and this paint's may share an id but not a place, so the two cannot mix).
    const atOnce = marks || this.provisional;
    const inViewPainted = (): void => {
      if (now.length === 0 || !inViewComplete || this.inViewMeasured) return;
      this.inViewMeasured = true;
      measure('gloss:paint-in-view', t0);
    };
    const done = await processInSlices([...now, ...later], (s) => {
      const it = gen === this.generation ? toItem(s) : null;
      if (it) batch.push(it);
    }, {
      onSlice: (count) => {
        if (atOnce || gen !== this.generation) return;
        replaceHead();
        this.commit(batch.splice(0));
        if (count >= now.length) inViewPainted();
      },
    });
    if (!done) return;
    if (gen !== this.generation) return;
    replaceHead();
    this.commit(batch.splice(0));
    if (!marks) inViewPainted();
    // With tens of thousands of highlights, indexing them for hit tests is a task of its own.
    await yieldToMain();
    if (gen !== this.generation) return;
    let order: PaintItem[] = [];
    let starts: number[] = [];
    for (const s of spans) {
      const it = this.highlighter.get(s.id);
      if (!it) continue;
      order.push(it);
      starts.push(s.start);
    }
    if (many) {
      await yieldToMain();
      if (gen !== this.generation) return;
      // The page may have removed text during the pause (the highlighter pruned those items): drop them here too.
      if (this.highlighter.size !== order.length) {
        const kept = order.map((it, i) => (this.highlighter.get(it.id) === it ? i : -1)).filter((i) => i >= 0);
        const [o, st] = [order, starts];
        order = kept.map((i) => o[i]!);
        starts = kept.map((i) => st[i]!);
      }
    }
    this.order = order;
    this.orderStarts = starts;
    this.hits = new HitIndex(this.order);
    if (isHead) measure('gloss:paint-head', t0);
    else {
      measure('gloss:paint', t0);
      this.reportCount();
    }
  }

  /**
   * The measures of a windowed paint, which shows the window at once:
   * in view (unless a head paint did, or this head leaves blocks in view
   * unpainted), then painted, or for a head `gloss:paint-head`.
   */
  private measurePainted(t0: number, isHead: boolean, inViewComplete: boolean): void {
    if (inViewComplete && !this.inViewMeasured) {
      this.inViewMeasured = true;
      measure('gloss:paint-in-view', t0);
    }
    if (isHead) {
      measure('gloss:paint-head', t0);
      return;
    }
    measure('gloss:paint', t0);
    this.reportCount();
  }

  /** Windowed paint: registers the items near the viewport now and again whenever the page scrolls or resizes. */
  private followViewport(initial: ReadonlySet<number>): void {
    this.windowListeners?.abort();
    this.windowListeners = new AbortController();
    const { signal } = this.windowListeners;
    // The browser says when blocks come near or go away (no box read per scrolled frame); until its
    // first report, and where it cannot, the window reads the blocks' boxes.
    this.nearBlocks = this.dom ? BlockVisibility.observe(this.view, this.dom.blockElements, WINDOW_MARGIN, () => this.moveWindow(), signal) : null;
    if (!this.nearBlocks) {
      const schedule = (): void => {
        if (this.windowFrame !== null) return;
        this.windowFrame = this.view.requestAnimationFrame(() => {
          this.windowFrame = null;
          this.moveWindow();
        });
      };
      // Capture on the document: scrolling containers inside the article scroll the text too.
      this.doc.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
      this.view.addEventListener('resize', schedule, { passive: true, signal });
    }
    this.windowKey = '';
    this.moveWindow(initial);
  }

  /** Shows exactly the items in the blocks near the viewport, unless those blocks are the ones already shown. */
  private moveWindow(known?: ReadonlySet<number>): void {
    const dom = this.dom;
    const spans = this.windowedSpans;
    if (!dom || !spans || !this.highlighter.isWindowed) return;
    const byIndex = (a: number, b: number): number => a - b;
    const visible = known
      ? [...known].sort(byIndex)
      : this.nearBlocks?.ready
        ? this.nearBlocks.blocks()
        : [...visibleBlocks(dom.blockElements, this.view, WINDOW_MARGIN)].sort(byIndex);
    const key = visible.join(',');
    if (key === this.windowKey) return;
    this.windowKey = key;
    const indices: number[] = [];
    const starts = this.orderStarts;
    for (const b of visible) {
      const block = dom.article.blocks[b];
      if (!block) continue;
      // First span starting in the block (binary search), then every one up to its end.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid]! < block.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < starts.length && starts[i]! < block.end; i++) indices.push(i);
    }
    this.windowItems = this.materialise(indices);
    this.highlighter.showOnly(this.windowItems);
    this.hits = new HitIndex(this.windowItems);
  }

  /**
   * The items of a windowed paint's spans at `indices`, made (a StaticRange
   * each, checked by the highlighter) the first time they are needed. Spans
   * the highlighter refuses are left out; after the article changed none are
   * made (the offsets may no longer match its text) until the next paint.
   */
  private materialise(indices: readonly number[]): PaintItem[] {
    const spans = this.windowedSpans;
    const dom = this.dom;
    if (!spans || !dom) return [];
    if (!this.windowStale) {
      const made: PaintItem[] = [];
      for (const i of indices) {
        if (i < 0 || i >= spans.length) continue;
        const id = spans.id(i);
        if (this.highlighter.get(id)) continue;
        const range = staticRangeFor(dom, spans.starts[i]!, spans.ends[i]!);
        if (range) made.push({ id, kind: spans.kind(i), range });
      }
      if (made.length > 0) this.highlighter.add(made);
    }
    const out: PaintItem[] = [];
    for (const i of indices) {
      const item = i >= 0 && i < spans.length ? this.highlighter.get(spans.id(i)) : undefined;
      if (item) out.push(item);
    }
    return out;
  }

  private commit(items: PaintItem[]): void {
    if (items.length === 0) return;
    this.highlighter.add(items);
    this.watcher?.discardPending();
  }

  private reportCount(): void {
    // Before the settings arrive the page may turn out to be a disabled site: say nothing yet.
    if (!this.settings) return;
    try {
      this.deps.sendCount?.(this.state === 'ready' ? this.paintedCount : 0);
    } catch {
      // The background may be asleep or reloading; the badge is cosmetic.
    }
  }

  // ---- Settings ------------------------------------------------------------------

  private async readSettings(repaint = false): Promise<void> {
    let next: Settings;
    try {
      next = await this.deps.loadSettings();
    } catch {
      next = this.settings ?? (await import('../settings/types')).DEFAULT_SETTINGS;
    }
    const json = JSON.stringify(next);
    const changed = json !== this.lastSettingsJson;
    this.settings = next;
    this.lastSettingsJson = json;
    if (repaint && changed && this.running) await this.update();
  }

  private siteDisabled(): boolean {
    const host = this.doc.location?.hostname ?? '';
    return !!this.settings && this.settings.disabledSites.some((s) => hostMatches(host, s));
  }

  // ---- Page changes --------------------------------------------------------------

  private ensureWatcher(): void {
    if (this.watcher) return;
    this.watcher = new PageWatcher(this.doc, {
      isOwnNode: (n) => {
        const host = this.cards?.ui.hostElement;
        return !!host && (n === host || host.contains(n));
      },
      articleRoot: () => this.dom?.root ?? null,
      onChange: (c) => this.onPageChange(c),
    });
    this.watcher.start();
  }

  private onPageChange(change: PageChange): void {
    if (!this.running || !this.enabled) return;
    if (change.kind === 'navigation') {
      // A new page in a single-page app: old annotations go now, the new article is read once it settles.
      this.clearPaint();
      this.dom = null;
      this.annotations = null;
      this.state = 'loading';
      this.reportCount();
      this.scheduleUpdate(this.deps.settleMs ?? 250);
      return;
    }
    if (change.articleChanged) {
      // Ranges must never point at detached or shortened nodes: drop them now, re-annotate when quiet.
      if (this.windowedSpans) this.windowStale = true;
      if (this.highlighter.prune() > 0) {
        this.order = this.order.filter((it) => this.highlighter.get(it.id));
        this.windowItems = this.windowItems.filter((it) => this.highlighter.get(it.id) === it);
        this.hits = new HitIndex(this.windowedSpans ? this.windowItems : this.order);
      }
      if (this.openId && !this.highlighter.get(this.openId)) this.closeCard();
      this.scheduleUpdate(this.deps.settleMs ?? 250);
      return;
    }
    if (!this.dom && change.addedElements > 0) {
      // No article yet: it may be arriving late. Retry extraction, at most twice a second.
      const now = Date.now();
      if (now - this.lastRetry < 500) {
        this.scheduleUpdate(500);
        return;
      }
      this.lastRetry = now;
      this.scheduleUpdate(0);
    }
  }

  private scheduleUpdate(ms: number): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      void this.update();
    }, ms);
  }

  // ---- Pointer, touch and keyboard ------------------------------------------------

  private listen(): void {
    if (this.listeners) return;
    this.listeners = new AbortController();
    const { signal } = this.listeners;
    const opts = { signal, passive: true } as const;
    this.doc.addEventListener('pointermove', (e) => this.onPointerMove(e), opts);
    this.doc.addEventListener('pointerup', (e) => this.onPointerUp(e), opts);
    this.doc.addEventListener('keydown', (e) => this.onKeyDown(e), { signal });
  }

  private onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch' || this.paintedCount === 0) return;
    this.lastPointer = { x: e.clientX, y: e.clientY };
    if (this.pointerFrame !== null) return;
    this.pointerFrame = this.view.requestAnimationFrame(() => {
      this.pointerFrame = null;
      const p = this.lastPointer;
      if (p) this.onHover(this.hitAt(p.x, p.y));
    });
  }

  private hitAt(x: number, y: number): string | null {
    return this.hits.at(this.doc, this.highlighter, x, y)?.id ?? null;
  }

  private onHover(id: string | null): void {
    if (id === this.hovered) return;
    this.hovered = id;
    if (this.openTimer !== null) clearTimeout(this.openTimer);
    this.openTimer = null;
    if (id) {
      if (this.closeTimer !== null) clearTimeout(this.closeTimer);
      this.closeTimer = null;
      if (id === this.openId) return;
      if (!this.cardsPrefetched) {
        this.cardsPrefetched = true;
        this.deps.prefetchCards?.();
      }
      this.openTimer = setTimeout(() => {
        this.openTimer = null;
        void this.openCard(id);
      }, this.deps.hoverOpenMs ?? 200);
    } else {
      this.scheduleClose();
    }
  }

  private scheduleClose(): void {
    if (!this.openId || this.pointerInCard || this.closeTimer !== null) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = null;
      if (!this.pointerInCard && !this.hovered) this.closeCard();
    }, this.deps.hoverCloseMs ?? 300);
  }

  private onPointerUp(e: PointerEvent): void {
    if (e.pointerType !== 'touch') return;
    const host = this.cards?.ui.hostElement;
    if (host && e.composedPath().includes(host)) return;
    const id = this.hitAt(e.clientX, e.clientY);
    if (id) void this.openCard(id);
    else this.closeCard();
  }

  private onKeyDown(e: KeyboardEvent): void {
    const action = keyAction(e, this.openId !== null || this.cards?.host.isOpen === true);
    if (!action) return;
    if (action === 'close') {
      this.closeCard();
      return;
    }
    e.preventDefault();
    void this.navigate(action === 'next' ? 1 : -1);
  }

  // ---- Cards, reveal, navigation --------------------------------------------------

  /** The card for a painted item id ("officials:3"), or null. */
  modelFor(id: string): CardModel | null {
    const a = this.annotations;
    if (!a) return null;
    const [list, index] = id.split(':') as [AnnotationList, string];
    const i = Number(index);
    const articleDate = a.date;
    if (list === 'officials') {
      const mention = a.item('officials', i);
      return mention ? { kind: 'official', mention, articleDate } : null;
    }
    if (list === 'figures') {
      const figure = a.item('figures', i);
      return figure ? { kind: 'figure', figure, articleDate } : null;
    }
    if (list === 'claims') {
      const claim = a.item('claims', i);
      return claim ? { kind: 'claim', claim, articleDate } : null;
    }
    return null;
  }

  /** The open card's item id, or null. */
  get openCardId(): string | null {
    return this.openId;
  }

  private async cardHost(): Promise<CardHost | null> {
    if (this.cards && !this.cards.ui.hostElement.isConnected) {
      // The page removed the card host (some frameworks sweep nodes they did not make): mount it
      // again a few times, then stop offering cards on this page rather than fight the page.
      this.cards.host.destroy();
      this.cards.ui.remove();
      this.cards = null;
      this.cardsPending = null;
      this.cardRemounts++;
    }
    if (this.cardRemounts > MAX_CARD_REMOUNTS) return null;
    if (this.cards) return this.cards.host;
    if (!this.cardsPending) {
      this.cardsPending = this.deps.mountCards().then((ui) => {
        if (!this.running) {
          ui.remove();
          return null;
        }
        this.watcher?.discardPending();
        const host = this.deps.createCardHost(ui.container, this.deps.packs, {
          onPointerEnter: () => {
            this.pointerInCard = true;
            if (this.closeTimer !== null) clearTimeout(this.closeTimer);
            this.closeTimer = null;
          },
          onPointerLeave: () => {
            this.pointerInCard = false;
            this.scheduleClose();
          },
          onClose: () => this.closeCard(),
          onNavigate: (step) => void this.navigate(step),
        });
        this.cards = { ui, host };
        return this.cards;
      });
    }
    return (await this.cardsPending)?.host ?? null;
  }

  /** Opens the card for a painted item next to it. */
  async openCard(id: string): Promise<boolean> {
    const model = this.modelFor(id);
    if (!model || !this.highlighter.get(id)) return false;
    const host = await this.cardHost();
    if (!host || !this.highlighter.get(id)) return false;
    this.openId = id;
    host.show(model, () => this.anchorRect(id));
    return true;
  }

  private anchorRect(id: string): DOMRectReadOnly | null {
    const r = this.highlighter.liveRange(id);
    if (!r) return null;
    // The first line box: a claim wrapping over lines should anchor at its start, not its whole block.
    const first = r.getClientRects()[0];
    return first ?? r.getBoundingClientRect();
  }

  /** Closes the card (if any). */
  closeCard(): void {
    if (this.openTimer !== null) clearTimeout(this.openTimer);
    this.openTimer = null;
    this.openId = null;
    this.pointerInCard = false;
    this.cards?.host.hide();
  }

  /** Scrolls an item into view and flashes it; `open` also opens its card. */
  async reveal(id: string, open: boolean): Promise<boolean> {
    if (this.windowedSpans && !this.highlighter.get(id)) this.materialise([this.windowedSpans.indexOf(id)]);
    const r = this.highlighter.liveRange(id);
    if (!r) return false;
    const el = r.startContainer.nodeType === 1 ? (r.startContainer as Element) : r.startContainer.parentElement;
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const rect = r.getBoundingClientRect();
    const h = this.view.innerHeight;
    if (rect.top < 0 || rect.bottom > h) this.view.scrollBy(0, rect.top - h / 3);
    this.highlighter.flash(id);
    if (open) return this.openCard(id);
    return true;
  }

  /** Moves to the next (+1) or previous (−1) painted item, wrapping around; returns its id. */
  async navigate(step: 1 | -1): Promise<string | null> {
    // A windowed paint navigates its spans (their items are made when revealed); otherwise the painted items.
    const spans = this.windowedSpans;
    const n = spans ? spans.length : this.order.length;
    if (n === 0) return null;
    if (this.openId) {
      const at = spans ? spans.indexOf(this.openId) : this.order.findIndex((it) => it.id === this.openId);
      if (at >= 0) this.navIndex = at;
    }
    this.navIndex = this.navIndex < 0 ? (step === 1 ? 0 : n - 1) : (this.navIndex + step + n) % n;
    const id = spans ? spans.id(this.navIndex) : this.order[this.navIndex]!.id;
    // Opened from the keyboard: focus goes into the card so its links are reachable with Tab (Escape gives it back).
    if (await this.reveal(id, true)) this.cards?.host.focus();
    return id;
  }

  /** Shows a look-up card for the user's selection ("Explain with Gloss"). */
  async explainSelection(text: string): Promise<boolean> {
    const clean = text.trim().slice(0, 500);
    if (!clean) return false;
    const host = await this.cardHost();
    if (!host) return false;
    const sel = this.doc.getSelection();
    const range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).cloneRange() : null;
    this.openId = null;
    host.show({ kind: 'lookup', text: clean, articleDate: this.annotations?.date ?? null }, () => {
      const rect = range?.getBoundingClientRect();
      return rect && (rect.width > 0 || rect.height > 0) ? rect : new DOMRect(this.view.innerWidth / 2 - 180, 40, 0, 0);
    });
    return true;
  }
}

/*
 * The two text readers are made in functions of their own: closures made in one scope share that
 * scope's variables, so a page reader made beside the string reader would keep the text alive too.
 */

/** Reads the article's text from a copy of it. */
function readerOfString(text: string): (start: number, end: number) => string {
  return (start, end) => text.slice(start, end);
}

/** Reads the article's text back from the page's text nodes (`textBetween`). */
function readerOfPage(pieces: ArticleDom['pieces']): (start: number, end: number) => string {
  const index = { pieces };
  return (start, end) => textBetween(index, start, end);
}
