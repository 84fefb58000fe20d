/**
 * The figure check: holds money figures against the official series in the
 * knowledge packs. A figure is checked when its sentence names what a series
 * measures ("trade deficit") and its partner ("South Korea"), and the period can
 * be told (an explicit year, a resolved "previous year", or, for a past-tense
 * sentence with no date at all, the year before the article's). The verdict
 * compares at the writer's own rounding: "$28 billion" matches 27.7 billion,
 * "$27.6 billion" does not.
 */
import type { ArticleText, Figure, FigureCheck } from '../types';
import type { KnowledgePack, PackSeries, SeriesPoint } from '../packs/types';
import { formatMoney, parseNumeral, roundingTolerance } from './numbers';
import { parseIsoDate } from './dates';
import { drain, type Steps } from './steps';

/** How far to look for a sentence boundary on either side of a figure, in characters. */
const MAX_SENTENCE_REACH = 800;
const ABBREVIATION_BEFORE_DOT = /(?:^|[^\p{L}])(?:\p{L}|\p{L}\.\p{L}|mr|mrs|ms|dr|st|gov|sen|rep|gen|jan|feb|aug|sept|oct|nov|dec|no|inc|corp|co|ltd|vs)$/iu;

/**
 * The sentence around a span, as offsets: from just after the previous sentence
 * end (or line break) to just after the next. A full stop after a single letter
 * or a common abbreviation ("U.S.", "Mr.", "Aug.") does not end a sentence.
 */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  const floor = Math.max(0, start - MAX_SENTENCE_REACH);
  while (s > floor) {
    const c = text[s - 1] as string;
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && isSentenceEnd(text, s - 1)) break;
    s--;
  }
  let e = end;
  const ceiling = Math.min(text.length, end + MAX_SENTENCE_REACH);
  while (e < ceiling) {
    const c = text[e] as string;
    if (c === '\n') break;
    e++;
    if ((c === '.' || c === '!' || c === '?') && isSentenceEnd(text, e - 1)) break;
  }
  while (s < e && /\s/.test(text[s] as string)) s++;
  return { start: s, end: e };
}

function isSentenceEnd(text: string, dot: number): boolean {
  const after = text.slice(dot + 1, dot + 3);
  if (!/^(\s|$)/.test(after)) return false;
  const next = after.trimStart()[0];
  if (next !== undefined && !/[\p{Lu}"“‘'(\d]/u.test(next)) return false;
  if (text[dot] !== '.') return true;
  return !ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, dot - 8), dot));
}

/** Offsets of every whole-word occurrence of a term. Acronyms ("US", "ROK") match case-sensitively. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** How a term is searched: acronyms as written, other terms lower-cased. */
interface TermNeedle {
  caseSensitive: boolean;
  needle: string;
}

/** Needles by term: pack terms are few and searched once per money figure, so each is prepared once. */
const needles = new Map<string, TermNeedle>();

function needleOf(term: string): TermNeedle {
  let n = needles.get(term);
  if (!n) {
    const caseSensitive = term === term.toUpperCase() && /\p{L}/u.test(term);
    n = { caseSensitive, needle: caseSensitive ? term : term.toLowerCase() };
    needles.set(term, n);
  }
  return n;
}

/**
 * One sentence as the check reads it: its text, its lower-cased copy and the
 * hits of every term searched so far. Figures of the same sentence share it,
 * so the sentence is lower-cased and each term searched once.
 */
interface SentenceText {
  start: number;
  end: number;
  text: string;
  lower: string;
  hits: Map<string, number[]>;
}

function sentenceText(text: string, bounds: { start: number; end: number }): SentenceText {
  const sentence = text.slice(bounds.start, bounds.end);
  return { start: bounds.start, end: bounds.end, text: sentence, lower: sentence.toLowerCase(), hits: new Map() };
}

/** `findTerm` in a sentence, memoised on the sentence. */
function termHits(s: SentenceText, term: string): number[] {
  let hits = s.hits.get(term);
  if (!hits) {
    hits = findTerm(s.text, s.lower, term);
    s.hits.set(term, hits);
  }
  return hits;
}

function findTerm(sentence: string, lowerSentence: string, term: string): number[] {
  const { caseSensitive, needle } = needleOf(term);
  const haystack = caseSensitive ? sentence : lowerSentence;
  const hits: number[] = [];
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    const before = haystack[i - 1];
    const after = haystack[i + needle.length];
    if ((before === undefined || !WORD_CHAR.test(before)) && (after === undefined || !WORD_CHAR.test(after))) hits.push(i);
  }
  return hits;
}

/** A series that a figure's sentence speaks of, and how well. */
interface Candidate {
  pack: KnowledgePack;
  series: PackSeries;
  /** Length of the most specific measure term found near the figure. */
  specificity: number;
  /** The stated value's sign relative to the series' reporter (+1 surplus, -1 deficit), or null when unsaid. */
  sign: number | null;
  /** True when reading the figure in this series' sign convention needed a flip ("Korea's surplus" in a US series). */
  flipped: boolean;
}

const POLARITY_WORDS: readonly [string, number][] = [['deficit', -1], ['shortfall', -1], ['surplus', 1]];

/** The sign the sentence gives the figure: the deficit/surplus word nearest to it. */
function polarityNear(lower: string, figureStart: number): { sign: number; at: number } | null {
  let best: { sign: number; at: number; distance: number } | null = null;
  for (const [word, sign] of POLARITY_WORDS) {
    for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
      const distance = Math.abs(i - figureStart);
      if (!best || distance < best.distance) best = { sign, at: i, distance };
    }
  }
  return best ? { sign: best.sign, at: best.at } : null;
}

/** True when one of the series' partners owns the measure ("Korea's trade surplus", "Korea trade surplus"). */
function partnerOwnsMeasure(s: SentenceText, series: PackSeries, keywordAt: number): boolean {
  const { lower } = s;
  for (const term of series.match.partnerTerms) {
    for (const at of termHits(s, term)) {
      const between = lower.slice(at + term.length, keywordAt);
      if (at < keywordAt && /^(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,2}$/u.test(between)) return true;
    }
  }
  return false;
}

/** The series a money figure speaks of, best first. */
function candidatesFor(packs: readonly KnowledgePack[], s: SentenceText, region: { start: number; end: number }, figureAt: number): Candidate[] {
  // The polarity is read only once some series qualifies: most money figures match none.
  let polarity: { sign: number; at: number } | null | undefined;
  const out: Candidate[] = [];
  for (const pack of packs) {
    for (const series of pack.series) {
      let specificity = 0;
      for (const term of series.match.measureTerms) {
        const inRegion = termHits(s, term).some((at) => at >= region.start && at + term.length <= region.end);
        if (inRegion) specificity = Math.max(specificity, term.length);
      }
      if (specificity === 0) continue;
      if (!series.match.partnerTerms.some((term) => termHits(s, term).length > 0)) continue;
      if (polarity === undefined) polarity = polarityNear(s.lower.slice(region.start, region.end), figureAt - region.start);
      let sign = polarity ? polarity.sign : null;
      let flipped = false;
      if (polarity && partnerOwnsMeasure(s, series, polarity.at + region.start)) {
        sign = -polarity.sign;
        flipped = true;
      }
      out.push({ pack, series, specificity, sign, flipped });
    }
  }
  return out.sort((a, b) => b.specificity - a.specificity || Number(a.flipped) - Number(b.flipped) ||
    Number(b.series.match.primary) - Number(a.series.match.primary));
}

const COMPARISON_BEFORE = /(?:from|than|since|versus|vs\.?)\s+$/i;
const PAST_TENSE = /\b(?:had|was|were|ran|stood|recorded|posted|totaled|totalled|reached|hit|amounted|widened|narrowed|rose|fell|grew|shrank|came to)\b/i;

/** The year a money figure refers to, from dated figures in its sentence, or null. */
function periodFor(article: ArticleText, figure: Figure, sentence: { start: number; end: number }, figures: readonly Figure[]): string | null {
  let best: { year: string; distance: number } | null = null;
  for (const f of within(figures, sentence.start, sentence.end)) {
    if (f === figure) continue;
    const year = f.kind === 'year' && typeof f.value === 'string' && /^\d{4}$/.test(f.value) ? f.value
      : f.kind === 'date' && f.period && /^\d{4}$/.test(f.period.label) ? f.period.label : null;
    if (year === null) continue;
    if (COMPARISON_BEFORE.test(article.text.slice(Math.max(sentence.start, f.start - 12), f.start))) continue;
    const distance = f.start >= figure.end ? f.start - figure.end : figure.start - f.end;
    if (!best || distance < best.distance) best = { year, distance };
  }
  if (best) return best.year;
  // No date in the sentence: a past-tense annual figure is most likely last year's.
  const articleDate = parseIsoDate(article.date);
  const text = article.text.slice(sentence.start, sentence.end);
  if (articleDate && PAST_TENSE.test(text)) return String(articleDate.year - 1);
  return null;
}

/** The figures (sorted by start) lying inside [start, end): a binary search, so many figures stay cheap. */
function within<T extends { start: number; end: number }>(sorted: readonly T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as T).start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && (sorted[i] as T).start < end; i++) {
    if ((sorted[i] as T).end <= end) out.push(sorted[i] as T);
  }
  return out;
}

/** The written precision of a money figure, in currency units. */
function toleranceOf(figure: Figure): number | null {
  const numeral = /\d[\d,]*(?:\.\d+)?/.exec(figure.text)?.[0];
  if (numeral === undefined || typeof figure.value !== 'number') return null;
  const n = parseNumeral(numeral);
  if (n === null || n === 0) return null;
  return roundingTolerance(numeral, figure.value / n);
}

/** How the writer bounds the figure: "more than $20 billion" is a floor, "less than" a ceiling. */
function boundBefore(textBefore: string): 'floor' | 'ceiling' | 'near' | null {
  const t = textBefore.toLowerCase();
  if (/(?:more than|over|above|at least)\s+$/.test(t)) return 'floor';
  if (/(?:less than|under|below|up to)\s+$/.test(t)) return 'ceiling';
  if (/(?:nearly|almost)\s+$/.test(t)) return 'near';
  return null;
}

function describe(value: number, unit: string): string {
  if (value < 0) return `a deficit of ${formatMoney(-value, unit)}`;
  return `a surplus of ${formatMoney(value, unit)}`;
}

const publisherIndex = new WeakMap<KnowledgePack, Map<string, string>>();

function publishers(pack: KnowledgePack, sourceIds: readonly string[]): string {
  let index = publisherIndex.get(pack);
  if (!index) {
    index = new Map(pack.sources.map((s) => [s.id, s.publisher]));
    publisherIndex.set(pack, index);
  }
  const names = sourceIds.map((id) => index.get(id)).filter((p): p is string => p !== undefined);
  return [...new Set(names)].join('; ');
}

function verdictOf(stated: number, official: number, tolerance: number, bound: ReturnType<typeof boundBefore>): boolean {
  if (stated !== 0 && official !== 0 && Math.sign(stated) !== Math.sign(official)) return false;
  const s = Math.abs(stated);
  const o = Math.abs(official);
  const slack = tolerance + 1e-9 * Math.max(s, o);
  switch (bound) {
    case 'floor': return o >= s - slack;
    case 'ceiling': return o <= s + slack;
    case 'near': return o <= s + slack && o >= s * 0.9 - slack;
    default: return Math.abs(s - o) <= slack;
  }
}

/** Builds the check of one money figure against one series for one year. */
function checkOne(figure: Figure, c: Candidate, year: string, tolerance: number, bound: ReturnType<typeof boundBefore>): FigureCheck {
  const { pack, series } = c;
  const point: SeriesPoint | undefined = series.points.find((p) => p.period === year);
  const magnitude = Math.abs(figure.value as number);
  const reference = point ?? series.points[0];
  const officialSign = reference ? Math.sign(reference.value) || 1 : 1;
  const statedValue = magnitude * (c.sign ?? officialSign);
  const related = pack.series
    .filter((s) => s !== series)
    .flatMap((s) => {
      const p = s.points.find((q) => q.period === year);
      return p ? [{ label: s.label, value: p.value, basis: s.basis, sourceIds: p.sourceIds }] : [];
    });
  const base = {
    packId: pack.id, seriesId: series.id, seriesLabel: series.label, period: year, statedValue,
    unit: series.unit, basis: series.basis, ...(related.length > 0 ? { related } : {}),
  };
  if (!point) {
    return { ...base, verdict: 'no-data', officialValue: null, sourceIds: series.sourceIds,
      note: `No official ${year} figure in the ${pack.name} pack for: ${series.label}.` };
  }
  const matches = verdictOf(statedValue, point.value, tolerance, bound);
  const official = `${series.label}, ${describe(point.value, series.unit)} (${series.basis}; ${publishers(pack, point.sourceIds)})`;
  const note = matches
    ? `${figure.text} matches the official ${year} figure at the stated rounding: ${official}.`
    : `${figure.text} differs from the official ${year} figure: ${official}.`;
  return { ...base, verdict: matches ? 'matches' : 'differs', officialValue: point.value, sourceIds: point.sourceIds, note };
}

/**
 * Returns the figures with `check` set on each money figure that states a
 * quantity a pack has a series for (see the module comment). Figures that
 * cannot be tied to a series and a period are returned unchanged.
 */
export function checkFigures(article: ArticleText, figures: Figure[], packs: readonly KnowledgePack[]): Figure[] {
  return drain(checkFiguresSteps(article, figures, packs));
}

/** Figures checked between pauses of `checkFiguresSteps`. */
const FIGURES_PER_STEP = 256;

/** `checkFigures` as resumable steps (a pause every few hundred figures), for very long articles; same result. */
export function* checkFiguresSteps(article: ArticleText, figures: Figure[], packs: readonly KnowledgePack[]): Steps<Figure[]> {
  if (packs.length === 0) return figures;
  const sorted = [...figures].sort((a, b) => a.start - b.start);
  const money = sorted.filter((f) => f.kind === 'money');
  const out: Figure[] = [];
  // The last sentence read: money figures of one sentence come one after another.
  const last: { sentence: SentenceText | null } = { sentence: null };
  for (let i = 0; i < figures.length; i++) {
    out.push(checkFigure(article, figures[i]!, packs, sorted, money, last));
    if (i % FIGURES_PER_STEP === FIGURES_PER_STEP - 1) yield;
  }
  return out;
}

/** One figure of `checkFigures`: with its `check` when a pack series covers it, else unchanged. */
function checkFigure(
  article: ArticleText, figure: Figure, packs: readonly KnowledgePack[], sorted: readonly Figure[], money: readonly Figure[],
  last: { sentence: SentenceText | null },
): Figure {
  if (figure.kind !== 'money' || typeof figure.value !== 'number') return figure;
  const bounds = sentenceAround(article.text, figure.start, figure.end);
  let sentence = last.sentence;
  if (!sentence || sentence.start !== bounds.start || sentence.end !== bounds.end) {
    sentence = sentenceText(article.text, bounds);
    last.sentence = sentence;
  }
  // Measure words count only between the neighbouring money figures, so that
  // "a deficit of $27.7 billion in goods, but a surplus of $10 billion in services" splits.
  const near = within(money, bounds.start, bounds.end);
  const before = near.filter((m) => m.end <= figure.start).pop();
  const after = near.find((m) => m.start >= figure.end);
  const region = { start: (before ? before.end : bounds.start) - bounds.start, end: (after ? after.start : bounds.end) - bounds.start };
  const whole = { start: 0, end: sentence.text.length };
  const inRegion = candidatesFor(packs, sentence, region, figure.start - bounds.start);
  // A figure in a clause of its own ("…, down from $23 billion in 2016") still belongs to the sentence's measure.
  const candidates = (inRegion.length > 0 ? inRegion : candidatesFor(packs, sentence, whole, figure.start - bounds.start))
    .filter((c) => c.series.unit === figure.unit);
  const best = candidates[0];
  if (!best) return figure;
  const year = periodFor(article, figure, bounds, sorted);
  const tolerance = toleranceOf(figure);
  if (year === null || tolerance === null) return figure;
  const bound = boundBefore(article.text.slice(Math.max(bounds.start, figure.start - 16), figure.start));
  return { ...figure, check: checkOne(figure, best, year, tolerance, bound) };
}
