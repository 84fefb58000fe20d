/**
 * The figures detector's final pass: turns matches into figures and resolves relative dates
 * ("three years later") against the article's date and the years mentioned before them.
 */
import type { ArticleText, Figure } from '../../types';
import { type ResolvedDate, resolveRelative } from '../dates';
import type { Steps } from '../steps';
import type { Match } from './types';

/** A rule's match with the offsets and sentence of its tokens (kept instead of the tokens, which can then be freed). */
export interface Found {
  match: Match;
  start: number;
  end: number;
  sentence: number;
}

/** Figures resolved between pauses of the final pass. */
const FIGURES_PER_STEP = 2048;

/** Final pass: relative dates get their period, using the article's date and the years mentioned before them. */
export function* resolveRelatives(article: ArticleText, found: readonly Found[]): Steps<Figure[]> {
  let anchorYear: number | null = null;
  let sentenceYear: { sentence: number; year: number } | null = null;
  const figures: Figure[] = [];
  // The same few phrases ("last month", "a year earlier") recur with the same context: each is resolved once.
  const resolvedBefore = new Map<string, (ResolvedDate & { unit: string }) | null>();
  for (const { match, start, end, sentence } of found) {
    const text = article.text.slice(start, end);
    let { value, period, unit } = match;
    if (match.relative) {
      const sameSentence = sentenceYear !== null && sentenceYear.sentence === sentence ? sentenceYear.year : null;
      const future = match.future === true;
      const key = `${anchorYear ?? ''}|${sameSentence ?? ''}|${future ? 1 : 0}|${text}`;
      let resolved = resolvedBefore.get(key);
      if (resolved === undefined) {
        const r: ResolvedDate | null = resolveRelative(text, article.date, { anchorYear, sentenceYear: sameSentence, future });
        resolved = r ? { ...r, unit: unitOfValue(r.value) } : null;
        resolvedBefore.set(key, resolved);
      }
      if (resolved) {
        value = resolved.value;
        // Each figure gets its own period object, as if resolved alone.
        period = { ...resolved.period };
        unit = resolved.unit;
      }
    }
    if (match.explicitYear !== undefined) {
      anchorYear = match.explicitYear;
      sentenceYear = { sentence, year: match.explicitYear };
    }
    if (match.relative && match.needsAnchor && period && /^\d{4}$/.test(period.label)) {
      anchorYear = Number(period.label);
    }
    figures.push({
      start, end, text, kind: match.kind, value, unit,
      relative: match.relative, period,
    });
    // A long article has tens of thousands of figures: pause now and then.
    if (figures.length % FIGURES_PER_STEP === 0) yield;
  }
  return figures;
}

/** The unit a resolved date value is given in: "2016" → year, "2017-07" → month, "2017-W33" → week. */
function unitOfValue(value: string): string {
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/W\d{2}$/.test(value)) return 'week';
  return 'day';
}
