/**
 * Functions the tests evaluate inside the article page (main world) to see
 * what Gloss did to it. They are serialised into the page, so each is
 * self-contained: no imports, no helpers, no named inner functions (tsx would
 * wrap those in a `__name` call that the page does not define).
 */

/** What Gloss painted, as seen from the page. */
export interface PaintedCounts {
  /** Ranges per highlight name; null when that name is not registered. */
  highlights: Record<string, number | null>;
  /** True when the page has the CSS Custom Highlight API at all. */
  highlightApi: boolean;
  /** `gloss-mark` elements (the fallback for browsers without the Highlight API). */
  marks: number;
}

/** Counts highlight ranges per name and fallback marks. Run with the HIGHLIGHT_NAMES values. */
export function paintedCounts(names: string[]): PaintedCounts {
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  const highlights: Record<string, number | null> = {};
  for (const name of names) highlights[name] = registry?.get(name)?.size ?? null;
  return { highlights, highlightApi: registry !== null, marks: document.querySelectorAll('gloss-mark').length };
}

/** The page's text now, and as served (re-parsed from the same URL), to prove Gloss changed no text. */
export async function bodyTextNowAndServed(): Promise<{ now: string; served: string }> {
  const html = await (await fetch(location.href, { cache: 'no-store' })).text();
  const served = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return { now: document.body.textContent ?? '', served };
}

/** Viewport rectangle of the first occurrence of `needle` in the page's text, or null. */
export function rectOfText(needle: string): { x: number; y: number; width: number; height: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.nodeValue ?? '').indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  }
  return null;
}

/**
 * In the page: how many ranges are registered, how many intersect the
 * viewport, how many lie more than four viewport heights away (a windowed
 * paint registers a margin of one viewport, plus whole blocks), and the
 * text of the first one.
 */
export function registeredAroundViewport(names: string[]): { count: number; inView: number; farAway: number; invalid: number; firstText: string } {
  const h = window.innerHeight;
  let count = 0;
  let inView = 0;
  let farAway = 0;
  let invalid = 0;
  let firstText = '';
  for (const name of names) {
    for (const r of CSS.highlights.get(name) ?? []) {
      count++;
      if (!r.startContainer.isConnected || !r.endContainer.isConnected) {
        invalid++;
        continue;
      }
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const rect = live.getBoundingClientRect();
      if (rect.bottom > 0 && rect.top < h) inView++;
      if (rect.bottom < -4 * h || rect.top > 5 * h) farAway++;
      if (!firstText) firstText = `${Math.round(rect.top + window.scrollY)}:${live.toString()}`;
    }
  }
  return { count, inView, farAway, invalid, firstText };
}
