/**
 * Who is speaking: turns the words naming a speaker ("South Korean Trade
 * Minister Kim Hyun-chong", "he", "the minister", "a person close to the
 * talks") into a speaker name, linked to a pack entity when an official
 * mention covers it.
 *
 * Resolution order for a speaker phrase: pronoun -> the person most recently
 * mentioned; an official mention heading the phrase -> the official's
 * canonical name; a personal name at the end of the phrase ("editor Jane
 * Doe") -> that name; a role noun ("the minister") -> the nearest official
 * holding that role; otherwise the phrase itself, as written.
 */
import type { ArticleText, OfficialMention, TextBlock } from '../types';
import { isRegexSpace, isRegexWordChar } from './claims/chars';
import { lowerCase } from './claims/lower-case';
import { nextNameRun, type NameRunMatch } from './claims/name-runs';

/** A resolved speaker. */
export interface Speaker {
  /** Canonical name for officials, the name or phrase as written otherwise. */
  name: string;
  entityId: string | null;
  /** True when the speaker is a person (an official or a named individual). */
  person: boolean;
}

/** Added to the arrival order of personal names, which rank after officials at the same position. */
const NAME_ORDER = 2 ** 40;

/** A person mentioned at a position, which later pronouns may refer to. */
interface PersonAnchor {
  at: number;
  block: number;
  speaker: Speaker;
  /** True for the speaker of a claim (recorded at the claim), false for a mention in the text. */
  spoke: boolean;
}

/** An anchor found but not yet indexed, with its rank among anchors at the same position. */
interface PendingAnchor extends PersonAnchor {
  order: number;
}

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
const GROUP_PRONOUNS = new Set(['they', 'it', 'we', 'them']);

/** Nouns that, right after a name, make the name a modifier ("Obama administration officials"). */
const MODIFIED_HEADS = new Set([
  'administration', 'government', 'campaign', 'team', 'officials', 'official', 'aides', 'aide',
  'spokesman', 'spokeswoman', 'spokesperson', 'adviser', 'advisers', 'advisor', 'advisors', 'cabinet',
  'era', 'policy', 'policies', 'camp', 'allies', 'supporters', 'staff', 'office', 'foundation',
  'organization', 'organisation', 'family', 'white',
]);

/** Role nouns that identify an official by title ("the minister", "the president"). */
const ROLE_NOUNS = new Set([
  'president', 'minister', 'secretary', 'negotiator', 'representative', 'chancellor', 'premier',
  'ambassador', 'governor', 'senator', 'chairman', 'chairwoman', 'chair', 'leader', 'envoy', 'mayor',
  'commissioner', 'director', 'spokesman', 'spokeswoman', 'spokesperson', 'king', 'queen', 'pope',
]);

/** Words that mark an organisation or place, so a capitalised run is not a personal name. */
const NON_PERSON_WORDS = new Set([
  'ministry', 'office', 'department', 'house', 'chamber', 'association', 'commission', 'council',
  'committee', 'agency', 'bank', 'union', 'party', 'government', 'administration', 'trade', 'news',
  'court', 'congress', 'senate', 'fund', 'group', 'organization', 'organisation', 'institute',
  'university', 'center', 'centre', 'korea', 'korean', 'states', 'united', 'america', 'american',
  'washington', 'seoul', 'beijing', 'tokyo', 'china', 'chinese', 'japan', 'japanese', 'europe',
  'european', 'britain', 'british', 'federation', 'reserve', 'times', 'post', 'press', 'reuters',
  'bloomberg', 'yonhap', 'xinhua', 'bbc', 'cnn', 'state', 'city', 'national', 'federal', 'assembly',
  'parliament', 'ministers', 'corporation', 'company', 'inc', 'corp', 'ltd', 'motors', 'international',
  'media', 'holdings', 'systems', 'technologies', 'labs', 'partners', 'capital', 'network', 'networks',
  'airlines', 'energy', 'foods', 'communications', 'studios', 'entertainment', 'games', 'software',
  'electronics', 'insider', 'journal', 'magazine', 'review', 'daily', 'herald', 'tribune', 'street', 'avenue',
  'airport', 'station', 'hotel', 'museum', 'hospital', 'school', 'college', 'church', 'square', 'park',
  'river', 'island', 'islands', 'mountains', 'sea', 'ocean', 'gulf', 'republic', 'kingdom', 'empire',
]);

/**
 * Nouns that head an organisation ("the Office of the Trade Representative",
 * "the Ministry of Finance", "the White House"): a phrase headed by one is the
 * organisation speaking, never a person holding a similar title.
 */
const ORG_HEADS = new Set([
  'office', 'ministry', 'department', 'house', 'agency', 'bureau', 'commission', 'committee', 'council',
  'administration', 'government', 'secretariat', 'cabinet', 'embassy', 'mission', 'service', 'authority',
  'board', 'directorate', 'institute', 'bank', 'court', 'parliament', 'assembly', 'senate', 'congress',
]);

/** Lowercase nouns that make an appositive describe a person ("Jane Roe, an economist at X Bank"). */
const PERSON_NOUNS = new Set([
  'economist', 'analyst', 'strategist', 'professor', 'researcher', 'fellow', 'scholar', 'lawyer', 'attorney',
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'adviser', 'advisor', 'director', 'manager',
  'executive', 'chairman', 'chairwoman', 'founder', 'partner', 'member', 'lawmaker', 'legislator', 'expert',
  'consultant', 'historian', 'scientist', 'engineer', 'diplomat', 'politician', 'candidate', 'aide', 'head',
  'deputy', 'owner', 'farmer', 'resident', 'teacher', 'student', 'worker', 'journalist', 'editor', 'author',
  'activist', 'negotiator', 'minister', 'secretary', 'senator', 'governor', 'mayor', 'president', 'chief',
  'investor', 'trader', 'banker', 'officer', 'leader', 'veteran', 'doctor', 'nurse', 'judge', 'ceo',
]);

/** Words that may open an appositive before its person noun ("a senior fellow", "the former chief"). */
const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our']);

const COURTESY_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof', 'prof.']);

function isCapitalised(word: string): boolean {
  const c = word[0] ?? '';
  return c !== lowerCase(c);
}

/** Courtesy titles and suffixes that keep their full stop ("Mr.", "Jr."). */
const TITLES_WITH_STOP = new Set(['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'St.', 'Jr.', 'Sr.']);

/**
 * Whether `text.slice(at, to)` (ending in a full stop) is a word that keeps it:
 * initials or an acronym ("U.S.", `^(?:[A-Z]\.)+$`) or a courtesy title ("Mr.").
 */
function keepsFullStop(text: string, at: number, to: number): boolean {
  const n = to - at;
  if (n <= 5 && TITLES_WITH_STOP.has(text.slice(at, to))) return true;
  if (n % 2 !== 0) return false;
  for (let i = at; i < to; i += 2) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90 || text.charCodeAt(i + 1) !== 46) return false;
  }
  return true;
}

/** End of the word [at, to) without a trailing full stop, which belongs to the sentence unless the word is an abbreviation ("Mr.", "U.S."). */
function wordEndWithoutStop(text: string, at: number, to: number): number {
  return text.charCodeAt(to - 1) === 46 && !keepsFullStop(text, at, to) ? to - 1 : to;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** True when code point `cp` is a letter or a digit (`[\p{L}\p{N}]`); ASCII without a regex. */
function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** True when `cp` may continue a word: a letter, a digit, an apostrophe, a full stop or a hyphen. */
function continuesWord(cp: number): boolean {
  return cp === 39 || cp === 0x2019 || cp === 46 || cp === 45 || isLetterOrDigit(cp);
}

/**
 * End of the word starting at `from` (`[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*`), or -1 when
 * none starts there. A hand-written scan: the regex allocated a match per word on
 * the engine's hottest path.
 */
function wordEndAt(text: string, from: number): number {
  const first = text.codePointAt(from) ?? 0;
  if (!isLetterOrDigit(first)) return -1;
  let i = from + (first > 0xffff ? 2 : 1);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!(c === 39 || c === 46 || c === 45 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (!continuesWord(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** Start of the next word at or after `from`, or -1. */
function nextWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return i;
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (isLetterOrDigit(cp)) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return -1;
}

/**
 * Calls `visit` with each word of `text` between `start` and `end` and its
 * offsets, in order: the words of `wordsIn` without building a list (callers
 * that turn each word into their own record allocate once per word, not twice).
 */
export function forEachWordIn(text: string, start: number, end: number, visit: (w: string, start: number, end: number) => void): void {
  for (let at = nextWordStart(text, start); at >= 0 && at < end; ) {
    const wordEnd = wordEndAt(text, at);
    const to = wordEndWithoutStop(text, at, Math.min(wordEnd, end));
    visit(text.slice(at, to), at, to);
    at = nextWordStart(text, wordEnd);
  }
}

/**
 * Words of `text` between `start` and `end`, with offsets; only the first
 * `limit` when given (callers that look at the first words of a long clause).
 */
export function wordsIn(text: string, start: number, end: number, limit = Infinity): { w: string; start: number; end: number }[] {
  const out: { w: string; start: number; end: number }[] = [];
  for (let at = nextWordStart(text, start); at >= 0 && at < end && out.length < limit; ) {
    const wordEnd = wordEndAt(text, at);
    const to = wordEndWithoutStop(text, at, Math.min(wordEnd, end));
    out.push({ w: text.slice(at, to), start: at, end: to });
    at = nextWordStart(text, wordEnd);
  }
  return out;
}

/**
 * How many words `wordsIn(text, start, end)` would return, counting no
 * further than `limit`: length checks on long clauses without building them.
 */
export function countWords(text: string, start: number, end: number, limit = Infinity): number {
  let n = 0;
  for (let at = nextWordStart(text, start); at >= 0 && at < end && n < limit; at = nextWordStart(text, wordEndAt(text, at))) n++;
  return n;
}

/**
 * The speaker context of one article: official mentions, people named so
 * far, and the speakers of claims found so far (for pronouns).
 */
export class SpeakerResolver {
  private readonly anchors: PersonAnchor[] = [];
  /** Official mentions sorted by start (stable), with their starts and a running maximum of their ends, for binary searches. */
  private readonly officials: readonly OfficialMention[];
  private readonly officialStarts: Int32Array;
  private readonly officialMaxEnd: Int32Array;
  /** Per role noun, the officials whose role mentions it (sorted by start), built on first use. */
  private readonly byRoleNoun = new Map<string, OfficialMention[]>();
  /** Per bare role phrase ("home secretary"), its only holder in the article or null, built on first use. */
  private readonly byBareRole = new Map<string, Speaker | null>();
  private lastGroupSpeaker: { block: number; speaker: Speaker } | null = null;
  /**
   * Per surname, the people mentioned and, apart, the claim speakers with that surname, each
   * sorted by position: kept apart so that a speaker (recorded in the middle of a block whose
   * mentions are already indexed) is appended, never spliced into a long list.
   */
  private readonly bySurname = new Map<string, PersonAnchor[]>();
  private readonly spokeBySurname = new Map<string, PersonAnchor[]>();
  /** Speakers of claims found so far, sorted by position. */
  private readonly spoke: PersonAnchor[] = [];
  /** People mentioned that are found but not yet indexed (see `ensureAnchors`). */
  private readonly pendingAnchors: PendingAnchor[] = [];
  /** How many blocks (a prefix) have been scanned for people mentioned. */
  private anchorBlocks = 0;
  /** Start of the first block not yet scanned; Infinity once all are. */
  private anchorsKnownBelow: number;
  /** Index of the first official mention not yet considered as an anchor. */
  private nextOfficial = 0;
  /** Arrival order of anchors, to break ties of position the way one stable sort did. */
  private anchorOrder = 0;
  private readonly names: PersonalNameScan;

  constructor(
    private readonly article: ArticleText,
    officials: readonly OfficialMention[],
    private readonly insideQuote: (pos: number) => boolean,
    private readonly insideClaim: (pos: number) => boolean = () => false,
  ) {
    this.officials = [...officials].sort((a, b) => a.start - b.start);
    this.officialStarts = Int32Array.from(this.officials, (m) => m.start);
    this.officialMaxEnd = new Int32Array(this.officials.length);
    let maxEnd = -1;
    this.officials.forEach((m, i) => {
      maxEnd = Math.max(maxEnd, m.end);
      this.officialMaxEnd[i] = maxEnd;
    });
    this.names = new PersonalNameScan(article, this.insideQuote);
    this.anchorsKnownBelow = article.blocks[0]?.start ?? Infinity;
  }

  /**
   * Indexes the people mentioned (officials outside quotes and personal
   * names) at or before `pos`, a block at a time as the claims reach them,
   * so that no single step indexes the whole article. Queries only look
   * back from a position, so they see exactly what a full index would show.
   */
  private ensureAnchors(pos: number): void {
    if (this.anchorsKnownBelow > pos) return;
    const blocks = this.article.blocks;
    while (this.anchorBlocks < blocks.length && this.anchorsKnownBelow <= pos) {
      const block = blocks[this.anchorBlocks] as TextBlock;
      this.anchorBlocks++;
      this.anchorsKnownBelow = blocks[this.anchorBlocks]?.start ?? Infinity;
      // Officials starting before the next block belong to this one (or to the gap after it).
      for (; this.nextOfficial < this.officials.length; this.nextOfficial++) {
        const m = this.officials[this.nextOfficial] as OfficialMention;
        if (m.start >= this.anchorsKnownBelow) break;
        if (this.insideQuote(m.start) || this.isModifierUse(m, this.article.text.length)) continue;
        this.pendingAnchors.push({ at: m.start, block: this.blockOf(m.start), speaker: officialSpeaker(m), spoke: false, order: this.anchorOrder++ });
      }
      for (const name of this.names.block(block)) {
        if (this.officialEndingAfter(name.end, name.start)) continue;
        const speaker: Speaker = { name: asName(this.article.text.slice(name.start, name.end)), entityId: null, person: true };
        // Names rank after officials at the same position, as they did when the index was built at once.
        this.pendingAnchors.push({ at: name.start, block: this.blockOf(name.start), speaker, spoke: false, order: NAME_ORDER + this.anchorOrder++ });
      }
    }
    // A name found while scanning one block may start in a later one: only anchors before the
    // first unread block are complete, so only those join the index.
    const pending = this.pendingAnchors.sort((a, b) => a.at - b.at || a.order - b.order);
    let n = 0;
    while (n < pending.length && (pending[n] as PendingAnchor).at < this.anchorsKnownBelow) n++;
    for (const a of pending.splice(0, n)) {
      this.anchors.push(a);
      this.indexSurname(a);
    }
  }

  /** Index of the block containing `pos`, or -1. */
  blockOf(pos: number): number {
    const blocks = this.article.blocks;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = blocks[mid];
      if (!b) break;
      if (pos < b.start) hi = mid - 1;
      else if (pos >= b.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** Number of official mentions starting before `pos` (binary search over the sorted starts). */
  private officialsBefore(pos: number): number {
    const starts = this.officialStarts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether some official mention starts before `startBefore` and ends after `endAfter` (overlap and cover tests in O(log n)). */
  private officialEndingAfter(startBefore: number, endAfter: number): boolean {
    const n = this.officialsBefore(startBefore);
    return n > 0 && (this.officialMaxEnd[n - 1] ?? -1) > endAfter;
  }

  /** Records a claim's speaker so that later pronouns ("he said", "they said") can refer back to it. */
  remember(at: number, speaker: Speaker): void {
    // Mentions at or before `at` are indexed first, so they rank before this speaker at the same position.
    this.ensureAnchors(at);
    const block = this.blockOf(at);
    if (speaker.person) {
      const anchor: PersonAnchor = { at, block, speaker, spoke: true };
      // Claims arrive nearly in order, so insertion from the end is short.
      let i = this.spoke.length;
      while (i > 0 && (this.spoke[i - 1]?.at ?? 0) > at) i--;
      if (i === this.spoke.length) this.spoke.push(anchor);
      else this.spoke.splice(i, 0, anchor);
      this.indexSurname(anchor);
    }
    this.lastGroupSpeaker = { block, speaker };
  }

  /** Whether an official mention is used as a modifier ("Obama administration", "Trump's aides"). */
  private isModifierUse(m: OfficialMention, limit: number): boolean {
    const text = this.article.text;
    const end = Math.min(limit, m.end + 20);
    // `/^['’]s?\b/` on the 20 characters after: an apostrophe before a word character.
    const c = m.end < end ? text.charCodeAt(m.end) : -1;
    if ((c === 39 || c === 0x2019) && m.end + 1 < end && isRegexWordChar(text.charCodeAt(m.end + 1))) return true;
    const next = wordAfterSpaces(text, m.end, end);
    return next !== null && MODIFIED_HEADS.has(lowerCase(next));
  }

  /** The most recent person mentioned before `at`, in the same or the previous block. */
  personBefore(at: number): Speaker | null {
    const block = this.blockOf(at);
    let mention: PersonAnchor | null = null;
    this.ensureAnchors(at);
    const lo = lastBefore(this.anchors, at);
    // People named inside what someone said are not who "he" refers to: skip mentions inside claims.
    for (let i = lo; i >= 0 && lo - i < 20; i--) {
      const a = this.anchors[i];
      if (!a) break;
      if (!this.insideClaim(a.at)) {
        mention = a;
        break;
      }
    }
    const spoke = this.spoke[lastBefore(this.spoke, at)] ?? null;
    const best = !mention ? spoke : !spoke ? mention : mention.at > spoke.at ? mention : spoke;
    if (!best || best.block < block - 1) return null;
    return best.speaker;
  }

  /** The latest person before `at` whose name ends with `surname`, or null (binary search per surname). */
  private personNamed(surname: string, at: number): Speaker | null {
    this.ensureAnchors(at);
    const mentions = this.bySurname.get(surname);
    const speakers = this.spokeBySurname.get(surname);
    const mention = mentions ? mentions[lastBefore(mentions, at)] : undefined;
    const spoke = speakers ? speakers[lastBefore(speakers, at)] : undefined;
    // As in one list sorted by position where a speaker follows a mention at the same position.
    const latest = !mention ? spoke : !spoke ? mention : spoke.at >= mention.at ? spoke : mention;
    return latest?.speaker ?? null;
  }

  /** Indexes a multi-word personal name by its last word, keeping each list sorted by position. */
  private indexSurname(anchor: PersonAnchor): void {
    const surname = surnameOf(anchor.speaker.name);
    if (!surname) return;
    const index = anchor.spoke ? this.spokeBySurname : this.bySurname;
    let list = index.get(surname);
    if (!list) {
      list = [];
      index.set(surname, list);
    }
    let i = list.length;
    while (i > 0 && (list[i - 1]?.at ?? 0) > anchor.at) i--;
    if (i === list.length) list.push(anchor);
    else list.splice(i, 0, anchor);
  }

  /** Resolves a pronoun used as a speaker at `at`. */
  private resolvePronoun(word: string, at: number): Speaker | null {
    if (PERSONAL_PRONOUNS.has(word)) return this.personBefore(at);
    if (GROUP_PRONOUNS.has(word)) {
      const g = this.lastGroupSpeaker;
      if (g && g.block >= this.blockOf(at) - 2) return g.speaker;
    }
    return null;
  }

  /** The official nearest to `at` whose role title contains `roleNoun`. */
  private officialByRole(roleNoun: string, at: number): Speaker | null {
    let list = this.byRoleNoun.get(roleNoun);
    if (!list) {
      list = this.officials.filter((m) => `${m.role?.title ?? ''} ${m.role?.org ?? ''}`.toLowerCase().includes(roleNoun));
      this.byRoleNoun.set(roleNoun, list);
    }
    // Only two candidates can be nearest: the latest mention at or before `at` (the first of those
    // sharing its start) and the first after it. Mentions before are preferred ("Kim ... the minister
    // said"): one after counts double its distance, and a tie goes to the one before.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid]?.start ?? 0) <= at) lo = mid + 1;
      else hi = mid;
    }
    let b = lo - 1;
    while (b > 0 && list[b - 1]?.start === list[b]?.start) b--;
    const before = list[b];
    const after = list[lo];
    if (!before) return after ? officialSpeaker(after) : null;
    if (!after) return officialSpeaker(before);
    return officialSpeaker(at - before.start <= (after.start - at) * 2 ? before : after);
  }

  /**
   * The official whose role has every word of `roleWords` ("home secretary",
   * "finance minister"), when exactly one person in the article does; null
   * otherwise. A holder named with a qualifier right before the title
   * ("shadow", "former", "deputy") does not hold the role itself.
   */
  private onlyOfficialTitled(roleWords: readonly string[]): Speaker | null {
    const key = roleWords.join(' ');
    let answer = this.byBareRole.get(key);
    if (answer === undefined) {
      answer = this.findOnlyOfficialTitled(roleWords);
      this.byBareRole.set(key, answer);
    }
    return answer;
  }

  /** `onlyOfficialTitled` without the cache: one pass over the official mentions. */
  private findOnlyOfficialTitled(roleWords: readonly string[]): Speaker | null {
    const holders = new Map<string, OfficialMention>();
    const qualified = new Set<string>();
    for (const m of this.officials) {
      const role = `${m.role?.title ?? ''} ${m.role?.org ?? ''}`.toLowerCase();
      const roleSet = new Set(role.split(/[^\p{L}]+/u));
      if (!roleWords.every((w) => roleSet.has(w))) continue;
      const key = m.entityId ?? m.name;
      if (!holders.has(key)) holders.set(key, m);
      // One qualified mention ("the shadow home secretary, Jane Doe") rules the person out.
      if (this.titleQualified(m)) qualified.add(key);
    }
    const left = [...holders].filter(([key]) => !qualified.has(key));
    return left.length === 1 && left[0] ? officialSpeaker(left[0][1]) : null;
  }

  /**
   * Whether the role title written right next to a mention carries a qualifier:
   * "the shadow home secretary, Jane Doe" or "Jane Doe, the former home
   * secretary" (the title touching the name, with only a comma between).
   */
  private titleQualified(m: OfficialMention): boolean {
    const title = m.role?.title.toLowerCase();
    if (!title) return false;
    const text = this.article.text;
    const before = text.slice(Math.max(0, m.start - 80), m.start).toLowerCase();
    const at = before.lastIndexOf(title);
    if (at >= 0 && /^[\s,]*$/.test(before.slice(at + title.length)) && TITLE_QUALIFIERS.test(before.slice(0, at))) return true;
    const after = text.slice(m.end, m.end + 80).toLowerCase();
    const from = after.indexOf(title);
    return from >= 0 && /^,\s+(?:the\s+|a\s+)?[\p{L}\s-]*$/u.test(after.slice(0, from)) && TITLE_QUALIFIERS.test(after.slice(0, from));
  }

  /**
   * Resolves the phrase `text.slice(start, end)` naming a speaker. Returns
   * null when the phrase is empty or an unresolvable pronoun.
   */
  resolve(start: number, end: number): Speaker | null {
    const text = this.article.text;
    const words = wordsIn(text, start, end);
    if (words.length === 0) return null;
    const first = words[0];
    if (!first) return null;
    const phraseStart = first.start;
    const phraseEnd = words[words.length - 1]?.end ?? end;
    if (words.length === 1 && (PERSONAL_PRONOUNS.has(lowerCase(first.w)) || GROUP_PRONOUNS.has(lowerCase(first.w)))) {
      return this.resolvePronoun(lowerCase(first.w), phraseStart);
    }
    // A surname alone ("Petrov", "Mr. Petrov") after the full name was given: the same person.
    const bare = words.length === 1 || (words.length === 2 && COURTESY_TITLES.has(lowerCase(first.w)));
    const surname = words[words.length - 1]?.w ?? '';
    if (bare && isCapitalised(surname) && !this.officialEndingAfter(phraseStart + 1, phraseEnd - 1)) {
      const known = this.personNamed(surname, phraseStart);
      if (known) return known;
    }
    // "The Office of the U.S. Trade Representative", "the ministry": an organisation speaks as itself.
    const orgHead = organisationHead(text, words);
    if (orgHead) return { name: asName(text.slice(phraseStart, orgHead)), entityId: null, person: false };
    // An official heading the phrase.
    for (let i = this.officialsBefore(phraseStart); i < this.officials.length; i++) {
      const m = this.officials[i];
      if (!m || m.start >= phraseEnd) break;
      if (m.end > phraseEnd || this.isModifierUse(m, phraseEnd)) continue;
      return officialSpeaker(m);
    }
    // An appositive phrase ("Jane Doe, a senior fellow"): look at each comma-separated part.
    const segments = splitAtCommas(text, words);
    // "Jane Roe, an economist at X Bank": an appositive describing a person makes the capitalised run before it a name.
    const subject = segments[0];
    const appositive = segments[1];
    if (subject && appositive && describesPerson(appositive) && isBareNameRun(subject)) {
      return { name: asName(text.slice(subject[0]?.start ?? 0, subject[subject.length - 1]?.end ?? 0)), entityId: null, person: true };
    }
    for (const seg of segments) {
      const name = trailingPersonalName(seg);
      if (name) return { name: asName(text.slice(name.start, name.end)), entityId: null, person: true };
    }
    for (const seg of segments) {
      const segFirst = seg[0];
      // The head noun: the word before the first preposition ("the minister at the ministry"), else the last word.
      const prep = seg.findIndex((w, i) => i > 0 && HEAD_ENDING_PREPOSITIONS.has(w.w));
      const last = lowerCase(seg[prep > 0 ? prep - 1 : seg.length - 1]?.w ?? '');
      if (!segFirst) continue;
      const definite = /^(?:the|his|her|its|their)$/i.test(segFirst.w) || seg.some((w) => /['\u2019]s$/.test(w.w));
      if (ROLE_NOUNS.has(last) && definite) {
        const official = this.officialByRole(last, phraseStart);
        if (official) return official;
      }
      // "Home Secretary insists …", "Finance minister says …" (headline style, no determiner): the one official with that role.
      if (ROLE_NOUNS.has(last) && !definite && seg === segments[0] && seg.length <= 4 && seg.every((w) => !BARE_ROLE_STOPWORDS.has(lowerCase(w.w)))) {
        const official = this.onlyOfficialTitled(seg.map((w) => lowerCase(w.w)));
        if (official) return official;
      }
    }
    const head = segments[0] ?? words;
    return { name: asName(text.slice(head[0]?.start ?? phraseStart, head[head.length - 1]?.end ?? phraseEnd)), entityId: null, person: false };
  }
}

type Word = { w: string; start: number; end: number };

/** Words that make a phrase more than a bare role title ("Home Secretary", "Finance minister"). */
const BARE_ROLE_STOPWORDS = new Set(['the', 'a', 'an', 'of', 'for', 'at', 'in', 'and', 'or', 'his', 'her', 'its', 'their', 'former', 'shadow', 'deputy', 'vice', 'acting', 'ex']);

/** A qualifier ending the text right before a role title: the person holds a different post. */
const TITLE_QUALIFIERS = /\b(?:shadow|former|deputy|vice|acting|ex|junior|assistant|interim|opposition)[\s-]*$/;

/** Prepositions that end a noun phrase's head ("Office of …", "spokeswoman at …"). */
const HEAD_ENDING_PREPOSITIONS = new Set(['of', 'for', 'at', 'in', 'with', 'from', 'on', 'to']);

/**
 * When the first comma-free part of a phrase is headed by an organisation noun
 * (the word before its first preposition, else its last word: "the Office of
 * the Trade Representative", "the trade ministry"), the offset where that
 * part ends; else null ("a spokeswoman at the White House" is headed by
 * "spokeswoman"). A possessive ("the Ministry of Finance's Jane Doe")
 * makes the phrase about someone else, so it does not count.
 */
function organisationHead(text: string, words: readonly Word[]): number | null {
  let n = 0;
  while (n < words.length && (n === 0 || !hasComma(text, words[n - 1]?.end ?? 0, words[n]?.start ?? 0))) n++;
  const part = words.slice(0, n);
  if (part.some((w) => endsInApostrophe(w.w))) return null;
  const of = part.findIndex((w, i) => i > 0 && HEAD_ENDING_PREPOSITIONS.has(w.w));
  const head = part[of > 0 ? of - 1 : part.length - 1];
  if (!head || !ORG_HEADS.has(lowerCase(head.w))) return null;
  // "Margaret Court", "Tom Bank": without a determiner or an "of" complement the run may be a personal name.
  if (of < 0 && !/^(?:the|a|an|its|their)$/i.test(part[0]?.w ?? '')) return null;
  return part[part.length - 1]?.end ?? null;
}

/** Whether an appositive reads as a description of a person: "an economist at X", "a senior fellow", "who runs …". */
export function describesPerson(seg: readonly Word[]): boolean {
  const first = lowerCase(seg[0]?.w ?? '');
  if (first === 'who') return true;
  if (!APPOSITIVE_OPENERS.has(first)) return false;
  for (let i = 1; i < seg.length && i <= 4; i++) {
    const w = seg[i]?.w ?? '';
    const l = lowerCase(w);
    if (l === 'at' || l === 'of' || l === 'for' || l === 'in' || l === 'with') return false;
    if (PERSON_NOUNS.has(l)) return true;
  }
  return false;
}

/** Whether words are only a name-like capitalised run of two to four words (or a courtesy title and a surname). */
export function isBareNameRun(seg: readonly Word[]): boolean {
  if (seg.length === 0 || seg.length > 4) return false;
  const titled = COURTESY_TITLES.has(lowerCase(seg[0]?.w ?? ''));
  if (seg.length === 1 && !titled) return false;
  if (!titled && NOT_NAME_STARTS.has(lowerCase(seg[0]?.w ?? ''))) return false;
  return seg.every((w, i) => (i === 0 && titled) || (/^[\p{Lu}][\p{L}'\u2019.-]*$/u.test(w.w) && !isAllCaps(w.w) && !ROLE_NOUNS.has(lowerCase(w.w))));
}

/** `text.slice(from, to).includes(',')`, without the copy. */
function hasComma(text: string, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  for (let i = Math.max(0, from); i < end; i++) if (text.charCodeAt(i) === 44) return true;
  return false;
}

/** `/['’]s?$/.test(w)`: the word ends in an apostrophe, or in an apostrophe and "s" (a possessive). */
function endsInApostrophe(w: string): boolean {
  const n = w.length;
  const last = w.charCodeAt(n - 1);
  if (last === 39 || last === 0x2019) return true;
  const before = w.charCodeAt(n - 2);
  return last === 115 && (before === 39 || before === 0x2019);
}

/** Surnames of the names seen (officials' names recur as the same strings), '' for single words; bounded. */
const SURNAMES = new Map<string, string>();

/** The last word of a multi-word name ("Doe" for "Jane Doe"), or '' for a single word. */
function surnameOf(name: string): string {
  let surname = SURNAMES.get(name);
  if (surname === undefined) {
    const space = name.lastIndexOf(' ');
    surname = space < 0 ? '' : name.slice(space + 1);
    if (SURNAMES.size >= 20_000) SURNAMES.clear();
    SURNAMES.set(name, surname);
  }
  return surname;
}

/** Splits a phrase's words where a comma separates them. */
function splitAtCommas(text: string, words: readonly Word[]): Word[][] {
  const out: Word[][] = [[]];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w) continue;
    const prev = words[i - 1];
    if (prev && hasComma(text, prev.end, w.start)) out.push([]);
    out[out.length - 1]?.push(w);
  }
  return out.filter((seg) => seg.length > 0);
}

/** Capitalised words that open a sentence or a place name rather than a personal name. */
const NOT_NAME_STARTS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'if', 'when', 'while', 'after', 'before', 'this', 'that',
  'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'his', 'her', 'its', 'their', 'our', 'last', 'next',
  'since', 'for', 'with', 'from', 'by', 'as', 'north', 'south', 'east', 'west', 'new', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'president', 'prime', 'vice', 'former',
  'then', 'under', 'during', 'both', 'all', 'some', 'many', 'most', 'no', 'not', 'so', 'what', 'why', 'how',
]);

/** Occupation words that may precede a name in a capitalised run ("Economist Jane Doe"). */
const OCCUPATIONS = new Set([
  'economist', 'analyst', 'professor', 'editor', 'correspondent', 'reporter', 'judge', 'general', 'author',
  'researcher', 'lawyer', 'attorney', 'activist', 'scholar', 'executive', 'chief', 'founder', 'ceo',
]);


/**
 * Named people who are not officials, found a block at a time for pronoun
 * resolution: "Mr./Ms./Dr. X" and runs of two or three capitalised words with
 * no organisation or place word, outside quotes and headlines. Blocks must be
 * scanned in order.
 */
class PersonalNameScan {
  /**
   * The search that ended the previous block (the first match past it, or none): it still answers
   * for the next block when it started no later and found nothing before that block's start, so a
   * stretch of blocks without names is scanned once rather than once per block.
   */
  private ahead: { from: number; match: NameRunMatch | null } | null = null;

  constructor(private readonly article: ArticleText, private readonly insideQuote: (pos: number) => boolean) {}

  private execFrom(pos: number): NameRunMatch | null {
    this.ahead = { from: pos, match: nextNameRun(this.article.text, pos) };
    return this.ahead.match;
  }

  /** The names found scanning `block` (the next block in order); a name may start in a later block. */
  block(block: TextBlock): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    if (block.kind === 'title') return out;
    const article = this.article;
    const cached = this.ahead;
    const reuse = cached !== null && cached.from <= block.start && (cached.match === null || cached.match.index >= block.start);
    let m = reuse ? cached.match : this.execFrom(block.start);
    for (; m && m.index < block.end; m = this.execFrom(m.end)) {
      const run = article.text.slice(m.index, m.end);
      let words = run.split(/\s+/);
      let start = m.index;
      // "Facebook CEO Jane Doe", "Opposition Leader Jane Doe": keep the words after the last title or acronym.
      if (words.length > 2) {
        let cut = -1;
        words.forEach((w, i) => {
          const l = lowerCase(w);
          if (OCCUPATIONS.has(l) || ROLE_NOUNS.has(l) || NON_PERSON_WORDS.has(l) || isAllCaps(w)) cut = i;
        });
        if (cut >= 0 && words.length - cut - 1 >= 2) {
          const skipped = run.slice(0, run.indexOf(words[cut + 1] ?? '', (words.slice(0, cut + 1).join(' ')).length));
          start += skipped.length;
          words = words.slice(cut + 1);
        }
      }
      // Pure filters, cheapest first (the order does not change which runs pass).
      if (words.length > 3) continue;
      const lower = words.map((w) => withoutPossessive(lowerCase(w)));
      const titled = COURTESY_TITLES.has(lower[0] ?? '');
      if (!titled && NOT_NAME_STARTS.has(lower[0] ?? '')) continue;
      if (lower.some((w) => ROLE_NOUNS.has(w))) continue;
      // All-capital words are acronyms ("KORUS FTA"), not names.
      if (words.some(isAllCaps) || this.insideQuote(start)) continue;
      // "an analyst at Daehan Securities": a run right after "at"/"in" is a place or an employer.
      if (/\b(?:at|in)\s+$/.test(article.text.slice(Math.max(0, start - 4), start))) continue;
      const text = withoutPossessive(words.join(' '));
      // "Park Soo-min, an economist at …": a person appositive outweighs a name word that is also a place word.
      if (lower.some((w) => NON_PERSON_WORDS.has(w)) && !personAppositiveAfter(article.text, start + text.length)) continue;
      out.push({ start, end: start + text.length });
    }
    return out;
  }
}

/** `w === w.toUpperCase()`, without a new string for ASCII words. */
function isAllCaps(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return w === w.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** `s.replace(/['’]s$/, '')`: a trailing possessive dropped, without a regex. */
function withoutPossessive(s: string): string {
  const n = s.length;
  if (n < 2 || s.charCodeAt(n - 1) !== 115) return s;
  const c = s.charCodeAt(n - 2);
  return c === 39 || c === 0x2019 ? s.slice(0, n - 2) : s;
}

/**
 * The letters matched by `/^\s+([\p{L}]+)/u` in `text.slice(from, to)`, or
 * null; a loop while the characters are ASCII, the regex otherwise.
 */
function wordAfterSpaces(text: string, from: number, to: number): string | null {
  let i = from;
  while (i < to && isRegexSpace(text.charCodeAt(i))) i++;
  if (i === from) return null;
  let j = i;
  for (; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c >= 128) return /^\s+([\p{L}]+)/u.exec(text.slice(from, to))?.[1] ?? null;
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) break;
  }
  return j > i ? text.slice(i, j) : null;
}

/** Whether ", a/an/the <person noun> …" or ", who …" follows offset `end` (looking at most 60 characters ahead). */
function personAppositiveAfter(text: string, end: number): boolean {
  if (!/^\s*,\s/.test(text.slice(end, end + 3))) return false;
  const ahead = wordsIn(text, end, Math.min(text.length, end + 60));
  const comma = ahead.findIndex((w, i) => i > 0 && hasComma(text, ahead[i - 1]?.end ?? 0, w.start));
  return describesPerson(comma > 0 ? ahead.slice(0, comma) : ahead);
}

/** Index of the last anchor (sorted by position) before `at`, or -1. */
function lastBefore(list: readonly PersonAnchor[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.at ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** A phrase as a display name: whitespace (line breaks from page source) collapsed. */
function asName(text: string): string {
  // Nearly every name is already collapsed (single plain spaces): keep the string, skip the regex.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? text.charCodeAt(i + 1) === 32 || i + 1 === text.length : c < 33 || c >= 128) return text.replace(/\s+/g, ' ');
  }
  return text;
}

function officialSpeaker(m: OfficialMention): Speaker {
  return { name: m.name, entityId: m.entityId, person: true };
}

/**
 * A personal name at the end of a phrase: "Mr. Reeves", "Jane Doe", or the
 * capitalised run after a lowercase word ("editor Jane Doe"). Organisation and
 * place words disqualify the run.
 */
function trailingPersonalName(words: readonly { w: string; start: number; end: number }[]): { start: number; end: number } | null {
  let i = words.length;
  while (i > 0 && isCapitalised(words[i - 1]?.w ?? '') && !/['\u2019]s$/.test(words[i - 1]?.w ?? '')) i--;
  const run = words.slice(i);
  if (run.length === 0 || run.length > 4) return null;
  // "an analyst at Daehan Securities": the run after "at"/"in" is an employer or a place.
  const before = words[i - 1]?.w;
  if (before === 'at' || before === 'in') return null;
  if (run.some((w) => NON_PERSON_WORDS.has(lowerCase(w.w)) || ROLE_NOUNS.has(lowerCase(w.w)))) {
    // "Trade Minister Jane Doe", "Finance Minister Jane Doe": keep the words after the last role or
    // organisation word ("Home Secretary" alone leaves no name).
    let j = run.length;
    while (j > 0 && !NON_PERSON_WORDS.has(lowerCase(run[j - 1]?.w ?? '')) && !ROLE_NOUNS.has(lowerCase(run[j - 1]?.w ?? ''))) j--;
    const rest = run.slice(j);
    if (rest.length < 2 || rest.some((w) => NON_PERSON_WORDS.has(lowerCase(w.w)))) return null;
    return { start: rest[0]?.start ?? 0, end: rest[rest.length - 1]?.end ?? 0 };
  }
  const titled = COURTESY_TITLES.has(lowerCase(run[0]?.w ?? ''));
  if (run.length < 2 && !titled) return null;
  if (titled && run.length < 2) return null;
  // A run that is the whole phrase and has no lowercase word before it must still look like a name.
  if (run.some((w) => !/^[\p{Lu}][\p{L}'\u2019.-]*$/u.test(w.w))) return null;
  return { start: run[0]?.start ?? 0, end: run[run.length - 1]?.end ?? 0 };
}
