/**
 * The figures detector: finds money, percentages, years, dates (calendar and
 * relative), durations, counts, ranks and other quantities in an article, with
 * normalised values and, for dates, the period they refer to.
 *
 * How: the text is cut into tokens (numerals, words, single punctuation marks)
 * by one linear scan (figures/tokenize.ts), then one left-to-right pass tries a
 * fixed list of rules (figures/money.ts, calendar.ts, relative.ts, counts.ts,
 * parts.ts) at each token that can start one. Each rule looks at a handful of neighbouring tokens, so
 * the whole pass is linear in the text and no regex can backtrack badly. Rules
 * never cross a line break, so no figure runs from one block into the next.
 * Each match becomes a figure as it is found (figures/resolve.ts), which
 * resolves anaphoric dates ("three years later") against the years mentioned
 * before them.
 */
import type { ArticleText, Figure } from '../types';
import { MONTH_WORDS, parseIsoDate, WEEKDAY_WORDS } from './dates';
import { CURRENCY_CODES, CURRENCY_PREFIXES, UNIT_WORDS } from './numbers';
import { drain, type Steps } from './steps';
import { matchCalendarDate, matchTimeOfDay, matchYear } from './figures/calendar';
import { matchNumberLed, matchRank, matchVagueCount, ORDINALS } from './figures/counts';
import { matchMoney, matchPercent } from './figures/money';
import { matchFraction, matchPartOfYear, matchTally, PART_ORDINALS, YEAR_EDGES } from './figures/parts';
import { readNumber, TENS } from './figures/read-number';
import { matchRelativeWord } from './figures/relative';
import { FigureResolver } from './figures/resolve';
import { tokenize } from './figures/tokenize';
import type { Context, Line, Match, Token } from './figures/types';
import { DEICTIC_DAYS, HEDGE_TWO_FIRSTS, HEDGES_ONE, HEDGES_TWO, OTHER_HEDGES, RELATIVE_MODIFIERS, VAGUE_MAGNITUDES, WEEKDAY_PREFIXES } from './figures/words';

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

/** Tokens matched between pauses within one long line. */
const TOKENS_PER_STEP = 4096;

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
  // Lines are produced and matched one at a time, and each match becomes its figure at once:
  // the article's tokens are never all alive at once, nor are the matches.
  const resolver = new FigureResolver(article);
  for (const line of tokenize(article)) {
    if (line === null) {
      yield;
      continue;
    }
    let i = 0;
    // A page can hold one huge block with no line break: pause within a line too, every few thousand tokens.
    let pauseAt = TOKENS_PER_STEP;
    while (i < line.length) {
      const m = matchAt(line, i, ctx);
      if (m) {
        const first = line[m.first] as Token;
        resolver.add(m, first.start, (line[m.last] as Token).end, first.sentence);
        i = m.last + 1;
      } else {
        i++;
      }
      if (i >= pauseAt) {
        yield;
        pauseAt = i + TOKENS_PER_STEP;
      }
    }
    yield;
  }
  return resolver.figures;
}
