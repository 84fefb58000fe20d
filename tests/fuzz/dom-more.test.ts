// @vitest-environment happy-dom
/**
 * The second half of `npm run fuzz`'s DOM pages: the same property as
 * tests/unit/fuzz-dom.test.ts on the next seed, in its own worker so the two
 * halves run on both cores. Only the fuzz config includes this file.
 */
import { describe, expect, it } from 'vitest';
import { describeTotals, domFuzz } from './dom-property';
import { fuzzRuns, fuzzSeed } from './settings';

const RUNS = fuzzRuns(300);
const SEED = fuzzSeed() + 1;

describe('DOM fuzz, second seed', () => {
  it(`keeps every page intact and every range valid on both paint paths (${RUNS} pages, seed ${SEED})`, async () => {
    const totals = await domFuzz(document, RUNS, SEED);
    console.log(describeTotals(totals, SEED));
    expect(totals.articles).toBeGreaterThan(totals.pages / 2);
    expect(totals.painted).toBeGreaterThan(totals.pages);
  }, 3_600_000);
});
