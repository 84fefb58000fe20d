/**
 * The engine in one call: officials, figures (checked against pack series),
 * claims with their speakers, and the topics the article is about. Pure over
 * the article text, so the content script, the CLI, the evaluation and the
 * benchmark all run exactly the same composition.
 *
 * The composition is written once, as resumable steps (`annotateSteps`):
 * `annotate` drains them at once (Node, CLI, tests), `annotateInSlices` runs
 * them a time slice at a time and yields to the page in between (content
 * script), so no slice becomes a long task and both give the same result.
 */
import type { Annotations, ArticleText, Figure, OfficialMention } from '../types';
import type { KnowledgePack } from '../packs/types';
import { detectOfficialsSteps } from './officials';
import { detectFiguresSteps } from './figures';
import { checkFiguresSteps } from './figure-check';
import { detectClaimsSteps } from './claims';
import { detectTopicsInTokens } from './topics';
import { tokenizeSteps } from './phrase-matcher';
import { drain, runInSlices, type Steps } from './steps';

/**
 * Called as each list is final, before the engine goes on to the next: the
 * background sends officials and figures to the page while it still looks for
 * claims. The lists passed are the ones the result will hold.
 */
export interface AnnotateProgress {
  officials?: (officials: OfficialMention[]) => void;
  figures?: (figures: Figure[]) => void;
}

/**
 * The engine as resumable steps. Claims come after officials because speakers
 * are resolved against the officials found; figure checks only run on figures
 * already found. Article-wide context (surname links, the year relative dates
 * count from, speaker continuity) is carried inside each detector's state
 * across pauses, so pausing changes nothing in the result.
 */
export function* annotateSteps(article: ArticleText, packs: readonly KnowledgePack[], progress?: AnnotateProgress): Steps<Annotations> {
  // One word list for the officials and the topics (tokenizing is a large share of the work).
  const tokens = yield* tokenizeSteps(article.text);
  const officials = yield* detectOfficialsSteps(article, packs, tokens);
  progress?.officials?.(officials);
  yield;
  const found = yield* detectFiguresSteps(article);
  const figures = yield* checkFiguresSteps(article, found, packs);
  progress?.figures?.(figures);
  yield;
  const claims = yield* detectClaimsSteps(article, officials);
  const topics = detectTopicsInTokens(tokens, packs);
  return { date: article.date, officials, figures, claims, topics };
}

/** Annotates one article with the given knowledge packs, in one go. */
export function annotate(article: ArticleText, packs: readonly KnowledgePack[]): Annotations {
  return drain(annotateSteps(article, packs));
}

/** How `annotateInSlices` shares the main thread. */
export interface AnnotateSliceOptions {
  /** Longest run between yields, in ms (default 8). */
  budgetMs?: number;
  /** Gives the event loop a turn (e.g. `scheduler.yield()`); injected so the engine stays DOM-free. */
  yield: () => Promise<void>;
  /** Clock, injectable for tests (default `performance.now`). */
  now?: () => number;
  /** Stops the work between slices; the promise then resolves to null. */
  signal?: AbortSignal;
  /** Told as officials, then figures, are final (see `AnnotateProgress`). */
  progress?: AnnotateProgress;
}

/**
 * Annotates like `annotate`, but in slices of at most about `budgetMs`
 * (a single step can overrun it), awaiting `options.yield()` between slices.
 * Resolves to the same annotations `annotate` returns, or null when aborted.
 */
export async function annotateInSlices(
  article: ArticleText,
  packs: readonly KnowledgePack[],
  options: AnnotateSliceOptions,
): Promise<Annotations | null> {
  return runInSlices(annotateSteps(article, packs, options.progress), options);
}
