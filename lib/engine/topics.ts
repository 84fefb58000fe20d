/**
 * Which packs an article is about: a pack's topic term appears ("KORUS",
 * "Korea-US free trade agreement"), or at least two of its people are named
 * in full. One pass of a cached phrase matcher; no per-term scans.
 */
import type { ArticleText } from '../types';
import type { KnowledgePack } from '../packs/types';
import { PhraseMatcher, memoizeByItems, tokenize, type Token } from './phrase-matcher';

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

/** Topic ids from already-tokenized text (lets the officials detector reuse its tokens). */
export function detectTopicsInTokens(tokens: readonly Token[], packs: readonly KnowledgePack[]): string[] {
  if (packs.length === 0) return [];
  const termHit = new Set<string>();
  const people = new Map<string, Set<string>>();
  for (const m of topicMatcher(packs).matchAll(tokens)) {
    for (const hit of m.values) {
      if (hit.entityId === null) termHit.add(hit.packId);
      else {
        const set = people.get(hit.packId) ?? new Set<string>();
        set.add(hit.entityId);
        people.set(hit.packId, set);
      }
    }
  }
  return packs.filter((p) => termHit.has(p.id) || (people.get(p.id)?.size ?? 0) >= 2).map((p) => p.id);
}

/**
 * Ids of the packs whose topic this article is about, in pack order.
 * Case-insensitive; tolerant of hyphens, "U.S."/"US" and non-breaking spaces.
 */
export function detectTopics(article: ArticleText, packs: readonly KnowledgePack[]): string[] {
  return detectTopicsInTokens(tokenize(article.text), packs);
}
