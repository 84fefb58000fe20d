/**
 * Check-worthiness: how much a claim is worth checking, with reasons a reader
 * can understand. Deterministic and cheap: a handful of word lists and one
 * pass of regular expressions over the claim text (no nested quantifiers).
 *
 * Statements with numbers, comparisons, causes and absolutes can be checked
 * against records, so they score higher; opinions and vague statements
 * ("I think", "very good") cannot, so they score lower.
 */
import type { CheckWorthiness } from '../types';
import { isRegexSpace } from './claims/chars';

interface Signal {
  reason: string;
  weight: number;
  pattern: RegExp;
}

/** Signals that make a statement checkable, strongest first. */
const RAISERS: readonly Signal[] = [
  {
    reason: 'states a number',
    weight: 0.3,
    pattern: /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion|trillion|half|twice|double|triple)\b|%|\bper ?cent\b/i,
  },
  {
    reason: 'makes a comparison',
    weight: 0.2,
    pattern: /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|up|down) (?:than|from)\b|\b(?:doubled|tripled|halved|increased|decreased|rose|fell|grew|shrank|surged|plunged|dropped|declined|widened|narrowed)\b/i,
  },
  {
    reason: 'uses a superlative',
    weight: 0.15,
    pattern: /\b(?:largest|biggest|highest|lowest|greatest|smallest|worst|best|most|least|fastest|slowest|strongest|weakest|record)\b/i,
  },
  {
    reason: 'makes a causal claim',
    weight: 0.2,
    pattern: /\b(?:because|caused?|causing|led to|leads to|lead to|leading to|result(?:ed|s)? (?:in|from)|the result of|due to|blamed?|responsible for|contributed to|thanks to|so that|offset)\b/i,
  },
  {
    reason: 'uses an absolute',
    weight: 0.1,
    pattern: /\b(?:never|always|all|every|none|no one|nobody|nothing|only|entirely|completely|any)\b/i,
  },
  {
    reason: 'refers to a date or period',
    weight: 0.1,
    pattern: /\b(?:since|until|by|in|during) (?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:last|past|next) (?:year|month|week|decade)\b/,
  },
];

/** Signals of opinion, intent or vagueness, which records cannot settle. */
const LOWERERS: readonly Signal[] = [
  {
    reason: 'is an opinion',
    weight: 0.2,
    pattern: /\b(?:I|we) (?:think|believe|feel|hope|love|like)\b|\b(?:should|ought to|must)\b|\b(?:great|nice|good|bad|terrible|horrible|wonderful|happy|fair)\b/i,
  },
  {
    reason: 'is vague or speculative',
    weight: 0.15,
    pattern: /\b(?:may|might|could|perhaps|possibly|maybe|some|somewhat|soon|hard to predict)\b/i,
  },
];

const BASE_SCORE = 0.3;

/** `text.split(/\s+/).filter(Boolean).length`, counting no further than `limit` and building no list. */
function countWordsUpTo(text: string, limit: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length && n < limit; i++) {
    const space = isRegexSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, Math.round(x * 100) / 100));
}

/**
 * Scores a claim's text from 0 (not worth checking) to 1 (check first) and
 * says why in short phrases ("states a number", "makes a causal claim").
 */
export function scoreClaim(text: string): CheckWorthiness {
  let score = BASE_SCORE;
  const reasons: string[] = [];
  for (const s of RAISERS) {
    if (s.pattern.test(text)) {
      score += s.weight;
      reasons.push(s.reason);
    }
  }
  for (const s of LOWERERS) {
    if (s.pattern.test(text)) {
      score -= s.weight;
      reasons.push(s.reason);
    }
  }
  if (countWordsUpTo(text, 4) <= 3) {
    score -= 0.15;
    reasons.push('is a short fragment');
  }
  return { score: clamp(score), reasons };
}
