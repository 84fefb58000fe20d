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
import { PhraseMatcher, continuesPhrase, isHyphenJoin, memoizeByItems, tokenize, type Token } from './phrase-matcher';
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
import { entityCoverage, roleAt } from './roles';
import { detectTopicsInTokens } from './topics';
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

/** `key(t.text)` without the work: a token's `norm` is exactly that key unless the token has a period ("U.S."). */
const tokenKey = (t: Token): string => (t.text.includes('.') ? key(t.text) : t.norm);

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

/** Per-article state shared by the passes. */
interface Ctx {
  text: string;
  tokens: Token[];
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
  sentenceStart: boolean[];
  titleCaseToken: boolean[];
  topics: Set<string> | null;
  /** Words the article writes in lower case ("moon"): a surname used so is also an everyday word here. */
  lowercaseWords: ReadonlySet<string>;
}

/** True when `prev` is a courtesy title written just before `next` ("Mr. Moon", "Ms Yoo"). */
function isCourtesyBefore(prev: Token | undefined, next: Token): boolean {
  return prev !== undefined && prev.cap && COURTESY_TITLES.has(prev.norm) && /^\.?[ \u00a0]$/.test(next.sep);
}

function markCovered(ctx: Ctx, m: FullMention): void {
  for (let i = m.firstToken; i < m.endToken; i++) ctx.covered[i] = m;
}

function onTopic(ctx: Ctx, packId: string): boolean {
  if (!ctx.topics) ctx.topics = new Set(detectTopicsInTokens(ctx.tokens, ctx.packs));
  return ctx.topics.has(packId);
}

/** Sentence starts and title-case blocks, from the separators and the article's blocks. */
function layout(article: ArticleText, tokens: readonly Token[]): { sentenceStart: boolean[]; titleCaseToken: boolean[] } {
  const sentenceStart = tokens.map((t, i) => {
    if (i === 0) return true;
    const prev = tokens[i - 1]!;
    if (t.sep.includes('\n')) return true;
    const closesSentence = /[.!?:]/.test(t.sep) || prev.text.endsWith('.');
    if (!closesSentence) return false;
    // "W." and "Mr." end abbreviations, not sentences.
    return !(prev.norm.length === 1 || COURTESY_TITLES.has(prev.norm));
  });
  const titleCaseToken = new Array<boolean>(tokens.length).fill(false);
  let b = 0;
  let i = 0;
  while (i < tokens.length) {
    while (b < article.blocks.length && article.blocks[b]!.end <= tokens[i]!.start) b++;
    const block = article.blocks[b];
    const blockEnd = block ? block.end : Infinity;
    let j = i;
    let caps = 0;
    while (j < tokens.length && tokens[j]!.start < blockEnd) {
      if (tokens[j]!.cap) caps++;
      j++;
    }
    const count = j - i;
    // Headlines are often Title Case, where a capital says nothing about names.
    const titleCase = block !== undefined && block.kind !== 'body' && count >= 3 && caps / count > 0.6;
    for (let k = i; k < j; k++) titleCaseToken[k] = titleCase;
    i = Math.max(j, i + 1);
  }
  return { sentenceStart, titleCaseToken };
}

function spanText(ctx: Ctx, start: number, end: number): string {
  return ctx.text.slice(start, end).replace(/[\s\u00a0]+/g, ' ');
}

/** Pass 1: pack names, aliases and misspellings. */
function findPackNames(ctx: Ctx): void {
  for (const m of ctx.index.names.matchAll(ctx.tokens)) {
    const first = ctx.tokens[m.firstToken]!;
    if (!first.cap) continue;
    const next = ctx.tokens[m.endToken];
    if (next && NAME_SUFFIXES.has(next.norm) && continuesPhrase(ctx.tokens[m.endToken - 1]!, next)) continue;
    const entry = pickEntry(ctx, m.values);
    let start = m.start;
    const before = ctx.tokens[m.firstToken - 1];
    if (isCourtesyBefore(before, first)) start = before!.start;
    const via: OfficialVia = entry.form === 'name' ? 'pack-name' : entry.form === 'alias' ? 'pack-alias' : 'pack-variant';
    const mention: FullMention = { person: entry.person, firstToken: m.firstToken, endToken: m.endToken, start, end: m.end, via };
    ctx.mentions.push(mention);
    markCovered(ctx, mention);
  }
}

/** When one phrase names several pack people, prefer the one in office at the date. */
function pickEntry(ctx: Ctx, values: readonly NameEntry[]): NameEntry {
  if (values.length === 1) return values[0]!;
  const rank = (e: NameEntry): number => {
    const c = entityCoverage(e.person.entity, ctx.date);
    return c === 'closed' ? 2 : c === 'open' ? 1 : 0;
  };
  return values.reduce((best, e) => (rank(e) > rank(best) ? e : best));
}

/** The job-title text including modifiers to its left ("former South Korean Trade Minister"). */
function titleStart(ctx: Ctx, firstToken: number): number {
  let i = firstToken;
  const titleCapitalised = ctx.tokens[firstToken]!.cap;
  for (let steps = 0; steps < 5 && i > 0; steps++) {
    const prev = ctx.tokens[i - 1]!;
    const cur = ctx.tokens[i]!;
    if (!continuesPhrase(prev, cur) && !(prev.possessive && cur.sep.length <= 4)) break;
    if (ctx.covered[i - 1] || DETERMINERS.has(prev.norm)) break;
    // Capitalised words before a capitalised title name the office ("Communications Minister", "Federal Police Commissioner"),
    // unless they open the sentence ("Yesterday Trade Minister …").
    const capitalisedOffice = prev.cap && (titleCapitalised || cur.cap) && !ctx.sentenceStart[i - 1] && !NOT_NAME_WORDS.has(prev.norm);
    const ok = LEFT_TITLE_WORDS.has(prev.norm) || isCountryWord(prev) || GOVERNMENT_WORDS.has(prev.norm) || capitalisedOffice;
    if (!ok) break;
    i--;
  }
  return i;
}

function hasGovernmentContext(ctx: Ctx, from: number, to: number): boolean {
  for (let i = Math.max(0, from - 3); i < to; i++) if (GOVERNMENT_WORDS.has(ctx.tokens[i]!.norm)) return true;
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
  for (let i = s; i < Math.min(at, s + 6); i++) if (GOVERNMENT_WORDS.has(ctx.tokens[i]!.norm)) return true;
  return false;
}

function hasNonOfficialWord(ctx: Ctx, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, ctx.tokens.length); i++) if (NON_OFFICIAL_WORDS.has(ctx.tokens[i]!.norm)) return true;
  return false;
}

function titleAllowed(ctx: Ctx, rule: TitleRule, first: number, end: number, left: number): boolean {
  if (rule.needsCapital && !ctx.tokens[first]!.cap) return false;
  if (rule.needsGovernmentContext && !hasGovernmentContext(ctx, left, end) && !(rule.complement && sentenceOpensWithGovernment(ctx, first))) return false;
  if (rule.needsCountry) {
    let country = false;
    for (let i = left; i < first; i++) if (isCountryWord(ctx.tokens[i])) country = true;
    const before = ctx.tokens[left - 1];
    if (before && before.possessive && isCountryWord(before)) country = true;
    if (!country) return false;
  }
  return true;
}

function surnameKeyOfRun(ctx: Ctx, run: NameRun): string {
  const name = spanText(ctx, ctx.tokens[run.first]!.start, ctx.tokens[run.end - 1]!.end);
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
function findTitledNames(ctx: Ctx): TitledSurname[] {
  const titled: TitledSurname[] = [];
  const { tokens } = ctx;
  for (const tm of titleMatcher.matchAll(tokens)) {
    if (ctx.covered[tm.firstToken]) continue;
    const rule = tm.values[0]!;
    if (!rule.before) continue;
    const left = titleStart(ctx, tm.firstToken);
    // "Company president X", "senior vice president X": business titles, not offices.
    if (hasNonOfficialWord(ctx, left - 1, tm.endToken)) continue;
    let k = tm.endToken;
    // "spokesman for the ministry Lee Jae-hoon": skip the complement up to the name.
    if (rule.complement && (tokens[k]?.norm === 'for' || tokens[k]?.norm === 'of')) {
      let j = k + 1;
      while (j < tokens.length && j < k + 6 && !(isNameWord(tokens, j) && (readName(tokens, j)?.words ?? 0) >= 2)) j++;
      if (j >= tokens.length || j >= k + 6) continue;
      k = j;
    }
    const nameTok = tokens[k];
    if (!nameTok) continue;
    if (!titleAllowed(ctx, rule, tm.firstToken, k, left)) continue;
    const sep = nameTok.sep;
    const comma = /^,[ \u00a0]$/.test(sep);
    const abbreviation = /^\.[ \u00a0]$/.test(sep) && ABBREVIATED_TITLES.has(tokens[k - 1]!.norm);
    if (!comma && !abbreviation && !continuesPhrase(tokens[k - 1]!, nameTok)) continue;
    // The title as the page states it: with its complement ("spokeswoman for the ministry") and an abbreviation's period.
    const titleText = spanText(ctx, tokens[left]!.start, tokens[k - 1]!.end) + (abbreviation ? '.' : '');
    const former = FORMER_WORDS.has(tokens[left]!.norm);
    // "the retired judge Dame Alison Pryce", "Prime Minister Dr Ana Ruiz": the courtesy title joins the name span.
    let courtesyStart = -1;
    const afterCourtesy = tokens[k + 1];
    if (COURTESY_TITLES.has(nameTok.norm) && afterCourtesy && isCourtesyBefore(nameTok, afterCourtesy) && !ctx.covered[k + 1]) {
      courtesyStart = nameTok.start;
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
      const name = spanText(ctx, tokens[run.first]!.start, tokens[run.end - 1]!.end);
      const person: PagePerson = { kind: 'page', name, role: { title: titleText, sourceIds: [] }, surname: surnameKeyOfRun(ctx, run) };
      const mention: FullMention = {
        person,
        firstToken: run.first,
        endToken: run.end,
        start: courtesyStart >= 0 ? courtesyStart : tokens[run.first]!.start,
        end: tokens[run.end - 1]!.end,
        via: 'title-pattern',
      };
      ctx.mentions.push(mention);
      markCovered(ctx, mention);
      if (rule.plural) addSecondTitledName(ctx, run.end, titleText);
    } else if (!comma) {
      titled.push({ token: k, titleHead: tokens[tm.endToken - 1]!.norm, titleText, former });
    }
  }
  return titled;
}

/** After "ministers X Y": a second full name joined by "and" shares the (plural) title ("… and Z W"). */
function addSecondTitledName(ctx: Ctx, after: number, titleText: string): void {
  const { tokens } = ctx;
  const and = tokens[after];
  if (!and || and.norm !== 'and' || !continuesPhrase(tokens[after - 1]!, and) || ctx.covered[after + 1]) return;
  const run = readName(tokens, after + 1);
  if (!run || run.words < 2 || !continuesPhrase(and, tokens[after + 1]!) || rangeCovered(ctx, run.first, run.end)) return;
  const name = spanText(ctx, tokens[run.first]!.start, tokens[run.end - 1]!.end);
  const person: PagePerson = { kind: 'page', name, role: { title: titleText, sourceIds: [] }, surname: surnameKeyOfRun(ctx, run) };
  const mention: FullMention = { person, firstToken: run.first, endToken: run.end, start: tokens[run.first]!.start, end: tokens[run.end - 1]!.end, via: 'title-pattern' };
  ctx.mentions.push(mention);
  markCovered(ctx, mention);
}

/** The clause after "Name, …" up to the next comma, stop or bracket (at most 16 tokens). */
function appositiveEnd(ctx: Ctx, from: number): number {
  let j = from;
  while (j < ctx.tokens.length && j < from + 16) {
    if (j > from && /[,;.:()"“”\n—]/.test(ctx.tokens[j]!.sep)) break;
    j++;
  }
  return j;
}

/** True when the words after "Name," start an appositive describing the person, not a new clause. */
function startsAppositive(ctx: Ctx, from: number): boolean {
  const t = ctx.tokens[from];
  return t !== undefined && /^,[ \u00a0]/.test(t.sep) && !NOT_APPOSITIVE_STARTS.has(t.norm);
}

/**
 * Pass 2b: names followed by an appositive ("X Y, the trade minister" is an
 * official; "X Y, an analyst at …" is not), names after non-official words
 * ("economist X Y") and bylines ("By X Y").
 */
function findAppositivesAndOthers(ctx: Ctx): void {
  const { tokens } = ctx;
  let i = 0;
  while (i < tokens.length) {
    if (ctx.covered[i] || !isNameWord(tokens, i) || (i > 0 && continuesPhrase(tokens[i - 1]!, tokens[i]!) && isNameWord(tokens, i - 1))) {
      i++;
      continue;
    }
    const run = readName(tokens, i);
    if (!run || run.words < 2 || rangeCovered(ctx, run.first, run.end)) {
      i++;
      continue;
    }
    const prev = tokens[i - 1];
    const byline = prev !== undefined && prev.norm === 'by' && ctx.sentenceStart[i - 1] === true;
    const otherBefore = prev !== undefined && (NON_OFFICIAL_WORDS.has(prev.norm) || byline);
    const after = tokens[run.end];
    let person: Person | null = otherBefore ? { kind: 'other', surname: surnameKeyOfRun(ctx, run) } : null;
    if (!person && after && startsAppositive(ctx, run.end) && !tokens[run.end - 1]!.possessive) {
      const end = appositiveEnd(ctx, run.end);
      if (hasNonOfficialWord(ctx, run.end, end)) person = { kind: 'other', surname: surnameKeyOfRun(ctx, run) };
      else {
        const title = findTitleIn(ctx, run.end, end);
        if (title) {
          // "X, the deputy trade minister": the clause is the role; "X, who was ousted as vice-president": just the title.
          let from = run.end;
          while (from < end && DETERMINERS.has(tokens[from]!.norm)) from++;
          if (from < title.first && !isCountryWord(tokens[from])) from = title.first;
          const name = spanText(ctx, tokens[run.first]!.start, tokens[run.end - 1]!.end);
          const roleTitle = spanText(ctx, tokens[from]!.start, tokens[end - 1]!.end);
          person = { kind: 'page', name, role: { title: roleTitle, sourceIds: [] }, surname: surnameKeyOfRun(ctx, run) };
        }
      }
    }
    if (person) {
      const mention: FullMention = {
        person,
        firstToken: run.first,
        endToken: run.end,
        start: tokens[run.first]!.start,
        end: tokens[run.end - 1]!.end,
        via: 'title-pattern',
      };
      ctx.mentions.push(mention);
      markCovered(ctx, mention);
    }
    i = run.end;
  }
}

/** Pass 2c: a name the page introduced with a title, written in full again without it. */
function findRepeatedPageNames(ctx: Ctx): void {
  const pagePeople = ctx.mentions.filter((m) => m.person.kind !== 'pack');
  if (pagePeople.length === 0) return;
  const matcher = new PhraseMatcher(pagePeople.map((m) => ({ phrase: ctx.text.slice(m.start, m.end), value: m.person })));
  for (const m of matcher.matchAll(ctx.tokens)) {
    if (rangeCovered(ctx, m.firstToken, m.endToken) || !ctx.tokens[m.firstToken]!.cap) continue;
    const mention: FullMention = { person: m.values[0]!, firstToken: m.firstToken, endToken: m.endToken, start: m.start, end: m.end, via: 'title-pattern' };
    ctx.mentions.push(mention);
    markCovered(ctx, mention);
  }
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
    const next = ctx.tokens[m.endToken];
    if (next && continuesPhrase(ctx.tokens[m.endToken - 1]!, next) && isNameWord(ctx.tokens, m.endToken)) continue;
    if (!titleAllowed(ctx, rule, m.firstToken, m.endToken, from)) continue;
    if (rule.afterNeedsContext && !clauseHasCountryOrGovernment(ctx, from, to)) continue;
    return { rule, first: Math.max(from, titleStart(ctx, m.firstToken)), end: m.endToken };
  }
  return null;
}

function clauseHasCountryOrGovernment(ctx: Ctx, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = ctx.tokens[i]!;
    if (GOVERNMENT_WORDS.has(t.norm) || (isCountryWord(t) && !TITLE_HEADS.has(t.norm))) return true;
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
function findShortForms(ctx: Ctx, titled: readonly TitledSurname[], surnames: ReadonlySet<string>): ShortForm[] {
  const { tokens } = ctx;
  const out: ShortForm[] = [];
  const titledAt = new Map(titled.map((t) => [t.token, t]));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (ctx.covered[i] || !t.cap) continue;
    const titledHere = titledAt.get(i);
    if (titledHere) {
      if (surnames.has(tokenKey(t))) {
        out.push({ surnameToken: i, start: t.start, end: t.end, kind: 'titled', ...titledHere });
      }
      continue;
    }
    if (COURTESY_TITLES.has(t.norm)) {
      const next = tokens[i + 1];
      if (!next || ctx.covered[i + 1] || !isCourtesyBefore(t, next) || !isNameWord(tokens, i + 1)) continue;
      const run = readName(tokens, i + 1);
      if (run && run.words === 1 && surnames.has(tokenKey(next))) {
        out.push({ surnameToken: i + 1, start: t.start, end: next.end, kind: 'courtesy' });
      }
      i = (run?.end ?? i + 2) - 1;
      continue;
    }
    if (!surnames.has(tokenKey(t)) || !isNameWord(tokens, i)) continue;
    const prev = tokens[i - 1];
    if (isCourtesyBefore(prev, t)) continue;
    if (prev && continuesPhrase(prev, t) && !isHyphenJoin(t) && isNameWord(tokens, i - 1)) continue;
    const next = tokens[i + 1];
    if (next && continuesPhrase(t, next) && !isHyphenJoin(next) && isNameWord(tokens, i + 1) && !ctx.titleCaseToken[i]) continue;
    if (next && isHyphenJoin(next) && !next.cap) continue;
    out.push({ surnameToken: i, start: t.start, end: t.end, kind: 'bare' });
  }
  return out;
}

/** True when the words around a short form say the person is not an official ("economist Kim", "Kim, an analyst"). */
function nonOfficialContext(ctx: Ctx, sf: ShortForm): boolean {
  const before = ctx.tokens[sf.surnameToken - 1];
  // Only a word in the same phrase ("economist Kim"), not the last word of the previous sentence ("… an industry group. Kim said").
  if (sf.kind === 'bare' && before && NON_OFFICIAL_WORDS.has(before.norm) && continuesPhrase(before, ctx.tokens[sf.surnameToken]!)) return true;
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

/** Links a short form to a person, or null when the evidence is not enough. */
function resolveShortForm(ctx: Ctx, sf: ShortForm): Person | null {
  const surnameToken = ctx.tokens[sf.surnameToken]!;
  const surname = tokenKey(surnameToken);
  const full = nearestFullMention(ctx, surname, sf.start);
  if (full) return full.person.kind === 'other' ? null : full.person;

  let candidates = ctx.index.bySurname.get(surname) ?? [];
  if (candidates.length === 0) return null;
  const common = COMMON_SURNAMES.has(surname);
  const wordLike = WORD_SURNAMES.has(surname) || ctx.lowercaseWords.has(surname);
  if (sf.kind === 'bare' && wordLike && (ctx.sentenceStart[sf.surnameToken] || ctx.titleCaseToken[sf.surnameToken])) return null;
  candidates = candidates.filter((p) => !(common || (wordLike && sf.kind === 'bare')) || onTopic(ctx, p.pack.id));
  if (sf.titleHead) {
    const head = sf.titleHead;
    const titledCandidates = candidates.filter((p) => p.entity.roles.some((r) => r.title.toLowerCase().includes(head)));
    if (titledCandidates.length > 0) candidates = titledCandidates;
    if (sf.former && candidates.length === 1) return candidates[0]!;
  }
  const closed = candidates.filter((p) => entityCoverage(p.entity, ctx.date) === 'closed');
  if (closed.length === 1) return closed[0]!;
  if (closed.length > 1) return null;
  const open = candidates.filter((p) => entityCoverage(p.entity, ctx.date) === 'open');
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

/**
 * Every mention of an official in the article, sorted by start. Spans follow
 * the label rules: the name as written, with a courtesy title ("Mr. Moon")
 * but without a job title or a possessive 's.
 */
export function detectOfficials(article: ArticleText, packs: readonly KnowledgePack[], tokens: Token[] = tokenize(article.text)): OfficialMention[] {
  return drain(detectOfficialsSteps(article, packs, tokens));
}

/** `detectOfficials` as resumable steps (a pause after each pass), for the sliced engine. */
export function* detectOfficialsSteps(article: ArticleText, packs: readonly KnowledgePack[], tokens: Token[]): Steps<OfficialMention[]> {
  const { sentenceStart, titleCaseToken } = layout(article, tokens);
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
    topics: null,
    roles: new Map(),
    lowercaseWords: new Set(tokens.filter((t) => !t.cap).map((t) => t.norm)),
  };
  yield;
  findPackNames(ctx);
  yield;
  const titled = findTitledNames(ctx);
  yield;
  findAppositivesAndOthers(ctx);
  yield;
  findRepeatedPageNames(ctx);
  ctx.mentions.sort((a, b) => a.start - b.start);
  yield;

  const surnames = new Set<string>([...ctx.index.bySurname.keys(), ...ctx.mentions.map((m) => m.person.surname)]);
  const out: OfficialMention[] = [];
  for (const m of ctx.mentions) {
    if (m.person.kind !== 'other') out.push(toMention(ctx, m.person, m.start, m.end, m.via, m.pageTitle));
  }
  yield;
  for (const sf of findShortForms(ctx, titled, surnames)) {
    if (nonOfficialContext(ctx, sf)) continue;
    const person = resolveShortForm(ctx, sf);
    if (!person || person.kind === 'other') continue;
    out.push(toMention(ctx, person, sf.start, sf.end, 'short-form', sf.titleText));
  }
  return out.sort((a, b) => a.start - b.start);
}
