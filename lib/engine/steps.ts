/**
 * Resumable engine work. A detector written as a generator of `Steps` yields
 * at safe points (after a block, a line, a few thousand tokens) and returns
 * its result at the end. The same generator is either drained at once
 * (`drain`, the synchronous `annotate` used by Node, the CLI and the tests)
 * or driven a slice at a time between yields to the page's event loop
 * (`annotateInSlices` in the content script): one code path, so the two can
 * never disagree.
 */

/** Work that pauses (`yield`) at safe points and returns a `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end at once and returns its result. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs a plain function as a single step, for work too short to need pauses of its own. */
// eslint-disable-next-line require-yield
export function* once<T>(run: () => T): Steps<T> {
  return run();
}

/** How `runInSlices` shares the main thread. */
export interface SliceRunOptions {
  /** Longest run between yields, in ms (default 8). A single step can overrun it. */
  budgetMs?: number;
  /** Gives the event loop a turn (e.g. `scheduler.yield()`); injected so callers stay DOM-free. */
  yield: () => Promise<void>;
  /** Clock, injectable for tests (default `performance.now`). */
  now?: () => number;
  /** Stops the work between steps; the promise then resolves to null. */
  signal?: AbortSignal;
}

/**
 * Runs `steps` to the end a time slice at a time, awaiting `options.yield()`
 * whenever a slice has used its budget; resolves to the result `drain` would
 * give, or null when `signal` aborts. Work that ends within one budget never
 * yields at all.
 */
export async function runInSlices<T>(steps: Steps<T>, options: SliceRunOptions): Promise<T | null> {
  const budget = options.budgetMs ?? 8;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  for (;;) {
    if (options.signal?.aborted) return null;
    const r = steps.next();
    if (r.done) return r.value;
    if (now() - sliceStart >= budget) {
      await options.yield();
      sliceStart = now();
    }
  }
}
