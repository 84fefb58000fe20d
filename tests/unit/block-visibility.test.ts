// @vitest-environment happy-dom
/**
 * The windowed paint learns which blocks are near the viewport from an
 * IntersectionObserver. A stand-in observer here plays the browser: it must
 * be asked for the right margin, told about every block, disconnected on
 * abort, and its reports must become the set of blocks near the viewport.
 */
import { describe, expect, it } from 'vitest';
import { BlockVisibility } from '../../lib/dom/block-visibility';

class FakeObserver {
  static last: FakeObserver | null = null;
  readonly observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: (entries: IntersectionObserverEntry[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.last = this;
  }
  observe(el: Element): void {
    this.observed.push(el);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  report(changes: [Element, boolean][]): void {
    this.callback(changes.map(([target, isIntersecting]) => ({ target, isIntersecting }) as IntersectionObserverEntry));
  }
}

function blocks(n: number): Element[] {
  return Array.from({ length: n }, () => document.createElement('p'));
}

describe('BlockVisibility', () => {
  const view = { IntersectionObserver: FakeObserver } as unknown as Window;

  it('keeps the set of blocks the browser reports near the viewport, in order', () => {
    const els = blocks(6);
    let changes = 0;
    const near = BlockVisibility.observe(view, els, 1, () => changes++, new AbortController().signal);
    const observer = FakeObserver.last!;
    expect(near).not.toBeNull();
    expect(observer.options.rootMargin).toBe('100% 0px 100% 0px');
    expect(observer.observed).toEqual(els);
    expect(near!.ready).toBe(false);
    // The first report covers every block.
    observer.report(els.map((el, i) => [el, i === 1 || i === 2]));
    expect(near!.ready).toBe(true);
    expect(near!.blocks()).toEqual([1, 2]);
    // Scrolling: later reports hold only the blocks that changed.
    observer.report([[els[4]!, true], [els[3]!, true], [els[1]!, false]]);
    expect(near!.blocks()).toEqual([2, 3, 4]);
    expect(changes).toBe(2);
  });

  it('counts an element listed twice under both its indices', () => {
    const [a, b] = blocks(2);
    const near = BlockVisibility.observe(view, [a!, b!, a!], 0.5, () => undefined, new AbortController().signal);
    const observer = FakeObserver.last!;
    expect(observer.options.rootMargin).toBe('50% 0px 50% 0px');
    expect(observer.observed).toEqual([a, b]);
    observer.report([[a!, true], [b!, false]]);
    expect(near!.blocks()).toEqual([0, 2]);
  });

  it('stops with its signal, and ignores reports after that', () => {
    const els = blocks(3);
    const stop = new AbortController();
    let changes = 0;
    const near = BlockVisibility.observe(view, els, 1, () => changes++, stop.signal)!;
    const observer = FakeObserver.last!;
    stop.abort();
    expect(observer.disconnected).toBe(true);
    observer.report([[els[0]!, true]]);
    expect(changes).toBe(0);
    expect(near.ready).toBe(false);
  });

  it('is null where there is no IntersectionObserver, or the signal has already aborted', () => {
    const stopped = new AbortController();
    stopped.abort();
    expect(BlockVisibility.observe({} as Window, blocks(2), 1, () => undefined, new AbortController().signal)).toBeNull();
    expect(BlockVisibility.observe(view, blocks(2), 1, () => undefined, stopped.signal)).toBeNull();
  });
});
