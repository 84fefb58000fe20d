/**
 * Figure rules led by a number: durations ("five years"), relative counts ("three years later"),
 * counts ("25,000 vehicles"), quantities with units, vague magnitudes ("tens of thousands") and ranks.
 */
import { ORDINAL_WORDS } from '../numbers';
import type { NumberRead } from './read-number';
import { relativeMatch } from './relative';
import { inSet, intOf, isCapitalised, isIdentifierNumber, isInteger, isLowerWord, isPunct, isWord, opensSentence } from './token-tests';
import type { Line, Match, Token } from './types';
import { DETERMINERS, MEASURE_UNITS, NOT_COUNTED, PARTY_NOUNS, RANK_MOVES, RANK_VERBS, RELATIVE_ENDINGS, SUPERLATIVES, TIME_UNITS_PLURAL, TIME_UNITS_SINGULAR, VAGUE_MAGNITUDES } from './words';

/** Figures led by a number: durations, relative counts ("three years later"), counts and quantities. */
export function matchNumberLed(line: Line, i: number, hedged: boolean, n: NumberRead | null): Match | null {
  const t = line[i];
  if (!t) return null;
  if (t.type === 'word' && (t.lower === 'a' || t.lower === 'an')) return matchArticleUnit(line, i);
  if (!n) return null;
  if (t.type === 'num' && isIdentifierNumber(line, i)) return null;
  if (t.type === 'word' && !t.title && isCapitalised(t) && !opensSentence(line, i)) return null;
  const e = n.last;
  const a = line[e + 1];
  // "five-year-old", "six-month", "10-year"
  if (isPunct(a, '-') && a?.glued && line[e + 2]?.glued && TIME_UNITS_SINGULAR.has(line[e + 2]?.lower ?? '')) {
    let last = e + 2;
    if (isPunct(line[e + 3], '-') && line[e + 3]?.glued && isWord(line[e + 4], 'old')) last = e + 4;
    return { first: i, last, kind: 'duration', value: n.value, unit: (line[e + 2] as Token).lower, relative: false, period: null };
  }
  // "93 year-old": the hyphen after the unit.
  if (a && a.type === 'word' && !a.glued && TIME_UNITS_SINGULAR.has(a.lower) && isPunct(line[e + 2], '-') && line[e + 2]?.glued && isWord(line[e + 3], 'old')) {
    return { first: i, last: e + 3, kind: 'duration', value: n.value, unit: a.lower, relative: false, period: null };
  }
  // "five years", "18 months", "nine months ago", "three years later"
  if (a && a.type === 'word' && !a.glued && (TIME_UNITS_PLURAL.has(a.lower) || (TIME_UNITS_SINGULAR.has(a.lower) && n.value === 1))) {
    const after = line[e + 2];
    // "two years later than planned" is a delay (a duration), not a date.
    if (after && after.type === 'word' && RELATIVE_ENDINGS.has(after.lower) && !isWord(line[e + 3], 'than')) {
      return relativeMatch(i, e + 2, after.lower !== 'ago');
    }
    if (n.words[0] === 'one' && a.lower === 'day') return null;
    const unit = a.lower.replace(/ies$/, 'y').replace(/s$/, '');
    return { first: i, last: isWord(after, 'old') ? e + 2 : e + 1, kind: 'duration', value: n.value, unit, relative: false, period: null };
  }
  // "25 basis points": a rate change, a quantity with a unit.
  if (isWord(a, 'basis') && isWord(line[e + 2], 'points', 'point')) {
    return { first: i, last: e + 2, kind: 'other', value: n.value, unit: 'basis points', relative: false, period: null };
  }
  // "a 508-kilometre line", "a 10-mile stretch": a measure used as a modifier.
  if (isPunct(a, '-') && a?.glued && line[e + 2]?.glued && inSet(line[e + 2], MEASURE_UNITS)) {
    return { first: i, last: e + 2, kind: 'other', value: n.value, unit: (line[e + 2] as Token).lower, relative: false, period: null };
  }
  // Quantities with units: "2.68 million tonnes"
  if (a && a.type === 'word' && MEASURE_UNITS.has(a.lower) && !a.glued) {
    let last = e + 1;
    if ((a.lower === 'square' || a.lower === 'cubic') && line[e + 2]?.type === 'word') last = e + 2;
    return { first: i, last, kind: 'other', value: n.value, unit: (line[last] as Token).lower, relative: false, period: null };
  }
  if (t.type === 'word') return matchWordCount(line, i, n, hedged);
  return matchDigitCount(line, i, n);
}

/** "a decade", "a day after", "a year ago". */
function matchArticleUnit(line: Line, i: number): Match | null {
  const unit = line[i + 1];
  if (!unit || unit.type !== 'word' || !TIME_UNITS_SINGULAR.has(unit.lower)) return null;
  const after = line[i + 2];
  if (after && after.type === 'word' && RELATIVE_ENDINGS.has(after.lower)) return relativeMatch(i, i + 2, after.lower !== 'ago');
  const prev = line[i - 1];
  if (isWord(prev, 'per', 'once', 'twice', 'each', 'every')) return null;
  if (unit.lower === 'decade' || unit.lower === 'century') {
    const old = isPunct(line[i + 2], '-') && line[i + 2]?.glued && isWord(line[i + 3], 'old');
    return { first: i, last: old ? i + 3 : i + 1, kind: 'duration', value: 1, unit: unit.lower, relative: false, period: null };
  }
  if ((unit.lower === 'year' || unit.lower === 'month' || unit.lower === 'week') && isWord(prev, 'for', 'over', 'within', 'than', 'nearly', 'almost', 'about', 'after')) {
    return { first: i, last: i + 1, kind: 'duration', value: 1, unit: unit.lower, relative: false, period: null };
  }
  return null;
}

/** Spelled-out counts: "three companies", "two people", "nine African-American churchgoers". */
function matchWordCount(line: Line, i: number, n: NumberRead, hedged: boolean): Match | null {
  const first = n.words[0];
  if (first === 'one' && n.scale === 1) return null;
  const e = n.last;
  const a = line[e + 1];
  if (isPunct(a, '-') && a?.glued) return null;
  const zero = n.words.length === 1 && first === 'zero';
  // "Two of the seven board members": a count of a group named after "of".
  if (isWord(a, 'of') && n.value >= 2 && inSet(line[e + 2], DETERMINERS)) return count(i, e, n.value, null);
  // "the two businesses", "between the two cities": the two parties of the story, not a count.
  if (first === 'two' && n.words.length === 1 && isWord(line[i - 1], 'the') && a && a.type === 'word' && looksPlural(a.lower)) return null;
  if (!a || a.type !== 'word' || NOT_COUNTED.has(a.lower)) {
    return hedged || zero || n.scale > 1 ? count(i, e, n.value, null) : null;
  }
  if (PARTY_NOUNS.has(a.lower) && inSet(line[i - 1], DETERMINERS)) return null;
  if (isVerbOrAdverb(a.lower)) return hedged ? count(i, e, n.value, null) : null;
  return count(i, nounEnd(line, e + 1), n.value, null, line);
}

/** Digit counts: "25,000 vehicles", "less than 100", "50,000 cars per maker". */
function matchDigitCount(line: Line, i: number, n: NumberRead): Match | null {
  const e = n.last;
  const a = line[e + 1];
  const prev = line[i - 1];
  // List markers ("1." at the start of a line) and scores ("3-2") are not counts.
  if (isPunct(a, '.', ')') && a?.glued && (i === 0 || isCapitalised(prev) || isPunct(prev, ':')) && (line[e + 2] === undefined || isCapitalised(line[e + 2]))) return null;
  if (isPunct(a, '-', '–', ':', '/') && a?.glued && line[e + 2]?.type === 'num') return null;
  if (isPunct(prev, '(') && isPunct(a, ')')) return null;
  if (isWord(a, 'times')) return null;
  if (a && a.type === 'word' && !a.glued && !NOT_COUNTED.has(a.lower) && !isVerbOrAdverb(a.lower)) {
    if (isCapitalised(a) && !a.title) return null;
    return count(i, nounEnd(line, e + 1), n.value, null, line);
  }
  if (a && a.type === 'word' && a.glued) return null;
  return count(i, e, n.value, null);
}

/** The last token of the counted noun starting at `k`: follows hyphenated compounds and "per maker". */
function nounEnd(line: Line, k: number): number {
  let last = k;
  while (isPunct(line[last + 1], '-') && line[last + 1]?.glued && line[last + 2]?.type === 'word' && line[last + 2]?.glued) last += 2;
  // "nine African-American churchgoers", "two key figures": a modifier before a plural noun.
  const head = line[last] as Token;
  const after = line[last + 1];
  const modifier = last > k || isCapitalised(head) || !looksPlural(head.lower);
  if (modifier && isLowerWord(after) && after && !NOT_COUNTED.has(after.lower) && looksPlural(after.lower)) last += 1;
  if (isWord(line[last + 1], 'per') && isLowerWord(line[last + 2]) && !isWord(line[last + 2], 'cent')) last += 2;
  return last;
}

const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(['people', 'children', 'men', 'women', 'police', 'staff', 'personnel', 'cattle', 'sheep', 'fish', 'troops', 'feet', 'teeth', 'mice', 'geese']);

/** A cheap plural test for the head noun of a count: "vehicles", "people", not "news" or "business". */
function looksPlural(lower: string): boolean {
  return IRREGULAR_PLURALS.has(lower) || (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') && !lower.endsWith('us') && !lower.endsWith('is'));
}

/** Words after a number that are verbs or adverbs ("54 compared", "2 dramatically"), not counted nouns. */
function isVerbOrAdverb(lower: string): boolean {
  return lower.endsWith('ed') || lower.endsWith('ly');
}

function count(first: number, last: number, value: number, unit: string | null, line?: Line): Match {
  const u = unit ?? (line && last > first ? ((): string | null => {
    let k = last;
    if (isWord(line[k - 1], 'per')) k -= 2;
    const w = line[k];
    return w && w.type === 'word' ? w.lower : null;
  })() : null);
  return { first, last, kind: 'count', value, unit: u, relative: false, period: null };
}

/** Vague magnitudes that still count things: "tens of thousands", "hundreds of people". */
export function matchVagueCount(line: Line, i: number): Match | null {
  const t = line[i];
  if (!t || !VAGUE_MAGNITUDES.has(t.lower) || !isWord(line[i + 1], 'of')) return null;
  const m = line[i + 2];
  if (isWord(m, 'thousands', 'millions', 'billions')) return { first: i, last: i + 2, kind: 'count', value: null, unit: null, relative: false, period: null };
  if (t.lower !== 'tens' && isLowerWord(m) && m && !NOT_COUNTED.has(m.lower) && !TIME_UNITS_PLURAL.has(m.lower)) {
    return { first: i, last: i, kind: 'count', value: null, unit: m.lower, relative: false, period: null };
  }
  return null;
}

/** ORDINAL_WORDS as a map: a hashed look-up of own keys ("constructor" is no ordinal). */
export const ORDINALS: ReadonlyMap<string, number> = new Map(Object.entries(ORDINAL_WORDS));

/** Ranks: "6th largest", "second-biggest", "rank second". Sequence ordinals ("first round") are not figures. */
export function matchRank(line: Line, i: number): Match | null {
  const t = line[i];
  if (!t) return null;
  let rank: number | null = null;
  let last = i;
  const ordinal = t.type === 'word' ? ORDINALS.get(t.lower) : undefined;
  if (ordinal !== undefined) {
    if (isCapitalised(t) && !t.title && !opensSentence(line, i)) return null;
    rank = ordinal;
  } else if (isInteger(t) && isWord(line[i + 1], 'st', 'nd', 'rd', 'th') && line[i + 1]?.glued) {
    rank = intOf(t);
    last = i + 1;
  }
  if (rank === null) return null;
  const a = line[last + 1];
  const hyphen = isPunct(a, '-') && a?.glued;
  const sup = hyphen ? line[last + 2] : a;
  if (sup && sup.type === 'word' && SUPERLATIVES.has(sup.lower) && (hyphen ? sup.glued : !sup.glued)) {
    return { first: i, last: hyphen ? last + 2 : last + 1, kind: 'other', value: rank, unit: 'rank', relative: false, period: null };
  }
  const prev = line[i - 1];
  if (inSet(prev, RANK_VERBS) || (isWord(prev, 'to') && inSet(line[i - 2], RANK_MOVES))) {
    return { first: i, last, kind: 'other', value: rank, unit: 'rank', relative: false, period: null };
  }
  return null;
}
