/**
 * Figure rules for relative dates that start with a word: weekdays, "last month", "earlier this year",
 * "that same year", "yesterday". Their period is resolved when the match
 * becomes a figure (resolve.ts).
 */
import { weekdayIndexOfLower } from '../dates';
import { inSet, isCapitalised, isNameWord, isPunct, isWord, opensSentence } from './token-tests';
import type { Line, Match, Token } from './types';
import { DEICTIC_DAYS, FUTURE_CUES, PARTS_OF_DAY, RELATIVE_MODIFIERS, RELATIVE_UNITS, WEEKDAY_NAME_FOLLOWERS, WEEKDAY_PREFIXES } from './words';

/** Relative dates that start with a word: weekdays, "last month", "earlier this year", "that same year", "yesterday". */
export function matchRelativeWord(line: Line, i: number): Match | null {
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

/** A relative date from token `first` to `last`, resolved when it becomes a figure. */
export function relativeMatch(first: number, last: number, needsAnchor = false, future = false): Match {
  return { first, last, kind: 'date', value: null, unit: null, relative: true, period: null, needsAnchor, future };
}
