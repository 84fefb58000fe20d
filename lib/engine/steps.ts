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
