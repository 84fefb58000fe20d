/**
 * Figure rules for money ("$28 billion", "1 trillion won") and percentages ("95%", "15 percentage points").
 */
import { CROWN_QUALIFIERS, CURRENCY_CODES, CURRENCY_PREFIXES, CURRENCY_WORDS, DOLLAR_QUALIFIERS } from '../numbers';
import { type NumberRead, readNumber } from './read-number';
import { isPunct, isWord } from './token-tests';
import type { Line, Match } from './types';

/** Money: "$28 billion", "US$18 billion", "S$23.62 billion", "₩1 trillion", "28 billion dollars", "1 trillion won". */
export function matchMoney(line: Line, i: number, plain: NumberRead | null): Match | null {
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
export function matchPercent(line: Line, i: number, n: NumberRead | null): Match | null {
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
