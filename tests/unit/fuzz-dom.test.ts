// @vitest-environment happy-dom
/**
 * DOM fuzz: random article pages through Gloss's real in-page pipeline, each
 * on both paint paths, the Custom Highlight API and the `<gloss-mark>`
 * fallback (tests/fuzz/dom-pipeline.ts lists the invariants). Seeded and
 * reproducible: GLOSS_FUZZ_SEED picks the seed, GLOSS_FUZZ_RUNS the number of
 * pages (300 here by default; `npm run fuzz` runs 5,000 here and 5,000 more on
 * the next seed in tests/fuzz/dom-more.test.ts). A failure prints the seed, the
 * replay path and the shrunk page.
 */
import { describe, expect, it } from 'vitest';
import { describeTotals, domFuzz } from '../fuzz/dom-property';
import { fuzzRuns, fuzzSeed } from '../fuzz/settings';

const RUNS = fuzzRuns(300);
const SEED = fuzzSeed();

describe('DOM fuzz', () => {
  it(`keeps every page intact and every range valid on both paint paths (${RUNS} pages, seed ${SEED})`, async () => {
    const totals = await domFuzz(document, RUNS, SEED);
    console.log(describeTotals(totals, SEED));
    // The vocabulary is there so annotations actually occur: most pages must be articles with highlights.
    expect(totals.articles).toBeGreaterThan(totals.pages / 2);
    expect(totals.painted).toBeGreaterThan(totals.pages);
  }, 3_600_000);
});
