/**
 * The annotations of one article as the page keeps them: read by list and
 * position, with an object made only when something needs one.
 *
 * Why: the page paints from offsets and kinds, and needs an annotation's
 * details only for a card, the popup or an export. The engine in the
 * background sends columns (`lib/remote/columns.ts`) that stay columns here;
 * the engine run in-process (tests, the CLI) gives plain `Annotations`, which
 * `annotationSetOf` wraps. Both read the same way.
 */
import type { Annotations } from './types';

/** The three lists of annotations. */
export type AnnotationListName = 'officials' | 'figures' | 'claims';

/** An item of one list. */
export type AnnotationOf<L extends AnnotationListName> = Annotations[L][number];

/** Read access to one article's annotations; see the file comment. */
export interface AnnotationSet {
  readonly date: string | null;
  readonly topics: string[];
  /** How many items `list` holds. */
  size(list: AnnotationListName): number;
  /** Where item `i` of `list` starts and ends in the article text. */
  start(list: AnnotationListName, i: number): number;
  end(list: AnnotationListName, i: number): number;
  /** Where every item of `list` starts (or ends), in order: one read for tens of thousands. */
  starts(list: AnnotationListName): ArrayLike<number>;
  ends(list: AnnotationListName): ArrayLike<number>;
  /** True when figure `i` was checked against an official series and differs from it. */
  figureDiffers(i: number): boolean;
  /** Item `i` of `list`, or undefined. */
  item<L extends AnnotationListName>(list: L, i: number): AnnotationOf<L> | undefined;
  /** Everything as plain objects (the popup, exports). */
  toAnnotations(): Annotations;
}

/** Wraps annotations the engine gave in-process. */
export function annotationSetOf(a: Annotations): AnnotationSet {
  return {
    date: a.date,
    topics: a.topics,
    size: (list) => a[list].length,
    start: (list, i) => a[list][i]?.start ?? NaN,
    end: (list, i) => a[list][i]?.end ?? NaN,
    starts: (list) => a[list].map((x) => x.start),
    ends: (list) => a[list].map((x) => x.end),
    figureDiffers: (i) => a.figures[i]?.check?.verdict === 'differs',
    item: <L extends AnnotationListName>(list: L, i: number) => a[list][i] as AnnotationOf<L> | undefined,
    toAnnotations: () => a,
  };
}

/** True for an `AnnotationSet` (as against plain `Annotations`). */
export function isAnnotationSet(x: Annotations | AnnotationSet): x is AnnotationSet {
  return typeof (x as Partial<AnnotationSet>).toAnnotations === 'function';
}
