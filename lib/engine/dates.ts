/**
 * Date normalisation for the figures detector: month and weekday names, ISO
 * helpers, and the resolution of calendar and relative expressions ("Aug. 22",
 * "last month", "Tuesday", "three years later") into periods, given the
 * article's date. All dates are plain `YYYY-MM-DD` strings handled in UTC, so
 * results never depend on the reader's time zone.
 */
import type { Period } from '../types';
import { parseNumberWordList } from './numbers';

/** A calendar day. `month` is 1-12. */
export interface YMD {
  year: number;
  month: number;
  day: number;
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Month names and the abbreviations newsrooms use ("Aug.", "Sept."), lower case → 1-12. */
const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Weekday names, lower case → 0 (Sunday) … 6 (Saturday), as `Date.getUTCDay`. */
const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

/** Every month name and abbreviation `monthIndex` knows, lower case (for callers' quick pre-checks). */
export const MONTH_WORDS: readonly string[] = Object.keys(MONTHS);

/** Every weekday name `weekdayIndex` knows, lower case. */
export const WEEKDAY_WORDS: readonly string[] = Object.keys(WEEKDAYS);

/** The same tables as maps: own keys only, so "constructor" or "toString" is never a month or a weekday. */
const MONTH_NUMBERS = new Map(Object.entries(MONTHS));
const WEEKDAY_NUMBERS = new Map(Object.entries(WEEKDAYS));

/** The month number (1-12) for a month name or abbreviation, or null. */
export function monthIndex(word: string): number | null {
  // Called on every word by the figures detector: reject by length before lower-casing.
  if (word.length < 3 || word.length > 10) return null;
  return monthIndexOfLower(word.toLowerCase());
}

/**
 * `monthIndex` of a word already lower-cased: the figures detector holds each
 * token's lower-case form, and lower-casing again costs on two-byte text.
 */
export function monthIndexOfLower(lower: string): number | null {
  if (lower.length < 3 || lower.length > 10) return null;
  return MONTH_NUMBERS.get(lower.endsWith('.') ? lower.slice(0, -1) : lower) ?? null;
}

const FULL_MONTH_NAMES: ReadonlySet<string> = new Set(MONTH_NAMES.map((m) => m.toLowerCase()));

/** True when the word is an abbreviation ("Aug") rather than a full month name. */
export function isMonthAbbreviation(word: string): boolean {
  const lower = word.toLowerCase();
  return lower in MONTHS && !FULL_MONTH_NAMES.has(lower);
}

/** The weekday number (0 = Sunday) for a weekday name, or null. */
export function weekdayIndex(word: string): number | null {
  if (word.length < 6 || word.length > 9) return null;
  return WEEKDAY_NUMBERS.get(word.toLowerCase()) ?? null;
}

/** `weekdayIndex` of a word already lower-cased. */
export function weekdayIndexOfLower(lower: string): number | null {
  if (lower.length < 6 || lower.length > 9) return null;
  return WEEKDAY_NUMBERS.get(lower) ?? null;
}

/** The English name of a month (1-12). */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** Parses `YYYY-MM-DD` into its parts, or null when it is not a real calendar day. */
export function parseIsoDate(iso: string | null | undefined): YMD | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(ymd) ? ymd : null;
}

/** True when year, month and day form a real calendar day (no 31 June). */
export function isValidDay({ year, month, day }: YMD): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in a month, leap years included. */
export function daysInMonth(year: number, month: number): number {
  // Arithmetic for ordinary years (a Date per call showed in profiles); `Date.UTC`
  // elsewhere, since it reads years 0-99 as 1900-1999.
  if (Number.isInteger(year) && year >= 100 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12) {
    if (month !== 2) return MONTH_LENGTHS[month - 1] as number;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Formats a calendar day as `YYYY-MM-DD`. */
export function formatIso({ year, month, day }: YMD): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The day `days` after (or before, when negative) the given day. */
export function addDays(date: YMD, days: number): YMD {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The weekday of a calendar day, 0 = Sunday. */
export function weekdayOf(date: YMD): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Compares two days: negative when a is earlier. */
export function compareDays(a: YMD, b: YMD): number {
  return (a.year - b.year) * 10000 + (a.month - b.month) * 100 + (a.day - b.day);
}

/**
 * Periods are values, so each distinct one is made once and shared, frozen,
 * by every figure that names it (one cache per kind of period, keyed by a
 * number). Why: a long article names the same few years thousands of times;
 * a fresh object (and three fresh strings) each time was work for the engine,
 * and the background's encoder then had to compare the copies by content, one
 * JSON string each, to send each period once (`lib/remote/columns.ts`).
 */
const MAX_SHARED_PERIODS = 4096;
const yearPeriods = new Map<number, Period>();
const yearRangePeriods = new Map<number, Period>();
const partOfYearPeriods = new Map<number, Period>();
const monthPeriods = new Map<number, Period>();
const dayPeriods = new Map<number, Period>();
const weekPeriods = new Map<number, Period>();

/** Freezes `period` and keeps it under `key` (a cache grown past its bound starts again, so memory stays bounded). */
function share(cache: Map<number, Period>, key: number, period: Period): Period {
  if (cache.size >= MAX_SHARED_PERIODS) cache.clear();
  const frozen = Object.freeze(period);
  cache.set(key, frozen);
  return frozen;
}

/** A day as one number (19 August 2017 is 20170819), the key of the day and week caches. */
function dayKey(date: YMD): number {
  return date.year * 10000 + date.month * 100 + date.day;
}

/** The period of one whole year. */
export function yearPeriod(year: number): Period {
  return yearPeriods.get(year) ?? share(yearPeriods, year, { start: `${year}-01-01`, end: `${year}-12-31`, label: String(year) });
}

/** The period of several whole years ("2015-2017"). */
export function yearRangePeriod(from: number, to: number): Period {
  const key = from * 100000 + to;
  return yearRangePeriods.get(key) ?? share(yearRangePeriods, key, { start: `${from}-01-01`, end: `${to}-12-31`, label: `${from}–${to}` });
}

/** The period of a quarter (`part` 'Q', n 1–4) or half (`part` 'H', n 1–2) of a year, labelled "Q3 2019" / "H1 2018". */
export function partOfYearPeriod(year: number, part: 'Q' | 'H', n: number): Period {
  const key = year * 10 + (part === 'Q' ? n : 4 + n);
  const known = partOfYearPeriods.get(key);
  if (known) return known;
  const months = part === 'Q' ? 3 : 6;
  const first = (n - 1) * months + 1;
  const last = first + months - 1;
  return share(partOfYearPeriods, key, {
    start: formatIso({ year, month: first, day: 1 }),
    end: formatIso({ year, month: last, day: daysInMonth(year, last) }),
    label: `${part}${n} ${year}`,
  });
}

/** The period of one month, labelled "July 2017". */
export function monthPeriod(year: number, month: number): Period {
  const key = year * 100 + month;
  return monthPeriods.get(key) ?? share(monthPeriods, key, {
    start: formatIso({ year, month, day: 1 }),
    end: formatIso({ year, month, day: daysInMonth(year, month) }),
    label: `${monthName(month)} ${year}`,
  });
}

/** The period of one day, labelled "22 August 2017". */
export function dayPeriod(date: YMD): Period {
  const key = dayKey(date);
  const known = dayPeriods.get(key);
  if (known) return known;
  const iso = formatIso(date);
  return share(dayPeriods, key, { start: iso, end: iso, label: `${date.day} ${monthName(date.month)} ${date.year}` });
}

/** The Monday-to-Sunday week holding a day, labelled "week of 14 August 2017". */
export function weekPeriod(date: YMD): Period {
  const key = dayKey(date);
  const known = weekPeriods.get(key);
  if (known) return known;
  const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
  const sunday = addDays(monday, 6);
  return share(weekPeriods, key, { start: formatIso(monday), end: formatIso(sunday), label: `week of ${monday.day} ${monthName(monday.month)} ${monday.year}` });
}

/** ISO 8601 week string ("2017-W33") for the week holding a day. */
export function isoWeek(date: YMD): string {
  const thursday = addDays(date, 3 - ((weekdayOf(date) + 6) % 7));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  const dayOfYear = Math.round((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - Date.UTC(jan1.year, 0, 1)) / 86400000);
  return `${thursday.year}-W${pad2(Math.floor(dayOfYear / 7) + 1)}`;
}

/** A resolved date: the normalised value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Www`) and its period. */
export interface ResolvedDate {
  value: string;
  period: Period;
}

/**
 * Picks the year for a month (and day) written without one, news style: the
 * occurrence nearest the article's date, leaning to the past (a month more than
 * four months ahead is last year's; one more than eight months back is next year's).
 */
export function inferYear(month: number, day: number | null, articleDate: YMD): number {
  const candidate = { year: articleDate.year, month, day: day ?? 15 };
  const monthsAhead = (candidate.month - articleDate.month) + (candidate.day - articleDate.day) / 31;
  if (monthsAhead > 4) return articleDate.year - 1;
  if (monthsAhead < -8) return articleDate.year + 1;
  return articleDate.year;
}

/**
 * Resolves a calendar date given by parts. A missing year is inferred from the
 * article's date (see `inferYear`); without either, a month-day cannot be placed
 * and null is returned.
 */
export function resolveCalendar(month: number, day: number | null, year: number | null, articleDate: YMD | null): ResolvedDate | null {
  const y = year ?? (articleDate ? inferYear(month, day, articleDate) : null);
  if (y === null) return null;
  if (day === null) return { value: `${y}-${pad2(month)}`, period: monthPeriod(y, month) };
  const ymd = { year: y, month, day };
  if (!isValidDay(ymd)) return null;
  return { value: formatIso(ymd), period: dayPeriod(ymd) };
}

/** Whether a weekday reference points back (news default), forward, or strictly forward ("next"). */
export type WeekdayDirection = 'past' | 'future' | 'next' | 'last';

/**
 * The day a weekday name refers to. News writes in the past tense, so "Tuesday"
 * is the most recent Tuesday on or before the article's date; with a future cue
 * ("will meet on Tuesday") it is the first on or after; "next Tuesday" is the first
 * strictly after and "last Tuesday" the last strictly before.
 */
export function resolveWeekday(weekday: number, articleDate: YMD, direction: WeekdayDirection = 'past'): YMD {
  const today = weekdayOf(articleDate);
  const back = (today - weekday + 7) % 7;
  const forward = (weekday - today + 7) % 7;
  switch (direction) {
    case 'past': return addDays(articleDate, -back);
    case 'last': return addDays(articleDate, -(back === 0 ? 7 : back));
    case 'future': return addDays(articleDate, forward);
    case 'next': return addDays(articleDate, forward === 0 ? 7 : forward);
  }
}

/** Units a relative expression can count in. */
export type TimeUnit = 'day' | 'week' | 'month' | 'year' | 'decade';

/** Normalises "years", "Month", "decades" to a `TimeUnit`, or null. */
export function timeUnit(word: string): TimeUnit | null {
  const w = word.toLowerCase().replace(/s$/, '');
  return w === 'day' || w === 'week' || w === 'month' || w === 'year' || w === 'decade' ? w : null;
}

/** Shifts a day by whole units (months clamp to the month's last day). */
export function shift(date: YMD, unit: TimeUnit, n: number): YMD {
  switch (unit) {
    case 'day': return addDays(date, n);
    case 'week': return addDays(date, 7 * n);
    case 'month': {
      const index = date.year * 12 + (date.month - 1) + n;
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
    }
    case 'year': return { year: date.year + n, month: date.month, day: Math.min(date.day, daysInMonth(date.year + n, date.month)) };
    case 'decade': return shift(date, 'year', 10 * n);
  }
}

/** The period of the unit-sized stretch holding a day: its year, month, week or the day itself. */
export function periodOfUnit(date: YMD, unit: TimeUnit): ResolvedDate {
  switch (unit) {
    case 'day': return { value: formatIso(date), period: dayPeriod(date) };
    case 'week': return { value: isoWeek(date), period: weekPeriod(date) };
    case 'month': return { value: `${date.year}-${pad2(date.month)}`, period: monthPeriod(date.year, date.month) };
    case 'year':
    case 'decade': return { value: String(date.year), period: yearPeriod(date.year) };
  }
}

/** Options for `resolveRelative`. */
export interface RelativeContext {
  /** The most recent explicit year mentioned before the expression, for "three years later", "that same year". */
  anchorYear?: number | null;
  /** An explicit year earlier in the same sentence: "the previous year" then means the year before it. */
  sentenceYear?: number | null;
  /** True when the sentence speaks of the future ("will meet on Tuesday"). */
  future?: boolean;
}

/**
 * Resolves a relative or deictic date expression against the article's date
 * (`YYYY-MM-DD`): "yesterday", "last month", "previous year", "earlier this month",
 * "next Wednesday", "Tuesday morning", "three years ago", "three years later"
 * (needs `anchorYear`), "that same year" (needs `anchorYear`). Returns null when
 * the expression is not understood or cannot be placed without more context.
 */
export function resolveRelative(expr: string, articleDateIso: string | null, context: RelativeContext = {}): ResolvedDate | null {
  const words = expr.toLowerCase().replace(/[’']s$/, '').split(/[\s-]+/).filter((w) => w.length > 0);
  const article = parseIsoDate(articleDateIso);
  const anchor = context.anchorYear ?? null;
  const last = words[words.length - 1] ?? '';
  const first = words[0] ?? '';

  // "three years later", "a day after", "nine months ago"
  if (last === 'ago' || last === 'later' || last === 'earlier' || last === 'after' || last === 'before') {
    const unit = timeUnit(words[words.length - 2] ?? '');
    const count = countOf(words.slice(0, -2));
    if (!unit || count === null) return null;
    if (last === 'ago') return article ? periodOfUnit(shift(article, unit, -count), unit === 'decade' ? 'year' : unit) : null;
    if ((unit === 'year' || unit === 'decade') && anchor !== null) {
      const years = unit === 'decade' ? 10 * count : count;
      const year = last === 'later' || last === 'after' ? anchor + years : anchor - years;
      return { value: String(year), period: yearPeriod(year) };
    }
    return null;
  }

  // "that same year", "the same year", "that year"
  if ((first === 'that' || first === 'the' || first === 'same') && timeUnit(last) === 'year') {
    return anchor !== null ? { value: String(anchor), period: yearPeriod(anchor) } : null;
  }
  if (!article) return null;

  const weekday = words.map((w) => weekdayIndex(w)).find((w) => w !== null);
  if (weekday !== undefined && weekday !== null) {
    const direction: WeekdayDirection = words.includes('next') ? 'next' : words.includes('last') ? 'last' : context.future ? 'future' : 'past';
    const day = resolveWeekday(weekday, article, direction);
    return { value: formatIso(day), period: dayPeriod(day) };
  }
  if (words.length === 1 || (words.length === 2 && /^(morning|afternoon|evening|night)$/.test(words[1] as string))) {
    if (first === 'today' || first === 'tonight') return periodOfUnit(article, 'day');
    if (first === 'yesterday') return periodOfUnit(addDays(article, -1), 'day');
    if (first === 'tomorrow') return periodOfUnit(addDays(article, 1), 'day');
  }

  const unitWord = last === 'weekend' ? 'week' : last;
  const unit = timeUnit(unitWord);
  if (!unit || unit === 'decade') return null;
  // "earlier this month", "later this year", "early next year", "late last year"
  const modifier = words.length >= 2 ? (words[words.length - 2] as string) : '';
  switch (modifier) {
    case 'this':
    case 'current':
      return periodOfUnit(article, unit);
    case 'previous':
      if (unit === 'year' && context.sentenceYear != null) {
        return { value: String(context.sentenceYear - 1), period: yearPeriod(context.sentenceYear - 1) };
      }
      return periodOfUnit(shift(article, unit, -1), unit);
    case 'last':
    case 'past':
      return periodOfUnit(shift(article, unit, -1), unit);
    case 'next':
    case 'coming':
      return periodOfUnit(shift(article, unit, 1), unit);
    case 'following':
      if (unit === 'year' && anchor !== null) return { value: String(anchor + 1), period: yearPeriod(anchor + 1) };
      return null;
    default:
      return null;
  }
}

/** The count in "three", "18", "a", "twenty-five" (already split on hyphens). */
function countOf(words: readonly string[]): number | null {
  if (words.length === 1 && /^\d+$/.test(words[0] as string)) return Number(words[0]);
  if (words.length === 1 && (words[0] === 'a' || words[0] === 'an')) return 1;
  return parseNumberWordList(words);
}
