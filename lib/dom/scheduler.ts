/**
 * Keeps Gloss off the page's critical path: work is cut into slices that stay
 * well under the 50 ms long-task threshold, yielding to the page between
 * slices, and what the reader can see is painted before the rest.
 */

/** Slice budget: small enough that input handling never waits on Gloss. */
export const SLICE_BUDGET_MS = 8;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** When the current stretch of Gloss's main-thread work began, or null between stretches. */
let workingSince: number | null = null;

/**
 * Marks the start of a stretch of Gloss's main-thread work. With `endWork`
 * and `yieldToMain` this records every stretch as a `gloss:slice` User Timing
 * measure, so DevTools and the browser benchmark can read how long Gloss held
 * the main thread, in total and at most at once, from the page's timeline.
 */
export function beginWork(): void {
  workingSince = performance.now();
}

/** Ends the current stretch of work (see `beginWork`), recording it. */
export function endWork(): void {
  if (workingSince === null) return;
  try {
    performance.measure('gloss:slice', { start: workingSince, end: performance.now() });
  } catch {
    // Timing is diagnostics only.
  }
  workingSince = null;
}

/**
 * Yields to the event loop: `scheduler.yield()` where it exists (continues
 * ahead of other tasks), else a macrotask via `setTimeout(0)`. A stretch of
 * work in progress (`beginWork`) ends here and a new one begins on resuming.
 */
export function yieldToMain(): Promise<void> {
  const working = workingSince !== null;
  endWork();
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  const resumed = s?.yield ? s.yield() : new Promise<void>((resolve) => setTimeout(resolve, 0));
  return working ? resumed.then(beginWork) : resumed;
}

/**
 * Waits for work done elsewhere (the engine in Gloss's background) without
 * counting the wait as main-thread work: the current stretch ends here and a
 * new one begins when `pending` settles.
 */
export async function awaitOffMain<T>(pending: Promise<T>): Promise<T> {
  const working = workingSince !== null;
  endWork();
  try {
    return await pending;
  } finally {
    if (working) beginWork();
  }
}

/** Resolves when the browser is idle (or after `timeout` ms), for work nobody is waiting for. */
export function whenIdle(timeout = 200): Promise<void> {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
  if (ric) return new Promise((resolve) => ric(() => resolve(), { timeout }));
  return new Promise((resolve) => setTimeout(resolve, 1));
}

/** Options for `processInSlices`. */
export interface SliceOptions {
  budgetMs?: number;
  signal?: AbortSignal;
  /** Clock, injectable for tests. */
  now?: () => number;
  /** Called with each finished slice of items (e.g. to paint them together). */
  onSlice?: (done: number) => void;
}

/**
 * Runs `work` over `items`, yielding whenever a slice has used its budget.
 * Stops early (returning false) when `signal` aborts; returns true when done.
 */
export async function processInSlices<T>(items: readonly T[], work: (item: T, index: number) => void, options: SliceOptions = {}): Promise<boolean> {
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  for (let i = 0; i < items.length; i++) {
    if (options.signal?.aborted) return false;
    work(items[i]!, i);
    if (now() - sliceStart >= budget && i < items.length - 1) {
      options.onSlice?.(i + 1);
      await yieldToMain();
      sliceStart = now();
    }
  }
  options.onSlice?.(items.length);
  return !options.signal?.aborted;
}

/**
 * Which article blocks are on screen (with a margin of half a viewport), from
 * one read of their boxes. Returns block indices.
 */
export function visibleBlocks(blockElements: readonly Element[], view: Window, margin = 0.5): Set<number> {
  const out = new Set<number>();
  const h = view.innerHeight || 800;
  const top = -h * margin;
  const bottom = h * (1 + margin);
  blockElements.forEach((el, i) => {
    if (!el.isConnected) return;
    const r = el.getBoundingClientRect();
    if (r.bottom >= top && r.top <= bottom) out.add(i);
  });
  return out;
}

/** Splits spans into those starting in a visible block and the rest, keeping order within each. */
export function inViewFirst<T extends { start: number }>(
  spans: readonly T[],
  blocks: readonly { start: number; end: number }[],
  visible: ReadonlySet<number>,
): { now: T[]; later: T[] } {
  const now: T[] = [];
  const later: T[] = [];
  for (const s of spans) {
    const b = blockIndexOf(blocks, s.start);
    (b >= 0 && visible.has(b) ? now : later).push(s);
  }
  return { now, later };
}

/** Index of the block containing `offset` (binary search), or -1. */
export function blockIndexOf(blocks: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const b = blocks[mid]!;
    if (offset < b.start) hi = mid - 1;
    else if (offset >= b.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
