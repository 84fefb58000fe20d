/**
 * Which article blocks lie near the viewport, as the browser reports it.
 *
 * Why: a windowed page (tens of thousands of annotations, see
 * `Highlighter.setWindowed`) moves its window as the reader scrolls. Reading
 * every block's box on each scrolled frame cost 7–8 ms of the frame on a page
 * of 2,000 paragraphs (measured in Chromium); an IntersectionObserver does the
 * same geometry in the browser, off the script, and tells Gloss only when a
 * block comes near or goes away.
 */

/** The blocks near the viewport, kept up to date by an `IntersectionObserver`. */
export class BlockVisibility {
  private readonly near = new Set<number>();
  private readonly indices = new Map<Element, number[]>();
  private reported = false;

  private constructor(
    private readonly observer: IntersectionObserver,
    elements: readonly Element[],
  ) {
    elements.forEach((el, i) => {
      const list = this.indices.get(el);
      if (list) list.push(i);
      else this.indices.set(el, [i]);
    });
    for (const el of this.indices.keys()) observer.observe(el);
  }

  /**
   * Starts watching `elements` (blocks, by index) for coming within `margin`
   * viewport heights of the viewport; `onChange` runs after each report. Null
   * where the browser has no IntersectionObserver (the caller then reads the
   * boxes itself). Stops when `signal` aborts.
   */
  static observe(view: Window, elements: readonly Element[], margin: number, onChange: () => void, signal: AbortSignal): BlockVisibility | null {
    const Observer = (view as Window & { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
    if (typeof Observer !== 'function' || signal.aborted) return null;
    let self: BlockVisibility | null = null;
    const percent = `${Math.round(margin * 100)}%`;
    const observer = new Observer(
      (entries) => {
        if (!self || signal.aborted) return;
        self.update(entries);
        onChange();
      },
      { rootMargin: `${percent} 0px ${percent} 0px` },
    );
    self = new BlockVisibility(observer, elements);
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    return self;
  }

  /** True once the browser has reported every block at least once (before that, `blocks()` knows nothing). */
  get ready(): boolean {
    return this.reported;
  }

  /** The indices of the blocks near the viewport, in order. */
  blocks(): number[] {
    return [...this.near].sort((a, b) => a - b);
  }

  private update(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      for (const i of this.indices.get(entry.target) ?? []) {
        if (entry.isIntersecting) this.near.add(i);
        else this.near.delete(i);
      }
    }
    // The first report holds an entry for every observed element.
    this.reported = true;
  }
}
