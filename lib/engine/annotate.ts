/**
 * The engine in one call: officials, figures (checked against pack series),
 * claims with their speakers, and the topics the article is about. Pure over
 * the article text, so the content script, the CLI, the evaluation and the
 * benchmark all run exactly the same composition.
 */
import type { Annotations, ArticleText } from '../types';
import type { KnowledgePack } from '../packs/types';
import { detectOfficials } from './officials';
import { detectFigures } from './figures';
import { checkFigures } from './figure-check';
import { detectClaims } from './claims';
import { detectTopicsInTokens } from './topics';
import { tokenize } from './phrase-matcher';

/**
 * Annotates one article with the given knowledge packs. Claims come after
 * officials because speakers are resolved against the officials found; figure
 * checks only run on figures already found.
 */
export function annotate(article: ArticleText, packs: readonly KnowledgePack[]): Annotations {
  // One word list for the officials and the topics (tokenizing is a large share of the work).
  const tokens = tokenize(article.text);
  const officials = detectOfficials(article, packs, tokens);
  const figures = checkFigures(article, detectFigures(article), packs);
  const claims = detectClaims(article, officials);
  const topics = detectTopicsInTokens(tokens, packs);
  return { date: article.date, officials, figures, claims, topics };
}
