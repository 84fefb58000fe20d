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

/** The pattern signals in the order their reasons are given: bit i of a verdict's mask is `TESTED[i]`, the next bit a short fragment. */
const TESTED: readonly Signal[] = [...RAISERS, ...LOWERERS];

/** What each bit of a mask adds to the score, and its reason (lowering weights negative). */
const SIGNALS: readonly { reason: string; weight: number }[] = [
  ...RAISERS,
  ...LOWERERS.map((s) => ({ reason: s.reason, weight: -s.weight })),
  { reason: 'is a short fragment', weight: -0.15 },
];

/**
 * The verdicts, one frozen object per set of reasons (the score follows from
 * the reasons), shared by every claim that earns it. Why: a long article's
 * thousands of claims earn a dozen distinct verdicts; one object each was
 * work for the engine, and the background's encoder then had to compare the
 * copies by content, one JSON string each (`lib/remote/columns.ts`).
 */
const verdicts = new Map<number, CheckWorthiness>();

/** The shared verdict for the signals in `mask`, made on first use (adding the weights in the order the reasons are given). */
function verdictOf(mask: number): CheckWorthiness {
  const known = verdicts.get(mask);
  if (known) return known;
  let score = BASE_SCORE;
  const reasons: string[] = [];
  SIGNALS.forEach((s, i) => {
    if ((mask & (1 << i)) === 0) return;
    score += s.weight;
    reasons.push(s.reason);
  });
  // Frozen, array too: a consumer that changed a shared verdict would change every claim's.
  const verdict = Object.freeze({ score: clamp(score), reasons: Object.freeze(reasons) as string[] });
  verdicts.set(mask, verdict);
  return verdict;
}

/**
 * Scores a claim's text from 0 (not worth checking) to 1 (check first) and
 * says why in short phrases ("states a number", "makes a causal claim").
 */
export function scoreClaim(text: string): CheckWorthiness {
  let mask = 0;
  for (let i = 0; i < TESTED.length; i++) if ((TESTED[i] as Signal).pattern.test(text)) mask |= 1 << i;
  if (countWordsUpTo(text, 4) <= 3) mask |= 1 << TESTED.length;
  return verdictOf(mask);
}
