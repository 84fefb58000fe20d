/**
 * Figure rules for calendar dates ("Aug. 22, 2017", "9/11", "2017-08-22"), times of day ("3 p.m.")
 * and years ("2015", "2015-17", "the 1990s").
 */
import type { Period } from '../../types';
import { isMonthAbbreviation, monthIndexOfLower, resolveCalendar, yearPeriod, yearRangePeriod } from '../dates';
import { inSet, intOf, isCapitalised, isDigits, isIdentifierNumber, isInteger, isLowerWord, isNameWord, isPunct, isWord } from './token-tests';
import type { Context, Line, Match, Token } from './types';
import { MONTH_CONTEXT, NOT_COUNTED, TIME_ZONES } from './words';

/** Calendar dates: "August 22, 2017", "Aug. 22", "July 2017", "September 1st", "22 August", "9/11", "2017-08-22". */
export function matchCalendarDate(line: Line, i: number, ctx: Context): Match | null {
  const t = line[i];
  if (!t) return null;
  if (t.type === 'word') {
    // "mid-July", "early-August"
    if ((t.lower === 'mid' || t.lower === 'early' || t.lower === 'late') && isPunct(line[i + 1], '-') && line[i + 1]?.glued && line[i + 2]?.glued) {
      const inner = matchMonthFirst(line, i + 2, ctx, true);
      return inner ? { ...inner, first: i } : null;
    }
    return matchMonthFirst(line, i, ctx, false);
  }
  if (!isInteger(t)) return null;
  // ISO "2017-08-22"
  if (t.text.length === 4 && isPunct(line[i + 1], '-') && line[i + 1]?.glued && isInteger(line[i + 2]) && line[i + 2]?.glued &&
    isPunct(line[i + 3], '-') && line[i + 3]?.glued && isInteger(line[i + 4]) && line[i + 4]?.glued) {
    const r = resolveCalendar(intOf(line[i + 2]), intOf(line[i + 4]), intOf(t), null);
    return r ? dateMatch(i, i + 4, r.value, r.period, intOf(t)) : null;
  }
  // "9/11", "8/22/2017"
  if (isPunct(line[i + 1], '/') && line[i + 1]?.glued && isInteger(line[i + 2]) && line[i + 2]?.glued && !isIdentifierNumber(line, i)) {
    const month = intOf(t);
    const day = intOf(line[i + 2]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    if (isPunct(line[i + 3], '/') && line[i + 3]?.glued && isInteger(line[i + 4]) && line[i + 4]?.glued) {
      const y = intOf(line[i + 4]);
      const year = y < 100 ? 2000 + y : y;
      const r = resolveCalendar(month, day, year, null);
      return r ? dateMatch(i, i + 4, r.value, r.period, year) : null;
    }
    if (isPunct(line[i + 3], '/', '-')) return null;
    return dateMatch(i, i + 2, `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, null);
  }
  // "22 August", "1st September 2017"
  const day = intOf(t);
  if (t.text.length > 2 || day < 1 || day > 31) return null;
  let k = i + 1;
  if (line[k]?.glued && isWord(line[k], 'st', 'nd', 'rd', 'th')) k++;
  const m = line[k];
  if (!m || !isCapitalised(m) || m.glued) return null;
  const month = monthIndexOfLower(m.lower);
  if (month === null) return null;
  let last = k;
  if (isMonthAbbreviation(m.text) && isPunct(line[k + 1], '.') && line[k + 1]?.glued) last = k + 1;
  let year: number | null = null;
  const y = line[last + 1];
  if (isInteger(y) && y?.text.length === 4) {
    year = intOf(y);
    last += 1;
  }
  const r = resolveCalendar(month, day, year, ctx.articleDate);
  return r ? dateMatch(i, last, r.value, r.period, year ?? undefined) : dateMatch(i, last, null, null, year ?? undefined);
}

function matchMonthFirst(line: Line, i: number, ctx: Context, prefixed: boolean): Match | null {
  const t = line[i];
  if (!t || !isCapitalised(t)) return null;
  const month = monthIndexOfLower(t.lower);
  if (month === null) return null;
  const abbreviation = isMonthAbbreviation(t.text);
  let j = i + 1;
  if (isPunct(line[j], '.') && line[j]?.glued) j++;
  const d = line[j];
  if (isInteger(d) && d && !d.glued && d.text.length <= 2 && intOf(d) >= 1 && intOf(d) <= 31) {
    const day = intOf(d);
    let last = j;
    if (isWord(line[j + 1], 'st', 'nd', 'rd', 'th') && line[j + 1]?.glued) last = j + 1;
    let year: number | null = null;
    if (isPunct(line[last + 1], ',') && isInteger(line[last + 2]) && line[last + 2]?.text.length === 4) {
      year = intOf(line[last + 2]);
      last += 2;
    } else if (isInteger(line[last + 1]) && line[last + 1]?.text.length === 4) {
      year = intOf(line[last + 1]);
      last += 1;
    }
    const r = resolveCalendar(month, day, year, ctx.articleDate);
    return dateMatch(i, last, r?.value ?? null, r?.period ?? null, year ?? undefined);
  }
  if (isInteger(d) && d && !d.glued && d.text.length === 4) {
    const year = intOf(d);
    const r = resolveCalendar(month, null, year, null);
    return dateMatch(i, j, r?.value ?? null, r?.period ?? null, year);
  }
  // A month name alone: "in June", "October".
  if (abbreviation) return null;
  const prev = line[i - 1];
  const contextual = prefixed || inSet(prev, MONTH_CONTEXT);
  if ((month === 3 || month === 5) && !contextual) return null;
  if (!contextual && (isNameWord(line, i - 1) || (!t.title && isCapitalised(line[i + 1]) && !line[i + 1]?.glued))) return null;
  const r = ctx.articleDate ? resolveCalendar(month, null, null, ctx.articleDate) : null;
  return dateMatch(i, i, r?.value ?? null, r?.period ?? null);
}

function dateMatch(first: number, last: number, value: string | null, period: Period | null, explicitYear?: number): Match {
  const m: Match = { first, last, kind: 'date', value, unit: 'day', relative: false, period };
  if (value && /^\d{4}-\d{2}$/.test(value)) m.unit = 'month';
  if (explicitYear !== undefined) m.explicitYear = explicitYear;
  return m;
}

/** Time of day: "11.30am", "3 p.m.", "10:15 GMT". */
export function matchTimeOfDay(line: Line, i: number): Match | null {
  const t = line[i];
  if (!t || t.type !== 'num') return null;
  let hours: number;
  let minutes = 0;
  let last = i;
  // "11.30" (one or two digits, a dot, two digits) or "11".
  const dot = t.text.length - 3;
  if ((dot === 1 || dot === 2) && t.text.charCodeAt(dot) === 46 && isDigits(t.text.slice(0, dot)) && isDigits(t.text.slice(dot + 1))) {
    hours = Number(t.text.slice(0, dot));
    minutes = Number(t.text.slice(dot + 1));
  } else if (t.text.length <= 2 && isDigits(t.text)) {
    hours = Number(t.text);
    const m = line[i + 2]?.text ?? '';
    if (isPunct(line[i + 1], ':') && line[i + 1]?.glued && m.length === 2 && isDigits(m) && line[i + 2]?.glued) {
      minutes = Number(line[i + 2]?.text);
      last = i + 2;
    }
  } else {
    return null;
  }
  if (hours > 23 || minutes > 59) return null;
  const a = line[last + 1];
  let meridiem: 'am' | 'pm' | null = null;
  if (isWord(a, 'am', 'pm')) {
    meridiem = a?.lower as 'am' | 'pm';
    last += 1;
  } else if (isWord(a, 'a', 'p') && isPunct(line[last + 2], '.') && isWord(line[last + 3], 'm')) {
    meridiem = a?.lower === 'a' ? 'am' : 'pm';
    last += isPunct(line[last + 4], '.') ? 4 : 3;
  } else if (last > i && inSet(a, TIME_ZONES) && a?.text === a?.text.toUpperCase()) {
    last += 1;
  } else {
    return null;
  }
  if (meridiem && (hours < 1 || hours > 12)) return null;
  const h24 = meridiem === 'pm' && hours < 12 ? hours + 12 : meridiem === 'am' && hours === 12 ? 0 : hours;
  const value = `${String(h24).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return { first: i, last, kind: 'other', value, unit: 'time', relative: false, period: null };
}

/** Years: "2015", "2015-2017", "2015–17", "1990s", "mid-1990s". */
export function matchYear(line: Line, i: number): Match | null {
  const t = line[i];
  if (!t) return null;
  if ((t.lower === 'mid' || t.lower === 'early' || t.lower === 'late') && isPunct(line[i + 1], '-') && line[i + 1]?.glued && line[i + 2]?.glued) {
    const inner = matchYear(line, i + 2);
    return inner ? { ...inner, first: i } : null;
  }
  if (!isInteger(t) || t.text.length !== 4) return null;
  const year = intOf(t);
  if (year < 1800 || year > 2100) return null;
  if (isPunct(line[i - 1], '©') || (isPunct(line[i - 1], ')') && isWord(line[i - 2], 'c') && isPunct(line[i - 3], '('))) return null;
  if (isIdentifierNumber(line, i) && !(t.glued && isPunct(line[i - 1], '-') && line[i - 2]?.lower === 'mid')) return null;
  const next = line[i + 1];
  if (isWord(next, 's') && next?.glued) {
    if (year % 10 !== 0) return null;
    return { first: i, last: i + 1, kind: 'year', value: `${year}s`, unit: 'year', relative: false,
      period: yearRangePeriod(year, year + 9 - (year % 100 === 0 ? 0 : 0)) };
  }
  if (isPunct(next, '-', '–', '—', '/') && next?.glued && isInteger(line[i + 2]) && line[i + 2]?.glued) {
    const endText = (line[i + 2] as Token).text;
    let end = endText.length === 4 ? Number(endText) : endText.length === 2 ? Math.floor(year / 100) * 100 + Number(endText) : NaN;
    if (endText.length === 2 && end < year) end += 100;
    if (end > year && end - year < 100) {
      return { first: i, last: i + 2, kind: 'year', value: `${year}/${end}`, unit: 'year', relative: false, period: yearRangePeriod(year, end), explicitYear: end };
    }
    return null;
  }
  // "1500 workers": a round number counting things, not a year.
  const prev = line[i - 1];
  if (year % 50 === 0 && isLowerWord(next) && next && /s$/.test(next.lower) && !NOT_COUNTED.has(next.lower) &&
    !isWord(prev, 'in', 'since', 'of', 'from', 'until', 'by', 'during', 'the', 'before', 'after')) return null;
  const m: Match = { first: i, last: i, kind: 'year', value: String(year), unit: 'year', relative: false, period: yearPeriod(year) };
  // "down 2.3% from 2015": a comparison year is not what "that same year" points back to.
  const comparison = isWord(prev, 'from', 'than', 'versus', 'vs') && !isWord(next, 'to', 'until', 'through', 'and');
  if (!comparison) m.explicitYear = year;
  return m;
}
