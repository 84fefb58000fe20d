/**
 * Finds the officials an article names: people in a knowledge pack (by name,
 * alias or known misspelling), people whose job title the page states
 * ("Treasury Secretary Steven Mnuchin"), and the short forms that refer back
 * to either ("Kim", "Mr. Moon", "President Trump").
 *
 * Work is a few linear passes over one token list:
 *  1. pack names (one trie walk),
 *  2. job titles before or after names, and non-officials (analysts,
 *     journalists, business people) so that their surnames are not linked,
 *  3. short forms, each linked to the nearest full mention with that surname,
 *     else to the one pack person with that surname in office on the
 *     article's date; anything ambiguous is left unmarked.
 */
import type { ArticleText, OfficialMention, OfficialVia, Role } from '../types';
import type { KnowledgePack, PackEntity } from '../packs/types';
import { PhraseMatcher, memoizeByItems } from './phrase-matcher';
import { listOf, tokenList, type TokenList, type Tokens } from './tokens';
import {
  COMMON_SURNAMES,
  COURTESY_TITLES,
  GOVERNMENT_WORDS,
  ABBREVIATED_TITLES,
  NAME_SUFFIXES,
  NON_OFFICIAL_WORDS,
  NOT_APPOSITIVE_STARTS,
  NOT_NAME_WORDS,
  OFFICIAL_TITLES,
  WORD_SURNAMES,
  isCountryWord,
  isNameWord,
  readName,
  surnameOf,
  westernOrder,
  type NameRun,
  type TitleRule,
} from './names';
import { entityCoverage, roleAt, type RoleCoverage } from './roles';
import { detectTopicsSteps } from './topics';
import { drain, type Steps } from './steps';

/** A pack person, with the key their short forms are found by. */
interface PackPerson {
  kind: 'pack';
  entity: PackEntity;
  pack: KnowledgePack;
  surname: string;
}

/** A person the page itself presents with a public job title. */
interface PagePerson {
  kind: 'page';
  name: string;
  role: Role;
  surname: string;
}

/** A named non-official (analyst, journalist, executive): blocks linking their surname to anyone. */
interface OtherPerson {
  kind: 'other';
  surname: string;
}

type Person = PackPerson | PagePerson | OtherPerson;

type NameForm = 'name' | 'alias' | 'variant';

interface NameEntry {
  person: PackPerson;
  form: NameForm;
}

interface PackIndex {
  names: PhraseMatcher<NameEntry>;
  bySurname: Map<string, PackPerson[]>;
}

/** A full mention found in passes 1–2, in text order. */
interface FullMention {
  person: Person;
  firstToken: number;
  endToken: number;
  start: number;
  end: number;
  via: OfficialVia;
  /** The job title the page puts before the name, used when the pack knows no role at the date. */
  pageTitle?: string;
}

const key = (surname: string): string => surname.toLowerCase().replace(/[’ʼ]/g, "'");

/** `key` of token `i` as written, without the work: its `norm` is exactly that key unless it has a period ("U.S."). */
const tokenKey = (tokens: TokenList, i: number): string => (tokens.dotted(i) ? key(tokens.word(i)) : tokens.norm(i));

const packIndex = memoizeByItems((packs: readonly KnowledgePack[]): PackIndex => {
  const entries: { phrase: string; value: NameEntry }[] = [];
  const bySurname = new Map<string, PackPerson[]>();
  for (const pack of packs) {
    for (const entity of pack.entities) {
      if (entity.kind !== 'person') continue;
      const person: PackPerson = { kind: 'pack', entity, pack, surname: key(surnameOf(entity.name, entity.nativeName)) };
      const add = (phrase: string, form: NameForm): void => {
        entries.push({ phrase, value: { person, form } });
        // Korean names also appear given-name first in English-language papers ("Myung-hee Yoo").
        const reversed = westernOrder(phrase, entity.nativeName);
        if (reversed) entries.push({ phrase: reversed, value: { person, form: form === 'name' ? 'alias' : form } });
      };
      add(entity.name, 'name');
      entity.aliases.forEach((a) => add(a, 'alias'));
      entity.misspellings.forEach((m) => add(m, 'variant'));
      const list = bySurname.get(person.surname) ?? [];
      list.push(person);
      bySurname.set(person.surname, list);
    }
  }
  return { names: new PhraseMatcher(entries), bySurname };
});

const titleMatcher = new PhraseMatcher(OFFICIAL_TITLES.map((rule) => ({ phrase: rule.phrase, value: rule })));

const LEFT_TITLE_WORDS = new Set(['then', 'former', 'acting', 'deputy', 'assistant', 'senior', 'first', 'chief', 'interim', 'outgoing', 'incoming', 'new', 'newly', 'elected', 'appointed', 'top', 'vice']);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);
const FORMER_WORDS = new Set(['former', 'then', 'ex', 'late']);

/** Tokens a pass reads between two pauses (a few milliseconds of work at most). */
const TOKENS_PER_STEP = 16384;

/**
 * Runs a pass over `count` tokens a chunk at a time, pausing in between.
 * `chunk(from, limit)` handles the tokens from `from` while below `limit`
 * and returns where the pass goes on (past `limit` when a match ran over).
 * The loops themselves are plain functions: a generator keeps its locals in
 * a heap frame, which makes a per-token loop several times slower.
 */
function* inChunks(count: number, chunk: (from: number, limit: number) => number): Steps<void> {
  for (let i = 0; i < count; ) {
    i = chunk(i, Math.min(count, i + TOKENS_PER_STEP));
    if (i < count) yield;
  }
}

/** Per-article state shared by the passes. */
interface Ctx {
  text: string;
  tokens: TokenList;
  date: string | null;
  packs: readonly KnowledgePack[];
  index: PackIndex;
  /** Token index → the full mention covering it. */
  covered: (FullMention | undefined)[];
  mentions: FullMention[];
  /** Full mentions by surname key, in text order; built on the first short-form lookup. */
  mentionsBySurname?: Map<string, FullMention[]>;
  /** Each pack person's role at the article's date, worked out once per person. */
  roles: Map<PackEntity, Role | null>;
  /** Each pack person's `entityCoverage` at the article's date, worked out once per person. */
  coverage: Map<PackEntity, RoleCoverage>;
  /** 1 where a token opens a sentence. */
  sentenceStart: Uint8Array;
  /** 1 where a token sits in a Title Case headline. */
  titleCaseToken: Uint8Array;
  topics: ReadonlySet<string>;
  /**
   * 1 for each form id the article writes in lower case ("moon"): a surname
   * used so is also an everyday word here.
   */
  lowercaseForms: Uint8Array;
}

/** True when token `i − 1` is a courtesy title written just before token `i` ("Mr. Moon", "Ms Yoo"). */
function isCourtesyBefore(tokens: TokenList, i: number): boolean {
  if (i <= 0 || i >= tokens.length || !tokens.cap(i - 1) || !COURTESY_TITLES.has(tokens.norm(i - 1))) return false;
  // The separator is one space, after the title's period or not: /^\.?[ \u00a0]$/.
  const from = tokens.sepStart(i);
  const length = tokens.start(i) - from;
  if (length === 2 && tokens.text.charCodeAt(from) !== 46) return false;
  return (length === 1 || length === 2) && isSpaceCode(tokens.text.charCodeAt(from + length - 1));
}

/** A space or a non-breaking space, the only separators `[ \u00a0]` allows. */
const isSpaceCode = (c: number): boolean => c === 32 || c === 0xa0;

/** True when the separator before token `i` is a comma then a space (`/^,[ \u00a0]/`), exactly so when `exact`. */
function commaThenSpace(tokens: TokenList, i: number, exact: boolean): boolean {
  const from = tokens.sepStart(i);
  const length = tokens.start(i) - from;
  if (exact ? length !== 2 : length < 2) return false;
  return tokens.text.charCodeAt(from) === 44 && isSpaceCode(tokens.text.charCodeAt(from + 1));
}

function markCovered(ctx: Ctx, m: FullMention): void {
  for (let i = m.firstToken; i < m.endToken; i++) ctx.covered[i] = m;
}

function onTopic(ctx: Ctx, packId: string): boolean {
  return ctx.topics.has(packId);
}

/** Marks of one article's layout, filled by `layoutSteps`. */
interface Layout {
  sentenceStart: Uint8Array;
  titleCaseToken: Uint8Array;
  lowercaseForms: Uint8Array;
}

/** Sentence starts, title-case blocks and the forms written in lower case, from the separators and the article's blocks. */
function* layoutSteps(article: ArticleText, tokens: TokenList): Steps<Layout> {
  const n = tokens.length;
  const sentenceStart = new Uint8Array(n);
  const lowercaseForms = new Uint8Array(tokens.forms.forms.length);
  yield* inChunks(n, (from, limit) => markSentenceStarts(tokens, from, limit, sentenceStart, lowercaseForms));
  yield;
  return { sentenceStart, titleCaseToken: titleCaseTokens(article, tokens), lowercaseForms };
}

/** Marks the tokens from `from` to `limit` that open a sentence, and the forms they write in lower case. */
function markSentenceStarts(tokens: TokenList, from: number, limit: number, sentenceStart: Uint8Array, lowercaseForms: Uint8Array): number {
  const text = tokens.text;
  for (let i = from; i < limit; i++) {
    if (!tokens.cap(i)) lowercaseForms[tokens.id(i)] = 1;
    if (i === 0) {
      sentenceStart[0] = 1;
      continue;
    }
    // A line break starts a sentence; so does a stop, unless it closes "W." or "Mr.".
    let newline = false;
    let stop = false;
    for (let k = tokens.end(i - 1), to = tokens.start(i); k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 10) {
        newline = true;
        break;
      }
      if (c === 46 || c === 33 || c === 63 || c === 58) stop = true;
    }
    if (newline) sentenceStart[i] = 1;
    else if (stop || tokens.dotted(i - 1)) {
      const prev = tokens.norm(i - 1);
      if (!(prev.length === 1 || COURTESY_TITLES.has(prev))) sentenceStart[i] = 1;
    }
  }
  return limit;
}

/** 1 for the tokens of Title Case headline blocks. One light pass (a capital flag per token). */
function titleCaseTokens(article: ArticleText, tokens: TokenList): Uint8Array {
  const n = tokens.length;
  const titleCaseToken = new Uint8Array(n);
  let b = 0;
  let i = 0;
  while (i < n) {
    while (b < article.blocks.length && article.blocks[b]!.end <= tokens.start(i)) b++;
    const block = article.blocks[b];
    const blockEnd = block ? block.end : Infinity;
    let j = i;
    let caps = 0;
    while (j < n && tokens.start(j) < blockEnd) {
      if (tokens.cap(j)) caps++;
      j++;
    }
    const count = j - i;
    // Headlines are often Title Case, where a capital says nothing about names.
    const titleCase = block !== undefined && block.kind !== 'body' && count >= 3 && caps / count > 0.6;
    if (titleCase) titleCaseToken.fill(1, i, j);
    i = Math.max(j, i + 1);
  }
  return titleCaseToken;
}

function spanText(ctx: Ctx, start: number, end: number): string {
  return ctx.text.slice(start, end).replace(/[\s\u00a0]+/g, ' ');
}

/** Pass 1: pack names, aliases and misspellings. */
function findPackNames(ctx: Ctx, from: number, limit: number): number {
  const { tokens } = ctx;
  let i = from;
  while (i < limit) {
    const m = ctx.index.names.matchAt(tokens, i);
    if (!m) {
      i++;
      continue;
    }
    i = m.endToken;
    if (!tokens.cap(m.firstToken)) continue;
    const next = m.endToken;
    if (next < tokens.length && NAME_SUFFIXES.has(tokens.norm(next)) && tokens.continues(next)) continue;
    const entry = pickEntry(ctx, m.values);
    const start = isCourtesyBefore(tokens, m.firstToken) ? tokens.start(m.firstToken - 1) : m.start;
    const via: OfficialVia = entry.form === 'name' ? 'pack-name' : entry.form === 'alias' ? 'pack-alias' : 'pack-variant';
    const mention: FullMention = { person: entry.person, firstToken: m.firstToken, endToken: m.endToken, start, end: m.end, via };
    ctx.mentions.push(mention);
    markCovered(ctx, mention);
  }
  return i;
}

/** `entityCoverage(entity, ctx.date)`, once per person and article (short forms ask for the same few people again and again). */
function coverageAt(ctx: Ctx, entity: PackEntity): RoleCoverage {
  let c = ctx.coverage.get(entity);
  if (c === undefined) {
    c = entityCoverage(entity, ctx.date);
    ctx.coverage.set(entity, c);
  }
  return c;
}

/** When one phrase names several pack people, prefer the one in office at the date. */
function pickEntry(ctx: Ctx, values: readonly NameEntry[]): NameEntry {
  if (values.length === 1) return values[0]!;
  const rank = (e: NameEntry): number => {
    const c = coverageAt(ctx, e.person.entity);
    return c === 'closed' ? 2 : c === 'open' ? 1 : 0;
  };
  return values.reduce((best, e) => (rank(e) > rank(best) ? e : best));
}

/** The job-title text including modifiers to its left ("former South Korean Trade Minister"). */
function titleStart(ctx: Ctx, firstToken: number): number {
  const { tokens } = ctx;
  let i = firstToken;
  const titleCapitalised = tokens.cap(firstToken);
  for (let steps = 0; steps < 5 && i > 0; steps++) {
    const prev = tokens.norm(i - 1);
    if (!tokens.continues(i) && !(tokens.possessive(i - 1) && tokens.start(i) - tokens.sepStart(i) <= 4)) break;
    if (ctx.covered[i - 1] || DETERMINERS.has(prev)) break;
    // Capitalised words before a capitalised title name the office ("Communications Minister", "Federal Police Commissioner"),
    // unless they open the sentence ("Yesterday Trade Minister …").
    const capitalisedOffice = tokens.cap(i - 1) && (titleCapitalised || tokens.cap(i)) && !ctx.sentenceStart[i - 1] && !NOT_NAME_WORDS.has(prev);
    const ok = LEFT_TITLE_WORDS.has(prev) || isCountryWord(tokens, i - 1) || GOVERNMENT_WORDS.has(prev) || capitalisedOffice;
    if (!ok) break;
    i--;
  }
  return i;
}

function hasGovernmentContext(ctx: Ctx, from: number, to: number): boolean {
  const end = Math.min(to, ctx.tokens.length);
  for (let i = Math.max(0, from - 3); i < end; i++) if (GOVERNMENT_WORDS.has(ctx.tokens.norm(i))) return true;
  return false;
}

/**
 * True when the sentence holding token `at` opens with a government body
 * ("The Federal Emergency Management Agency has …, a spokesman, X, said"):
 * its first few words hold a government word. Looks back at most 30 tokens.
 */
function sentenceOpensWithGovernment(ctx: Ctx, at: number): boolean {
  let s = at;
  while (s > 0 && at - s < 30 && !ctx.sentenceStart[s]) s--;
  if (!ctx.sentenceStart[s]) return false;
  for (let i = s; i < Math.min(at, s + 6); i++) if (GOVERNMENT_WORDS.has(ctx.tokens.norm(i))) return true;
  return false;
}

function hasNonOfficialWord(ctx: Ctx, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, ctx.tokens.length); i++) if (NON_OFFICIAL_WORDS.has(ctx.tokens.norm(i))) return true;
  return false;
}

function titleAllowed(ctx: Ctx, rule: TitleRule, first: number, end: number, left: number): boolean {
  if (rule.needsCapital && !ctx.tokens.cap(first)) return false;
  if (rule.needsGovernmentContext && !hasGovernmentContext(ctx, left, end) && !(rule.complement && sentenceOpensWithGovernment(ctx, first))) return false;
  if (rule.needsCountry) {
    let country = false;
    for (let i = left; i < first; i++) if (isCountryWord(ctx.tokens, i)) country = true;
    if (left > 0 && ctx.tokens.possessive(left - 1) && isCountryWord(ctx.tokens, left - 1)) country = true;
    if (!country) return false;
  }
  return true;
}

function surnameKeyOfRun(ctx: Ctx, run: NameRun): string {
  const name = spanText(ctx, ctx.tokens.start(run.first), ctx.tokens.end(run.end - 1));
  return key(surnameOf(name));
}

/** A pending short form produced by a job title followed by a single surname ("President Moon"). */
interface TitledSurname {
  token: number;
  titleHead: string;
  titleText: string;
  former: boolean;
}

/** Pass 2a: job titles before names; single surnames after a title are kept for pass 3. */
function findTitledNames(ctx: Ctx, from: number, limit: number, titled: TitledSurname[]): number {
  const { tokens } = ctx;
  const n = tokens.length;
  let i = from;
  while (i < limit) {
    const tm = titleMatcher.matchAt(tokens, i);
    if (!tm) {
      i++;
      continue;
    }
    i = tm.endToken;
    if (ctx.covered[tm.firstToken]) continue;
    const rule = tm.values[0]!;
    if (!rule.before) continue;
    const left = titleStart(ctx, tm.firstToken);
    // "Company president X", "senior vice president X": business titles, not offices.
    if (hasNonOfficialWord(ctx, left - 1, tm.endToken)) continue;
    let k = tm.endToken;
    // "spokesman for the ministry Lee Jae-hoon": skip the complement up to the name.
    if (rule.complement && k < n && (tokens.norm(k) === 'for' || tokens.norm(k) === 'of')) {
      let j = k + 1;
      while (j < n && j < k + 6 && !(isNameWord(tokens, j) && (readName(tokens, j)?.words ?? 0) >= 2)) j++;
      if (j >= n || j >= k + 6) continue;
      k = j;
    }
    if (k >= n) continue;
    if (!titleAllowed(ctx, rule, tm.firstToken, k, left)) continue;
    const comma = commaThenSpace(tokens, k, true);
    const abbreviation = isPeriodThenSpace(tokens, k) && ABBREVIATED_TITLES.has(tokens.norm(k - 1));
    if (!comma && !abbreviation && !tokens.continues(k)) continue;
    // The title as the page states it: with its complement ("spokeswoman for the ministry") and an abbreviation's period.
    const titleText = spanText(ctx, tokens.start(left), tokens.end(k - 1)) + (abbreviation ? '.' : '');
    const former = FORMER_WORDS.has(tokens.norm(left));
    // "the retired judge Dame Alison Pryce", "Prime Minister Dr Ana Ruiz": the courtesy title joins the name span.
    let courtesyStart = -1;
    if (COURTESY_TITLES.has(tokens.norm(k)) && k + 1 < n && isCourtesyBefore(tokens, k + 1) && !ctx.covered[k + 1]) {
      courtesyStart = tokens.start(k);
      k++;
    }
    const existing = ctx.covered[k];
    if (existing) {
      if (existing.firstToken === k && existing.pageTitle === undefined) existing.pageTitle = titleText;
      continue;
    }
    const run = readName(tokens, k);
    if (!run) continue;
    if (run.words >= 2) {
      const name = spanText(ctx, tokens.start(run.first), tokens.end(run.end - 1));
      const person: PagePerson = { kind: 'page', name, role: { title: titleText, sourceIds: [] }, surname: surnameKeyOfRun(ctx, run) };
      const mention: FullMention = {
        person,
        firstToken: run.first,
        endToken: run.end,
        start: courtesyStart >= 0 ? courtesyStart : tokens.start(run.first),
        end: tokens.end(run.end - 1),
        via: 'title-pattern',
      };
      ctx.mentions.push(mention);
      markCovered(ctx, mention);
      if (rule.plural) addSecondTitledName(ctx, run.end, titleText);
    } else if (!comma) {
      titled.push({ token: k, titleHead: tokens.norm(tm.endToken - 1), titleText, former });
    }
  }
  return i;
}

/** True when the separator before token `i` is a period then one space (`/^\.[ \u00a0]$/`), as after "Sen.". */
function isPeriodThenSpace(tokens: TokenList, i: number): boolean {
  const from = tokens.sepStart(i);
  return tokens.start(i) - from === 2 && tokens.text.charCodeAt(from) === 46 && isSpaceCode(tokens.text.charCodeAt(from + 1));
}

/** After "ministers X Y": a second full name joined by "and" shares the (plural) title ("… and Z W"). */
function addSecondTitledName(ctx: Ctx, after: number, titleText: string): void {
  const { tokens } = ctx;
  if (after >= tokens.length || tokens.norm(after) !== 'and' || !tokens.continues(after) || ctx.covered[after + 1]) return;
  const run = readName(tokens, after + 1);
  if (!run || run.words < 2 || !tokens.continues(after + 1) || rangeCovered(ctx, run.first, run.end)) return;
  const name = spanText(ctx, tokens.start(run.first), tokens.end(run.end - 1));
  const person: PagePerson = { kind: 'page', name, role: { title: titleText, sourceIds: [] }, surname: surnameKeyOfRun(ctx, run) };
  const mention: FullMention = { person, firstToken: run.first, endToken: run.end, start: tokens.start(run.first), end: tokens.end(run.end - 1), via: 'title-pattern' };
  ctx.mentions.push(mention);
  markCovered(ctx, mention);
}

/** The clause after "Name, …" up to the next comma, stop or bracket (at most 16 tokens). */
function appositiveEnd(ctx: Ctx, from: number): number {
  let j = from;
  while (j < ctx.tokens.length && j < from + 16) {
    if (j > from && breaksClause(ctx.tokens, j)) break;
    j++;
  }
  return j;
}

/** True when the separator before token `i` holds one of `,;.:()"“”` a line break or an em dash. */
function breaksClause(tokens: TokenList, i: number): boolean {
  const text = tokens.text;
  for (let k = tokens.sepStart(i), to = tokens.start(i); k < to; k++) {
    switch (text.charCodeAt(k)) {
      case 44: case 59: case 46: case 58: case 40: case 41: case 34: case 0x201c: case 0x201d: case 10: case 0x2014:
        return true;
    }
  }
  return false;
}

/** True when the words after "Name," start an appositive describing the person, not a new clause. */
function startsAppositive(ctx: Ctx, from: number): boolean {
  return from < ctx.tokens.length && commaThenSpace(ctx.tokens, from, false) && !NOT_APPOSITIVE_STARTS.has(ctx.tokens.norm(from));
}

/**
 * Pass 2b: names followed by an appositive ("X Y, the trade minister" is an
 * official; "X Y, an analyst at …" is not), names after non-official words
 * ("economist X Y") and bylines ("By X Y").
 */
function findAppositivesAndOthers(ctx: Ctx, from: number, limit: number): number {
  const { tokens } = ctx;
  const n = tokens.length;
  let i = from;
  while (i < limit) {
    // Most tokens are lower case: the capital test first spares the name-word look-ups.
    if (!tokens.cap(i) || ctx.covered[i] || !isNameWord(tokens, i) || (i > 0 && tokens.continues(i) && isNameWord(tokens, i - 1))) {
      i++;
      continue;
    }
    const run = readName(tokens, i);
    if (!run || run.words < 2 || rangeCovered(ctx, run.first, run.end)) {
      i++;
      continue;
    }
    const prev = i > 0 ? tokens.norm(i - 1) : undefined;
    const byline = prev === 'by' && ctx.sentenceStart[i - 1] === 1;
    const otherBefore = prev !== undefined && (NON_OFFICIAL_WORDS.has(prev) || byline);
    let person: Person | null = otherBefore ? { kind: 'other', surname: surnameKeyOfRun(ctx, run) } : null;
    if (!person && run.end < n && startsAppositive(ctx, run.end) && !tokens.possessive(run.end - 1)) {
      const end = appositiveEnd(ctx, run.end);
      if (hasNonOfficialWord(ctx, run.end, end)) person = { kind: 'other', surname: surnameKeyOfRun(ctx, run) };
      else {
        const title = findTitleIn(ctx, run.end, end);
        if (title) {
          // "X, the deputy trade minister": the clause is the role; "X, who was ousted as vice-president": just the title.
          let from = run.end;
          while (from < end && DETERMINERS.has(tokens.norm(from))) from++;
          if (from < title.first && !isCountryWord(tokens, from)) from = title.first;
          const name = spanText(ctx, tokens.start(run.first), tokens.end(run.end - 1));
          const roleTitle = spanText(ctx, tokens.start(from), tokens.end(end - 1));
          person = { kind: 'page', name, role: { title: roleTitle, sourceIds: [] }, surname: surnameKeyOfRun(ctx, run) };
        }
      }
    }
    if (person) {
      const mention: FullMention = {
        person,
        firstToken: run.first,
        endToken: run.end,
        start: tokens.start(run.first),
        end: tokens.end(run.end - 1),
        via: 'title-pattern',
      };
      ctx.mentions.push(mention);
      markCovered(ctx, mention);
    }
    i = run.end;
  }
  return i;
}

/** Pass 2c: a name the page introduced with a title, written in full again without it. */
function* findRepeatedPageNames(ctx: Ctx): Steps<void> {
  // Each name as written, with the person of its first mention: a phrase's first value is the one used, and
  // compiling one entry per mention (thousands of repeats in a long article) would only add values never read.
  const firstPerson = new Map<string, Person>();
  for (const m of ctx.mentions) {
    if (m.person.kind === 'pack') continue;
    const phrase = ctx.text.slice(m.start, m.end);
    if (!firstPerson.has(phrase)) firstPerson.set(phrase, m.person);
  }
  if (firstPerson.size === 0) return;
  const matcher = new PhraseMatcher([...firstPerson].map(([phrase, value]) => ({ phrase, value })));
  yield* inChunks(ctx.tokens.length, (from, limit) => markRepeatedNames(ctx, matcher, from, limit));
}

/** Marks the names `matcher` finds from token `from` to `limit` (pass 2c). */
function markRepeatedNames(ctx: Ctx, matcher: PhraseMatcher<Person>, from: number, limit: number): number {
  const { tokens } = ctx;
  let i = from;
  while (i < limit) {
    const m = matcher.matchAt(tokens, i);
    if (!m) {
      i++;
      continue;
    }
    i = m.endToken;
    if (rangeCovered(ctx, m.firstToken, m.endToken) || !tokens.cap(m.firstToken)) continue;
    const mention: FullMention = { person: m.values[0]!, firstToken: m.firstToken, endToken: m.endToken, start: m.start, end: m.end, via: 'title-pattern' };
    ctx.mentions.push(mention);
    markCovered(ctx, mention);
  }
  return i;
}

function rangeCovered(ctx: Ctx, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (ctx.covered[i]) return true;
  return false;
}

/** A title inside an appositive clause, with the token range of its text (modifiers included). */
interface ClauseTitle {
  rule: TitleRule;
  first: number;
  end: number;
}

function findTitleIn(ctx: Ctx, from: number, to: number): ClauseTitle | null {
  for (let i = from; i < to; i++) {
    const m = titleMatcher.matchAt(ctx.tokens, i);
    if (!m || m.endToken > to) continue;
    const rule = m.values[0]!;
    if (!rule.after) continue;
    // "…, who advises Attorney-General George Brandis": that title belongs to the next name.
    const next = m.endToken;
    if (next < ctx.tokens.length && ctx.tokens.continues(next) && isNameWord(ctx.tokens, next)) continue;
    if (!titleAllowed(ctx, rule, m.firstToken, m.endToken, from)) continue;
    if (rule.afterNeedsContext && !clauseHasCountryOrGovernment(ctx, from, to)) continue;
    return { rule, first: Math.max(from, titleStart(ctx, m.firstToken)), end: m.endToken };
  }
  return null;
}

function clauseHasCountryOrGovernment(ctx: Ctx, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const norm = ctx.tokens.norm(i);
    if (GOVERNMENT_WORDS.has(norm) || (isCountryWord(ctx.tokens, i) && !TITLE_HEADS.has(norm))) return true;
  }
  return false;
}

const TITLE_HEADS = new Set(OFFICIAL_TITLES.map((r) => r.phrase));

/** How a short form was written, which decides how much evidence it needs. */
type ShortKind = 'bare' | 'courtesy' | 'titled';

interface ShortForm {
  surnameToken: number;
  start: number;
  end: number;
  kind: ShortKind;
  titleHead?: string;
  titleText?: string;
  former?: boolean;
}

/** Pass 3a: candidate short forms ("Kim", "Mr. Moon", and the titled ones from pass 2a). */
function findShortForms(
  ctx: Ctx,
  titledAt: ReadonlyMap<number, TitledSurname>,
  surnames: ReadonlySet<string>,
  from: number,
  limit: number,
  out: ShortForm[],
): number {
  const { tokens } = ctx;
  const n = tokens.length;
  let i = from - 1;
  while (++i < limit) {
    if (ctx.covered[i] || !tokens.cap(i)) continue;
    const titledHere = titledAt.get(i);
    if (titledHere) {
      if (surnames.has(tokenKey(tokens, i))) {
        out.push({ surnameToken: i, start: tokens.start(i), end: tokens.end(i), kind: 'titled', ...titledHere });
      }
      continue;
    }
    if (COURTESY_TITLES.has(tokens.norm(i))) {
      if (i + 1 >= n || ctx.covered[i + 1] || !isCourtesyBefore(tokens, i + 1) || !isNameWord(tokens, i + 1)) continue;
      const run = readName(tokens, i + 1);
      if (run && run.words === 1 && surnames.has(tokenKey(tokens, i + 1))) {
        out.push({ surnameToken: i + 1, start: tokens.start(i), end: tokens.end(i + 1), kind: 'courtesy' });
      }
      i = (run?.end ?? i + 2) - 1;
      continue;
    }
    if (!surnames.has(tokenKey(tokens, i)) || !isNameWord(tokens, i)) continue;
    if (isCourtesyBefore(tokens, i)) continue;
    if (i > 0 && tokens.continues(i) && !tokens.hyphenJoin(i) && isNameWord(tokens, i - 1)) continue;
    const hasNext = i + 1 < n;
    if (hasNext && tokens.continues(i + 1) && !tokens.hyphenJoin(i + 1) && isNameWord(tokens, i + 1) && !ctx.titleCaseToken[i]) continue;
    if (hasNext && tokens.hyphenJoin(i + 1) && !tokens.cap(i + 1)) continue;
    out.push({ surnameToken: i, start: tokens.start(i), end: tokens.end(i), kind: 'bare' });
  }
  return i;
}

/** True when the words around a short form say the person is not an official ("economist Kim", "Kim, an analyst"). */
function nonOfficialContext(ctx: Ctx, sf: ShortForm): boolean {
  const s = sf.surnameToken;
  // Only a word in the same phrase ("economist Kim"), not the last word of the previous sentence ("… an industry group. Kim said").
  if (sf.kind === 'bare' && s > 0 && NON_OFFICIAL_WORDS.has(ctx.tokens.norm(s - 1)) && ctx.tokens.continues(s)) return true;
  if (startsAppositive(ctx, sf.surnameToken + 1)) {
    const end = Math.min(appositiveEnd(ctx, sf.surnameToken + 1), sf.surnameToken + 6);
    return hasNonOfficialWord(ctx, sf.surnameToken + 1, end);
  }
  return false;
}

/** The nearest full mention before (else after) `start` whose surname is `surname` (binary search in that surname's mentions). */
function nearestFullMention(ctx: Ctx, surname: string, start: number): FullMention | null {
  if (!ctx.mentionsBySurname) {
    // Built once, after the full mentions are sorted: each list keeps text order.
    ctx.mentionsBySurname = new Map();
    for (const m of ctx.mentions) {
      const list = ctx.mentionsBySurname.get(m.person.surname);
      if (list) list.push(m);
      else ctx.mentionsBySurname.set(m.person.surname, [m]);
    }
  }
  const list = ctx.mentionsBySurname.get(surname);
  if (!list) return null;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return list[lo - 1] ?? list[lo] ?? null;
}

/** True when the article writes `form` in lower case somewhere ("the moon"). */
function writtenInLowerCase(ctx: Ctx, form: string): boolean {
  const id = ctx.tokens.forms.idOf(form);
  return id >= 0 && ctx.lowercaseForms[id] === 1;
}

/** Links a short form to a person, or null when the evidence is not enough. */
function resolveShortForm(ctx: Ctx, sf: ShortForm): Person | null {
  const surname = tokenKey(ctx.tokens, sf.surnameToken);
  const full = nearestFullMention(ctx, surname, sf.start);
  if (full) return full.person.kind === 'other' ? null : full.person;

  let candidates = ctx.index.bySurname.get(surname) ?? [];
  if (candidates.length === 0) return null;
  const common = COMMON_SURNAMES.has(surname);
  const wordLike = WORD_SURNAMES.has(surname) || writtenInLowerCase(ctx, surname);
  if (sf.kind === 'bare' && wordLike && (ctx.sentenceStart[sf.surnameToken] || ctx.titleCaseToken[sf.surnameToken])) return null;
  candidates = candidates.filter((p) => !(common || (wordLike && sf.kind === 'bare')) || onTopic(ctx, p.pack.id));
  if (sf.titleHead) {
    const head = sf.titleHead;
    const titledCandidates = candidates.filter((p) => p.entity.roles.some((r) => r.title.toLowerCase().includes(head)));
    if (titledCandidates.length > 0) candidates = titledCandidates;
    if (sf.former && candidates.length === 1) return candidates[0]!;
  }
  const closed = candidates.filter((p) => coverageAt(ctx, p.entity) === 'closed');
  if (closed.length === 1) return closed[0]!;
  if (closed.length > 1) return null;
  const open = candidates.filter((p) => coverageAt(ctx, p.entity) === 'open');
  return open.length === 1 ? open[0]! : null;
}

function toMention(ctx: Ctx, person: PackPerson | PagePerson, start: number, end: number, via: OfficialVia, pageTitle?: string): OfficialMention {
  // Fields listed, not spread (spreading is several times slower); the order is the output's key order.
  const text = ctx.text.slice(start, end);
  if (person.kind === 'page') return { start, end, text, via, name: person.name, entityId: null, packId: null, role: person.role };
  let packRole = ctx.roles.get(person.entity);
  if (packRole === undefined) {
    packRole = roleAt(person.entity, ctx.date);
    ctx.roles.set(person.entity, packRole);
  }
  const role = packRole ?? (pageTitle ? { title: pageTitle, sourceIds: [] } : null);
  const mention: OfficialMention = { start, end, text, via, name: person.entity.name, entityId: person.entity.id, packId: person.pack.id, role };
  if (via === 'pack-variant') mention.standardSpelling = person.entity.name;
  return mention;
}

/** Full and short mentions between pauses of the last passes. */
const MENTIONS_PER_STEP = 4096;

/**
 * Every mention of an official in the article, sorted by start. Spans follow
 * the label rules: the name as written, with a courtesy title ("Mr. Moon")
 * but without a job title or a possessive 's.
 */
export function detectOfficials(article: ArticleText, packs: readonly KnowledgePack[], tokens: Tokens = tokenList(article.text)): OfficialMention[] {
  return drain(detectOfficialsSteps(article, packs, tokens));
}

/** `detectOfficials` as resumable steps (each pass pauses every few thousand tokens), for the sliced engine. */
export function* detectOfficialsSteps(article: ArticleText, packs: readonly KnowledgePack[], tokenObjects: Tokens): Steps<OfficialMention[]> {
  const tokens = listOf(tokenObjects);
  const { sentenceStart, titleCaseToken, lowercaseForms } = yield* layoutSteps(article, tokens);
  const ctx: Ctx = {
    text: article.text,
    tokens,
    date: article.date,
    packs,
    index: packIndex(packs),
    covered: new Array<FullMention | undefined>(tokens.length),
    mentions: [],
    sentenceStart,
    titleCaseToken,
    topics: new Set(),
    roles: new Map(),
    coverage: new Map(),
    lowercaseForms,
  };
  yield;
  const n = tokens.length;
  yield* inChunks(n, (from, limit) => findPackNames(ctx, from, limit));
  yield;
  const titled: TitledSurname[] = [];
  yield* inChunks(n, (from, limit) => findTitledNames(ctx, from, limit, titled));
  yield;
  yield* inChunks(n, (from, limit) => findAppositivesAndOthers(ctx, from, limit));
  yield;
  yield* findRepeatedPageNames(ctx);
  ctx.mentions.sort((a, b) => a.start - b.start);
  yield;
  // Bare common surnames ("Kim") count only on the pack's topic; the engine reuses this answer for the article's topics.
  ctx.topics = new Set(yield* detectTopicsSteps(tokens, packs));
  yield;

  const surnames = new Set<string>(ctx.index.bySurname.keys());
  for (const m of ctx.mentions) surnames.add(m.person.surname);
  const full: OfficialMention[] = [];
  for (let k = 0; k < ctx.mentions.length; k++) {
    if (k % MENTIONS_PER_STEP === MENTIONS_PER_STEP - 1) yield;
    const m = ctx.mentions[k]!;
    if (m.person.kind !== 'other') full.push(toMention(ctx, m.person, m.start, m.end, m.via, m.pageTitle));
  }
  yield;
  const short: OfficialMention[] = [];
  const shortForms: ShortForm[] = [];
  const titledAt = new Map(titled.map((t) => [t.token, t]));
  yield* inChunks(n, (from, limit) => findShortForms(ctx, titledAt, surnames, from, limit, shortForms));
  for (let k = 0; k < shortForms.length; k++) {
    if (k % MENTIONS_PER_STEP === MENTIONS_PER_STEP - 1) yield;
    const sf = shortForms[k]!;
    if (nonOfficialContext(ctx, sf)) continue;
    const person = resolveShortForm(ctx, sf);
    if (!person || person.kind === 'other') continue;
    short.push(toMention(ctx, person, sf.start, sf.end, 'short-form', sf.titleText));
  }
  return mergeByStart(full, short);
}

/**
 * The two lists, each already in text order, merged by start; on a tie the
 * full mention comes first. The same order a stable sort of `[...full,
 * ...short]` gives, in one linear pass.
 */
function mergeByStart(full: readonly OfficialMention[], short: readonly OfficialMention[]): OfficialMention[] {
  const out: OfficialMention[] = [];
  let a = 0;
  let b = 0;
  while (a < full.length && b < short.length) out.push(short[b]!.start < full[a]!.start ? short[b++]! : full[a++]!);
  while (a < full.length) out.push(full[a++]!);
  while (b < short.length) out.push(short[b++]!);
  return out;
}
