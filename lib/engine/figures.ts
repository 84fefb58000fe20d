/**
 * The figures detector: finds money, percentages, years, dates (calendar and
 * relative), durations, counts, ranks and other quantities in an article, with
 * normalised values and, for dates, the period they refer to.
 *
 * How: the text is cut into tokens (numerals, words, single punctuation marks)
 * by one linear regex scan, then one left-to-right pass tries a fixed list of
 * rules at each token. Each rule looks at a handful of neighbouring tokens, so
 * the whole pass is linear in the text and no regex can backtrack badly. Rules
 * never cross a line break, so no figure runs from one block into the next.
 * A final pass resolves anaphoric dates ("three years later") against the
 * years mentioned before them.
 */
import type { ArticleText, Figure, FigureKind, Period } from '../types';
import {
  CROWN_QUALIFIERS, CURRENCY_CODES, CURRENCY_PREFIXES, CURRENCY_WORDS, DOLLAR_QUALIFIERS, ORDINAL_WORDS, SCALE_ABBREVIATIONS,
  SCALE_WORDS, UNIT_WORDS, isNumberWord, parseNumberWordList, parseNumeral, scaled,
} from './numbers';
import {
  MONTH_WORDS, type ResolvedDate, WEEKDAY_WORDS, type YMD, isMonthAbbreviation, monthIndexOfLower, parseIsoDate, resolveCalendar, resolveRelative,
  partOfYearPeriod, weekdayIndexOfLower, yearPeriod, yearRangePeriod,
} from './dates';
import { drain, type Steps } from './steps';

/** A token of article text. */
interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  type: 'num' | 'word' | 'punct';
  /** No whitespace between this token and the one before. */
  glued: boolean;
  /** The token lies in a headline, where Title Case says nothing about names. */
  title: boolean;
  /** Index of the sentence the token belongs to (for sentence-level context). */
  sentence: number;
}

/** What a rule found: token range (inclusive) plus the figure's normalised data. */
interface Match {
  first: number;
  last: number;
  kind: FigureKind;
  value: number | string | null;
  unit: string | null;
  relative: boolean;
  period: Period | null;
  /** For relative dates resolved in the final pass: extra context. */
  future?: boolean;
  /** An explicit year this figure states (years, dated dates), for anaphora. */
  explicitYear?: number;
  needsAnchor?: boolean;
}

type Line = readonly Token[];

interface Context {
  articleDate: YMD | null;
}

// ─── Word lists (lower case) ────────────────────────────────────────────────

const HEDGES_TWO: ReadonlySet<string> = new Set(['more than', 'less than', 'fewer than', 'at least', 'up to']);
const HEDGE_TWO_FIRSTS: ReadonlySet<string> = new Set([...HEDGES_TWO].map((h) => h.split(' ')[0]!));
const HEDGES_ONE: ReadonlySet<string> = new Set(['nearly', 'almost']);
const OTHER_HEDGES: ReadonlySet<string> = new Set(['about', 'around', 'roughly', 'approximately', 'some', 'over', 'under', 'precisely', 'exactly', 'only', 'just']);

/** Words that, before a number, make it a label rather than a quantity ("Section 232"). */
const IDENTIFIER_WORDS: ReadonlySet<string> = new Set([
  'section', 'sections', 'article', 'articles', 'chapter', 'clause', 'paragraph', 'resolution', 'no', 'nos',
  'number', 'flight', 'room', 'route', 'highway', 'interstate', 'annex', 'appendix', 'figure', 'table',
  'page', 'pages', 'item', 'part', 'phase', 'level', 'grade', 'class', 'model', 'version', 'episode', 'season',
  'volume', 'vol', 'issue', 'code', 'district', 'ward', 'gate', 'platform', 'terminal', 'unit', 'block', 'lot',
  'docket', 'bill', 'exhibit', 'schedule', 'category', 'title', 'sec', 'art', 'pp', 'p', 'rule', 'amendment',
  'tier', 'stage', 'channel', 'row', 'line', 'box', 'suite', 'apartment', 'floor', 'squad', 'week',
]);

/** Words after which a month name alone is a date even for "May" and "March". */
const MONTH_CONTEXT: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'of', 'early', 'late', 'mid', 'last', 'next', 'this', 'during',
  'before', 'after', 'through', 'between', 'to', 'and', 'or', 'throughout', 'as', 'on', 'for', 'that',
]);

const MEASURE_UNITS: ReadonlySet<string> = new Set([
  'tonnes', 'tonne', 'tons', 'ton', 'barrels', 'barrel', 'kilometres', 'kilometers', 'kilometre', 'kilometer',
  'km', 'miles', 'mile', 'metres', 'meters', 'metre', 'meter', 'feet', 'foot', 'acres', 'hectares', 'kilograms',
  'kilogram', 'kg', 'litres', 'liters', 'gallons', 'megawatts', 'gigawatts', 'mw', 'gw', 'kwh', 'degrees',
  'bushels', 'pounds', 'lbs', 'ounces', 'teu', 'teus', 'cubic', 'square', 'sq', 'mph', 'knots',
]);

/** After a spelled-out number, these words mean it does not count things ("two of", "three times"). */
const NOT_COUNTED: ReadonlySet<string> = new Set([
  'of', 'to', 'and', 'or', 'than', 'the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have',
  'had', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'do', 'does', 'did', 'who', 'which',
  'that', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'per', 'times', 'more', 'less', 'fewer', 'each',
  'percent', 'pct', 'out', 'sided', 'way', 'fold', 'thirds', 'third', 'quarters', 'quarter', 'halves', 'half',
  'point', 'so', 'if', 'but', 'not', 'it', 'they', 'he', 'she', 'we', 'you', 'i', 'this', 'these', 'those',
  'said', 'says', 'say', 'also', 'all', 'both', 'into', 'over', 'under', 'after', 'before', 'up', 'down',
  'about', 'against', 'between', 'among', 'plus', 'minus', 'another', 'other', 'others', 'again', 'apiece',
  'o', 'straight', 'consecutive', 'successive',
]);

/** "the two sides/countries/...": the parties of a story, not a count. */
const PARTY_NOUNS: ReadonlySet<string> = new Set([
  'sides', 'countries', 'nations', 'leaders', 'parties', 'governments', 'economies', 'allies', 'koreas',
  'neighbours', 'neighbors', 'delegations', 'presidents', 'ministers', 'states', 'houses', 'chambers', 'camps',
  'men', 'capitals', 'teams', 'negotiators', 'sides’', "sides'",
]);
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'our', 'their', 'both', 'these', 'those', 'its', 'his', 'her', 'your', 'my', 'all']);

const TIME_UNITS_PLURAL: ReadonlySet<string> = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'decades', 'centuries', 'quarters']);
const TIME_UNITS_SINGULAR: ReadonlySet<string> = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'decade', 'century']);
const RELATIVE_ENDINGS: ReadonlySet<string> = new Set(['ago', 'later', 'earlier', 'after', 'before']);

const RELATIVE_MODIFIERS: ReadonlySet<string> = new Set(['next', 'last', 'this', 'past', 'previous', 'coming', 'following', 'current']);
const RELATIVE_UNITS: ReadonlySet<string> = new Set(['week', 'month', 'year', 'weekend', 'quarter', 'night', 'summer', 'winter', 'spring', 'autumn', 'fall']);
const PARTS_OF_DAY: ReadonlySet<string> = new Set(['morning', 'afternoon', 'evening', 'night']);
const DEICTIC_DAYS: ReadonlySet<string> = new Set(['yesterday', 'today', 'tomorrow', 'tonight']);
const WEEKDAY_PREFIXES: ReadonlySet<string> = new Set(['late', 'early', 'later', 'earlier']);
/** Words that, right after a weekday, make it part of a name ("Sunday Times"). */
const WEEKDAY_NAME_FOLLOWERS: ReadonlySet<string> = new Set(['times', 'telegraph', 'post', 'express', 'mirror', 'herald', 'night', 'club', 'school', 'service', 'league', 'massacre']);
/** Words before a weekday, within its sentence, that put it in the future. */
const FUTURE_CUES: ReadonlySet<string> = new Set(['will', 'll', 'shall', 'scheduled', 'set', 'plans', 'plan', 'planned', 'expected', 'due', 'would', 'could', 'going', 'upcoming', 'soon']);

const SUPERLATIVES: ReadonlySet<string> = new Set([
  'largest', 'biggest', 'highest', 'lowest', 'smallest', 'most', 'least', 'best', 'worst', 'richest', 'poorest',
  'greatest', 'fastest', 'busiest', 'leading', 'top', 'strongest', 'weakest', 'oldest', 'youngest', 'deadliest',
]);
const RANK_VERBS: ReadonlySet<string> = new Set(['rank', 'ranks', 'ranked', 'ranking', 'placed', 'finished', 'came', 'comes', 'come']);
const RANK_MOVES: ReadonlySet<string> = new Set(['rose', 'fell', 'dropped', 'climbed', 'slipped', 'moved', 'jumped', 'slid']);
const VAGUE_MAGNITUDES: ReadonlySet<string> = new Set(['tens', 'hundreds', 'thousands', 'millions', 'billions', 'dozens']);
const SENTENCE_OPENERS: ReadonlySet<string> = new Set(['.', '!', '?', ':', ';', '"', '“', '‘', '(', '[', '—', '–', '-', '…', '•']);
const TIME_ZONES: ReadonlySet<string> = new Set(['gmt', 'utc', 'et', 'est', 'edt', 'kst', 'bst', 'cet', 'pt', 'pst', 'pdt', 'jst', 'local']);

// ─── Tokens ─────────────────────────────────────────────────────────────────

const LETTER_CODE_POINT = /^\p{L}$/u;

/** True when `cp` is a letter (`\p{L}`); ASCII without a regex. */
function isLetterCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
  return LETTER_CODE_POINT.test(String.fromCodePoint(cp));
}

/**
 * True when `cp` is white space (`\s`): the ASCII spaces, the Unicode space
 * separators (Zs), the line and paragraph separators and U+FEFF, listed rather
 * than tested with a regex (curly quotes and dashes reach here on every page).
 */
export function isSpaceCodePoint(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13);
  if (cp < 0x1680) return cp === 0xa0;
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f ||
    cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Start of the next token (any non-space) at or after `from`, or -1. */
function nextTokenStart(text: string, from: number): number {
  for (let i = from; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c !== 32 && (c < 9 || c > 13)) return i;
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (!isSpaceCodePoint(cp)) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return -1;
}

/**
 * End of the token starting at `start`: a numeral (`\d+(?:[.,]\d+)*`), a run of
 * letters (`\p{L}+`) or a single other character. A hand-written scan: a regex
 * allocated a match per token on one of the engine's hottest loops.
 */
function tokenEnd(text: string, start: number): number {
  const first = text.codePointAt(start) as number;
  let i = start;
  if (isDigitCode(first)) {
    while (isDigitCode(text.charCodeAt(i))) i++;
    for (;;) {
      const sep = text.charCodeAt(i);
      if ((sep !== 46 && sep !== 44) || !isDigitCode(text.charCodeAt(i + 1))) return i;
      i += 1;
      while (isDigitCode(text.charCodeAt(i))) i++;
    }
  }
  if (isLetterCodePoint(first)) {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) break;
        i++;
        continue;
      }
      const cp = text.codePointAt(i) as number;
      if (!isLetterCodePoint(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    return i;
  }
  return start + (first > 0xffff ? 2 : 1);
}
const MAX_NUMBER_WORD_TOKENS = 12;
const TENS: ReadonlySet<string> = new Set(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);

/** Cuts the text into lines of tokens. Linear: one regex scan with no nested quantifiers that can fail. */
function* tokenize(article: ArticleText): Generator<Token[]> {
  const { text } = article;
  const titles = article.blocks.filter((b) => b.kind === 'title');
  let line: Token[] = [];
  const pool: Token[] = [];
  let prevEnd = 0;
  let sentence = 0;
  let titleIndex = 0;
  for (let start = nextTokenStart(text, 0); start >= 0; start = nextTokenStart(text, prevEnd)) {
    const raw = text.slice(start, tokenEnd(text, start));
    let newline = false;
    for (let k = prevEnd; k < start; k++) {
      if (text.charCodeAt(k) === 10) {
        newline = true;
        break;
      }
    }
    if (newline && line.length > 0) {
      yield line;
      line = [];
      sentence++;
    }
    while (titleIndex < titles.length && (titles[titleIndex] as { end: number }).end <= start) titleIndex++;
    const block = titles[titleIndex];
    const c = raw.charCodeAt(0);
    // Multi-character tokens can only be numerals or letter runs; only single characters need the Unicode test.
    const type: Token['type'] = c >= 48 && c <= 57 ? 'num' : raw.length > 1 || isLetterCodePoint(c) ? 'word' : 'punct';
    // Numerals are ASCII digits and separators: nothing to lower-case.
    const lower = type === 'num' ? raw : lowerCased(raw);
    const glued = line.length > 0 && prevEnd === start;
    const title = block !== undefined && block.start <= start && start < block.end;
    // A line's tokens are dropped once the line is matched, so their objects are reused for the next line.
    const token = pool[line.length];
    if (token === undefined) {
      const fresh: Token = { text: raw, lower, start, end: start + raw.length, type, glued, title, sentence };
      pool.push(fresh);
      line.push(fresh);
    } else {
      token.text = raw;
      token.lower = lower;
      token.start = start;
      token.end = start + raw.length;
      token.type = type;
      token.glued = glued;
      token.title = title;
      token.sentence = sentence;
      line.push(token);
    }
    if ((raw === '.' || raw === '!' || raw === '?') && !isAbbreviationDot(line)) sentence++;
    prevEnd = start + raw.length;
  }
  if (line.length > 0) yield line;
}

/**
 * `raw.toLowerCase()`, without the call when nothing would change. The call is
 * costly on the tokens of an article holding any character above U+00FF: their
 * slices are then two-byte strings, which V8 lower-cases through ICU.
 */
function lowerCased(raw: string): string {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 128) return raw.toLowerCase();
  }
  return raw;
}

/** "U.S." or "Mr." or "Aug.": a full stop that does not end the sentence. */
function isAbbreviationDot(line: Line): boolean {
  const before = line[line.length - 2];
  if (!before || before.type !== 'word') return false;
  return before.text.length <= 2 || monthIndexOfLower(before.lower) !== null || /^(mr|mrs|ms|dr|st|gov|sen|rep|gen|col|lt|sgt|inc|corp|co|ltd|jr|sr|vs|no|prof|rev|dept|est)$/.test(before.lower);
}

// ─── Token helpers ──────────────────────────────────────────────────────────

const isWord = (t: Token | undefined, ...words: string[]): boolean => t !== undefined && t.type === 'word' && words.includes(t.lower);
const inSet = (t: Token | undefined, set: ReadonlySet<string>): boolean => t !== undefined && t.type === 'word' && set.has(t.lower);
const isPunct = (t: Token | undefined, ...marks: string[]): boolean => t !== undefined && t.type === 'punct' && marks.includes(t.text);
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
// Run on nearly every word: an ASCII first letter (nearly every token) is decided without the Unicode regex.
const isCapitalised = (t: Token | undefined): boolean => {
  if (t === undefined || t.type !== 'word') return false;
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(t.text);
};
const isLowerWord = (t: Token | undefined): boolean => {
  if (t === undefined || t.type !== 'word') return false;
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : LOWER_START.test(t.text);
};
/** True when `s` is one or more ASCII digits (`/^\d+$/` without a regex: run on every numeral). */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const isInteger = (t: Token | undefined): boolean => t !== undefined && t.type === 'num' && isDigits(t.text);
const intOf = (t: Token | undefined): number => (t ? Number(t.text) : NaN);

/** True when the token opens a sentence or line, so its capital letter says nothing. */
function opensSentence(line: Line, i: number): boolean {
  const prev = line[i - 1];
  if (!prev) return true;
  if (prev.type === 'punct' && SENTENCE_OPENERS.has(prev.text)) return true;
  return false;
}

/** A capitalised word in the middle of a sentence, outside a headline: part of a name. */
function isNameWord(line: Line, i: number): boolean {
  const t = line[i];
  if (!t || t.title || !isCapitalised(t) || opensSentence(line, i)) return false;
  if (monthIndexOfLower(t.lower) !== null || weekdayIndexOfLower(t.lower) !== null) return false;
  // Short acronyms ("US", "UN") modify numbers without naming them ("US 10-year notes").
  return !(t.text.length <= 3 && t.text === t.text.toUpperCase());
}

/** True when the number at `i` is a label or part of a name: "Section 232", "G20", "COVID-19", "Fox 5". */
function isIdentifierNumber(line: Line, i: number): boolean {
  const t = line[i];
  const prev = line[i - 1];
  if (!t || !prev) return false;
  if (t.glued && prev.type === 'word') return true;
  if (t.glued && prev.type === 'num') return true;
  if (t.glued && isPunct(prev, '#', '№', '/', ':', '.', '-', '‐', '_', '@', '+')) {
    const before = line[i - 2];
    if (isPunct(prev, '-') && before && before.lower === 'mid') return false;
    if (before && prev.glued && (before.type === 'word' || before.type === 'num')) return true;
    if (isPunct(prev, '#', '№', '@', '/', ':', '_')) return true;
  }
  if (prev.type === 'word' && IDENTIFIER_WORDS.has(prev.lower) && !(prev.lower === 'week' || prev.lower === 'title') ) return true;
  if (isPunct(prev, '.') && IDENTIFIER_WORDS.has(line[i - 2]?.lower ?? '') && line[i - 2]?.lower !== 'week') return true;
  if (prev.type === 'word' && isNameWord(line, i - 1)) return true;
  const next = line[i + 1];
  // Glued letters after a number that are not a suffix we read: "3D", "5G", "4x4".
  if (next && next.glued && next.type === 'word' && !/^(st|nd|rd|th|s|am|pm|k|m|mn|mln|bn|b|bln|tn|trn|billion|million|trillion|thousand|a|p)$/.test(next.lower)) return true;
  return false;
}

/** A number as written: numeral or words, with an optional scale word. */
interface NumberRead {
  value: number;
  /** Index of the last token of the number. */
  last: number;
  /** The numeral text when written in digits (for rounding), else null. */
  numeral: string | null;
  scale: number;
  words: readonly string[];
}

/** The `words` of every numeral reading: shared, since a reading is never changed. */
const NO_WORDS: readonly string[] = [];

/**
 * Reads a number at token `i`: "25,000", "2.68 million", "twenty-five", "a dozen",
 * "three hundred". `abbreviations` allows glued scale abbreviations ("3bn"), which
 * are only trusted in money.
 */
function readNumber(line: Line, i: number, abbreviations = false): NumberRead | null {
  const t = line[i];
  if (!t) return null;
  if (t.type === 'num') {
    const n = parseNumeral(t.text);
    if (n === null) return null;
    const next = line[i + 1];
    if (next && next.type === 'word' && next.lower in SCALE_WORDS) {
      const abbreviation = SCALE_ABBREVIATIONS.has(next.lower);
      if (!abbreviation || (abbreviations && (next.glued || next.lower === 'bn' || next.lower === 'mn' || next.lower === 'tn'))) {
        const scale = SCALE_WORDS[next.lower] as number;
        return { value: scaled(n, scale), last: i + 1, numeral: t.text, scale, words: NO_WORDS };
      }
    }
    return { value: n, last: i, numeral: t.text, scale: 1, words: NO_WORDS };
  }
  if (t.type !== 'word' || !(isNumberWord(t.lower) || t.lower === 'a' || t.lower === 'an')) return null;
  const words: string[] = [];
  let last = i - 1;
  let j = i;
  if (t.lower === 'a' || t.lower === 'an') {
    const after = line[i + 1]?.lower ?? '';
    if (!(after === 'hundred' || after === 'dozen' || after === 'thousand' || after === 'million' || after === 'billion' || after === 'trillion')) return null;
    words.push(t.lower);
    j = i + 1;
  }
  // Spelled-out numbers are short; the cap keeps a run like "twenty-twenty-twenty-…" linear.
  for (const stop = Math.min(line.length, i + MAX_NUMBER_WORD_TOKENS); j < stop; j++) {
    const w = line[j] as Token;
    if (w.type === 'word' && isNumberWord(w.lower)) {
      words.push(w.lower);
      last = j;
    } else if (isPunct(w, '-') && w.glued && line[j + 1]?.glued && TENS.has(line[j - 1]?.lower ?? '') &&
      (UNIT_WORDS[line[j + 1]?.lower ?? ''] ?? 10) < 10) {
      continue;
    } else if (w.lower === 'and' && words[words.length - 1] === 'hundred' && isNumberWord(line[j + 1]?.lower ?? '')) {
      continue;
    } else {
      break;
    }
  }
  if (last < i || words.every((w) => w === 'a' || w === 'an')) return null;
  const value = parseNumberWordList(words);
  if (value === null) return null;
  const lastWord = words[words.length - 1] as string;
  const scale = lastWord in SCALE_WORDS ? (SCALE_WORDS[lastWord] as number) : 1;
  return { value, last, numeral: null, scale, words };
}

// ─── Rules ──────────────────────────────────────────────────────────────────

/** Money: "$28 billion", "US$18 billion", "S$23.62 billion", "₩1 trillion", "28 billion dollars", "1 trillion won". */
function matchMoney(line: Line, i: number, plain: NumberRead | null): Match | null {
  const t = line[i];
  if (!t) return null;
  let currency: string | null = null;
  let j = i;
  if (t.type === 'punct' && t.text in CURRENCY_PREFIXES) {
    currency = CURRENCY_PREFIXES[t.text] as string;
    j = i + 1;
  } else if (t.type === 'word' && isPunct(line[i + 1], '$') && line[i + 1]?.glued && `${t.text}$` in CURRENCY_PREFIXES) {
    currency = CURRENCY_PREFIXES[`${t.text}$`] as string;
    j = i + 2;
  } else if (t.type === 'word' && CURRENCY_CODES.has(t.text) && line[i + 1]?.type === 'num') {
    currency = t.text === 'RMB' ? 'CNY' : t.text;
    j = i + 1;
  }
  if (currency !== null) {
    if (line[j]?.type !== 'num') return null;
    const n = readNumber(line, j, true);
    if (!n) return null;
    return { first: i, last: n.last, kind: 'money', value: n.value, unit: currency, relative: false, period: null };
  }
  // Suffixed currency: "28 billion dollars", "1 trillion won", "5 million U.S. dollars".
  const n = plain;
  if (!n || (n.words[0] === 'one' && n.scale === 1)) return null;
  let k = n.last + 1;
  let qualifier: string | null = null;
  const q = line[k];
  if (q && q.type === 'word' && q.lower in DOLLAR_QUALIFIERS) {
    if (q.lower === 'us' && isPunct(line[k + 1], '.')) k += 1;
    qualifier = q.lower;
    k += 1;
    if (q.lower === 'hong' || q.lower === 'new') k += 1;
  } else if (isWord(q, 'u') && isPunct(line[k + 1], '.') && isWord(line[k + 2], 's') && isPunct(line[k + 3], '.')) {
    qualifier = 'us';
    k += 4;
  } else if (q && q.type === 'word' && q.lower in CROWN_QUALIFIERS && CURRENCY_WORDS[line[k + 1]?.lower ?? ''] === 'crowns') {
    // "1.2 billion Norwegian crowns"
    return { first: i, last: k + 1, kind: 'money', value: n.value, unit: CROWN_QUALIFIERS[q.lower] as string, relative: false, period: null };
  }
  const c = line[k];
  if (!c || c.type !== 'word') return null;
  let code: string | null = CURRENCY_WORDS[c.lower] ?? (CURRENCY_CODES.has(c.text) ? c.text : null);
  // "pounds" alone is as often weight as money; only "pounds sterling" and "British pounds" are money.
  if (c.lower === 'pounds' && (isWord(line[k + 1], 'sterling') || isWord(line[k - 1], 'british'))) code = 'GBP';
  if (code === null) return null;
  if (c.lower === 'won' && n.numeral === null && n.scale === 1) return null;
  if ((c.lower === 'dollar' || c.lower === 'dollars') && qualifier) code = DOLLAR_QUALIFIERS[qualifier] ?? code;
  if (qualifier && !(c.lower === 'dollar' || c.lower === 'dollars') && !(qualifier === 'british' && code === 'GBP')) return null;
  return { first: i, last: k, kind: 'money', value: n.value, unit: code, relative: false, period: null };
}

/** Percentages: "95%", "95 percent", "70 per cent", "2.3%", "15 percentage points". */
function matchPercent(line: Line, i: number, n: NumberRead | null): Match | null {
  if (!n) return null;
  const a = line[n.last + 1];
  const b = line[n.last + 2];
  if (isPunct(a, '%')) return percent(i, n.last + 1, n.value, 'percent');
  if (isWord(a, 'percent', 'pct')) return percent(i, n.last + 1, n.value, 'percent');
  if (isWord(a, 'per') && isWord(b, 'cent')) return percent(i, n.last + 2, n.value, 'percent');
  if (isWord(a, 'percentage') && isWord(b, 'point', 'points')) return percent(i, n.last + 2, n.value, 'percentage point');
  // "10-15%": a range written with a hyphen.
  if (isPunct(a, '-', '–') && a?.glued && line[n.last + 2]?.type === 'num' && isPunct(line[n.last + 3], '%')) {
    return percent(i, n.last + 3, n.value, 'percent');
  }
  return null;
}

function percent(first: number, last: number, value: number, unit: string): Match {
  return { first, last, kind: 'percent', value, unit, relative: false, period: null };
}

/** Calendar dates: "August 22, 2017", "Aug. 22", "July 2017", "September 1st", "22 August", "9/11", "2017-08-22". */
function matchCalendarDate(line: Line, i: number, ctx: Context): Match | null {
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
function matchTimeOfDay(line: Line, i: number): Match | null {
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
function matchYear(line: Line, i: number): Match | null {
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

/** Relative dates that start with a word: weekdays, "last month", "earlier this year", "that same year", "yesterday". */
function matchRelativeWord(line: Line, i: number): Match | null {
  const t = line[i];
  if (!t || t.type !== 'word') return null;
  const next = line[i + 1];
  // "next week", "last month", "previous year", "next Wednesday"
  if (RELATIVE_MODIFIERS.has(t.lower) && next && next.type === 'word') {
    if (RELATIVE_UNITS.has(next.lower) && !(isPunct(line[i + 2], '-') && line[i + 2]?.glued)) {
      if ((t.lower === 'following' || t.lower === 'current') && !isWord(line[i - 1], 'the')) return null;
      return relativeMatch(i, i + 1);
    }
    if (next.lower === 'day' && (t.lower === 'next' || t.lower === 'following' || t.lower === 'previous') && isWord(line[i - 1], 'the')) {
      return relativeMatch(i, i + 1, true);
    }
    if ((t.lower === 'next' || t.lower === 'last' || t.lower === 'this') && weekdayIndexOfLower(next.lower) !== null && isCapitalised(next)) {
      return relativeMatch(i, withPartOfDay(line, i + 1));
    }
    return null;
  }
  // "earlier this month", "late last year", "later on Friday", "late Thursday"
  if (WEEKDAY_PREFIXES.has(t.lower)) {
    if (isWord(next, 'this', 'last', 'next') && isWord(line[i + 2], 'week', 'month', 'year')) return relativeMatch(i, i + 2);
    let w = i + 1;
    if ((t.lower === 'later' || t.lower === 'earlier') && isWord(next, 'on')) w = i + 2;
    if (weekdayIndexOfLower(line[w]?.lower ?? '') !== null && isCapitalised(line[w])) return relativeMatch(i, withPartOfDay(line, w), false, futureCue(line, i));
    return null;
  }
  if (weekdayIndexOfLower(t.lower) !== null && isCapitalised(t)) {
    // "Fox News Sunday" is a name; "the United Nations Monday afternoon" and "… Nations Monday." are dates.
    if (isNameWord(line, i - 1) && !inSet(next, PARTS_OF_DAY) && !(next === undefined || isPunct(next, '.', ',', ';', ':', ')'))) return null;
    if (!t.title && isCapitalised(next) && next && WEEKDAY_NAME_FOLLOWERS.has(next.lower)) return null;
    return relativeMatch(i, withPartOfDay(line, i), false, futureCue(line, i));
  }
  if (DEICTIC_DAYS.has(t.lower)) {
    if (isCapitalised(t) && !t.title && !opensSentence(line, i)) return null;
    return relativeMatch(i, withPartOfDay(line, i));
  }
  // "that same year", "the same day", "that year"
  if (t.lower === 'that' || t.lower === 'the') {
    let u = i + 1;
    if (isWord(next, 'same')) u = i + 2;
    else if (t.lower === 'the') return null;
    const unit = line[u];
    if (isWord(unit, 'year', 'month', 'week', 'day') && !(isPunct(line[u + 1], '-') && line[u + 1]?.glued)) {
      return relativeMatch(i, u, true);
    }
  }
  return null;
}

function withPartOfDay(line: Line, i: number): number {
  return inSet(line[i + 1], PARTS_OF_DAY) && !line[i + 1]?.glued ? i + 1 : i;
}

/** True when the words before `i` in its sentence speak of the future ("will meet on"). */
function futureCue(line: Line, i: number): boolean {
  const sentence = line[i]?.sentence;
  for (let j = i - 1; j >= 0 && j >= i - 40; j--) {
    const t = line[j] as Token;
    if (t.sentence !== sentence) break;
    if (t.type === 'word' && FUTURE_CUES.has(t.lower)) return true;
    if (t.type === 'word' && /^(said|says|told|announced|reported|added)$/.test(t.lower)) return false;
  }
  return false;
}

function relativeMatch(first: number, last: number, needsAnchor = false, future = false): Match {
  return { first, last, kind: 'date', value: null, unit: null, relative: true, period: null, needsAnchor, future };
}

/** Figures led by a number: durations, relative counts ("three years later"), counts and quantities. */
function matchNumberLed(line: Line, i: number, hedged: boolean, n: NumberRead | null): Match | null {
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
function matchVagueCount(line: Line, i: number): Match | null {
  const t = line[i];
  if (!t || !VAGUE_MAGNITUDES.has(t.lower) || !isWord(line[i + 1], 'of')) return null;
  const m = line[i + 2];
  if (isWord(m, 'thousands', 'millions', 'billions')) return { first: i, last: i + 2, kind: 'count', value: null, unit: null, relative: false, period: null };
  if (t.lower !== 'tens' && isLowerWord(m) && m && !NOT_COUNTED.has(m.lower) && !TIME_UNITS_PLURAL.has(m.lower)) {
    return { first: i, last: i, kind: 'count', value: null, unit: m.lower, relative: false, period: null };
  }
  return null;
}

/** Ranks: "6th largest", "second-biggest", "rank second". Sequence ordinals ("first round") are not figures. */
/** ORDINAL_WORDS as a map: a hashed look-up of own keys ("constructor" is no ordinal). */
const ORDINALS: ReadonlyMap<string, number> = new Map(Object.entries(ORDINAL_WORDS));

function matchRank(line: Line, i: number): Match | null {
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

// ─── Parts of years, fractions, vote tallies ─────────────────────────────────

const PART_ORDINALS: ReadonlyMap<string, number> = new Map([['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['final', 4]]);
const YEAR_EDGES: ReadonlySet<string> = new Set(['start', 'beginning', 'end', 'middle', 'turn', 'close']);
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
function matchPartOfYear(line: Line, i: number): Match | null {
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
function matchFraction(line: Line, i: number): Match | null {
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
function matchTally(line: Line, i: number): Match | null {
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

// ─── Driver ─────────────────────────────────────────────────────────────────

function hedgeLength(line: Line, i: number): number {
  const t = line[i];
  if (!t || t.type !== 'word') return 0;
  // Runs on every word: build the two-word key only when the first word can open a two-word hedge.
  if (HEDGE_TWO_FIRSTS.has(t.lower) && HEDGES_TWO.has(`${t.lower} ${line[i + 1]?.lower ?? ''}`)) return 2;
  if (HEDGES_ONE.has(t.lower) || OTHER_HEDGES.has(t.lower)) return 1;
  return 0;
}

/**
 * Lower-case words that can open some rule (or a hedge before one). Every rule
 * starting with a word first tests the word against one of these lists, so a
 * word outside them can start no figure and the twelve rules are skipped.
 */
const STARTER_WORDS: ReadonlySet<string> = new Set([
  // Number words and articles (readNumber, fractions, "a decade"), ordinals (ranks, parts of years).
  ...Object.keys(UNIT_WORDS), ...TENS, 'hundred', 'dozen', 'thousand', 'million', 'billion', 'trillion', 'a', 'an',
  ...ORDINALS.keys(), ...PART_ORDINALS.keys(), ...YEAR_EDGES, 'the', 'that', 'q',
  // Dates: "mid-July", month and weekday names, relative words.
  'mid', 'early', 'late', ...MONTH_WORDS, ...WEEKDAY_WORDS, ...RELATIVE_MODIFIERS, ...WEEKDAY_PREFIXES, ...DEICTIC_DAYS,
  ...VAGUE_MAGNITUDES, ...HEDGE_TWO_FIRSTS, ...HEDGES_ONE, ...OTHER_HEDGES,
  // Money: letters before a glued "$" ("US$", "HK$") and ISO codes before an amount ("USD 5").
  ...Object.keys(CURRENCY_PREFIXES).filter((p) => p.endsWith('$')).map((p) => p.slice(0, -1).toLowerCase()),
  ...[...CURRENCY_CODES].map((c) => c.toLowerCase()),
]);

/** Index of a word's shape (first letter a-z, last letter a-z, length capped at 15) in `STARTER_SHAPES`, or -1. */
function shapeIndex(lower: string): number {
  const first = lower.charCodeAt(0) - 97;
  const last = lower.charCodeAt(lower.length - 1) - 97;
  if (first < 0 || first >= 26 || last < 0 || last >= 26) return -1;
  return (first * 26 + last) * 16 + Math.min(lower.length, 15);
}

/**
 * The shapes of the starter words: most words of a text ("said", "trade") have
 * a shape no starter has, and are turned away without hashing the word.
 */
const STARTER_SHAPES: Uint8Array = ((): Uint8Array => {
  const shapes = new Uint8Array(26 * 26 * 16);
  for (const w of STARTER_WORDS) {
    // A starter outside a-z ("u.s.") can only equal a word that also has no shape, which the set decides.
    const k = shapeIndex(w);
    if (k >= 0) shapes[k] = 1;
  }
  return shapes;
})();

/** True when some rule may match at `t`: numerals, currency symbols and the starter words. */
function canStart(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.type === 'num') return true;
  if (t.type === 'punct') return t.text in CURRENCY_PREFIXES;
  const k = shapeIndex(t.lower);
  if (k >= 0 && STARTER_SHAPES[k] === 0) return false;
  return STARTER_WORDS.has(t.lower);
}

function matchCore(line: Line, i: number, ctx: Context, hedged: boolean): Match | null {
  if (!canStart(line[i])) return null;
  // The three rules that read a plain number at `i` share one reading.
  const n = readNumber(line, i);
  return matchMoney(line, i, n) ?? matchPercent(line, i, n) ?? matchTally(line, i) ?? matchPartOfYear(line, i) ?? matchCalendarDate(line, i, ctx) ??
    matchTimeOfDay(line, i) ?? (hedged ? null : matchYear(line, i)) ?? matchRelativeWord(line, i) ?? matchRank(line, i) ??
    matchFraction(line, i) ?? matchNumberLed(line, i, hedged, n) ?? matchVagueCount(line, i);
}

function matchAt(line: Line, i: number, ctx: Context): Match | null {
  if (!canStart(line[i])) return null;
  const hedge = hedgeLength(line, i);
  if (hedge > 0) {
    const m = matchCore(line, i + hedge, ctx, true);
    if (m) {
      const includeHedge = (m.kind === 'count' || m.kind === 'duration') && !OTHER_HEDGES.has(line[i]?.lower ?? '');
      return includeHedge ? { ...m, first: i } : m;
    }
  }
  return matchCore(line, i, ctx, false);
}

/**
 * Finds the figures in an article (title, standfirst and body alike), sorted by
 * start offset, with values normalised (money in currency units, percent as 95
 * for 95%) and dates resolved against `article.date` where possible.
 */
export function detectFigures(article: ArticleText): Figure[] {
  return drain(detectFiguresSteps(article));
}

/** `detectFigures` as resumable steps (a pause after each line), for the sliced engine. */
export function* detectFiguresSteps(article: ArticleText): Steps<Figure[]> {
  const ctx: Context = { articleDate: parseIsoDate(article.date) };
  // Lines are produced and matched one at a time, and a match keeps only its end tokens: the
  // article's tokens are never all alive at once.
  const found: Found[] = [];
  for (const line of tokenize(article)) {
    let i = 0;
    while (i < line.length) {
      const m = matchAt(line, i, ctx);
      if (m) {
        const first = line[m.first] as Token;
        found.push({ match: m, start: first.start, end: (line[m.last] as Token).end, sentence: first.sentence });
        i = m.last + 1;
      } else {
        i++;
      }
    }
    yield;
  }
  return yield* resolveRelatives(article, found);
}

/** A rule's match with the offsets and sentence of its tokens (kept instead of the tokens, which can then be freed). */
interface Found {
  match: Match;
  start: number;
  end: number;
  sentence: number;
}

/** Figures resolved between pauses of the final pass. */
const FIGURES_PER_STEP = 2048;

/** Final pass: relative dates get their period, using the article's date and the years mentioned before them. */
function* resolveRelatives(article: ArticleText, found: readonly Found[]): Steps<Figure[]> {
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
