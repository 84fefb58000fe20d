import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * `npm run fuzz`: the property-based tests at depth. 5,000 DOM pages per seed
 * on two seeds (10,000 pages, each on both paint paths), 5,000 strings per
 * engine entry point, and every adversarial unit timed at 100,000 characters.
 * Replay a failure with `GLOSS_FUZZ_SEED=<seed> npm run fuzz`; see docs/reliability.md.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/fuzz-*.test.ts', 'tests/fuzz/**/*.test.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
    // The two DOM halves are CPU-bound and independent: run them side by side (Vitest's default is cores − 1).
    maxWorkers: 2,
    env: {
      GLOSS_FUZZ_RUNS: process.env.GLOSS_FUZZ_RUNS ?? '5000',
      GLOSS_FUZZ_DEEP: '1',
    },
  },
});
