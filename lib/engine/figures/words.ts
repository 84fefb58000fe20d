/**
 * Word lists (lower case) the figure rules test tokens against: hedges, units, relative-date words, words that
 * make a number a label or a non-count.
 */


/** Two-word hedges before a number ("more than 100"). */
export const HEDGES_TWO: ReadonlySet<string> = new Set(['more than', 'less than', 'fewer than', 'at least', 'up to']);
/** First words of the two-word hedges, to test before building a two-word key. */
export const HEDGE_TWO_FIRSTS: ReadonlySet<string> = new Set([...HEDGES_TWO].map((h) => h.split(' ')[0]!));
/** One-word hedges a count or duration keeps ("nearly 100 people"). */
export const HEDGES_ONE: ReadonlySet<string> = new Set(['nearly', 'almost']);
/** One-word hedges left out of the figure ("about 100"). */
export const OTHER_HEDGES: ReadonlySet<string> = new Set(['about', 'around', 'roughly', 'approximately', 'some', 'over', 'under', 'precisely', 'exactly', 'only', 'just']);

/** Words that, before a number, make it a label rather than a quantity ("Section 232"). */
export const IDENTIFIER_WORDS: ReadonlySet<string> = new Set([
  'section', 'sections', 'article', 'articles', 'chapter', 'clause', 'paragraph', 'resolution', 'no', 'nos',
  'number', 'flight', 'room', 'route', 'highway', 'interstate', 'annex', 'appendix', 'figure', 'table',
  'page', 'pages', 'item', 'part', 'phase', 'level', 'grade', 'class', 'model', 'version', 'episode', 'season',
  'volume', 'vol', 'issue', 'code', 'district', 'ward', 'gate', 'platform', 'terminal', 'unit', 'block', 'lot',
  'docket', 'bill', 'exhibit', 'schedule', 'category', 'title', 'sec', 'art', 'pp', 'p', 'rule', 'amendment',
  'tier', 'stage', 'channel', 'row', 'line', 'box', 'suite', 'apartment', 'floor', 'squad', 'week',
]);

/** Words after which a month name alone is a date even for "May" and "March". */
export const MONTH_CONTEXT: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'of', 'early', 'late', 'mid', 'last', 'next', 'this', 'during',
  'before', 'after', 'through', 'between', 'to', 'and', 'or', 'throughout', 'as', 'on', 'for', 'that',
]);

/** Units of measure after a number ("2.68 million tonnes"). */
export const MEASURE_UNITS: ReadonlySet<string> = new Set([
  'tonnes', 'tonne', 'tons', 'ton', 'barrels', 'barrel', 'kilometres', 'kilometers', 'kilometre', 'kilometer',
  'km', 'miles', 'mile', 'metres', 'meters', 'metre', 'meter', 'feet', 'foot', 'acres', 'hectares', 'kilograms',
  'kilogram', 'kg', 'litres', 'liters', 'gallons', 'megawatts', 'gigawatts', 'mw', 'gw', 'kwh', 'degrees',
  'bushels', 'pounds', 'lbs', 'ounces', 'teu', 'teus', 'cubic', 'square', 'sq', 'mph', 'knots',
]);

/** After a spelled-out number, these words mean it does not count things ("two of", "three times"). */
export const NOT_COUNTED: ReadonlySet<string> = new Set([
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
export const PARTY_NOUNS: ReadonlySet<string> = new Set([
  'sides', 'countries', 'nations', 'leaders', 'parties', 'governments', 'economies', 'allies', 'koreas',
  'neighbours', 'neighbors', 'delegations', 'presidents', 'ministers', 'states', 'houses', 'chambers', 'camps',
  'men', 'capitals', 'teams', 'negotiators', 'sides’', "sides'",
]);
/** Determiners before "two of"/"the two sides" that make a group rather than a count. */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'our', 'their', 'both', 'these', 'those', 'its', 'his', 'her', 'your', 'my', 'all']);

/** Plural time units after a number ("five years"). */
export const TIME_UNITS_PLURAL: ReadonlySet<string> = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'decades', 'centuries', 'quarters']);
/** Singular time units ("one year", "a decade", "10-year"). */
export const TIME_UNITS_SINGULAR: ReadonlySet<string> = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'decade', 'century']);
/** Words after "three years" that make a relative date ("three years later"). */
export const RELATIVE_ENDINGS: ReadonlySet<string> = new Set(['ago', 'later', 'earlier', 'after', 'before']);

/** Words before a unit that make a relative date ("next week", "last month"). */
export const RELATIVE_MODIFIERS: ReadonlySet<string> = new Set(['next', 'last', 'this', 'past', 'previous', 'coming', 'following', 'current']);
/** Units after a relative modifier ("next week", "last summer"). */
export const RELATIVE_UNITS: ReadonlySet<string> = new Set(['week', 'month', 'year', 'weekend', 'quarter', 'night', 'summer', 'winter', 'spring', 'autumn', 'fall']);
/** Parts of a day after a weekday or "today" ("Monday afternoon"). */
export const PARTS_OF_DAY: ReadonlySet<string> = new Set(['morning', 'afternoon', 'evening', 'night']);
/** Days named from the article's date ("yesterday"). */
export const DEICTIC_DAYS: ReadonlySet<string> = new Set(['yesterday', 'today', 'tomorrow', 'tonight']);
/** Words before a weekday or "this month" that keep it a date ("late Thursday"). */
export const WEEKDAY_PREFIXES: ReadonlySet<string> = new Set(['late', 'early', 'later', 'earlier']);
/** Words that, right after a weekday, make it part of a name ("Sunday Times"). */
export const WEEKDAY_NAME_FOLLOWERS: ReadonlySet<string> = new Set(['times', 'telegraph', 'post', 'express', 'mirror', 'herald', 'night', 'club', 'school', 'service', 'league', 'massacre']);
/** Words before a weekday, within its sentence, that put it in the future. */
export const FUTURE_CUES: ReadonlySet<string> = new Set(['will', 'll', 'shall', 'scheduled', 'set', 'plans', 'plan', 'planned', 'expected', 'due', 'would', 'could', 'going', 'upcoming', 'soon']);

/** Superlatives after an ordinal that make a rank ("6th largest"). */
export const SUPERLATIVES: ReadonlySet<string> = new Set([
  'largest', 'biggest', 'highest', 'lowest', 'smallest', 'most', 'least', 'best', 'worst', 'richest', 'poorest',
  'greatest', 'fastest', 'busiest', 'leading', 'top', 'strongest', 'weakest', 'oldest', 'youngest', 'deadliest',
]);
/** Verbs before an ordinal that make a rank ("ranked second"). */
export const RANK_VERBS: ReadonlySet<string> = new Set(['rank', 'ranks', 'ranked', 'ranking', 'placed', 'finished', 'came', 'comes', 'come']);
/** Verbs of movement before "to" and an ordinal ("rose to third"). */
export const RANK_MOVES: ReadonlySet<string> = new Set(['rose', 'fell', 'dropped', 'climbed', 'slipped', 'moved', 'jumped', 'slid']);
/** Plural magnitudes that count without a number ("hundreds of people"). */
export const VAGUE_MAGNITUDES: ReadonlySet<string> = new Set(['tens', 'hundreds', 'thousands', 'millions', 'billions', 'dozens']);
/** Marks after which a capital letter says nothing about names. */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set(['.', '!', '?', ':', ';', '"', '“', '‘', '(', '[', '—', '–', '-', '…', '•']);
/** Time zones after a clock time ("10:15 GMT"). */
export const TIME_ZONES: ReadonlySet<string> = new Set(['gmt', 'utc', 'et', 'est', 'edt', 'kst', 'bst', 'cet', 'pt', 'pst', 'pdt', 'jst', 'local']);
