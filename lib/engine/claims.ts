/**
 * The claims detector: quoted and reported statements with their speaker.
 *
 * One pass over the article's sentences. In each sentence, attribution cues
 * (speech verbs outside quotation marks: "said", "told reporters that",
 * "according to", ", saying", "which he said", "blamed X for Y") are found
 * first; each cue yields the reported clause it governs (after the verb, or
 * before it when the attribution trails: "…, Kim said.") and the words naming
 * its speaker. A clause that is exactly one quotation becomes a quoted claim;
 * a clause that merely embeds a quoted fragment stays one reported claim.
 * Quotations left over are claims when they are attributed (by a trailing
 * "he said", by the sentence's speech or naming verb, or by an earlier quote
 * of the same paragraph or the previous paragraph); unattributed scare quotes
 * are not.
 *
 * Every step works on word tokens with bounded look-around, so the cost is
 * linear in the text length (no backtracking regexes over the article).
 */
import type { ArticleText, Claim, OfficialMention } from '../types';
import { isRegexSpace } from './claims/chars';
import { lowerCase } from './claims/lower-case';
import { quotesInBlock, type QuoteSpan } from './quotes';
import { splitSentences, type SentenceSpan } from './sentences';
import { SpeakerResolver, countWords, describesPerson, forEachWordIn, isBareNameRun, wordsIn, type Speaker } from './speakers';
import { drain, type Steps } from './steps';
import { scoreClaim } from './worthiness';

interface Tok {
  w: string;
  lower: string;
  start: number;
  end: number;
  inQuote: boolean;
}

type CueKind = 'verb' | 'participle' | 'according' | 'blame' | 'reportedly';

interface Cue {
  kind: CueKind;
  /** Token index of the verb (or of "according"). */
  verb: number;
  /** Token index just past the cue's verb words. */
  verbEnd: number;
  /** Speaker phrase as token indices [npStart, npEnd); empty when npStart === npEnd. */
  npStart: number;
  npEnd: number;
  /** Where the cue's own words begin (NP, boundary word or verb), as a text offset. */
  regionStart: number;
  /** True when a comma directly precedes the cue's words: it can cut a preceding clause. */
  commaAttached: boolean;
  /** The word that stopped the speaker phrase ("which", "and", …) or null. */
  boundaryWord: string | null;
  speaker: Speaker | null;
}

interface Draft {
  start: number;
  end: number;
  quoted: boolean;
  speaker: Speaker | null;
}

/** Speech verbs whose clause may follow without "that" ("Kim said the talks failed"). */
const FREE_CLAUSE_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'tell', 'believes', 'believe', 'believed', 'argued', 'argues',
  'argue', 'insisted', 'insists', 'insist', 'claimed', 'claims', 'claim', 'maintained', 'maintains',
  'contended', 'contends', 'asserted', 'asserts', 'stressed', 'stresses', 'added', 'adds', 'warned', 'warns',
  'acknowledges', 'acknowledged', 'admits', 'admitted', 'indicated', 'indicates', 'thinks',
]);

/** Speech verbs whose clause needs "that", a quotation or a pronoun ("noted the work" is not a claim). */
const THAT_CLAUSE_VERBS = new Set([
  'noted', 'notes', 'reported', 'reports', 'announced', 'announces', 'stated', 'states', 'revealed',
  'reveals', 'estimated', 'estimates', 'predicted', 'predicts', 'confirmed', 'confirms', 'explained',
  'explains', 'declared', 'declares', 'clarified', 'clarifies', 'divulged', 'conceded', 'concedes',
  'cautioned', 'emphasized', 'emphasised', 'countered', 'wrote', 'writes', 'testified', 'disclosed',
  'observed', 'concluded', 'recalled', 'suggested', 'suggests', 'found', 'finds',
]);

/** Verbs that attribute a quotation only when they trail it ("…," Kim continued). */
const TAIL_ONLY_VERBS = new Set(['continued', 'recalled', 'concluded', 'replied', 'responded']);

const PARTICIPLES = new Set([
  'saying', 'adding', 'claiming', 'arguing', 'noting', 'warning', 'insisting', 'stressing', 'explaining',
  'stating', 'citing', 'asserting', 'acknowledging', 'admitting', 'contending', 'maintaining', 'telling',
]);

const BLAME_VERBS = new Set(['blamed', 'blames', 'blame', 'blaming']);


/** Verbs and nouns that attribute a quoted fragment in their sentence ("called it “a win”"). */
const FRAGMENT_CUES = new Set([
  'called', 'calls', 'call', 'calling', 'branded', 'brands', 'dubbed', 'described', 'describes', 'touted',
  'touts', 'praised', 'praises', 'hailed', 'hails', 'termed', 'labelled', 'labeled', 'thanked', 'thanking',
  'expressed', 'welcomed', 'lauded', 'slammed', 'criticised', 'criticized', 'denounced', 'message',
  'statement', 'remarks', 'admits', 'admitted',
]);

/** Word flag: the word can start an attribution cue (`findCues`). */
const CUE_WORD = 1;
/** Word flag: the word is a fragment cue (`FRAGMENT_CUES`). */
const FRAGMENT_WORD = 2;

/** Flags of the (lowercase) words that matter to `findCues`, so that one look-up per word rules out the rest. */
const WORD_FLAGS: ReadonlyMap<string, number> = (() => {
  const flags = new Map<string, number>();
  const cueWords = [...FREE_CLAUSE_VERBS, ...THAT_CLAUSE_VERBS, ...TAIL_ONLY_VERBS, ...PARTICIPLES, ...BLAME_VERBS, 'according', 'reportedly'];
  for (const w of cueWords) flags.set(w, CUE_WORD);
  for (const w of FRAGMENT_CUES) flags.set(w, (flags.get(w) ?? 0) | FRAGMENT_WORD);
  return flags;
})();

/**
 * The shapes of the words in `WORD_FLAGS` (first two letters and length), so
 * that most words ("the", "that", "trade") are ruled out without hashing them.
 */
const FLAGGED_SHAPES: Uint8Array = (() => {
  const shapes = new Uint8Array(26 * 26 * 32);
  for (const w of WORD_FLAGS.keys()) shapes[wordShape(w)] = 1;
  return shapes;
})();

/** Index into `FLAGGED_SHAPES` of a lowercase word, or 0 when no flagged word can have its shape. */
function wordShape(w: string): number {
  const a = w.charCodeAt(0) - 97;
  const b = w.charCodeAt(1) - 97;
  if (!(a >= 0 && a < 26 && b >= 0 && b < 26) || w.length >= 32) return 0;
  return (a * 26 + b) * 32 + w.length;
}

/** `WORD_FLAGS.get(w)`, with a table look-up first that rules out most words. */
function wordFlags(w: string): number | undefined {
  return FLAGGED_SHAPES[wordShape(w)] === 1 ? WORD_FLAGS.get(w) : undefined;
}

/** Words ending a speaker phrase when walking back from the verb. */
const BOUNDARY_WORDS = new Set([
  'that', 'which', 'who', 'whom', 'when', 'while', 'whereas', 'although', 'though', 'because', 'as',
  'and', 'but', 'or', 'after', 'before', 'if', 'since', 'so', 'where', 'until', 'unless', 'than', 'what',
  'whether', 'why', 'how',
]);

/** Auxiliaries and adverbs between a speaker and the verb ("has also said"). */
const AUX_ADVERBS = new Set([
  'has', 'have', 'had', 'also', 'previously', 'repeatedly', 'again', 'later', 'earlier', 'once', 'then',
  'publicly', 'privately', 'recently', 'long', 'already', 'would', 'will', 'did', 'does', 'do', 'is',
  'was', 'were', 'are', 'be', 'been', 'being', 'reportedly', 'not', 'never', 'further', 'too', 'started',
  'began', 'begun', 'went', 'on', 'to', 'often', 'still', 'yesterday', 'today', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'just', 'first', 'initially', 'flatly',
]);

/** Auxiliaries and finite-verb markers: words that show a clause has begun. */
const FINITE_MARKERS = new Set([
  'is', 'was', 'were', 'are', 'has', 'had', 'have', 'will', 'would', 'could', 'can', 'should', 'must',
  'may', 'might', 'did', 'does', 'do', 'shall',
]);

const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today',
  'tonight', 'earlier', 'later', 'recently', 'previously', 'again', 'also', 'publicly', 'privately',
  'repeatedly', 'afternoon', 'morning', 'evening', 'night', 'then', 'once', 'often', 'separately', 'flatly',
]);

/** ", calling …", ", describing …": a naming participle after a reported clause starts a new attribution. */
const NAMING_PARTICIPLE = /,["\u201D\u2019]?\s+(?:calling|describing|branding|dubbing|labell?ing|terming|hailing|praising)\s/;

function isAsciiCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Index of the last token starting before `pos` (tokens are in order), or -1: a binary search. */
function lastTokenBefore(toks: readonly Tok[], pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((toks[mid]?.start ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Verbs that give something a name ("dubbed “X”"), whose quotation is a label unless someone is said to name it. */
const NAMING_LABEL_VERBS = new Set(['dubbed', 'called', 'branded', 'nicknamed', 'labelled', 'labeled', 'termed', 'titled', 'named', 'billed']);

/** Determiners after which a cue word ("claim", "reports", "estimates") is a noun. */
const NOUN_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'every', 'no', 'any']);

/** Words that start a time phrase only when a time noun follows ("last month", "this week", "late Friday"). */
const TIME_MODIFIERS = new Set(['last', 'this', 'next', 'past', 'late', 'early', 'previous']);
const TIME_NOUNS = new Set([
  'week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'decade', 'summer', 'winter', 'spring', 'autumn',
]);

const PREPOSITIONS = new Set([
  'of', 'in', 'on', 'at', 'during', 'after', 'following', 'before', 'with', 'to', 'for', 'about', 'from',
  'by', 'as', 'via', 'through', 'while', 'when', 'without', 'upon', 'over', 'under', 'into', 'amid',
  'ahead', 'alongside', 'and', 'but', 'or', 'an', 'outside', 'according', 'within', 'among', 'across',
  'against', 'beyond', 'despite', 'near', 'around', 'between', 'throughout', 'toward', 'towards', 'inside',
]);

/** Words opening a subordinate clause, which cannot stand as a claim on their own ("If prices rise, she said, …"). */
const SUBORDINATORS = new Set(['if', 'when', 'although', 'though', 'while', 'because', 'as', 'unless', 'once', 'after', 'before', 'since', 'whether']);

/** Words after which an "-s" word is likely a verb ("it works", "he says"). */
const SUBJECT_LIKE_BEFORE = new Set(['he', 'she', 'it', 'this', 'that', 'which', 'who']);

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'there']);

/** Objects of "told" that sit between the verb and its clause ("told reporters"). */
const TOLD_OBJECTS = new Set([
  'reporters', 'journalists', 'lawmakers', 'members', 'him', 'her', 'them', 'us', 'me', 'parliament',
  'congress', 'investors', 'analysts', 'supporters', 'delegates', 'the', 'a', 'an', 'its', 'his', 'their',
]);

/** Opening words of a sentence that start an introductory phrase rather than the subject. */
const INTRO_WORDS = new Set([
  'on', 'in', 'at', 'after', 'before', 'during', 'since', 'while', 'although', 'though', 'however', 'but',
  'and', 'last', 'earlier', 'meanwhile', 'still', 'yet', 'also', 'then', 'instead', 'for', 'from', 'with',
  'when', 'as', 'despite', 'under', 'until', 'following', 'this', 'separately', 'later', 'because', 'if',
  'by', 'to', 'speaking', 'asked', 'according',
]);

const CLOSING_QUOTES = /["\u201D\u2019'\u00BB]/;
/** The marks of `/[,;:\u2014\u2013"\u201C\u201D\u00AB\u00BB]|\s-{1,2}\s/` (see `gapHasHardPunct`), which end a speaker phrase. */
const HARD_MARKS: readonly number[] = [44, 59, 58, 0x2014, 0x2013, 34, 0x201c, 0x201d, 0xab, 0xbb];

/** Gap marks, as code units, for `gapHasAny`. */
const COMMA: readonly number[] = [44];
const CLAUSE_MARKS: readonly number[] = [44, 59, 58]; // , ; :
const CLAUSE_OR_STOP: readonly number[] = [44, 59, 58, 46]; // , ; : .
const PHRASE_END_MARKS: readonly number[] = [44, 59, 58, 46, 40, 41, 0x2014]; // , ; : . ( ) —
const SUBJECT_END_MARKS: readonly number[] = [59, 58, 34, 0x201c, 0x201d]; // ; : " “ ”
const THAT_LOOKAHEAD_MARKS: readonly number[] = [44, 59, 58, 34, 0x201c, 0x201d, 40]; // , ; : " “ ” (
const TOLD_OBJECT_MARKS: readonly number[] = [44, 59, 58, 34, 0x201c]; // , ; : " “

/** Longest reported clause considered; real ones are far shorter. */
const MAX_CLAIM_CHARS = 1500;

/** Claims scored between two pauses when the results are built. */
const CLAIMS_PER_STEP = 400;

/** Share of a trailing pre-part that must be quotation for the quote alone to be the claim. */
const QUOTE_SHARE_FOR_QUOTED = 0.5;

/** The bullet list after "X also said:" counts as reported claims; list items are short and unpunctuated. */
const MAX_LIST_ITEM = 240;

/** Common irregular past tenses, which end no "-ed" but show a finite verb. */
const IRREGULAR_PAST = new Set([
  'let', 'fell', 'rose', 'grew', 'cut', 'hit', 'put', 'set', 'made', 'took', 'gave', 'came', 'went', 'saw',
  'found', 'got', 'left', 'lost', 'paid', 'sold', 'won', 'began', 'met', 'led', 'kept', 'held', 'brought',
  'bought', 'thought', 'became', 'ran', 'spent', 'built', 'sent', 'felt', 'stood', 'knew', 'shut', 'struck',
  'sank', 'drew', 'broke', 'chose', 'wrote', 'spoke', 'told', 'said', 'sought', 'fought', 'taught', 'meant',
]);

/** Whether a lowercase word looks like a finite verb: an auxiliary, a contraction, "-ed" or an irregular past. */
function isVerbLike(t: Tok): boolean {
  if (t.w !== t.lower) return false;
  return FINITE_MARKERS.has(t.lower) || /n['\u2019]t$/.test(t.lower) || /[a-z]ed$/.test(t.lower) || IRREGULAR_PAST.has(t.lower) ||
    FREE_CLAUSE_VERBS.has(t.lower) || THAT_CLAUSE_VERBS.has(t.lower) || FRAGMENT_CUES.has(t.lower) || PARTICIPLES.has(t.lower);
}

/** Common verbs of commands ("Leave now.", "Stay indoors", "Don't panic"). */
const IMPERATIVE_VERBS = new Set([
  'leave', 'go', 'stay', 'get', 'stop', 'come', 'wait', 'look', 'listen', 'help', 'let', "let's", 'keep', 'take',
  'give', 'call', 'run', 'move', 'remember', 'be', 'make', 'put', 'bring', 'tell', 'watch', 'check', 'vote',
  'hold', 'follow', 'trust', 'try', 'evacuate', 'shelter', 'avoid', 'save', 'act', 'join', 'pray', 'relax',
  'calm', 'hurry', 'hide', 'shut', 'think', 'forget', 'sit', 'stand', 'turn', 'drive', 'beware',
  'don\u2019t', "don't", 'do', 'never', 'please',
]);

/** Words that may lead a command before its verb ("Please leave", "Do not panic", "Never give up"). */
const IMPERATIVE_LEADS = new Set(['please', 'do', 'not', "don't", 'don\u2019t', 'never', 'just', 'now', 'so']);

/** Leading non-letters and trailing punctuation of a word, which `commandWords` strips. */
const WORD_EDGES = /^[^\p{L}]+|[^\p{L}'\u2019]+$/gu;

/**
 * `w.replace(WORD_EDGES, '')`: leading non-letters and trailing characters
 * other than letters and apostrophes dropped; a loop while the edges are
 * ASCII, the regex when a non-ASCII character (maybe a letter) is met there.
 */
function stripWordEdges(w: string): string {
  let a = 0;
  for (; a < w.length; a++) {
    const c = w.charCodeAt(a);
    if (c >= 128) return w.replace(WORD_EDGES, '');
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) break;
  }
  let b = w.length;
  for (; b > a; b--) {
    const c = w.charCodeAt(b - 1);
    if (c >= 128) return w.replace(WORD_EDGES, '');
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39) break;
  }
  return a === 0 && b === w.length ? w : w.slice(a, b);
}

/** The first `limit` space-separated words of `body`, lowercased and stripped of edge punctuation (empty ones dropped). */
function commandWords(body: string, limit: number): string[] {
  const out: string[] = [];
  const pieces = /[^\s\u00A0]+/g;
  for (let m = pieces.exec(body); m && out.length < limit; m = pieces.exec(body)) {
    const w = stripWordEdges(lowerCase(m[0]));
    if (w) out.push(w);
  }
  return out;
}

/**
 * Whether a quotation is a bare command of at most four words ("Leave now.",
 * "Go home", "If you are told to leave, leave now."): a sentence-like quote
 * (capitalised) whose main clause, after any leading "if/when …," clause,
 * opens with a common command verb and has no finite verb after it. Such a
 * quote is a speech act, not a claim. Conservative: unknown verbs, subjects
 * and longer commands are left as claims.
 */
export function isBareImperative(quote: string): boolean {
  const body = quote.trim();
  if (!/^[\p{Lu}]/u.test(body)) return false;
  // Five words are enough to tell: a longer quote is no bare command (and most quotes are long).
  let words = commandWords(body, 5);
  if (SUBORDINATORS.has(words[0] ?? '') || words[0] === 'until') {
    const comma = body.indexOf(',');
    if (comma < 0) return false;
    return isBareImperative(body.slice(comma + 1).trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase()));
  }
  if (words.length === 0 || words.length > 4 || /[,;:.!?]\s+\S/.test(body)) return false;
  let i = 0;
  while (i < words.length - 1 && IMPERATIVE_LEADS.has(words[i] ?? '')) i++;
  words = words.slice(i);
  const verb = words[0] ?? '';
  if (!IMPERATIVE_VERBS.has(verb) || IMPERATIVE_LEADS.has(verb)) return false;
  // "Help arrived", "Stop signs fell": a finite verb after the first word makes it a statement.
  return !words.slice(1).some((w) => SUBJECT_PRONOUNS.has(w) && w !== 'it' || FINITE_MARKERS.has(w) || /[a-z]ed$/.test(w) || IRREGULAR_PAST.has(w));
}

class ClaimFinder {
  private readonly text: string;
  /** Quotations of the blocks read so far, in order (see `ensureQuotes`). */
  private readonly quotes: QuoteSpan[] = [];
  /** How many blocks (a prefix) have their quotations in `quotes`. */
  private quoteBlocks = 0;
  /** Start of the first block whose quotations are not read yet; Infinity once all are. */
  private quotesKnownBelow: number;
  private readonly resolver: SpeakerResolver;
  private readonly drafts: Draft[] = [];
  private readonly officialEnds = new Set<number>();
  private readonly officialStarts = new Map<number, OfficialMention>();
  /** Quotes already used: absorbed into a reported claim or made a quoted claim. */
  private readonly usedQuotes = new Set<QuoteSpan>();
  /** Speaker of each quote made a claim, for follow-on quotes in the same paragraph. */
  private readonly quoteSpeakers = new Map<QuoteSpan, Speaker | null>();
  /** Index of the first unquoted fragment cue ("called", "statement") among the last sentence's words, or -1: set by `findCues`. */
  private fragmentCue = -1;
  /** An unattributed quote that runs on into the next paragraph, waiting for that paragraph's speaker. */
  private pendingRunOn: QuoteSpan | null = null;
  /** Speaker of the last claim in each block. */
  private readonly lastSpeakerInBlock = new Map<number, Speaker>();

  constructor(private readonly article: ArticleText, officials: readonly OfficialMention[]) {
    this.text = article.text;
    this.quotesKnownBelow = article.blocks[0]?.start ?? Infinity;
    for (const m of officials) {
      this.officialEnds.add(m.end);
      this.officialStarts.set(m.start, m);
    }
    this.resolver = new SpeakerResolver(
      article,
      officials,
      (pos) => this.quoteAt(pos) !== null,
      (pos) => this.overlaps(pos, pos + 1),
    );
  }

  /** Number of drafts starting before `pos` (drafts are disjoint and sorted by start). */
  private draftIndexBefore(pos: number): number {
    // Most questions are about the newest text, past every draft: answer those without a search.
    const last = this.drafts[this.drafts.length - 1];
    if (!last || last.start < pos) return this.drafts.length;
    let lo = 0;
    let hi = this.drafts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.drafts[mid]?.start ?? 0) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether [a, b) overlaps a claim already made: only the last draft starting before `b` can. */
  private overlaps(a: number, b: number): boolean {
    const d = this.drafts[this.draftIndexBefore(b) - 1];
    return d !== undefined && d.end > a;
  }

  /**
   * Reads the quotations of every block starting at or before `pos`. Quotes
   * are read a block at a time as the finder (or the speaker index) reaches
   * them rather than all up front, so no single step reads the whole article.
   */
  private ensureQuotes(pos: number): void {
    while (this.quoteBlocks < this.article.blocks.length && this.quotesKnownBelow <= pos) {
      for (const q of quotesInBlock(this.article, this.quoteBlocks)) this.quotes.push(q);
      this.quoteBlocks++;
      this.quotesKnownBelow = this.article.blocks[this.quoteBlocks]?.start ?? Infinity;
    }
  }

  /** Quotes opening in [from, to), by binary search. */
  private quotesInRange(from: number, to: number): QuoteSpan[] {
    this.ensureQuotes(to - 1);
    let lo = 0;
    let hi = this.quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.quotes[mid]?.open ?? 0) < from) lo = mid + 1;
      else hi = mid;
    }
    const out: QuoteSpan[] = [];
    for (let i = lo; i < this.quotes.length && (this.quotes[i]?.open ?? to) < to; i++) {
      const q = this.quotes[i];
      if (q) out.push(q);
    }
    return out;
  }

  /** The quote whose marks enclose `pos`, by binary search. */
  private quoteAt(pos: number): QuoteSpan | null {
    this.ensureQuotes(pos);
    let lo = 0;
    let hi = this.quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = this.quotes[mid];
      if (!q) break;
      if (pos < q.open) hi = mid - 1;
      else if (pos >= q.close) lo = mid + 1;
      else return q;
    }
    return null;
  }

  /** Claims in the whole article, pausing after each block (see `Steps`). */
  *steps(): Steps<Claim[]> {
    const blocks = this.article.blocks;
    let listSpeaker: Speaker | null = null;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      if (!block) continue;
      if (listSpeaker && this.isListItem(block.start, block.end)) {
        this.add(block.start, block.end, false, listSpeaker);
        continue;
      }
      const blockQuotes = this.quotesInRange(block.start, block.end);
      for (const s of this.mergedSentences(block.start, block.end, blockQuotes)) this.sentence(s, b);
      this.leftoverQuotes(blockQuotes, b);
      this.resolveRunOn(blockQuotes, b);
      listSpeaker = this.listIntroSpeaker(block.start, block.end);
      yield;
    }
    const claims: Claim[] = [];
    for (const d of this.drafts) {
      const text = this.text.slice(d.start, d.end);
      claims.push({
        start: d.start,
        end: d.end,
        text,
        quoted: d.quoted,
        speaker: d.speaker?.name ?? null,
        speakerEntityId: d.speaker?.entityId ?? null,
        worthiness: scoreClaim(text),
      });
      // Scoring thousands of claims at once would be one long step.
      if (claims.length % CLAIMS_PER_STEP === 0) yield;
    }
    return claims;
  }

  /** Sentences of a block, with sentences inside one quotation merged back together. */
  private mergedSentences(start: number, end: number, quotes: readonly QuoteSpan[]): SentenceSpan[] {
    const raw = splitSentences(this.text, start, end);
    const out: SentenceSpan[] = [];
    let qi = 0;
    for (const s of raw) {
      const prev = out[out.length - 1];
      while (qi < quotes.length && (quotes[qi]?.close ?? 0) <= (prev?.end ?? start)) qi++;
      const q = quotes[qi];
      if (prev && q && q.open < prev.end && q.close > prev.end) prev.end = s.end;
      else out.push({ ...s });
    }
    return out;
  }

  /** The words of [start, end), each with its lowercase form and whether a quotation encloses it. */
  private tokens(start: number, end: number): Tok[] {
    // Fields listed, not spread: object spread is several times slower, and this runs on every word.
    const out: Tok[] = [];
    // Quotations are sorted and never overlap, so one pointer moving with the words answers
    // "inside a quote?" for each word (what `quoteAt` answers by binary search).
    const quotes = this.quotes;
    this.ensureQuotes(end);
    let qi = this.firstQuoteClosingAfter(start);
    forEachWordIn(this.text, start, end, (w, from, to) => {
      while (qi < quotes.length && (quotes[qi] as QuoteSpan).close <= from) qi++;
      const q = quotes[qi];
      out.push({ w, start: from, end: to, lower: lowerCase(w), inQuote: q !== undefined && q.open <= from });
    });
    return out;
  }

  /** Index of the first quote (by position) closing after `pos`. */
  private firstQuoteClosingAfter(pos: number): number {
    let lo = 0;
    let hi = this.quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.quotes[mid]?.close ?? 0) <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Offset past a leading dateline ("WASHINGTON —", "SEOUL (AGENCY) -"), or `start`. */
  private skipDateline(start: number, end: number): number {
    // A dateline opens with two capitals: most sentences are ruled out before any string is made.
    if (Math.min(end, start + 70) - start < 2 || !isAsciiCapital(this.text.charCodeAt(start)) || !isAsciiCapital(this.text.charCodeAt(start + 1))) return start;
    const head = this.text.slice(start, Math.min(end, start + 70));
    const m = /\s(?:--|\u2014|\u2013|-)\s/.exec(head);
    if (!m) return start;
    const before = head.slice(0, m.index);
    // Datelines are capitals, dates and a bracketed agency: no lowercase word of four letters or more.
    if (/\b[a-z]{4,}/.test(before.replace(/\([^)]*\)/g, ''))) return start;
    return start + m.index + m[0].length;
  }

  /** Whether `text.slice(from, to)` holds one of the code units `marks` (a regex class test, without the copy). */
  private gapHasAny(from: number, to: number, marks: readonly number[]): boolean {
    for (let i = from; i < to; i++) if (marks.includes(this.text.charCodeAt(i))) return true;
    return false;
  }

  /** `/[,;:\u2014\u2013"\u201C\u201D\u00AB\u00BB]|\s-{1,2}\s/.test(text.slice(from, to))`: a hard punctuation mark, or a spaced hyphen or double hyphen. */
  private gapHasHardPunct(from: number, to: number): boolean {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (HARD_MARKS.includes(c)) return true;
      if (isRegexSpace(c) && i + 2 < to && text.charCodeAt(i + 1) === 45) {
        const c2 = text.charCodeAt(i + 2);
        if (isRegexSpace(c2) || (c2 === 45 && i + 3 < to && isRegexSpace(text.charCodeAt(i + 3)))) return true;
      }
    }
    return false;
  }

  /** `/^\s*,\s*$/.test(text.slice(from, to))`: the gap is one comma and spaces. */
  private gapIsComma(from: number, to: number): boolean {
    let commas = 0;
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 44) commas++;
      else if (!isRegexSpace(c)) return false;
    }
    return commas === 1;
  }

  /** Processes one sentence. */
  private sentence(s: SentenceSpan, block: number): void {
    const start = this.skipDateline(s.start, s.end);
    const toks = this.tokens(start, s.end);
    const cues = this.findCues(toks, start);
    const sentenceQuotes = this.quotesInRange(start, s.end);
    let segStart = start;
    let lastSpeaker: Speaker | null = null;
    // For each cue, the index of the next cue that can end its clause (comma-attached or coordinated).
    const nextCut: number[] = new Array<number>(cues.length).fill(-1);
    for (let c = cues.length - 2; c >= 0; c--) {
      const n = cues[c + 1];
      nextCut[c] = n && (n.commaAttached || this.isCoordinated(n)) ? c + 1 : (nextCut[c + 1] ?? -1);
    }
    for (let c = 0; c < cues.length; c++) {
      const cue = cues[c];
      if (!cue) continue;
      // Cues inside a clause already claimed are nested attributions: skip.
      if (!this.isCoordinated(cue) && this.coveredByDraft(toks[cue.verb]?.start ?? 0)) continue;
      const next = cues[nextCut[c] ?? -1];
      const verbEnd = toks[cue.verbEnd - 1]?.end ?? cue.regionStart;
      // Bounded clause lengths keep run-on "sentences" (lists, broken markup) linear.
      const cut = Math.min(next ? this.commaBefore(next.regionStart, start) : s.end, verbEnd + MAX_CLAIM_CHARS);
      const from = Math.max(segStart, cue.regionStart - MAX_CLAIM_CHARS);
      cue.speaker = this.cueSpeaker(cue, toks, start, lastSpeaker);
      const made = this.cueClaim(cue, toks, from, cut, s.end, block);
      if (cue.speaker) lastSpeaker = cue.speaker;
      if (made) segStart = Math.max(segStart, made);
    }
    this.fragments(sentenceQuotes, toks, start, cues, lastSpeaker, block);
  }

  /** A speech verb coordinated with the previous predicate ("… but insisted that …"): it starts a new claim. */
  private isCoordinated(cue: Cue): boolean {
    return cue.kind === 'verb' && cue.npStart === cue.npEnd && (cue.boundaryWord === 'and' || cue.boundaryWord === 'but');
  }

  /** Offset of the comma that precedes `regionStart` (searching back a little), or `regionStart`. */
  private commaBefore(regionStart: number, floor: number): number {
    for (let i = regionStart - 1; i >= Math.max(floor, regionStart - 4); i--) {
      if (this.text[i] === ',') return i;
    }
    return regionStart;
  }

  private coveredByDraft(pos: number): boolean {
    return this.overlaps(pos, pos + 1);
  }

  /** Finds the attribution cues of a sentence, left to right. */
  private findCues(toks: readonly Tok[], sentenceStart: number): Cue[] {
    const cues: Cue[] = [];
    this.fragmentCue = -1;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      // One look-up rules out nearly every word: only these words can start a cue.
      const flags = t ? wordFlags(t.lower) : undefined;
      if (!t || flags === undefined) continue;
      // The first fragment cue outside quotes, for `fragments` (found in this same pass).
      if ((flags & FRAGMENT_WORD) !== 0 && this.fragmentCue < 0 && !t.inQuote) this.fragmentCue = i;
      if ((flags & CUE_WORD) === 0) continue;
      // Cues are lowercase words, except a sentence-opening "According to X, …".
      if (t.inQuote || (t.w !== t.lower && !(i === 0 && t.lower === 'according'))) continue;
      const prev = toks[i - 1]?.lower;
      let kind: CueKind | null = null;
      let verbEnd = i + 1;
      if (t.lower === 'according' && toks[i + 1]?.lower === 'to') {
        kind = 'according';
        verbEnd = i + 2;
      } else if (prev !== undefined && NOUN_DETERMINERS.has(prev)) {
        // "a claim Tuck disputed", "his statement": after a determiner the word is a noun, not a speech verb.
        continue;
      } else if (FREE_CLAUSE_VERBS.has(t.lower) || THAT_CLAUSE_VERBS.has(t.lower) || TAIL_ONLY_VERBS.has(t.lower)) {
        // "is said to", "was reported by": passives are not attributions.
        if (prev === 'is' || prev === 'was' || prev === 'be' || prev === 'been' || prev === 'being' || prev === 'are' || prev === 'were') continue;
        // "to say", "declined to tell": an infinitive reports nothing said.
        if (prev === 'to') continue;
        kind = 'verb';
      } else if (PARTICIPLES.has(t.lower)) {
        if (prev === 'is' || prev === 'was' || prev === "isn't" || prev === 'not' || prev === 'are' || prev === 'were') continue;
        kind = 'participle';
      } else if (BLAME_VERBS.has(t.lower)) {
        if (prev === 'be' || prev === 'been' || prev === 'is' || prev === 'was' || prev === 'being') continue;
        kind = 'blame';
      } else if (t.lower === 'reportedly') {
        kind = 'reportedly';
      }
      if (!kind) continue;
      cues.push(this.buildCue(kind, i, verbEnd, toks, sentenceStart));
    }
    return cues;
  }

  /** Walks back from the verb to find the speaker phrase and the cue's region. */
  private buildCue(kind: CueKind, verb: number, verbEnd: number, toks: readonly Tok[], sentenceStart: number): Cue {
    let k = verb - 1;
    let boundaryWord: string | null = null;
    let boundaryIndex = -1;
    let nextStart = toks[verb]?.start ?? 0;
    if (kind !== 'according' && kind !== 'reportedly') {
      while (k >= 0 && verb - k <= 12) {
        const t = toks[k];
        if (!t || t.inQuote) break;
        if (this.gapHasHardPunct(t.end, nextStart)) break;
        // A speech verb is never part of a speaker phrase ("X said he believed …").
        if (FREE_CLAUSE_VERBS.has(t.lower) || THAT_CLAUSE_VERBS.has(t.lower) || PARTICIPLES.has(t.lower)) break;
        if (BOUNDARY_WORDS.has(t.lower) || (kind === 'participle' && t.lower === 'with')) {
          // "Mr. X and others say": a name before "and" belongs to the speaker phrase.
          const before = toks[k - 1];
          if (t.lower === 'and' && before && this.officialEnds.has(before.end)) {
            nextStart = t.start;
            k--;
            continue;
          }
          boundaryWord = t.lower;
          boundaryIndex = k;
          break;
        }
        nextStart = t.start;
        k--;
      }
    }
    let npStart = k + 1;
    if (npStart === verb && kind === 'verb' && boundaryWord === null && verb > 0) {
      npStart = this.appositiveStart(verb, toks);
    }
    // "prices it said were …": a pronoun right before the verb is the whole speaker phrase.
    const lastBeforeVerb = toks[verb - 1];
    if (lastBeforeVerb && verb - 1 > npStart && SUBJECT_PRONOUNS.has(lastBeforeVerb.lower) && lastBeforeVerb.lower !== 'there') npStart = verb - 1;
    let npEnd = verb;
    while (npEnd > npStart && (AUX_ADVERBS.has(toks[npEnd - 1]?.lower ?? '') || /^[a-z]+ly$/.test(toks[npEnd - 1]?.w ?? ''))) npEnd--;
    // A phrase holding a finite verb is a clause ("who has ever run a company"), not a speaker.
    for (let i = npStart; i < npEnd; i++) {
      const t = toks[i];
      if (t && (FINITE_MARKERS.has(t.lower) || /n['\u2019]t$/.test(t.lower))) {
        npStart = verb;
        npEnd = verb;
        boundaryWord = null;
        break;
      }
    }
    const firstOwn = boundaryIndex >= 0 && (boundaryWord === 'which' || boundaryWord === 'who' || boundaryWord === 'and' || boundaryWord === 'but') ? boundaryIndex : npStart;
    const regionStart = toks[firstOwn]?.start ?? toks[verb]?.start ?? 0;
    const before = this.text.slice(Math.max(sentenceStart, regionStart - 3), regionStart);
    return {
      kind,
      verb,
      verbEnd,
      npStart,
      npEnd,
      regionStart,
      commaAttached: before.includes(','),
      boundaryWord,
      speaker: null,
    };
  }

  /**
   * For a verb right after a comma ("…, the bank's governor, Amir Haddad, said"),
   * the start of the comma-separated noun phrases before it, or `verb` when
   * there are none: the words must hold no finite verb ("Prices fell, said
   * Kim" is an inverted attribution, not a speaker phrase).
   */
  private appositiveStart(verb: number, toks: readonly Tok[]): number {
    const probe: Cue = { kind: 'verb', verb, verbEnd: verb + 1, npStart: verb, npEnd: verb, regionStart: 0, commaAttached: true, boundaryWord: null, speaker: null };
    if (this.isInverted(probe, toks)) return verb;
    let k = verb - 1;
    let nextStart = toks[verb]?.start ?? 0;
    while (k >= 0 && verb - k <= 14) {
      const t = toks[k];
      if (!t || t.inQuote || BOUNDARY_WORDS.has(t.lower) || FINITE_MARKERS.has(t.lower)) break;
      const gap = this.text.slice(t.end, nextStart);
      if (/[;:\u2014\u2013"\u201C\u201D]/.test(gap)) break;
      nextStart = t.start;
      k--;
    }
    const first = toks[k + 1];
    const stoppedAtQuoteOrStart = k < 0 || toks[k]?.inQuote === true || /["\u201D]\s*$/.test(this.text.slice(toks[k]?.end ?? 0, first?.start ?? 0));
    if (!first || k + 1 >= verb || !stoppedAtQuoteOrStart) return this.namedAppositiveStart(verb, toks);
    if (INTRO_WORDS.has(first.lower) || PREPOSITIONS.has(first.lower)) return verb;
    return k + 1;
  }

  /**
   * "…, a spokesman, Luis Ortega, said" / "…, Luis Ortega, a spokesman for the
   * agency, said": two comma-separated parts right before the verb, a name and
   * a description of a person, name the speaker; returns where the first part
   * starts, or `verb` when the words before the verb are not that shape.
   */
  private namedAppositiveStart(verb: number, toks: readonly Tok[]): number {
    const commaBefore = (i: number): boolean => i > 0 && /^\s*,\s*$/.test(this.text.slice(toks[i - 1]?.end ?? 0, toks[i]?.start ?? 0));
    if (!commaBefore(verb)) return verb;
    // Walk back to the comma that opens part A (nearest the verb), then to the one that opens part B.
    let a = verb - 1;
    while (a > 0 && verb - a <= 8 && !commaBefore(a)) a--;
    let b = a - 1;
    while (b > 0 && a - b <= 8 && !commaBefore(b)) b--;
    if (a <= 0 || b <= 0 || !commaBefore(a) || !commaBefore(b)) return verb;
    const partB = toks.slice(b, a);
    const partA = toks.slice(a, verb);
    if ([...partA, ...partB].some((t) => t.inQuote || FINITE_MARKERS.has(t.lower))) return verb;
    const shaped = (isBareNameRun(partA) && describesPerson(partB)) || (isBareNameRun(partB) && describesPerson(partA));
    return shaped ? b : verb;
  }

  /** The speaker of a cue: its phrase, an inverted "said Kim", an appositive, or the sentence subject. */
  private cueSpeaker(cue: Cue, toks: readonly Tok[], sentenceStart: number, previous: Speaker | null): Speaker | null {
    if (cue.kind === 'according') {
      const span = this.phraseAfter(toks, cue.verbEnd, 10);
      return span ? this.resolver.resolve(span[0], span[1]) : null;
    }
    if (cue.kind === 'reportedly') return { name: 'unattributed reports', entityId: null, person: false };
    if (cue.npEnd > cue.npStart) {
      const a = toks[cue.npStart]?.start ?? 0;
      const b = toks[cue.npEnd - 1]?.end ?? 0;
      const sp = this.resolver.resolve(a, b);
      if (sp) return sp;
    }
    if (cue.kind === 'participle' || cue.boundaryWord === 'and' || cue.boundaryWord === 'but') {
      return previous ?? this.subject(toks);
    }
    if (this.isInverted(cue, toks)) {
      const span = this.phraseAfter(toks, cue.verbEnd, 8);
      if (span) return this.resolver.resolve(span[0], span[1]);
    }
    // "Jane Doe, a senior fellow at the institute, said …": the subject before the appositive.
    if (cue.npStart === cue.npEnd && cue.npStart > 0 && cue.boundaryWord === null) {
      return this.subject(toks) ?? previous;
    }
    return previous;
  }

  /**
   * A speech verb directly after a comma or closing quote, followed by its
   * speaker and then punctuation ("…," said Kim, …): not a participle, and no
   * finite verb before the next punctuation ("…, said he was" is a clause).
   */
  private isInverted(cue: Cue, toks: readonly Tok[]): boolean {
    if (cue.npEnd > cue.npStart || cue.kind !== 'verb') return false;
    const v = toks[cue.verb];
    if (!v) return false;
    const prevEnd = toks[cue.verb - 1]?.end ?? 0;
    const gap = this.text.slice(Math.max(prevEnd, v.start - 4), v.start);
    if (!/[,\u201D"]/.test(gap) && cue.verb > 0) return false;
    const n = toks[cue.verb + 1];
    if (!n) return false;
    if (TIME_WORDS.has(n.lower) || n.lower === 'that' || PREPOSITIONS.has(n.lower)) return false;
    const opener = n.w !== n.lower || SUBJECT_PRONOUNS.has(n.lower) || n.lower === 'the' || n.lower === 'a' || n.lower === 'an';
    let capitalised = false;
    let i = cue.verb + 1;
    for (; i < toks.length && i - cue.verb <= 8; i++) {
      const t = toks[i];
      if (!t) break;
      if (i > cue.verb + 1 && this.gapHasAny(toks[i - 1]?.end ?? 0, t.start, CLAUSE_OR_STOP)) break;
      if (FINITE_MARKERS.has(t.lower) || t.lower === 'that' || isVerbLike(t)) return false;
      if (t.w !== t.lower) capitalised = true;
    }
    // "…, says spokesman Tom Lee": a lowercase title is fine when a name follows.
    return opener || capitalised;
  }

  /** The words after token `from` up to punctuation or a preposition (a trailing speaker or source). */
  private phraseAfter(toks: readonly Tok[], from: number, max: number): [number, number] | null {
    const first = toks[from];
    if (!first || first.inQuote) return null;
    let last = first;
    for (let i = from + 1; i < toks.length && i - from < max; i++) {
      const t = toks[i];
      if (!t || t.inQuote) break;
      if (this.gapHasAny(last.end, t.start, PHRASE_END_MARKS)) break;
      if (i > from && (t.lower === 'during' || t.lower === 'in' || t.lower === 'on' || t.lower === 'at' || t.lower === 'after' || t.lower === 'following' || t.lower === 'before' || t.lower === 'when' || t.lower === 'while' || t.lower === 'adding' || t.lower === 'saying' || TIME_WORDS.has(t.lower))) break;
      last = t;
    }
    return [first.start, last.end];
  }

  /** The subject of the sentence: a pronoun, an official or a capitalised run after any introductory phrase. */
  private subject(toks: readonly Tok[]): Speaker | null {
    let i = 0;
    // Skip up to two introductory phrases ending in a comma ("On the other end, Seoul …").
    for (let round = 0; round < 2; round++) {
      const t = toks[i];
      if (!t || !INTRO_WORDS.has(t.lower)) break;
      let j = i;
      while (j < toks.length && j - i < 15 && !this.gapHasAny(toks[j]?.end ?? 0, toks[j + 1]?.start ?? 0, COMMA)) j++;
      if (j >= toks.length || j - i >= 15) return null;
      i = j + 1;
    }
    // "Dubbed “X”, the plan …", "Founded in 1990, the firm …": an opening participle is no subject.
    const opener = toks[i];
    const afterOpener = toks[i + 1];
    if (opener && afterOpener && opener.w !== opener.lower && /^[a-z]{3,}(?:ed|ing)$/.test(opener.lower) &&
      !this.gapHasAny(opener.end, afterOpener.start, COMMA) && (afterOpener.inQuote || (afterOpener.w === afterOpener.lower && !isVerbLike(afterOpener)))) {
      let j = i;
      while (j < toks.length && j - i < 15 && !this.gapHasAny(toks[j]?.end ?? 0, toks[j + 1]?.start ?? 0, COMMA)) j++;
      if (j >= toks.length || j - i >= 15) return null;
      i = j + 1;
    }
    const t = toks[i];
    if (!t || t.inQuote) return null;
    if (SUBJECT_PRONOUNS.has(t.lower)) return this.resolver.resolve(t.start, t.end);
    const m = this.officialStarts.get(t.start);
    if (m) return this.resolver.resolve(m.start, m.end);
    // The noun phrase up to the main verb ("The leader of the party, Jane Doe, condemned …").
    let j = i;
    while (j < toks.length && j - i < 14) {
      const w = toks[j];
      if (!w || w.inQuote || isVerbLike(w) || BOUNDARY_WORDS.has(w.lower)) break;
      if (j > i && this.gapHasAny(toks[j - 1]?.end ?? 0, w.start, SUBJECT_END_MARKS)) break;
      j++;
    }
    if (j === i || j - i >= 14) return null;
    const end = toks[j - 1]?.end ?? t.end;
    if (toks[j - 1]?.lower === 'the' || toks[j - 1]?.lower === 'a') return null;
    return this.resolver.resolve(t.start, end);
  }

  /** Makes the claim(s) of one cue. Returns the offset where the cue's claim or region ends, or 0. */
  private cueClaim(cue: Cue, toks: readonly Tok[], segStart: number, cut: number, sentenceEnd: number, block: number): number {
    const verbTok = toks[cue.verb];
    if (!verbTok) return 0;
    if (cue.kind === 'reportedly') {
      if (this.overlaps(segStart, sentenceEnd)) return 0;
      return this.add(segStart, sentenceEnd, false, cue.speaker, block) ? sentenceEnd : 0;
    }
    if (cue.kind === 'according') {
      if (cue.regionStart <= segStart + 1) {
        // "According to X, …": the clause follows the source.
        const span = this.phraseAfter(toks, cue.verbEnd, 12);
        let from = span ? span[1] : verbTok.end;
        // "According to the report, seen by Reuters, …": a participle aside about the source is not the claim.
        const aside = /^\s*,\s*(?:seen|obtained|published|released|issued|reviewed|cited)\b[^,;.]{0,80},/.exec(this.text.slice(from, Math.min(cut, from + 100)));
        if (aside) from += aside[0].length;
        return this.add(from, cut, false, cue.speaker, block) ? cut : 0;
      }
      const end = this.commaBefore(cue.regionStart, segStart);
      // "…, she said according to X": the words before are an attribution, not a claim.
      if (toks.some((t) => t.start >= segStart && t.end <= end && !t.inQuote && (FREE_CLAUSE_VERBS.has(t.lower) || THAT_CLAUSE_VERBS.has(t.lower)))) return 0;
      return this.add(segStart, end, false, cue.speaker, block) ? sentenceEnd : 0;
    }
    if (cue.kind === 'blame') {
      let from = verbTok.start;
      const aux = toks[cue.verb - 1];
      if (aux && (aux.lower === 'has' || aux.lower === 'have' || aux.lower === 'had')) from = aux.start;
      const clause = this.text.slice(verbTok.end, cut);
      if (!/\b(?:for|on)\b/.test(clause)) return 0;
      return this.add(from, cut, false, cue.speaker, block) ? cut : 0;
    }
    const verbLower = verbTok.lower;
    const forward = TAIL_ONLY_VERBS.has(verbLower) ? null : this.forwardClauseStart(cue, toks, cut);
    if (forward !== null) {
      if (verbLower === 'citing') return this.add(forward, cut, false, cue.speaker, block) ? cut : 0;
      return this.clauseClaims(forward, cut, cue.speaker, block) ? cut : 0;
    }
    return this.tailClaim(cue, toks, segStart, cut, block);
  }

  /** Where the reported clause after the verb starts, or null when the verb has no clause after it. */
  private forwardClauseStart(cue: Cue, toks: readonly Tok[], cut: number): number | null {
    const verbTok = toks[cue.verb];
    if (!verbTok) return null;
    const verbLower = verbTok.lower;
    let j = cue.verbEnd;
    if (this.isInverted(cue, toks)) return null;
    // "said last month that …", "told the US that …": look a few words ahead for "that".
    for (let k = j; k < toks.length && k - j < 10; k++) {
      const t = toks[k];
      if (!t || t.start >= cut || t.inQuote) break;
      const prevEnd = k === j ? verbTok.end : (toks[k - 1]?.end ?? 0);
      if (k > j && this.gapHasAny(prevEnd, t.start, THAT_LOOKAHEAD_MARKS)) break;
      if (t.lower === 'that') return this.skipClauseOpening(t.end, cut);
      if (FINITE_MARKERS.has(t.lower) || (k > j && /(?:ed|ing)$/.test(t.lower))) break;
    }
    // "told reporters …": step over the object of "told".
    if (verbLower === 'told' || verbLower === 'tells' || verbLower === 'tell' || verbLower === 'telling') {
      let k = j;
      while (k < toks.length && k - j < 6 && (TOLD_OBJECTS.has(toks[k]?.lower ?? '') || /^[\p{Lu}]/u.test(toks[k]?.w ?? ''))) {
        const prevEnd = k === 0 ? verbTok.end : (toks[k - 1]?.end ?? verbTok.end);
        if (this.gapHasAny(prevEnd, toks[k]?.start ?? 0, TOLD_OBJECT_MARKS)) break;
        k++;
      }
      j = k;
    }
    j = this.skipTime(toks, j);
    const prevEnd = j === cue.verbEnd ? verbTok.end : (toks[j - 1]?.end ?? verbTok.end);
    const gapEnd = toks[j]?.start ?? cut;
    const gap = this.text.slice(prevEnd, Math.min(gapEnd, cut));
    // A quotation straight after the verb ("said: “…”", "said, “…”").
    const quoteAt = /["\u201C\u2018]/.exec(gap);
    if (quoteAt && /^[\s,:]*$/.test(gap.slice(0, quoteAt.index))) return prevEnd + quoteAt.index;
    if (/[,;:.!?]/.test(gap)) return null;
    const next = toks[j];
    if (!next || next.start >= cut) return null;
    if (PREPOSITIONS.has(next.lower)) return null;
    if (THAT_CLAUSE_VERBS.has(verbLower) && !SUBJECT_PRONOUNS.has(next.lower)) return null;
    if (!SUBJECT_PRONOUNS.has(next.lower) && verbLower !== 'citing' && !this.hasFiniteVerb(toks, j, cut)) return null;
    if (cue.kind === 'participle' && verbLower !== 'citing' && !SUBJECT_PRONOUNS.has(next.lower) && next.lower !== 'the' && next.w === next.lower) {
      // ", saying goodbye": a participle needs a clause; a bare lowercase object is not one.
      if (!FINITE_MARKERS.has(toks[j + 1]?.lower ?? '')) return null;
    }
    return next.start;
  }

  /**
   * Whether the words from token `j` show a finite verb before the first comma
   * (or within 25 words): "said the plan was dead" does, "claimed
   * responsibility, …" does not.
   */
  private hasFiniteVerb(toks: readonly Tok[], j: number, cut: number): boolean {
    let asideEnd = -1;
    for (let k = j; k < toks.length && k - j < 25; k++) {
      const t = toks[k];
      if (!t || t.start >= cut) return false;
      if (k > j && k !== asideEnd && this.gapHasAny(toks[k - 1]?.end ?? 0, t.start, CLAUSE_MARKS)) {
        // One comma-enclosed aside after the subject ("said the minister, Jane Doe, was …",
        // "said costs, put at $5m, had risen"): look past it for the verb.
        const close = asideEnd >= 0 || !this.gapIsComma(toks[k - 1]?.end ?? 0, t.start) ? -1 : this.asideClose(toks, k, cut);
        if (close < 0) return false;
        asideEnd = close;
        k = close - 1;
        continue;
      }
      // "said the cap “was the key …”": a verb opening a quotation after an unquoted subject still makes a clause.
      if (t.inQuote && !(k > j && !toks[k - 1]?.inQuote && isVerbLike(t))) continue;
      if (isVerbLike(t) || (k > j && /[a-z]s$/.test(t.w) && !/ss$/.test(t.w) && SUBJECT_LIKE_BEFORE.has(toks[k - 1]?.lower ?? ''))) return true;
    }
    return false;
  }

  /** Index of the first token after the comma that closes a short aside opening at token `k`, or -1. */
  private asideClose(toks: readonly Tok[], k: number, cut: number): number {
    for (let m = k + 1; m < toks.length && m - k <= 8; m++) {
      const t = toks[m];
      if (!t || t.start >= cut || t.inQuote) return -1;
      const gap = this.text.slice(toks[m - 1]?.end ?? 0, t.start);
      if (/^\s*,\s*$/.test(gap)) return m;
      if (/[;:.!?"\u201C\u201D]/.test(gap)) return -1;
    }
    return -1;
  }

  /** Index past any time phrase starting at token `j` ("on Tuesday", "last month", "earlier"). */
  private skipTime(toks: readonly Tok[], j: number): number {
    let k = j;
    for (;;) {
      const t = toks[k]?.lower ?? '';
      const n = toks[k + 1]?.lower ?? '';
      if (TIME_WORDS.has(t)) k++;
      else if (TIME_MODIFIERS.has(t) && TIME_NOUNS.has(n)) k += 2;
      else if (t === 'on' && TIME_NOUNS.has(n)) k += 2;
      else return k;
    }
  }

  /** Skips spaces and a comma after "that". */
  private skipClauseOpening(from: number, cut: number): number {
    let i = from;
    while (i < cut && /[\s,]/.test(this.text[i] ?? '')) i++;
    return i;
  }

  /**
   * Emits the claim(s) of a reported clause [from, to): split at ", but that" /
   * ", and that"; a clause that is exactly one quotation is a quoted claim.
   */
  private clauseClaims(from: number, to: number, speaker: Speaker | null, block: number): boolean {
    // ", calling it “…”": a naming participle ends the reported clause; its fragment is a claim of its own.
    const naming = NAMING_PARTICIPLE.exec(this.text.slice(from, to));
    if (naming) to = from + naming.index;
    const body = this.text.slice(from, to);
    const split = /,\s+(?:and|but)\s+that\s+/.exec(body);
    if (split) {
      const a = this.clauseClaims(from, from + split.index, speaker, block);
      const b = this.clauseClaims(from + split.index + split[0].length, to, speaker, block);
      return a || b;
    }
    const q = this.quoteAt(from);
    if (q && q.open === from && /^[\s.,;:!?]*$/.test(this.text.slice(q.close, to))) {
      return this.quoteClaim(q, speaker, block);
    }
    return this.add(from, to, false, speaker, block);
  }

  /** A trailing attribution ("…, Kim said."): the claim is the words before it. */
  private tailClaim(cue: Cue, toks: readonly Tok[], segStart: number, cut: number, block: number): number {
    const regionStart = cue.npEnd > cue.npStart || cue.boundaryWord !== null ? cue.regionStart : (toks[cue.verb]?.start ?? 0);
    const before = this.text.slice(Math.max(segStart, regionStart - 4), regionStart);
    if (!/[,\u201D"']\s*$/.test(before) && !/[,]/.test(before)) return 0;
    if (cue.boundaryWord === 'which' || cue.boundaryWord === 'who') return 0;
    let preEnd = regionStart;
    while (preEnd > segStart && /[\s,]/.test(this.text[preEnd - 1] ?? '')) preEnd--;
    if (preEnd <= segStart) return 0;
    // "X also said:" introduces what follows; it does not attribute what precedes.
    const verbEndOffset = toks[cue.verbEnd - 1]?.end ?? 0;
    if (/^\s*:/.test(this.text.slice(verbEndOffset, verbEndOffset + 3))) return 0;
    const lastQuote = this.quoteAt(preEnd - 1);
    const preWords = countWords(this.text, segStart, preEnd);
    // Words after the attribution: "The deal, Trump said, will …" (a short subject before it).
    const afterAttribution = this.afterAttribution(cue, toks, cut);
    const preIsClause = this.looksLikeClause(segStart, preEnd) && !SUBORDINATORS.has(lowerCase(wordsIn(this.text, segStart, preEnd, 1)[0]?.w ?? ''));
    if ((preWords <= 4 || !preIsClause) && afterAttribution !== null && !lastQuote) {
      return this.clauseClaims(afterAttribution, cut, cue.speaker, block) ? cut : 0;
    }
    if (lastQuote && lastQuote.close >= preEnd - 1) {
      const quoteWords = countWords(this.text, lastQuote.contentStart, lastQuote.contentEnd);
      const inSegment = Math.max(lastQuote.open, segStart) === lastQuote.open;
      if (inSegment && quoteWords >= preWords * QUOTE_SHARE_FOR_QUOTED) {
        this.quoteClaim(lastQuote, cue.speaker, block);
        // Earlier quotes of the same attribution stretch ("“A” … “B,” he said").
        for (const q of this.quotesInRange(segStart, lastQuote.open)) {
          if (q !== lastQuote && q.open >= segStart && q.close <= lastQuote.open && !this.usedQuotes.has(q)) {
            this.quoteClaim(q, cue.speaker, block);
          }
        }
        return regionStart;
      }
      if (!inSegment && lastQuote.block === block) {
        // The sentence began inside a quote that opened in an earlier sentence: attribute that quote.
        this.quoteClaim(lastQuote, cue.speaker, block);
        return regionStart;
      }
    }
    let from = segStart;
    const firstQuote = this.quoteAt(from);
    if (firstQuote && firstQuote.open < from) from = firstQuote.close;
    if (!this.looksLikeClause(from, preEnd)) return 0;
    return this.add(from, preEnd, false, cue.speaker, block) ? regionStart : 0;
  }

  /** Whether [from, to) reads as a statement rather than an introductory phrase ("In an interview"). */
  private looksLikeClause(from: number, to: number): boolean {
    const words = wordsIn(this.text, from, to, 3);
    const first = lowerCase(words[0]?.w ?? '');
    if (words.length < 3) return false;
    if (PREPOSITIONS.has(first) && !this.text.slice(from, to).includes(',')) return false;
    return true;
  }

  /** Start of the words after a parenthetical attribution (", Trump said, will …"), or null. */
  private afterAttribution(cue: Cue, toks: readonly Tok[], cut: number): number | null {
    let j = cue.verbEnd;
    if (this.isInverted(cue, toks)) {
      const span = this.phraseAfter(toks, cue.verbEnd, 8);
      if (span) while (j < toks.length && (toks[j]?.end ?? 0) <= span[1]) j++;
    }
    j = this.skipTime(toks, j);
    const prevEnd = toks[j - 1]?.end ?? 0;
    const next = toks[j];
    if (!next || next.start >= cut) return null;
    if (!/^\s*,\s*$/.test(this.text.slice(prevEnd, next.start)) && !/^\s*,\s*["\u201C]$/.test(this.text.slice(prevEnd, next.start))) return null;
    return this.text.slice(prevEnd, next.start).includes('"') || this.text.slice(prevEnd, next.start).includes('\u201C')
      ? prevEnd + this.text.slice(prevEnd, next.start).search(/["\u201C]/)
      : next.start;
  }

  /** Quotations of a sentence not yet used: attributed fragments and follow-on quotes. */
  private fragments(quotes: readonly QuoteSpan[], toks: readonly Tok[], sentenceStart: number, cues: readonly Cue[], cueSpeaker: Speaker | null, block: number): void {
    const fragmentIdx = this.fragmentCue;
    const fragmentCue = toks[fragmentIdx];
    let speaker: Speaker | null | undefined;
    for (const q of quotes) {
      if (this.usedQuotes.has(q)) continue;
      if (this.overlaps(q.contentStart, q.contentEnd)) {
        this.usedQuotes.add(q);
        continue;
      }
      // A quote opening the sentence is left for follow-on attribution (leftoverQuotes).
      if (q.open - sentenceStart < 4 && /^\s*$/.test(this.text.slice(sentenceStart, q.open))) continue;
      const attributedHere = cues.length > 0 || (fragmentCue !== undefined && fragmentCue.start < q.open);
      if (!attributedHere || this.isNamingLabel(q, toks)) continue;
      speaker ??= cueSpeaker ?? this.fragmentSpeaker(toks, fragmentIdx, sentenceStart);
      // "dubbed “X” by critics": the namer after "by" speaks this fragment.
      const namer = this.labelNamer(q, toks);
      if (namer ?? speaker) this.quoteClaim(q, namer ?? speaker ?? null, block);
    }
  }

  /**
   * Whether a quotation is a name or label given without a namer: "so-called
   * “X”", "known as “X”", "Dubbed “X”, the plan …", "the plan, dubbed “X”,"
   * and "a scheme called “X”" (unless "by …" follows and says who named it).
   * "Kim called the deal “a disaster”" has a namer and an object, so it is
   * not a label.
   */
  private isNamingLabel(q: QuoteSpan, toks: readonly Tok[]): boolean {
    const i = lastTokenBefore(toks, q.open);
    const prev = toks[i];
    if (!prev || prev.inQuote || !/^\s*$/.test(this.text.slice(prev.end, q.open))) return false;
    if (prev.lower === 'or' || prev.lower === 'and') {
      // "dubbed “A” or “B”": a label coordinated with a label.
      const earlier = toks[i - 1]?.inQuote ? this.quoteAt(toks[i - 1]?.start ?? 0) : null;
      return earlier !== null && earlier !== q && earlier.open < q.open && this.isNamingLabel(earlier, toks);
    }
    if (/\s*by\b/y.test(this.text.slice(q.close, q.close + 4))) return false;
    if (prev.lower === 'so-called' || (prev.lower === 'as' && toks[i - 1]?.lower === 'known')) return true;
    if (!NAMING_LABEL_VERBS.has(prev.lower)) return false;
    const before = toks[i - 1];
    if (!before || i === 0) return true;
    if (this.gapHasAny(before.end, prev.start, COMMA)) return true;
    // "a scheme called “X”": a common noun right after a determiner, not a namer ("critics called").
    return before.w === before.lower && NOUN_DETERMINERS.has(toks[i - 2]?.lower ?? '') && !SUBJECT_PRONOUNS.has(before.lower);
  }

  /** For "dubbed “X” by critics" (a naming verb, the quotation, "by"), the namer after "by"; else null. */
  private labelNamer(q: QuoteSpan, toks: readonly Tok[]): Speaker | null {
    const by = lastTokenBefore(toks, q.close) + 1;
    if (toks[by]?.lower !== 'by' || !/^[\s,]*$/.test(this.text.slice(q.close, toks[by]?.start ?? 0))) return null;
    if (!NAMING_LABEL_VERBS.has(toks[lastTokenBefore(toks, q.open)]?.lower ?? '')) return null;
    const span = this.phraseAfter(toks, by + 1, 6);
    return span ? this.resolver.resolve(span[0], span[1]) : null;
  }

  /** The speaker of a naming verb ("Mnuchin called it …", "what he called …"), else the sentence subject. */
  private fragmentSpeaker(toks: readonly Tok[], fragmentIdx: number, sentenceStart: number): Speaker | null {
    if (fragmentIdx >= 0) {
      const cue = this.buildCue('verb', fragmentIdx, fragmentIdx + 1, toks, sentenceStart);
      if (cue.npEnd > cue.npStart) {
        const sp = this.resolver.resolve(toks[cue.npStart]?.start ?? 0, toks[cue.npEnd - 1]?.end ?? 0);
        if (sp) return sp;
      }
    }
    return this.subject(toks);
  }

  /**
   * Quotations that open a sentence and found no attribution in it: they
   * continue the speaker of the paragraph's previous quote, or of the
   * previous paragraph when the paragraph opens with the quotation.
   */
  private leftoverQuotes(quotes: readonly QuoteSpan[], block: number): void {
    let previous: Speaker | null = null;
    for (const q of quotes) {
      if (this.usedQuotes.has(q)) {
        previous = this.quoteSpeakers.get(q) ?? previous;
        continue;
      }
      if (this.overlaps(q.contentStart, q.contentEnd)) continue;
      const sentenceStartQuote = /(?:^|[.!?]["\u201D]?\s+)$/.test(this.text.slice(Math.max(0, q.open - 4), q.open)) || q.opensBlock;
      if (!sentenceStartQuote) continue;
      let speaker = previous;
      if (!speaker && q.opensBlock) speaker = this.lastSpeakerInBlock.get(block - 1) ?? null;
      if (!speaker && !q.closed) this.pendingRunOn = q;
      if (speaker) {
        this.quoteClaim(q, speaker, block);
        previous = speaker;
      }
    }
  }

  /**
   * A quote left open at the end of the previous paragraph, with no speaker
   * there, takes the speaker of this paragraph's first attributed quote (the
   * quote it runs on into).
   */
  private resolveRunOn(quotes: readonly QuoteSpan[], block: number): void {
    const pending = this.pendingRunOn;
    if (!pending || pending.block !== block - 1) return;
    this.pendingRunOn = null;
    for (const q of quotes) {
      const sp = this.quoteSpeakers.get(q);
      if (sp) {
        this.quoteClaim(pending, sp, pending.block);
        return;
      }
    }
  }

  private quoteClaim(q: QuoteSpan, speaker: Speaker | null, block: number): boolean {
    this.usedQuotes.add(q);
    this.quoteSpeakers.set(q, speaker);
    if (isBareImperative(this.text.slice(q.contentStart, q.contentEnd))) {
      // A command ("Leave now.") asserts nothing, but its speaker still carries on to the next quote.
      if (speaker) this.lastSpeakerInBlock.set(block, speaker);
      return false;
    }
    return this.add(q.contentStart, q.contentEnd, true, speaker, block);
  }

  /** Whether a block is a short unpunctuated list item. */
  private isListItem(start: number, end: number): boolean {
    if (end - start > MAX_LIST_ITEM) return false;
    const body = this.text.slice(start, end).trim();
    return body.length > 0 && !/[.!?:"\u201D]$/.test(body) && countWords(this.text, start, end, 4) >= 4;
  }

  /** The speaker of a paragraph ending "X also said:" (introducing a list), or null. */
  private listIntroSpeaker(start: number, end: number): Speaker | null {
    // `text.slice(start, end).trimEnd().endsWith(':')`, without copying the paragraph.
    let lastChar = end - 1;
    while (lastChar >= start && isRegexSpace(this.text.charCodeAt(lastChar))) lastChar--;
    if (lastChar < start || this.text.charCodeAt(lastChar) !== 58) return null;
    const toks = this.tokens(start, end);
    const last = toks[toks.length - 1];
    if (!last || !(FREE_CLAUSE_VERBS.has(last.lower) || THAT_CLAUSE_VERBS.has(last.lower))) return null;
    const cue = this.buildCue('verb', toks.length - 1, toks.length, toks, start);
    if (cue.npEnd <= cue.npStart) return null;
    return this.resolver.resolve(toks[cue.npStart]?.start ?? 0, toks[cue.npEnd - 1]?.end ?? 0);
  }

  /** Adds a claim after trimming; refuses empty or overlapping spans. Returns true when added. */
  private add(start: number, end: number, quoted: boolean, speaker: Speaker | null, block?: number): boolean {
    let a = start;
    let b = end;
    while (a < b && /[\s,;:\u2014\u2013-]/.test(this.text[a] ?? '')) a++;
    while (b > a && /[\s,;:]/.test(this.text[b - 1] ?? '')) b--;
    if (!quoted) {
      while (b > a && /[\s,;:.]/.test(this.text[b - 1] ?? '') && !CLOSING_QUOTES.test(this.text[b - 2] ?? '')) b--;
      if (countWords(this.text, a, b, 2) < 2) return false;
    }
    if (b <= a) return false;
    if (this.overlaps(a, b)) return false;
    const at = this.draftIndexBefore(b);
    const draft: Draft = { start: a, end: b, quoted, speaker };
    if (at === this.drafts.length) this.drafts.push(draft);
    else this.drafts.splice(at, 0, draft);
    for (const q of this.quotesInRange(a, b)) {
      if (q.contentStart >= a && q.contentEnd <= b) this.usedQuotes.add(q);
    }
    const blk = block ?? this.resolver.blockOf(a);
    if (speaker) {
      this.resolver.remember(a, speaker);
      this.lastSpeakerInBlock.set(blk, speaker);
    }
    return true;
  }
}

/**
 * Finds the claims of an article: quoted statements (the words between the
 * quotation marks) and reported statements (the reported clause), each with
 * its speaker, linked to an official (canonical name and entity id) when an
 * official mention names the speaker. Sorted by start offset.
 */
export function detectClaims(article: ArticleText, officials: readonly OfficialMention[]): Claim[] {
  return drain(detectClaimsSteps(article, officials));
}

/**
 * `detectClaims` as resumable steps, for the sliced engine: a pause after
 * each block (whose quotes and people are read as the block is reached) and
 * after every few hundred claims scored, so that no step reads the article.
 */
export function* detectClaimsSteps(article: ArticleText, officials: readonly OfficialMention[]): Steps<Claim[]> {
  const finder = new ClaimFinder(article, officials);
  yield;
  return yield* finder.steps();
}
