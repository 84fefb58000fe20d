/**
 * Word lists and small helpers for recognising people's names and the job
 * titles around them. Kept as data tables (not code paths) so a new title or
 * courtesy form is one line.
 */
import { listOf, type TokenList, type Tokens } from './tokens';

/** Courtesy titles that belong to the name span ("Mr. Moon"), case-folded, without the period. */
export const COURTESY_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mme', 'sir', 'dame']);

/** Lower-case particles that may sit inside a name ("Osama bin Laden", "al-Bashir", "von der Leyen"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'das', 'dos', 'du', 'di', 'la', 'le', 'ter', 'y',
]);

/** Generational suffixes: "Donald Trump Jr." is not Donald Trump. */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * Capitalised words that are never part of a person's name: sentence
 * openers, pronouns, weekdays, and words naming places or organisations.
 * Months are handled apart ("May" is also a name).
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  // function words and sentence openers
  'the', 'a', 'an', 'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'in', 'on', 'at', 'by', 'for', 'of', 'to', 'with', 'from', 'as', 'into',
  'about', 'after', 'before', 'during', 'since', 'until', 'while', 'when', 'where', 'why', 'how', 'what', 'who', 'which', 'that', 'this',
  'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your', 'him', 'them', 'us',
  'then', 'there', 'here', 'also', 'meanwhile', 'however', 'still', 'even', 'last', 'next', 'both', 'all', 'some', 'many', 'most', 'no',
  'not', 'yes', 'one', 'two', 'three', 'new', 'under', 'over', 'according', 'despite', 'although', 'though', 'because', 'instead',
  'analysis', 'update', 'read', 'more', 'photo', 'video', 'watch', 'latest', 'news', 'related', 'editor', 'opinion',
  // weekdays and times
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tomorrow', 'yesterday',
  // places and organisations that often sit next to titles
  'us', 'ustr', 'nato', 'wto', 'america', 'american', 'americans', 'united', 'states', 'kingdom', 'nations',
  'north', 'south', 'east', 'west', 'korea', 'korean', 'koreans', 'japan', 'japanese', 'china', 'chinese', 'seoul', 'washington',
  'beijing', 'tokyo', 'white', 'house', 'congress', 'senate', 'assembly', 'national', 'federal', 'government', 'administration',
  'ministry', 'department', 'office', 'council', 'committee', 'commission', 'agency', 'bureau', 'court', 'party', 'republic',
  'union', 'association', 'chamber', 'commerce', 'trade', 'treasury', 'state', 'foreign', 'affairs', 'defense', 'defence', 'finance',
  'economy', 'industry', 'energy', 'justice', 'interior', 'security', 'reuters', 'yonhap', 'xinhua', 'ap', 'afp', 'bloomberg', 'bbc',
  'fta', 'korus', 'apec', 'gdp', 'ceo',
]);

/** Month names: not a name when a day number or year follows ("May 5"), else possibly one ("Theresa May"). */
export const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Surnames shared by very many people (the most common Korean and Chinese
 * family names). A bare "Kim" or "Lee" is only linked to a pack person when
 * the article is on that pack's topic or names the person in full.
 */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set([
  'kim', 'lee', 'yi', 'park', 'pak', 'choi', 'choe', 'jung', 'jeong', 'chung', 'kang', 'cho', 'jo', 'yoon', 'yun', 'jang', 'chang', 'lim',
  'im', 'han', 'oh', 'seo', 'suh', 'shin', 'kwon', 'hwang', 'ahn', 'an', 'song', 'yoo', 'yu', 'ryu', 'hong', 'jeon', 'chun', 'ko', 'go',
  'moon', 'mun', 'yang', 'son', 'bae', 'baek', 'paik', 'heo', 'nam', 'noh', 'roh', 'koo', 'ku', 'yeo', 'joo', 'ju', 'cheong', 'min', 'ha',
  'wang', 'li', 'zhang', 'liu', 'chen', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'luo', 'xi',
]);

/** Surnames that are also everyday English words; sentence-initial, they need a full mention nearby. */
export const WORD_SURNAMES: ReadonlySet<string> = new Set([
  'moon', 'bush', 'rice', 'cook', 'brown', 'young', 'king', 'park', 'may', 'rose', 'white', 'black', 'green', 'long', 'little', 'hill',
  'wood', 'stone', 'price', 'rich', 'hope', 'well', 'wells', 'bell', 'church', 'field', 'ford', 'hall', 'lord', 'short', 'strong',
  'sun', 'song', 'son', 'ma', 'he', 'an', 'oh', 'go', 'ha', 'min', 'yang', 'han', 'long', 'kirk',
]);

/** Common Korean/Chinese family names that put the surname first in romanised names ("Kim Jong Un"). */
const SURNAME_FIRST = COMMON_SURNAMES;

/** True for a capitalised token that can be part of a person's name here. */
export function isNameWord(tokens: TokenList, i: number): boolean {
  // A capitalised token starts with a letter, so never with a digit.
  if (i < 0 || i >= tokens.length || !tokens.cap(i)) return false;
  const norm = tokens.norm(i);
  if (NOT_NAME_WORDS.has(norm)) return false;
  if (TITLE_WORDS.has(norm) || COURTESY_TITLES.has(norm) || NON_OFFICIAL_WORDS.has(norm)) return false;
  if (MONTHS.has(norm)) {
    // "Theresa May" and "June Smith" exist; "March 5" and "in August" are dates.
    if (norm !== 'may' && norm !== 'june') return false;
    if (i + 1 < tokens.length && startsWithDigit(tokens, i + 1) && tokens.continues(i + 1)) return false;
  }
  // Acronyms (U.S., USTR, KORUS) are not names.
  return !isAcronym(tokens, i);
}

/** True when token `i` starts with a digit (`\p{N}`). */
function startsWithDigit(tokens: TokenList, i: number): boolean {
  const c = tokens.text.charCodeAt(tokens.start(i));
  if (c < 128) return c >= 48 && c <= 57;
  return /^\p{N}/u.test(tokens.word(i));
}

/** True when token `i` starts with a letter (`\p{L}`). */
function startsWithLetter(tokens: TokenList, i: number): boolean {
  const c = tokens.text.charCodeAt(tokens.start(i));
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /^\p{L}/u.test(tokens.word(i));
}

/** True for a token of 2–6 characters, all upper case, with an upper-case letter ("US", "U.S.", "KORUS"). */
function isAcronym(tokens: TokenList, i: number): boolean {
  const start = tokens.start(i);
  const end = tokens.end(i);
  if (end - start < 2 || end - start > 6) return false;
  const text = tokens.text;
  let upper = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) {
      // Unicode case rules for the rare non-ASCII word.
      const word = tokens.word(i);
      return word === word.toUpperCase() && /\p{Lu}/u.test(word);
    }
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

/** True when token `i` is written exactly as a name particle ("bin", "de"; not "De"). */
function isParticle(tokens: TokenList, i: number): boolean {
  return NAME_PARTICLES.has(tokens.norm(i)) && NAME_PARTICLES.has(tokens.word(i));
}

/** Most hyphen joins one name word can have ("Jean-Marie-Louise" has 2): real names stay far below. */
const MAX_HYPHEN_JOINS = 4;

/** A run of name tokens, `first` to `end` (exclusive). */
export interface NameRun {
  first: number;
  end: number;
  /** Number of space-separated words ("Kim Hyun-chong" is 2). */
  words: number;
}

/**
 * Reads a person's name starting at token `i`: capitalised words, initials
 * ("George W. Bush"), hyphenated romanisations ("Hyun-chong", lower-case after
 * the hyphen) and particles between name words ("al-Bashir", "bin Laden").
 * Stops at punctuation, a possessive, or a word that cannot be a name.
 */
export function readName(tokenObjects: Tokens, i: number, maxWords = 4): NameRun | null {
  const tokens = listOf(tokenObjects);
  if (!isNameWord(tokens, i) && !startsWithParticle(tokens, i)) return null;
  let end = i + 1;
  let words = 1;
  // Hyphen joins in the current word: bounded, so a long hyphen chain cannot make every call read to its end.
  let joins = 0;
  if (startsWithParticle(tokens, i)) end = i + 2;
  while (end < tokens.length) {
    if (!tokens.continues(end)) break;
    if (tokens.hyphenJoin(end) && startsWithLetter(tokens, end) && !NOT_NAME_WORDS.has(tokens.norm(end))) {
      if (++joins > MAX_HYPHEN_JOINS) break;
      end++;
      continue;
    }
    joins = 0;
    if (isParticle(tokens, end)) {
      // One or more particles, then a name word: "de la Vega", "bin Laden".
      let j = end;
      while (j < tokens.length && j < end + 3 && isParticle(tokens, j) && (j === end || tokens.continues(j))) j++;
      if (words >= maxWords || j >= tokens.length || !tokens.continues(j) || !isNameWord(tokens, j)) break;
      end = j + 1;
      words++;
      continue;
    }
    if (tokens.sepHas(end, 45) && !tokens.hyphenJoin(end)) break;
    if (!isNameWord(tokens, end) || words >= maxWords) break;
    if (NAME_SUFFIXES.has(tokens.norm(end))) {
      end++;
      break;
    }
    end++;
    words++;
  }
  return { first: i, end, words };
}

function startsWithParticle(tokens: TokenList, i: number): boolean {
  if (i < 0 || i + 1 >= tokens.length) return false;
  const norm = tokens.norm(i);
  return (norm === 'al' || norm === 'el') && tokens.hyphenJoin(i + 1) && tokens.cap(i + 1);
}

/** The words of a name as written ("Kim Hyun-chong" → ["Kim", "Hyun-chong"]). */
export function nameWords(name: string): string[] {
  return name.split(/[\s\u00a0]+/).filter((w) => w.length > 0);
}

/**
 * True when a romanised name puts the family name first: a Hangul native
 * name, a last word that is a hyphenated given name with a lower-case second
 * part ("Hyun-chong", "Jae-in"), or a common Korean/Chinese family name first
 * in a three-word name ("Kim Jong Un").
 */
export function isSurnameFirst(name: string, nativeName: string | null = null): boolean {
  if (nativeName && /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(nativeName)) return true;
  const words = nameWords(name);
  if (words.length < 2) return false;
  const last = words[words.length - 1]!;
  if (/^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(last)) return true;
  return words.length === 3 && SURNAME_FIRST.has(words[0]!.toLowerCase());
}

/** Strips a leading particle from a surname ("al-Bashir" → "Bashir"). */
function bareSurname(word: string): string {
  const m = /^(?:al|el)[-‐‑](.+)$/i.exec(word);
  return m ? m[1]! : word;
}

/** The family name used in short references ("Kim" for "Kim Hyun-chong", "Bush" for "George W. Bush"). */
export function surnameOf(name: string, nativeName: string | null = null): string {
  const words = nameWords(name).filter((w) => !NAME_SUFFIXES.has(w.toLowerCase().replace(/\.$/, '')));
  if (words.length === 0) return name;
  if (isSurnameFirst(name, nativeName)) return words[0]!;
  return bareSurname(words[words.length - 1]!);
}

/**
 * For a surname-first name, the given-name-first order that English-language
 * papers also use ("Yoo Myung-hee" → "Myung-hee Yoo"); null otherwise.
 */
export function westernOrder(name: string, nativeName: string | null): string | null {
  if (!isSurnameFirst(name, nativeName)) return null;
  const words = nameWords(name);
  if (words.length < 2) return null;
  return [...words.slice(1), words[0]!].join(' ');
}

/** Abbreviated titles whose period may sit between title and name ("Sen. Harold Brandt"). */
export const ABBREVIATED_TITLES: ReadonlySet<string> = new Set(['sen', 'rep', 'gov', 'amb', 'pres', 'sec', 'dep']);

/** Where a job title sits relative to the name it describes. */
export interface TitleRule {
  /** The title words, matched case-insensitively ("trade minister"). */
  phrase: string;
  /** Title comes before the name ("Trade Minister Kim …"). */
  before: boolean;
  /** Title may come after the name, in an appositive ("Kim …, the trade minister"). */
  after: boolean;
  /** Only official with a government word next to it ("National Economic Council Director"). */
  needsGovernmentContext?: boolean;
  /** Only official with a country before it ("North Korean leader", "Sudan's president"). */
  needsCountry?: boolean;
  /** May take a complement before the name ("spokesman for the ministry X Y"). */
  complement?: boolean;
  /** Abbreviations and ceremonial titles count only when capitalised ("Rep.", "King"). */
  needsCapital?: boolean;
  /** After a name, only with a country or government word in the clause ("X, president of Sudan", not "X, president of Acme"). */
  afterNeedsContext?: boolean;
  /** A plural title that may name two people ("cabinet ministers X Y and Z W"). */
  plural?: boolean;
}

const r = (phrase: string, extra: Partial<TitleRule> = {}): TitleRule => ({ phrase, before: true, after: true, ...extra });

/**
 * Job titles of public office. Longer phrases win over their parts
 * ("vice president" over "president"), because matching is longest-first.
 */
export const OFFICIAL_TITLES: readonly TitleRule[] = [
  r('president', { afterNeedsContext: true }), r('vice president', { afterNeedsContext: true }), r('president-elect'), r('then-president'), r('prime minister'), r('deputy prime minister'),
  r('premier', { needsCapital: true }), r('chancellor'), r('king', { needsCapital: true }), r('queen', { needsCapital: true }),
  r('crown prince'), r('emperor', { needsCapital: true }),
  r('minister'), r('trade minister'), r('foreign minister'), r('finance minister'), r('defense minister'), r('defence minister'),
  r('industry minister'), r('economy minister'), r('unification minister'), r('interior minister'), r('vice minister'),
  r('deputy minister'), r('minister for trade'), r('minister of trade'), r('deputy foreign minister'), r('vice foreign minister'),
  r('secretary of state'), r('secretary'), r('commerce secretary'), r('treasury secretary'), r('defense secretary'),
  r('state secretary'), r('home secretary'), r('foreign secretary'), r('press secretary'), r('secretary-general'), r('secretary general'),
  r('trade representative'), r('u.s. trade representative'), r('us trade representative'), r('deputy u.s. trade representative'),
  r('assistant u.s. trade representative'), r('assistant us trade representative'), r('assistant usa trade representative'),
  r('deputy trade representative'), r('ustr'),
  r('ambassador'), r('envoy'), r('special envoy'), r('consul general'),
  r('senator'), r('sen', { after: false, needsCapital: true }), r('rep', { after: false, needsCapital: true }),
  r('amb', { after: false, needsCapital: true }), r('pres', { after: false, needsCapital: true }), r('congressman'), r('congresswoman'), r('lawmaker'),
  r('legislator'), r('assemblyman'), r('assemblywoman'), r('speaker', { needsGovernmentContext: true }), r('house speaker'), r('majority leader'), r('minority leader'),
  r('governor'), r('gov', { after: false, needsCapital: true }), r('lieutenant governor'), r('mayor'),
  // Local and legislative offices, courts, and "his Indian counterpart" (a counterpart of an official is one too).
  r('council member'), r('councilmember'), r('councillor'), r('councilor'), r('councilman'), r('councilwoman'),
  r('alderman'), r('alderwoman'), r('state senator'), r('state representative'), r('assembly member'), r('mp', { needsCapital: true }),
  r('judge'), r('chief judge'), r('justice', { needsCapital: true }), r('chief justice'), r('magistrate'),
  r('counterpart', { needsCountry: true }), r('administrator', { needsGovernmentContext: true }),
  r('chief financial officer', { needsGovernmentContext: true }),
  r('police chief'), r('security chief'), r('intelligence chief'), r('spy chief'), r('army chief'), r('military chief'), r('vice-president', { afterNeedsContext: true }),
  // Plural titles before two names; never after a name.
  ...['ministers', 'cabinet ministers', 'senators', 'sens', 'congressmen', 'lawmakers', 'governors', 'mayors', 'judges', 'ambassadors', 'presidents', 'leaders']
    .map((phrase) => r(phrase, { after: false, plural: true, ...(phrase === 'sens' ? { needsCapital: true } : {}), ...(phrase === 'leaders' || phrase === 'presidents' ? { needsCountry: true } : {}) })),
  r('attorney general'), r('commissioner'), r('chief of staff'), r('national security adviser'), r('national security advisor'),
  r('chief negotiator'), r('chief trade negotiator'), r('trade negotiator'), r('negotiator', { needsGovernmentContext: true }),
  r('director general', { needsGovernmentContext: true }), r('director-general', { needsGovernmentContext: true }),
  r('director', { needsGovernmentContext: true }), r('deputy director', { needsGovernmentContext: true }),
  r('spokesman', { complement: true, needsGovernmentContext: true }), r('spokeswoman', { complement: true, needsGovernmentContext: true }),
  r('spokesperson', { complement: true, needsGovernmentContext: true }),
  r('official', { before: false, needsGovernmentContext: true }), r('diplomat', { needsCountry: true }),
  r('leader', { needsCountry: true }), r('supreme leader'), r('dictator', { needsCountry: true }), r('strongman', { needsCountry: true }),
];

/**
 * Words that head a job title ("President", "Minister", "Secretary", "Chief",
 * "Staff"); never read as part of a name, so "President Moon" is a title and
 * a surname, not a two-word name.
 */
const TITLE_WORDS: ReadonlySet<string> = new Set([
  ...OFFICIAL_TITLES.flatMap((rule) => rule.phrase.split(/[\s-]+/).map((w) => w.replace(/\./g, ''))),
  'chief', 'staff', 'assistant', 'deputy', 'acting', 'former', 'then', 'elect', 'general', 'vice', 'representative', 'spokesman',
].filter((w) => !['of', 'for', 'the', 'us', 'u', 's', 'state', 'trade', 'foreign', 'finance', 'defense', 'defence', 'national', 'security', 'house', 'home', 'press', 'special', 'crown', 'attorney', 'lieutenant', 'industry', 'economy', 'unification', 'interior', 'commerce', 'treasury', 'usa', 'majority', 'minority', 'supreme'].includes(w)));

/** Words that make a nearby "director", "spokesman" or "official" a government post. */
export const GOVERNMENT_WORDS: ReadonlySet<string> = new Set([
  'house', 'parliament', 'assembly', 'ministry', 'minister', 'department', 'government', 'council', 'agency', 'bureau', 'commission', 'office', 'cabinet', 'presidential',
  'white', 'cheong', 'blue', 'state', 'foreign', 'trade', 'ustr', 'motie', 'fbi', 'cia', 'intelligence', 'national', 'federal', 'budget',
  'embassy', 'treasury', 'pentagon', 'kremlin', 'congressional', 'parliamentary', 'administration', 'fta', 'negotiation', 'negotiations',
  'military', 'defense', 'defence', 'security', 'customs', 'commerce', 'imf', 'wto', 'un',
  'city', 'county', 'municipal', 'fema', 'emergency', 'eu',
]);

/** Words that mark a person as not an official (analysts, business people, journalists). */
export const NON_OFFICIAL_WORDS: ReadonlySet<string> = new Set([
  'analyst', 'analysts', 'economist', 'economists', 'professor', 'prof', 'lecturer', 'researcher', 'scholar', 'fellow', 'academic',
  'journalist', 'reporter', 'correspondent', 'editor', 'columnist', 'writer', 'author', 'photographer', 'anchor', 'blogger',
  'ceo', 'executive', 'chairman', 'chairwoman', 'founder', 'co-founder', 'entrepreneur', 'investor', 'banker', 'trader', 'strategist',
  'consultant', 'lawyer', 'partner', 'lobbyist', 'company', 'corp', 'corporation', 'inc', 'ltd', 'bank', 'firm', 'group', 'university',
  'institute', 'foundation', 'association', 'chamber', 'federation', 'motors', 'electronics', 'holdings', 'capital', 'securities',
  'research', 'think', 'news', 'times', 'post', 'journal', 'television', 'tv', 'radio', 'magazine', 'newspaper', 'student', 'resident', 'activist', 'campaigner', 'actor', 'actress', 'singer', 'player', 'coach',
]);

/**
 * Words that open a clause after "Name," which is not an appositive
 * ("said Kim, during a briefing"; "Kim, adding that …").
 */
export const NOT_APPOSITIVE_STARTS: ReadonlySet<string> = new Set([
  'during', 'at', 'in', 'on', 'after', 'before', 'while', 'when', 'where', 'adding', 'saying', 'noting', 'and', 'but', 'or', 'which',
  'as', 'for', 'with', 'to', 'from', 'according', 'told', 'said', 'says', 'stressed', 'though', 'although', 'because', 'if', 'then',
  'however', 'by', 'into', 'over', 'under', 'until', 'since', 'including', 'not', 'so', 'he', 'she', 'they', 'it', 'we', 'i',
]);

const COUNTRY_WORDS: ReadonlySet<string> = new Set(['north', 'south', 'east', 'west', 'us', 'uk', 'eu', 'un', 'korea', 'china', 'japan', 'sudan', 'iran', 'iraq', 'israel', 'russia', 'france', 'germany', 'canada', 'mexico', 'india', 'brazil']);

/** Nationality adjectives and country words (token `i`) that make "leader" or "president" a head of state or government. */
export function isCountryWord(tokens: TokenList, i: number): boolean {
  if (i < 0 || i >= tokens.length || !tokens.cap(i)) return false;
  const norm = tokens.norm(i);
  return /(?:an|ean|ese|ish|ian|i|ic)$/.test(norm) || tokens.possessive(i) || COUNTRY_WORDS.has(norm);
}
