/**
 * The figures detector's inner shapes: tokens, lines of tokens, rule matches and the article context the rules read.
 */
import type { FigureKind, Period } from '../../types';
import type { YMD } from '../dates';

/** A token of article text. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  type: 'num' | 'word' | 'punct';
  /** No whitespace between this token and the one before. */
  glued: boolean;
  /** The token lies in a headline, where Title Case says nothing about names. */
  title: boolean;
  /** Index of the sentence the token belongs to (for sentence-level context). */
  sentence: number;
}

/** What a rule found: token range (inclusive) plus the figure's normalised data. */
export interface Match {
  first: number;
  last: number;
  kind: FigureKind;
  value: number | string | null;
  unit: string | null;
  relative: boolean;
  period: Period | null;
  /** For relative dates, resolved when the match becomes a figure: extra context. */
  future?: boolean;
  /** An explicit year this figure states (years, dated dates), for anaphora. */
  explicitYear?: number;
  needsAnchor?: boolean;
}

/** The tokens of one line of text: rules never look across a line break. */
export type Line = readonly Token[];

/** What the rules know of the article itself. */
export interface Context {
  articleDate: YMD | null;
}
