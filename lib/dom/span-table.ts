/**
 * Where every annotation of a very long article is, in reading order, as
 * parallel typed arrays rather than an object per annotation.
 *
 * Why: a windowed paint (`GlossController`, from `WINDOWED_FROM` annotations
 * on) keeps every annotation's place so the window, the keyboard and the
 * popup can reach it, but makes a painted item only for the few hundred near
 * the viewport. As objects with an id string each, 57,000 places took about
 * 5 MB of the page's heap and 10–30 ms to build; as typed arrays they take
 * 13 bytes each, and ids are made only for the items that are painted.
 */
import type { AnnotationSet } from '../annotation-set';
import type { PaintKind } from './highlighter';

/** The annotation lists, by the code a table stores for them. */
const LISTS = ['officials', 'figures', 'claims'] as const;
type ListName = (typeof LISTS)[number];

/** Kinds by code; `figureDiffers` is a figure whose check says it differs from the official value. */
const KINDS: readonly PaintKind[] = ['official', 'figure', 'figureDiffers', 'claim'];

/** Which lists to include (the user's category settings). */
export interface SpanCategories {
  officials: boolean;
  figures: boolean;
  claims: boolean;
}

/**
 * At equal starts a claim comes first (its sentence holds the name or figure
 * that starts with it), then officials, then figures: the order
 * `GlossController` has always painted in.
 */
const TIE_ORDER: Record<ListName, number> = { claims: 0, officials: 1, figures: 2 };

/** The annotations' places in reading order; see the file comment. */
export class SpanTable {
  readonly length: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  private readonly kinds: Uint8Array;
  private readonly lists: Uint8Array;
  private readonly indices: Int32Array;

  private constructor(length: number) {
    this.length = length;
    this.starts = new Int32Array(length);
    this.ends = new Int32Array(length);
    this.kinds = new Uint8Array(length);
    this.lists = new Uint8Array(length);
    this.indices = new Int32Array(length);
  }

  /**
   * The spans of the enabled categories, in reading order, at most `limit`
   * of them (the first in reading order). Each list is merged as it comes
   * from the engine (sorted by start); a list that is not sorted is sorted
   * here first, so the result never depends on that.
   */
  static from(a: AnnotationSet, categories: SpanCategories, limit = Infinity): SpanTable {
    const sources = LISTS.filter((name) => categories[name]).map((name) => {
      const starts = a.starts(name);
      return { name, starts, ends: a.ends(name), order: sortedIndices(starts) };
    });
    const total = sources.reduce((n, s) => n + s.order.length, 0);
    const table = new SpanTable(Math.min(total, limit));
    const at = sources.map(() => 0);
    for (let out = 0; out < table.length; out++) {
      // The source whose next span comes first (ties: claims, officials, figures).
      let best = -1;
      let bestStart = 0;
      for (let s = 0; s < sources.length; s++) {
        const src = sources[s]!;
        if (at[s]! >= src.order.length) continue;
        const start = src.starts[src.order[at[s]!]!]!;
        if (best < 0 || start < bestStart || (start === bestStart && TIE_ORDER[src.name] < TIE_ORDER[sources[best]!.name])) {
          best = s;
          bestStart = start;
        }
      }
      const src = sources[best]!;
      const index = src.order[at[best]!++]!;
      table.starts[out] = src.starts[index]!;
      table.ends[out] = src.ends[index]!;
      table.lists[out] = LISTS.indexOf(src.name);
      table.indices[out] = index;
      table.kinds[out] = kindCode(src.name, a, index);
    }
    return table;
  }

  /** The id of span `i`, as painted items carry it ("figures:12"). */
  id(i: number): string {
    return `${LISTS[this.lists[i]!]}:${this.indices[i]}`;
  }

  /** How span `i` is painted. */
  kind(i: number): PaintKind {
    return KINDS[this.kinds[i]!]!;
  }

  /** The position of the span with this id, or -1. */
  indexOf(id: string): number {
    const colon = id.indexOf(':');
    const list = LISTS.indexOf(id.slice(0, colon) as ListName);
    const index = Number(id.slice(colon + 1));
    if (list < 0 || !Number.isInteger(index)) return -1;
    for (let i = 0; i < this.length; i++) if (this.indices[i] === index && this.lists[i] === list) return i;
    return -1;
  }
}

function kindCode(list: ListName, a: AnnotationSet, index: number): number {
  if (list === 'officials') return 0;
  if (list === 'claims') return 3;
  return a.figureDiffers(index) ? 2 : 1;
}

/** Indices of a list's items in order of start, stable; the identity order when already sorted (the usual case). */
function sortedIndices(starts: ArrayLike<number>): Int32Array {
  const n = starts.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && starts[i]! < starts[i - 1]!) sorted = false;
  }
  if (!sorted) order.set(Array.from(order).sort((x, y) => starts[x]! - starts[y]! || x - y));
  return order;
}
