/**
 * How many cases a fuzz test runs and with which seed, from the environment,
 * so the unit run stays quick, `npm run fuzz` goes deep, and any failure can
 * be replayed: `GLOSS_FUZZ_SEED=<seed> npm run fuzz`.
 */

/** The default seed: fixed, so every run tests the same cases unless told otherwise. */
export const DEFAULT_SEED = 20_170_823;

/** Cases to run: `GLOSS_FUZZ_RUNS` when set (the fuzz config sets it), else `fallback`. */
export function fuzzRuns(fallback: number): number {
  const n = Number(process.env.GLOSS_FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The seed: `GLOSS_FUZZ_SEED` when set, else `DEFAULT_SEED`. */
export function fuzzSeed(): number {
  const n = Number(process.env.GLOSS_FUZZ_SEED);
  return Number.isInteger(n) ? n : DEFAULT_SEED;
}
