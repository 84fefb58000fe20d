/**
 * Notices when the page changes under Gloss: edits to the article's text, an
 * article that arrives late, and single-page-app navigations. Mutation records
 * are batched and reported at most once per animation frame; changes inside
 * Gloss's own UI (the card host, `<gloss-mark>`s) are ignored.
 */
import { MARK_TAG } from './highlighter';

/** One batched report. */
export interface PageChange {
  kind: 'mutation' | 'navigation';
  /** Text inside the current article changed (characters, or nodes added/removed in it). */
  articleChanged: boolean;
  /** Elements were added outside Gloss's UI (a late article may have arrived). */
  addedElements: number;
  /** So many records arrived at once that a full rescan is cheaper than diffing. */
  huge: boolean;
  url: string;
}

/** What the watcher needs from its owner. */
export interface PageWatcherOptions {
  /** True for nodes that belong to Gloss's UI (the card host and its contents). */
  isOwnNode: (node: Node) => boolean;
  /** The current article root, or null when there is none. */
  articleRoot: () => Element | null;
  onChange: (change: PageChange) => void;
  /** Records in one frame above which the burst counts as huge. */
  hugeBurst?: number;
  /** How often to compare `location.href` where the Navigation API is missing (ms). */
  pollMs?: number;
}

/** URL without its fragment: a jump to an anchor is not a new page. */
export function pageKey(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

interface NavigationLike extends EventTarget {
  currentEntry?: unknown;
}

/** Watches one document; `stop()` disconnects everything it set up. */
export class PageWatcher {
  private readonly doc: Document;
  private readonly opts: PageWatcherOptions;
  private observer: MutationObserver | null = null;
  private pending: MutationRecord[] = [];
  private frame: number | null = null;
  private lastKey: string;
  private poll: ReturnType<typeof setInterval> | null = null;
  private readonly cleanup: (() => void)[] = [];

  constructor(doc: Document, opts: PageWatcherOptions) {
    this.doc = doc;
    this.opts = opts;
    this.lastKey = pageKey(doc.location?.href ?? '');
  }

  /** Starts observing (idempotent). */
  start(): void {
    if (this.observer) return;
    const view = this.doc.defaultView!;
    this.observer = new view.MutationObserver((records) => this.queue(records));
    this.observer.observe(this.doc.documentElement, { subtree: true, childList: true, characterData: true });
    // The content script's isolated world cannot see the page's own history.pushState calls,
    // so navigation is detected from outside: Navigation API events, plus a cheap URL poll.
    const nav = (view as Window & { navigation?: NavigationLike }).navigation;
    if (nav && typeof nav.addEventListener === 'function') {
      const onNav = () => this.checkUrl();
      nav.addEventListener('currententrychange', onNav);
      this.cleanup.push(() => nav.removeEventListener('currententrychange', onNav));
    }
    const onPop = () => this.checkUrl();
    view.addEventListener('popstate', onPop);
    this.cleanup.push(() => view.removeEventListener('popstate', onPop));
    this.poll = setInterval(() => this.checkUrl(), this.opts.pollMs ?? 300);
  }

  /** Stops observing and drops anything queued. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.pending = [];
    if (this.frame !== null) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = null;
    if (this.poll !== null) clearInterval(this.poll);
    this.poll = null;
    for (const f of this.cleanup.splice(0)) f();
  }

  /** Forgets records caused by Gloss itself (call right after Gloss edits the DOM, e.g. the fallback's marks). */
  discardPending(): void {
    this.observer?.takeRecords();
  }

  /** The URL was seen as current by the owner (after it handled a navigation). */
  get currentKey(): string {
    return this.lastKey;
  }

  private checkUrl(): void {
    const key = pageKey(this.doc.location.href);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.pending = [];
    this.opts.onChange({ kind: 'navigation', articleChanged: true, addedElements: 0, huge: false, url: this.doc.location.href });
  }

  private queue(records: MutationRecord[]): void {
    for (const r of records) this.pending.push(r);
    if (this.frame !== null) return;
    const view = this.doc.defaultView!;
    // rAF does not run in hidden tabs; a timeout keeps work flowing there (and in tests).
    const raf = typeof view.requestAnimationFrame === 'function' && this.doc.visibilityState !== 'hidden'
      ? view.requestAnimationFrame.bind(view)
      : (cb: () => void) => view.setTimeout(cb, 16);
    this.frame = raf(() => {
      this.frame = null;
      this.flush();
    });
  }

  private flush(): void {
    const records = this.pending;
    this.pending = [];
    if (records.length === 0) return;
    this.checkUrl();
    const huge = records.length > (this.opts.hugeBurst ?? 1000);
    const root = this.opts.articleRoot();
    let articleChanged = false;
    let addedElements = 0;
    for (const r of records) {
      if (this.isGlossRecord(r)) continue;
      if (root && (!root.isConnected || root.contains(r.target))) articleChanged = true;
      if (r.type === 'childList') {
        for (const n of r.addedNodes) if (n.nodeType === 1) addedElements++;
        // Nodes removed from the article leave stale ranges behind.
        if (root && r.removedNodes.length > 0 && (root.contains(r.target) || !root.isConnected)) articleChanged = true;
      }
    }
    if (!articleChanged && addedElements === 0 && !huge) return;
    this.opts.onChange({ kind: 'mutation', articleChanged: articleChanged || huge, addedElements, huge, url: this.doc.location.href });
  }

  /** Records about Gloss's own nodes: the UI host, or `<gloss-mark>` wrapping and unwrapping. */
  private isGlossRecord(r: MutationRecord): boolean {
    if (this.opts.isOwnNode(r.target)) return true;
    if (r.type === 'childList') {
      const all = [...r.addedNodes, ...r.removedNodes];
      if (all.length > 0 && all.every((n) => this.opts.isOwnNode(n) || (n.nodeType === 1 && (n as Element).localName === MARK_TAG))) return true;
      if (r.target.nodeType === 1 && (r.target as Element).localName === MARK_TAG) return true;
    }
    return false;
  }
}
