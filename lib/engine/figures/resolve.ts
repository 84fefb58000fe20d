/**
 * Turns the figure rules' matches into figures, in text order, resolving
 * relative dates ("three years later", "the previous year") against the
 * article's date and the years mentioned before them. Each match is resolved
 * as it is found: the resolution only ever looks back, so no list of matches
 * has to be kept for a final pass.
 */
import type { ArticleText, Figure } from '../../types';
import { type ResolvedDate, resolveRelative } from '../dates';
import type { Match } from './types';

/** A relative date resolved once, with the unit of its value. */
type Resolved = ResolvedDate & { unit: string };

/** Builds the figures of one article from its matches, in order. */
export class FigureResolver {
  /** The figures so far, sorted by start offset. */
  readonly figures: Figure[] = [];
  /** The latest explicit (or resolved anchoring) year: what "three years later" counts from. */
  private anchorYear: number | null = null;
  /** The latest explicit year and its sentence: "the previous year" in that sentence is the year before it. */
  private sentenceYear: { sentence: number; year: number } | null = null;
  /** The same few phrases ("last month", "a year earlier") recur with the same context: each is resolved once. */
  private readonly resolvedBefore = new Map<string, Resolved | null>();

  constructor(private readonly article: ArticleText) {}

  /** Adds the figure of `match`, which spans [start, end) in sentence number `sentence`. */
  add(match: Match, start: number, end: number, sentence: number): void {
    const text = this.article.text.slice(start, end);
    let { value, period, unit } = match;
    if (match.relative) {
      const sameSentence = this.sentenceYear !== null && this.sentenceYear.sentence === sentence ? this.sentenceYear.year : null;
      const resolved = this.resolve(text, sameSentence, match.future === true);
      if (resolved) {
        value = resolved.value;
        // Each figure gets its own period object, as if resolved alone.
        period = { ...resolved.period };
        unit = resolved.unit;
      }
    }
    if (match.explicitYear !== undefined) {
      this.anchorYear = match.explicitYear;
      this.sentenceYear = { sentence, year: match.explicitYear };
    }
    if (match.relative && match.needsAnchor && period && /^\d{4}$/.test(period.label)) {
      this.anchorYear = Number(period.label);
    }
    this.figures.push({
      start, end, text, kind: match.kind, value, unit,
      relative: match.relative, period,
    });
  }

  /** `resolveRelative` of a phrase in the current context, memoised on phrase and context. */
  private resolve(text: string, sameSentence: number | null, future: boolean): Resolved | null {
    const key = `${this.anchorYear ?? ''}|${sameSentence ?? ''}|${future ? 1 : 0}|${text}`;
    let resolved = this.resolvedBefore.get(key);
    if (resolved === undefined) {
      const r = resolveRelative(text, this.article.date, { anchorYear: this.anchorYear, sentenceYear: sameSentence, future });
      resolved = r ? { ...r, unit: unitOfValue(r.value) } : null;
      this.resolvedBefore.set(key, resolved);
    }
    return resolved;
  }
}

/** The unit a resolved date value is given in: "2016" → year, "2017-07" → month, "2017-W33" → week. */
function unitOfValue(value: string): string {
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/W\d{2}$/.test(value)) return 'week';
  return 'day';
}
