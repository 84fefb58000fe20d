/**
 * The engine entry points the fuzz drives, each as "text in, something out",
 * plus the span checks every result must pass. Keeping them in one table lets
 * the never-throws property and the time-per-character bound cover exactly
 * the same functions.
 */
import { annotate } from '../../lib/engine/annotate';
import { detectClaims } from '../../lib/engine/claims';
import { resolveRelative } from '../../lib/engine/dates';
import { checkFigures } from '../../lib/engine/figure-check';
import { detectFigures } from '../../lib/engine/figures';
import { parseMoney, parseNumberWords, parseNumeral } from '../../lib/engine/numbers';
import { detectOfficials } from '../../lib/engine/officials';
import { tokenize } from '../../lib/engine/phrase-matcher';
import { findQuotes } from '../../lib/engine/quotes';
import { splitSentences } from '../../lib/engine/sentences';
import { scoreClaim } from '../../lib/engine/worthiness';
import { bundledPacks } from '../../lib/packs/bundled';
import type { Annotations, Span } from '../../lib/types';
import { articleOf } from './engine-inputs';

/** One engine entry point, run on a string. */
export interface EngineTarget {
  name: string;
  run: (text: string) => unknown;
}

/** Every parser and detector, from the smallest to the whole engine. */
export const ENGINE_TARGETS: readonly EngineTarget[] = [
  { name: 'parseNumeral', run: (t) => parseNumeral(t) },
  { name: 'parseNumberWords', run: (t) => parseNumberWords(t) },
  { name: 'parseMoney', run: (t) => parseMoney(t) },
  { name: 'resolveRelative', run: (t) => resolveRelative(t, '2017-08-23', { anchorYear: 2012 }) },
  { name: 'tokenize', run: (t) => tokenize(t) },
  { name: 'splitSentences', run: (t) => splitSentences(t) },
  { name: 'scoreClaim', run: (t) => scoreClaim(t) },
  { name: 'findQuotes', run: (t) => findQuotes(articleOf(t)) },
  { name: 'detectFigures', run: (t) => detectFigures(articleOf(t)) },
  { name: 'checkFigures', run: (t) => { const a = articleOf(t); return checkFigures(a, detectFigures(a), bundledPacks); } },
  { name: 'detectOfficials', run: (t) => detectOfficials(articleOf(t), bundledPacks) },
  { name: 'detectClaims', run: (t) => { const a = articleOf(t); return detectClaims(a, detectOfficials(a, bundledPacks)); } },
  { name: 'annotate', run: (t) => annotate(articleOf(t, '2017-08-23', true), bundledPacks) },
];

/** Problems with a list of spans over `text`: out of bounds, empty, or `text` not the slice it claims. */
export function spanProblems(text: string, spans: readonly Span[], label: string): string[] {
  const out: string[] = [];
  for (const s of spans) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length)) {
      out.push(`${label}: bad bounds ${s.start}-${s.end} (text length ${text.length})`);
    } else if (s.text !== text.slice(s.start, s.end)) {
      out.push(`${label}: text ${JSON.stringify(s.text)} is not the slice ${JSON.stringify(text.slice(s.start, s.end))}`);
    }
  }
  return out;
}

/** Every span problem in a full annotation result. */
export function annotationProblems(text: string, a: Annotations): string[] {
  return [
    ...spanProblems(text, a.officials, 'official'),
    ...spanProblems(text, a.figures, 'figure'),
    ...spanProblems(text, a.claims, 'claim'),
    ...a.figures.filter((f) => typeof f.value === 'number' && !Number.isFinite(f.value)).map((f) => `figure: non-finite value for ${JSON.stringify(f.text)}`),
  ];
}

/**
 * CPU microseconds per character for one run of `target` on `text`. CPU time
 * of this process, not wall time: the fuzz files run side by side on a shared
 * machine, and a busy neighbour must not look like backtracking.
 */
export function microsPerChar(target: EngineTarget, text: string): number {
  const before = process.cpuUsage();
  target.run(text);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / Math.max(1, text.length);
}
