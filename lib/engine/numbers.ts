/**
 * Number normalisation for the figures detector: numerals ("25,000", "2.68"),
 * number words ("twenty-five", "a dozen"), scale words ("billion", "bn"),
 * currencies ("US$", "won") and the rounding a stated number implies.
 *
 * Everything here works on short strings or word lists, never on whole
 * articles, so it is cheap to call once per candidate figure.
 */

/** Values of the cardinal number words, for "three companies", "twenty-five". */
export const UNIT_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};

/** Tens words; they combine with a unit word ("twenty-five"). */
export const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Words and abbreviations that multiply the number before them ("2.68 million", "$3bn"). */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, bln: 1e9, tn: 1e12, trn: 1e12,
};

/** Scale abbreviations: only trusted glued to a numeral in a money figure ("$3bn", "$3.5m"). */
export const SCALE_ABBREVIATIONS: ReadonlySet<string> = new Set(['k', 'm', 'mn', 'mln', 'bn', 'b', 'bln', 'tn', 'trn']);

/** Ordinal words with their rank, for "rank second" and "6th largest". */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  twentieth: 20,
};

const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(UNIT_WORDS), ...Object.keys(TENS_WORDS), 'hundred', 'dozen', 'thousand', 'million', 'billion', 'trillion',
]);

/** True for a word that can be part of a spelled-out number. */
export function isNumberWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower);
}

/**
 * Parses a numeral as written in English news: "25,000" → 25000, "2.68" → 2.68,
 * "1,000,000" → 1e6. Returns null for anything else (so "1,2" or "" fail).
 */
export function parseNumeral(text: string): number | null {
  // Most numerals have no thousands comma: digits with at most one inner dot are read without the regex.
  const plain = plainNumeral(text);
  if (plain !== undefined) return plain;
  if (!/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(text)) return null;
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

/**
 * `parseNumeral` of a numeral without commas (`\d+(?:\.\d+)?`), or undefined
 * when the text is anything else and needs the full pattern.
 */
function plainNumeral(text: string): number | null | undefined {
  let dot = -1;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) continue;
    if (c !== 46 || dot >= 0 || k === 0 || k === text.length - 1) return undefined;
    dot = k;
  }
  if (text.length === 0) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Parses spelled-out numbers from a list of lower-case words: ["twenty", "five"] → 25,
 * ["three", "hundred"] → 300, ["a", "dozen"] → 12, ["two", "million"] → 2e6.
 * Hyphens should already be split off. Returns null when the words are not one number.
 */
export function parseNumberWordList(words: readonly string[]): number | null {
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let sawNumber = false;
  let leadingArticle = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if ((w === 'a' || w === 'an') && i === 0) {
      leadingArticle = true;
      continue;
    }
    if (w === 'and' && sawNumber && i + 1 < words.length) continue;
    if (w in UNIT_WORDS) {
      if (current % 10 !== 0 || (current > 0 && current < 20)) return null;
      current += UNIT_WORDS[w] as number;
    } else if (w in TENS_WORDS) {
      if (current % 100 !== 0) return null;
      current += TENS_WORDS[w] as number;
    } else if (w === 'hundred') {
      current = (current === 0 ? 1 : current) * 100;
    } else if (w === 'dozen') {
      current = (current === 0 ? 1 : current) * 12;
    } else if (w in SCALE_WORDS && !SCALE_ABBREVIATIONS.has(w)) {
      total += (current === 0 ? 1 : current) * (SCALE_WORDS[w] as number);
      current = 0;
    } else {
      return null;
    }
    sawNumber = true;
  }
  if (!sawNumber) return null;
  // "a" alone before a unit word is not a number ("a two" is not English).
  if (leadingArticle && words.length < 2) return null;
  return total + current;
}

/** Parses a spelled-out number from a phrase: "twenty-five" → 25, "a dozen" → 12. */
export function parseNumberWords(phrase: string): number | null {
  const words = phrase.toLowerCase().split(/[\s-]+/).filter((w) => w.length > 0);
  return parseNumberWordList(words);
}

/** A currency as detected in text. */
export interface CurrencyInfo {
  /** ISO 4217 code. */
  code: string;
}

/** Currency symbols and prefixes written glued before the amount ("$28", "US$18", "S$23.62", "₩1"). */
export const CURRENCY_PREFIXES: Readonly<Record<string, string>> = {
  '$': 'USD', 'US$': 'USD', 'U.S.$': 'USD', 'S$': 'SGD', 'A$': 'AUD', 'AU$': 'AUD', 'C$': 'CAD',
  'CA$': 'CAD', 'HK$': 'HKD', 'NZ$': 'NZD', 'NT$': 'TWD', 'R$': 'BRL', 'MX$': 'MXN',
  '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₩': 'KRW', '₹': 'INR', '₽': 'RUB', '₺': 'TRY',
};

/** ISO codes accepted when written before or after an amount ("USD 5 million", "5 million KRW"). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD', 'KRW', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'SGD', 'AUD', 'CAD', 'HKD', 'INR', 'CHF', 'TWD', 'NZD',
]);

/** Currency words written after an amount ("28 billion dollars", "1 trillion won"). */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', won: 'KRW', euro: 'EUR', euros: 'EUR', yen: 'JPY', yuan: 'CNY',
  renminbi: 'CNY', rupee: 'INR', rupees: 'INR', francs: 'CHF', pesos: 'MXN', roubles: 'RUB', rubles: 'RUB',
  sterling: 'GBP', rand: 'ZAR', ringgit: 'MYR', baht: 'THB', rupiah: 'IDR', lira: 'TRY', shekels: 'ILS',
  dirhams: 'AED', riyals: 'SAR', reais: 'BRL', naira: 'NGN', zloty: 'PLN', forint: 'HUF', hryvnias: 'UAH',
  // Crowns: which one needs the country adjective before them (CROWN_QUALIFIERS); alone they stay "crowns".
  crowns: 'crowns', kroner: 'crowns', kronor: 'crowns', krona: 'crowns', krone: 'crowns',
};

/** Country adjectives that say which crown is meant ("Norwegian crowns"). */
export const CROWN_QUALIFIERS: Readonly<Record<string, string>> = {
  norwegian: 'NOK', swedish: 'SEK', danish: 'DKK', czech: 'CZK', icelandic: 'ISK',
};

/** Country adjectives that change which dollar is meant ("Singapore dollars"). */
export const DOLLAR_QUALIFIERS: Readonly<Record<string, string>> = {
  singapore: 'SGD', australian: 'AUD', canadian: 'CAD', hong: 'HKD', taiwan: 'TWD', taiwanese: 'TWD',
  zealand: 'NZD', us: 'USD', american: 'USD', british: 'GBP',
};

/** A money amount parsed from a short string. */
export interface ParsedMoney {
  /** The amount in units of the currency (28e9 for "$28 billion"). */
  value: number;
  currency: string;
  /** Half the smallest step the writer's rounding shows, in currency units (0.5e9 for "$28 billion"). */
  tolerance: number;
}

/**
 * Parses a money expression on its own: "$28 billion", "US$1.2 trillion", "₩1 trillion",
 * "28 billion dollars", "1 trillion won", "$3bn", "€5 million". Returns null when the
 * string is not one money amount. The detector uses token rules instead; this is the
 * same normalisation for callers holding a single string (cards, tests, the CLI).
 */
export function parseMoney(text: string): ParsedMoney | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const prefixed = /^(US\$|U\.S\.\$|S\$|A\$|AU\$|C\$|CA\$|HK\$|NZ\$|NT\$|R\$|MX\$|\$|€|£|¥|₩|₹|₽|₺|[A-Z]{3} )\s?([\d.,]+)\s?([A-Za-z]+)?$/.exec(t);
  if (prefixed) {
    const symbol = (prefixed[1] as string).trim();
    const currency = CURRENCY_PREFIXES[symbol] ?? (CURRENCY_CODES.has(symbol) ? symbol : null);
    if (!currency) return null;
    return moneyFrom(prefixed[2] as string, prefixed[3], currency);
  }
  const suffixed = /^([\d.,]+)\s?([A-Za-z]+)?\s(?:(US|U\.S\.|Singapore|Australian|Canadian|Hong Kong|Taiwan|New Zealand|American)\s)?([A-Za-z]+)$/.exec(t);
  if (suffixed) {
    const word = (suffixed[4] as string);
    const qualifier = suffixed[3]?.toLowerCase().split(' ').pop()?.replace(/\./g, '');
    let currency = CURRENCY_WORDS[word.toLowerCase()] ?? (CURRENCY_CODES.has(word) ? word : null);
    if (currency === 'USD' && qualifier) currency = DOLLAR_QUALIFIERS[qualifier] ?? currency;
    if (!currency) return null;
    return moneyFrom(suffixed[1] as string, suffixed[2], currency);
  }
  return null;
}

function moneyFrom(numeral: string, scaleWord: string | undefined, currency: string): ParsedMoney | null {
  const n = parseNumeral(numeral);
  if (n === null) return null;
  let scale = 1;
  if (scaleWord !== undefined) {
    const s = SCALE_WORDS[scaleWord.toLowerCase()];
    if (s === undefined) return null;
    scale = s;
  }
  return { value: scaled(n, scale), currency, tolerance: roundingTolerance(numeral, scale) };
}

/** `n × scale` without binary noise: 16.6 × 1e9 is 16600000000, not 16600000000.000002. */
export function scaled(n: number, scale: number): number {
  if (scale === 1) return n;
  // Whole numbers times a whole scale below 1e15 are exact: nothing to round off.
  if (Number.isInteger(n) && Number.isInteger(scale)) {
    const product = n * scale;
    if (product < 1e15 && product > -1e15) return product;
  }
  return Number((n * scale).toPrecision(15));
}

/**
 * Half the step of the last digit the writer gave, in final units: "28" with
 * scale 1e9 → 0.5e9; "27.6" → 0.05e9; "23.62" → 0.005e9. A stated figure is
 * consistent with an exact value when they differ by no more than this.
 */
export function roundingTolerance(numeral: string, scale: number): number {
  const dot = numeral.indexOf('.');
  const decimals = dot < 0 ? 0 : numeral.length - dot - 1;
  return (0.5 * scale) / 10 ** decimals;
}

/**
 * Formats a money amount for a note: 27.7e9 → "$27.7 billion", 1.5e6 → "$1.5 million".
 * Keeps up to two decimals and drops trailing zeros; non-USD amounts get the ISO code.
 */
export function formatMoney(value: number, currency = 'USD'): string {
  const abs = Math.abs(value);
  const [scale, word] = abs >= 1e12 ? [1e12, ' trillion'] : abs >= 1e9 ? [1e9, ' billion'] : abs >= 1e6 ? [1e6, ' million'] : [1, ''];
  const amount = Number((abs / scale).toFixed(2)).toString();
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  return `${symbol}${amount}${word}`;
}
