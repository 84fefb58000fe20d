/**
 * The DOM fuzz property, shared by the unit run (tests/unit/fuzz-dom.test.ts)
 * and the second half of `npm run fuzz` (tests/fuzz/dom-more.test.ts), which
 * runs it on another seed in a second worker so the 10,000 pages use both cores.
 */
import fc from 'fast-check';
import { articlePage, pageEdits, textSurgeries } from './article-arbitrary';
import { EngineCache, runCase } from './dom-pipeline';

/** What one fuzz run saw. */
export interface DomFuzzTotals {
  pages: number;
  /** Pages where the extractor found an article. */
  articles: number;
  /** Highlights painted per path, summed over pages (the two paths must agree). */
  painted: number;
  ms: number;
}

/**
 * Runs `runs` random pages, each on both paint paths, and throws fast-check's
 * report (seed, replay path, shrunk page) on the first broken invariant.
 */
export async function domFuzz(doc: Document, runs: number, seed: number): Promise<DomFuzzTotals> {
  const totals: DomFuzzTotals = { pages: 0, articles: 0, painted: 0, ms: 0 };
  const engine = new EngineCache();
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(articlePage, textSurgeries, pageEdits, async (html, surgeries, edits) => {
      const api = await runCase(doc, html, surgeries, edits, 'highlights', engine);
      const marks = await runCase(doc, html, surgeries, edits, 'marks', engine);
      // Both paths paint the same items: the fallback may not drop or add any.
      if (api.painted !== marks.painted || api.article !== marks.article) {
        throw new Error(`the paint paths disagree: ${JSON.stringify({ api, marks })}`);
      }
      totals.pages++;
      if (api.article) totals.articles++;
      totals.painted += api.painted;
    }),
    { numRuns: runs, seed },
  );
  totals.ms = performance.now() - started;
  return totals;
}

/** One line for the log: what ran, how fast, and the seed to replay it. */
export function describeTotals(t: DomFuzzTotals, seed: number): string {
  const per = t.pages ? (t.ms / t.pages).toFixed(1) : '0';
  return `DOM fuzz: ${t.pages} pages × 2 paint paths, ${t.articles} with an article, ${t.painted} highlights per path, 0 errors; ${per} ms/page; seed ${seed}`;
}
