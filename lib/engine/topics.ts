/**
 * Which packs an article is about: a pack's topic term appears ("KORUS",
 * "Korea-US free trade agreement"), or at least two of its people are named
 * in full. One pass of a cached phrase matcher; no per-term scans.
 */
import type { ArticleText } from '../types';
import type { KnowledgePack } from '../packs/types';
import { PhraseMatcher, memoizeByItems } from './phrase-matcher';
import { drain, type Steps } from './steps';
import { listOf, tokenList, type TokenList, type Tokens } from './tokens';

type TopicHit = { packId: string; entityId: string | null };

const topicMatcher = memoizeByItems((packs: readonly KnowledgePack[]): PhraseMatcher<TopicHit> => {
  const entries: { phrase: string; value: TopicHit }[] = [];
  for (const pack of packs) {
    const term: TopicHit = { packId: pack.id, entityId: null };
    for (const phrase of pack.topicTerms) entries.push({ phrase, value: term });
    for (const entity of pack.entities) {
      const hit: TopicHit = { packId: pack.id, entityId: entity.id };
      for (const phrase of [entity.name, ...entity.aliases, ...entity.misspellings]) entries.push({ phrase, value: hit });
    }
  }
  return new PhraseMatcher(entries);
});

/** Tokens between pauses of `detectTopicsSteps`. */
const TOKENS_PER_STEP = 32768;

/**
 * The last answer per token list (the officials detector asks first, the
 * engine again at the end): the list is immutable, so the same packs give
 * the same topics.
 */
const lastTopics = new WeakMap<TokenList, { packs: readonly KnowledgePack[]; topics: string[] }>();

const samePacks = (a: readonly KnowledgePack[], b: readonly KnowledgePack[]): boolean => a.length === b.length && a.every((p, i) => p === b[i]);

/** Records the topic terms and pack people matched from token `from` while below `limit`; returns where to go on. */
function collectHits(matcher: PhraseMatcher<TopicHit>, list: TokenList, from: number, limit: number, termHit: Set<string>, people: Map<string, Set<string>>): number {
  let i = from;
  while (i < limit) {
    const m = matcher.matchAt(list, i);
    if (!m) {
      i++;
      continue;
    }
    i = m.endToken;
    for (const hit of m.values) {
      if (hit.entityId === null) termHit.add(hit.packId);
      else {
        const set = people.get(hit.packId) ?? new Set<string>();
        set.add(hit.entityId);
        people.set(hit.packId, set);
      }
    }
  }
  return i;
}

/** `detectTopicsInTokens` as resumable steps, for the sliced engine. */
export function* detectTopicsSteps(tokens: Tokens, packs: readonly KnowledgePack[]): Steps<string[]> {
  if (packs.length === 0) return [];
  const list = listOf(tokens);
  const cached = lastTopics.get(list);
  if (cached && samePacks(cached.packs, packs)) return [...cached.topics];
  const matcher = topicMatcher(packs);
  const termHit = new Set<string>();
  const people = new Map<string, Set<string>>();
  // The loop is a plain function (a generator's locals live in a heap frame, which slows a per-token loop).
  for (let i = 0; i < list.length; ) {
    i = collectHits(matcher, list, i, Math.min(list.length, i + TOKENS_PER_STEP), termHit, people);
    if (i < list.length) yield;
  }
  const topics = packs.filter((p) => termHit.has(p.id) || (people.get(p.id)?.size ?? 0) >= 2).map((p) => p.id);
  lastTopics.set(list, { packs: [...packs], topics });
  return [...topics];
}

/** Topic ids from already-tokenized text (lets the officials detector and the engine share one token list). */
export function detectTopicsInTokens(tokens: Tokens, packs: readonly KnowledgePack[]): string[] {
  return drain(detectTopicsSteps(tokens, packs));
}

/**
 * Ids of the packs whose topic this article is about, in pack order.
 * Case-insensitive; tolerant of hyphens, "U.S."/"US" and non-breaking spaces.
 */
export function detectTopics(article: ArticleText, packs: readonly KnowledgePack[]): string[] {
  return detectTopicsInTokens(tokenList(article.text), packs);
}
