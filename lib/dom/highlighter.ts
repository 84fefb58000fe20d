/**
 * Paints annotation ranges on one document and removes them without a trace.
 *
 * Where the CSS Custom Highlight API exists (`CSS.highlights`), ranges are
 * registered under the names in `HIGHLIGHT_NAMES` and the page's DOM is never
 * touched. Elsewhere the text is wrapped in `<gloss-mark>` elements; removal
 * unwraps them and merges the text nodes it split back into the very same
 * original nodes, so the page ends up exactly as it was.
 */
import { HIGHLIGHT_NAMES } from '../messages';
import { isRangeValid, toLiveRange } from './range-map';

/** A paint style: one per highlight name. */
export type PaintKind = keyof typeof HIGHLIGHT_NAMES;

/** One thing to paint: `id` ties it back to its annotation (e.g. "officials:3"). */
export interface PaintItem {
  id: string;
  kind: PaintKind;
  range: AbstractRange;
}

/** The element used by the fallback; pages never use it, so it is safe to remove. */
export const MARK_TAG = 'gloss-mark';

/**
 * Where Gloss never paints, even if the extractor let it through: form fields,
 * editable text, code, scripts, graphics and navigation.
 */
const FORBIDDEN =
  'input,textarea,select,option,button,[contenteditable]:not([contenteditable="false"]),[role="textbox"],pre,code,kbd,samp,script,style,noscript,template,svg,math,nav,[role="navigation"]';

/** Highlight priority: marks of people and figures sit above the softer claim underline. */
const PRIORITY: Record<PaintKind, number> = { claim: 0, official: 1, figure: 1, figureDiffers: 2, flash: 3 };

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  priority: number;
}
interface HighlightRegistryLike {
  set(name: string, h: HighlightLike): unknown;
  get(name: string): unknown;
  delete(name: string): boolean;
}

/** The document's highlight registry and constructor, or null where the API is missing. */
function highlightApi(doc: Document): { registry: HighlightRegistryLike; Highlight: new () => HighlightLike } | null {
  const view = doc.defaultView as (Window & { Highlight?: new () => HighlightLike; CSS?: { highlights?: HighlightRegistryLike } }) | null;
  const registry = view?.CSS?.highlights;
  const Highlight = view?.Highlight;
  return registry && Highlight ? { registry, Highlight } : null;
}

/** True when Gloss may paint the text inside `el` (see FORBIDDEN). Cached per element by the caller. */
export function isPaintableElement(el: Element | null): boolean {
  if (!el) return false;
  if (el.closest(FORBIDDEN)) return false;
  const html = el as HTMLElement;
  return html.isContentEditable !== true;
}

/** One original text node split and wrapped by the fallback, remembered so it can be restored exactly. */
interface WrapRecord {
  original: Text;
  /** What `original` held right after the split: if it holds anything else, the page rewrote it. */
  head: string;
  /** All parts, `original` first, in document order. */
  segments: Text[];
  marks: Element[];
}

/** Owns every highlight Gloss registers in one document. */
export class Highlighter {
  /** 'highlights' (CSS Custom Highlight API) or 'marks' (the `<gloss-mark>` fallback). */
  readonly mode: 'highlights' | 'marks';
  private readonly doc: Document;
  private readonly api: ReturnType<typeof highlightApi>;
  private readonly highlights = new Map<PaintKind, HighlightLike>();
  private readonly items = new Map<string, PaintItem>();
  private readonly paintable = new WeakMap<Element, boolean>();
  private wraps: WrapRecord[] = [];
  private readonly marksById = new Map<string, Element[]>();
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private flashItem: PaintItem | null = null;
  /** Windowed: items are kept but only those passed to `showOnly` are registered (see `setWindowed`). */
  private windowed = false;

  constructor(doc: Document, options: { forceFallback?: boolean } = {}) {
    this.doc = doc;
    this.api = options.forceFallback ? null : highlightApi(doc);
    this.mode = this.api ? 'highlights' : 'marks';
  }

  /** How many items are painted. */
  get size(): number {
    return this.items.size;
  }

  /** The painted items, in the order they were added. */
  list(): PaintItem[] {
    return [...this.items.values()];
  }

  /** The item with this id, if painted. */
  get(id: string): PaintItem | undefined {
    return this.items.get(id);
  }

  /**
   * Paints more items (ids already painted are replaced). Items whose range is
   * stale or inside a forbidden element are skipped; returns how many were painted.
   */
  add(items: readonly PaintItem[]): number {
    let added = 0;
    for (const item of items) {
      if (!this.acceptable(item.range)) continue;
      if (this.items.has(item.id)) this.removeFromHighlight(this.items.get(item.id)!);
      this.items.set(item.id, item);
      if (this.api && !this.windowed) this.highlightFor(item.kind).add(item.range);
      added++;
    }
    if (!this.api && added > 0) this.rewrap();
    return added;
  }

  /**
   * Windowed painting, for pages with tens of thousands of highlights.
   *
   * Why: Chromium re-processes every registered range of every highlight in
   * the frame after any highlight changes, so registering 50,000 ranges costs
   * one frame of 120-200 ms on a 2-core machine, and registering them in
   * batches costs that again for every batch (seconds in all). Readers only
   * see the ranges near the viewport, so a windowed highlighter keeps every
   * item (hit tests, navigation, the popup use them all) but registers only
   * the ones `showOnly` names: a few hundred, cheap to redraw. The caller
   * moves the window as the page scrolls. Has no effect in the `<gloss-mark>`
   * fallback, which wraps everything once.
   */
  setWindowed(on: boolean): void {
    if (this.windowed === on || !this.api) return;
    this.windowed = on;
    this.showOnly(on ? [] : this.items.values());
  }

  /** True when only a window of the items is registered (see `setWindowed`). */
  get isWindowed(): boolean {
    return this.windowed;
  }

  /**
   * Registers exactly `items` (painted items; others are ignored), replacing
   * what was registered: one new highlight per kind, swapped in with a single
   * registry call each, so the page redraws once.
   */
  showOnly(items: Iterable<PaintItem>): void {
    const api = this.api;
    if (!api) return;
    const next = new Map<PaintKind, HighlightLike>();
    for (const item of items) {
      if (this.items.get(item.id) !== item) continue;
      let h = next.get(item.kind);
      if (!h) {
        h = new api.Highlight();
        h.priority = PRIORITY[item.kind];
        next.set(item.kind, h);
      }
      h.add(item.range);
    }
    for (const [kind, old] of this.highlights) {
      if (kind === 'flash' || next.has(kind)) continue;
      old.clear();
      const name = HIGHLIGHT_NAMES[kind];
      if (api.registry.get(name) === old) api.registry.delete(name);
      this.highlights.delete(kind);
    }
    for (const [kind, h] of next) {
      api.registry.set(HIGHLIGHT_NAMES[kind], h);
      this.highlights.set(kind, h);
    }
  }

  /** Removes every painted item (and any flash), leaving the document as it was. */
  clear(): void {
    this.windowed = false;
    this.stopFlash();
    this.items.clear();
    if (this.api) {
      for (const [kind, h] of this.highlights) {
        h.clear();
        const name = HIGHLIGHT_NAMES[kind];
        if (this.api.registry.get(name) === h) this.api.registry.delete(name);
      }
      this.highlights.clear();
    } else {
      this.unwrapAll();
    }
  }

  /**
   * Drops items whose nodes left the document or shrank under their offsets
   * (the page edited its text); returns how many were dropped.
   */
  prune(): number {
    // Marks mode keeps its own nodes and re-resolves its ranges on the next rewrap, unless the page
    // rewrote a text node Gloss had split: then the split tails must go now, or the page shows them twice.
    if (!this.api) {
      if (!this.wraps.some((rec) => rec.original.data !== rec.head)) return 0;
      const dropped = this.items.size;
      this.stopFlash();
      this.items.clear();
      this.unwrapAll();
      return dropped;
    }
    let dropped = 0;
    for (const [id, item] of this.items) {
      if (isRangeValid(item.range)) continue;
      this.removeFromHighlight(item);
      this.items.delete(id);
      dropped++;
    }
    return dropped;
  }

  /** A live Range covering the painted item now (for geometry), or null. */
  liveRange(id: string): Range | null {
    if (this.api) {
      const item = this.items.get(id);
      return item ? toLiveRange(item.range) : null;
    }
    const marks = this.marksById.get(id);
    if (!marks || marks.length === 0) return null;
    const first = marks[0]!;
    const last = marks[marks.length - 1]!;
    if (!first.isConnected || !last.isConnected) return null;
    const r = this.doc.createRange();
    r.setStartBefore(first);
    r.setEndAfter(last);
    return r;
  }

  /** Fallback mode: the ids painted on a `<gloss-mark>` element (hit testing uses this). */
  idsOfMark(el: Element): string[] {
    const ids = el.getAttribute('data-gloss-ids');
    return ids ? ids.split(' ') : [];
  }

  /** Briefly emphasises an item (the popup's "reveal"). */
  flash(id: string, ms = 1200): void {
    const item = this.items.get(id);
    if (!item) return;
    this.stopFlash();
    this.flashItem = item;
    if (this.api) {
      this.highlightFor('flash').add(item.range);
    } else {
      for (const m of this.marksById.get(id) ?? []) m.setAttribute('data-gloss-flash', '');
    }
    this.flashTimer = setTimeout(() => this.stopFlash(), ms);
  }

  private stopFlash(): void {
    if (this.flashTimer !== null) clearTimeout(this.flashTimer);
    this.flashTimer = null;
    const item = this.flashItem;
    this.flashItem = null;
    if (!item) return;
    if (this.api) this.highlights.get('flash')?.clear();
    else for (const m of this.marksById.get(item.id) ?? []) m.removeAttribute('data-gloss-flash');
  }

  private acceptable(range: AbstractRange): boolean {
    const { startContainer: sc, endContainer: ec } = range;
    if (!sc.isConnected || !ec.isConnected || range.collapsed) return false;
    return this.paintableNode(sc) && (ec === sc || this.paintableNode(ec));
  }

  private paintableNode(node: Node): boolean {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return false;
    let ok = this.paintable.get(el);
    if (ok === undefined) {
      ok = isPaintableElement(el);
      this.paintable.set(el, ok);
    }
    return ok;
  }

  private highlightFor(kind: PaintKind): HighlightLike {
    let h = this.highlights.get(kind);
    if (!h && this.api) {
      h = new this.api.Highlight();
      h.priority = PRIORITY[kind];
      this.api.registry.set(HIGHLIGHT_NAMES[kind], h);
      this.highlights.set(kind, h);
    }
    return h!;
  }

  private removeFromHighlight(item: PaintItem): void {
    this.highlights.get(item.kind)?.delete(item.range);
  }

  // ---- Fallback: <gloss-mark> wrapping -------------------------------------------

  /**
   * Rewraps everything from scratch: unwrap (restoring the original nodes, so
   * stored ranges are valid again), then split each text node once at every
   * boundary and wrap each covered segment in one mark listing its kinds.
   */
  private rewrap(): void {
    this.unwrapAll();
    const byNode = new Map<Text, { start: number; end: number; item: PaintItem }[]>();
    for (const item of this.items.values()) {
      for (const part of this.textPartsOf(item.range)) {
        let list = byNode.get(part.node);
        if (!list) byNode.set(part.node, (list = []));
        list.push({ start: part.start, end: part.end, item });
      }
    }
    for (const [node, nodeCovers] of byNode) {
      const cuts = new Set<number>();
      for (const c of nodeCovers) cuts.add(c.start).add(c.end);
      const offsets = [...cuts].filter((o) => o > 0 && o < node.data.length).sort((a, b) => a - b);
      this.wrapNode(node, offsets, nodeCovers);
    }
  }

  /** The text-node pieces a range covers, skipping forbidden and whitespace-only ones. */
  private textPartsOf(range: AbstractRange): { node: Text; start: number; end: number }[] {
    const { startContainer: sc, endContainer: ec } = range;
    if (sc.nodeType !== 3 || ec.nodeType !== 3) return [];
    const out: { node: Text; start: number; end: number }[] = [];
    const push = (node: Text, start: number, end: number) => {
      if (end > start && /\S/.test(node.data.slice(start, end)) && this.paintableNode(node)) out.push({ node, start, end });
    };
    if (sc === ec) {
      push(sc as Text, range.startOffset, range.endOffset);
      return out;
    }
    const live = toLiveRange(range);
    if (!live) return out;
    const walker = this.doc.createTreeWalker(live.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    walker.currentNode = sc;
    push(sc as Text, range.startOffset, (sc as Text).data.length);
    for (let n = walker.nextNode(); n && n !== ec; n = walker.nextNode()) push(n as Text, 0, (n as Text).data.length);
    push(ec as Text, 0, range.endOffset);
    return out;
  }

  private wrapNode(node: Text, offsets: number[], nodeCovers: { start: number; end: number; item: PaintItem }[]): void {
    const parent = node.parentNode;
    if (!parent) return;
    const bounds = [0, ...offsets, node.data.length];
    const segments: Text[] = [node];
    // Split from the end so the earlier offsets stay valid; `node` keeps the head.
    const tails: Text[] = [];
    for (let i = offsets.length - 1; i >= 0; i--) tails.unshift(node.splitText(offsets[i]!));
    segments.push(...tails);
    const record: WrapRecord = { original: node, head: node.data, segments, marks: [] };
    for (let i = 0; i < segments.length; i++) {
      const s = bounds[i]!;
      const e = bounds[i + 1]!;
      const over = nodeCovers.filter((c) => c.start <= s && c.end >= e).map((c) => c.item);
      if (over.length === 0) continue;
      const seg = segments[i]!;
      const mark = this.doc.createElement(MARK_TAG);
      mark.setAttribute('data-gloss', [...new Set(over.map((o) => o.kind))].join(' '));
      mark.setAttribute('data-gloss-ids', over.map((o) => o.id).join(' '));
      seg.parentNode!.insertBefore(mark, seg);
      mark.appendChild(seg);
      record.marks.push(mark);
      for (const o of over) {
        let list = this.marksById.get(o.id);
        if (!list) this.marksById.set(o.id, (list = []));
        list.push(mark);
      }
    }
    this.wraps.push(record);
  }

  /** Restores every wrapped text node: marks out, split parts merged back into the original node. */
  private unwrapAll(): void {
    for (const rec of this.wraps) {
      for (const mark of rec.marks) {
        const p = mark.parentNode;
        if (!p) continue;
        while (mark.firstChild) p.insertBefore(mark.firstChild, mark);
        p.removeChild(mark);
      }
      // A page that rewrote its own node (holding a reference to it) meant the whole text: keep that, drop the tails.
      const rewritten = rec.original.data !== rec.head;
      let text = '';
      for (const seg of rec.segments) text += seg.data;
      for (let i = 1; i < rec.segments.length; i++) rec.segments[i]!.remove();
      if (!rewritten && rec.original.data !== text) rec.original.data = text;
    }
    this.wraps = [];
    this.marksById.clear();
  }
}

// ---- Colours from settings -------------------------------------------------------

/** The colour settings the highlight styles read (a subset of `Settings.style`). */
export interface HighlightColours {
  mode: 'underline' | 'background';
  officialColor: string;
  figureColor: string;
  claimColor: string;
}

/** A colour value safe to put in a rule: hex, rgb()/hsl() or a keyword; anything else is refused. */
export function safeColour(value: string, fallback: string): string {
  const v = value.trim();
  return /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/-]+\)|[a-z]{3,20})$/i.test(v) ? v : fallback;
}

/**
 * The `::highlight()` and `gloss-mark` rules for the user's colours. Tints are
 * translucent (`color-mix` with transparent) so they read on light and dark
 * pages; dark pages get a slightly stronger tint.
 */
export function highlightCss(style: HighlightColours): string {
  const official = safeColour(style.officialColor, '#7c5cff');
  const figure = safeColour(style.figureColor, '#0e9f6e');
  const claim = safeColour(style.claimColor, '#f0b429');
  const rules = (alpha: number): string => {
    const tint = (c: string, a: number) => `color-mix(in srgb, ${c} ${a}%, transparent)`;
    const strong = (name: string, mark: string, c: string) =>
      `::highlight(${name}), ${mark} { ${style.mode === 'background' ? `background-color: ${tint(c, alpha)};` : ''} text-decoration: underline 2px ${tint(c, 85)}; }`;
    return [
      strong(HIGHLIGHT_NAMES.official, 'gloss-mark[data-gloss~="official"]', official),
      strong(HIGHLIGHT_NAMES.figure, 'gloss-mark[data-gloss~="figure"]', figure),
      strong(HIGHLIGHT_NAMES.figureDiffers, 'gloss-mark[data-gloss~="figureDiffers"]', figure),
      `::highlight(${HIGHLIGHT_NAMES.figureDiffers}), gloss-mark[data-gloss~="figureDiffers"] { text-decoration: underline wavy 2px #d92d20; }`,
      `::highlight(${HIGHLIGHT_NAMES.claim}), gloss-mark[data-gloss~="claim"] { ${style.mode === 'background' ? `background-color: ${tint(claim, Math.round(alpha / 2))};` : ''} text-decoration: underline 1px dotted ${tint(claim, 90)}; }`,
      `::highlight(${HIGHLIGHT_NAMES.flash}), gloss-mark[data-gloss-flash] { background-color: ${tint('#ffd400', 70)}; color: inherit; }`,
    ].join('\n');
  };
  return `${rules(24)}\n@media (prefers-color-scheme: dark) {\n${rules(36)}\n}`;
}

/**
 * Applies `highlightCss` to a document without adding nodes to it where
 * possible (a constructed, adopted stylesheet), else with one `<style>` element.
 */
export class HighlightStyleSheet {
  private readonly doc: Document;
  private sheet: CSSStyleSheet | null = null;
  private element: HTMLStyleElement | null = null;

  constructor(doc: Document) {
    this.doc = doc;
  }

  /** Sets (or replaces) the rules for these colours. */
  apply(style: HighlightColours): void {
    const css = highlightCss(style);
    try {
      if (!this.sheet) {
        const view = this.doc.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
        if (!view || !('adoptedStyleSheets' in this.doc)) throw new Error('no adopted stylesheets');
        this.sheet = new view.CSSStyleSheet();
        this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
      }
      this.sheet.replaceSync(css);
      return;
    } catch {
      this.sheet = null;
    }
    if (!this.element) {
      this.element = this.doc.createElement('style');
      this.element.setAttribute('data-gloss', '');
      (this.doc.head ?? this.doc.documentElement).appendChild(this.element);
    }
    this.element.textContent = css;
  }

  /** Removes the rules. */
  remove(): void {
    if (this.sheet) {
      const sheet = this.sheet;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
      this.sheet = null;
    }
    this.element?.remove();
    this.element = null;
  }
}
