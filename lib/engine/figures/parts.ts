/**
 * Figure rules for parts of years ("the first quarter of 2019"), fractions ("two-thirds") and vote
 * tallies ("ruling 2-1").
 */
import { partOfYearPeriod, yearPeriod } from '../dates';
import { isNumberWord, parseNumberWordList } from '../numbers';
import { inSet, intOf, isInteger, isPunct, isWord } from './token-tests';
import type { Line, Match } from './types';

/** Ordinals that name a quarter or half of a year ("the final quarter"). */
export const PART_ORDINALS: ReadonlyMap<string, number> = new Map([['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['final', 4]]);
/** Words for the edge or middle of a period: "the end of the fiscal year". */
export const YEAR_EDGES: ReadonlySet<string> = new Set(['start', 'beginning', 'end', 'middle', 'turn', 'close']);
const YEAR_EDGE_UNITS: ReadonlySet<string> = new Set(['year', 'month', 'week', 'quarter', 'decade', 'century', 'season']);
const FISCAL_WORDS: ReadonlySet<string> = new Set(['fiscal', 'financial', 'calendar', 'academic', 'tax', 'school']);
const FRACTION_WORDS: ReadonlyMap<string, number> = new Map([
  ['half', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fifth', 5], ['fifths', 5], ['tenth', 10], ['tenths', 10],
]);
const TALLY_CONTEXT: ReadonlySet<string> = new Set([
  'vote', 'votes', 'voted', 'voting', 'ruling', 'ruled', 'decision', 'verdict', 'margin', 'split', 'majority', 'passed', 'approved',
  'confirmed', 'rejected', 'defeated', 'tally',
]);

/** A year right at token `k` (a four-digit number 1800–2199), or null. */
function yearAt(line: Line, k: number): number | null {
  const t = line[k];
  if (!isInteger(t) || t?.text.length !== 4) return null;
  const y = intOf(t);
  return y >= 1800 && y < 2200 ? y : null;
}

/**
 * What follows "quarter"/"half"/"end" at token `k`: "of 2018", "of the year", "of next year",
 * "of the fiscal year", "of fiscal 2019". Returns the last token and the year when one is stated.
 */
function ofYear(line: Line, k: number): { last: number; year: number | null; relative: boolean } | null {
  if (!isWord(line[k], 'of')) return null;
  let j = k + 1;
  if (isWord(line[j], 'fiscal', 'financial', 'calendar')) j++;
  const y = yearAt(line, j);
  if (y !== null) return { last: j, year: y, relative: false };
  if (!isWord(line[j], 'the', 'this', 'next', 'last', 'that', 'its')) return null;
  j++;
  if (inSet(line[j], FISCAL_WORDS)) j++;
  if (!inSet(line[j], YEAR_EDGE_UNITS)) return null;
  return { last: j, year: null, relative: true };
}

/**
 * Parts of a year: "the first quarter (of 2019)", "Q3 2019", "the first half of 2018",
 * "the end of the fiscal year", "the start of 2020". Dates; relative when no year is stated.
 */
export function matchPartOfYear(line: Line, i: number): Match | null {
  const t = line[i];
  if (!t || t.type !== 'word') return null;
  // "Q3", "Q3 2019", "Q3 of 2019"
  if (t.text === 'Q' && isInteger(line[i + 1]) && line[i + 1]?.glued && intOf(line[i + 1]) >= 1 && intOf(line[i + 1]) <= 4 && !(line[i + 2]?.glued && line[i + 2]?.type !== 'punct')) {
    const n = intOf(line[i + 1]);
    const y = yearAt(line, i + 2);
    if (y !== null) return { first: i, last: i + 2, kind: 'date', value: `${y}-Q${n}`, unit: 'quarter', relative: false, period: partOfYearPeriod(y, 'Q', n), explicitYear: y };
    return { first: i, last: i + 1, kind: 'date', value: null, unit: 'quarter', relative: true, period: null };
  }
  const first = t.lower === 'the' ? i + 1 : i;
  const w = line[first];
  if (!w || w.type !== 'word') return null;
  // "the first quarter", "the second half of the year"
  const ordinal = PART_ORDINALS.get(w.lower);
  const unit = line[first + 1];
  if (ordinal !== undefined && isWord(unit, 'quarter', 'half') && !(isPunct(line[first + 2], '-') && line[first + 2]?.glued)) {
    const part = unit?.lower === 'quarter' ? 'Q' : 'H';
    if (part === 'H' && ordinal > 2) return null;
    const of = ofYear(line, first + 2);
    // A half needs its year ("second half" alone is as often a match's second half).
    if (!of && part === 'H') return null;
    if (of && of.year !== null) {
      return { first: i, last: of.last, kind: 'date', value: `${of.year}-${part}${ordinal}`, unit: part === 'Q' ? 'quarter' : 'half', relative: false, period: partOfYearPeriod(of.year, part, ordinal), explicitYear: of.year };
    }
    return { first: i, last: of ? of.last : first + 1, kind: 'date', value: null, unit: part === 'Q' ? 'quarter' : 'half', relative: true, period: null };
  }
  // "the end of the fiscal year", "the start of 2020", "the end of next year"
  if (YEAR_EDGES.has(w.lower)) {
    const of = ofYear(line, first + 1);
    if (!of) return null;
    if (of.year !== null) return { first: i, last: of.last, kind: 'date', value: String(of.year), unit: 'year', relative: false, period: yearPeriod(of.year), explicitYear: of.year };
    return { first: i, last: of.last, kind: 'date', value: null, unit: null, relative: true, period: null };
  }
  return null;
}

/** Fractions: "two-thirds", "three quarters of", "a quarter of the economists", "up by a third". */
export function matchFraction(line: Line, i: number): Match | null {
  const t = line[i];
  if (!t || t.type !== 'word') return null;
  const numerator = t.lower === 'a' || t.lower === 'an' ? 1 : isNumberWord(t.lower) ? parseNumberWordList([t.lower]) : null;
  if (numerator === null || numerator < 1 || numerator > 9) return null;
  const hyphen = isPunct(line[i + 1], '-') && line[i + 1]?.glued;
  const k = hyphen ? i + 2 : i + 1;
  const f = line[k];
  const denominator = f && f.type === 'word' && (!hyphen || f.glued) ? FRACTION_WORDS.get(f.lower) : undefined;
  if (denominator === undefined || numerator >= denominator) return null;
  // "a third term", "a quarter century": an ordinal or a unit, not a share. A share is followed by "of"
  // or ends its phrase ("rose by a third."), or is written with a hyphen ("two-thirds").
  const after = line[k + 1];
  const endsPhrase = after === undefined || after.type === 'punct';
  if (!hyphen && !isWord(after, 'of') && !(endsPhrase && isWord(line[i - 1], 'by'))) return null;
  if (f?.lower === 'half' && !hyphen) return null;
  return { first: i, last: k, kind: 'percent', value: Math.round((numerator / denominator) * 1000) / 10, unit: 'percent', relative: false, period: null };
}

/** Vote tallies and split rulings: "by votes of 278-151", "ruling 2-1", "a 6–3 decision". */
export function matchTally(line: Line, i: number): Match | null {
  const t = line[i];
  if (!isInteger(t) || !isPunct(line[i + 1], '-', '–') || !line[i + 1]?.glued || !isInteger(line[i + 2]) || !line[i + 2]?.glued) return null;
  const a = intOf(t);
  const b = intOf(line[i + 2]);
  // "1-2-3" is a code, not a tally.
  if (a > 1000 || b > 1000 || (isPunct(line[i + 3], '-', '–') && line[i + 3]?.glued)) return null;
  let context = inSet(line[i + 3], TALLY_CONTEXT);
  for (let j = Math.max(0, i - 3); j < i && !context; j++) if (inSet(line[j], TALLY_CONTEXT)) context = true;
  if (!context) return null;
  return { first: i, last: i + 2, kind: 'count', value: a, unit: 'votes', relative: false, period: null };
}
