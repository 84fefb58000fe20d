/**
 * `tsx scripts/bench-steps.ts [--chars N] [--runs N]`
 *
 * How long the engine holds the main thread between two pauses. The content
 * script runs the engine's resumable steps a slice at a time
 * (`annotateInSlices`), so a step that runs long becomes a long task on the
 * page. This runs each detector's steps on the synthetic ~1 MB article (the
 * browser benchmark's 1.5 MB page is half as big again) and prints, per
 * detector, its total time, its number of steps and its longest step.
 */
import { checkFiguresSteps } from '../lib/engine/figure-check';
import { detectClaimsSteps } from '../lib/engine/claims';
import { detectFiguresSteps } from '../lib/engine/figures';
import { detectOfficialsSteps } from '../lib/engine/officials';
import { tokenizeSteps } from '../lib/engine/phrase-matcher';
import type { Steps } from '../lib/engine/steps';
import { detectTopicsInTokens } from '../lib/engine/topics';
import { bundledPacks } from '../lib/packs/bundled';
import { makeBigArticle } from './make-big-article';

/** Timing of one detector's steps. */
export interface StepTiming {
  name: string;
  totalMs: number;
  steps: number;
  longestMs: number;
}

/** Drives `steps` to the end, timing every stretch between two yields. */
export function timeSteps<T>(name: string, steps: Steps<T>): { timing: StepTiming; value: T } {
  let longestMs = 0;
  let count = 0;
  const start = performance.now();
  for (;;) {
    const t0 = performance.now();
    const r = steps.next();
    const ms = performance.now() - t0;
    count++;
    if (ms > longestMs) longestMs = ms;
    if (r.done) return { timing: { name, totalMs: performance.now() - start, steps: count, longestMs }, value: r.value };
  }
}

function once<T>(name: string, run: () => T): { timing: StepTiming; value: T } {
  const t0 = performance.now();
  const value = run();
  const ms = performance.now() - t0;
  return { timing: { name, totalMs: ms, steps: 1, longestMs: ms }, value };
}

function main(argv: readonly string[]): void {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const article = makeBigArticle(Number(flag('--chars') ?? 1_000_000));
  const runs = Math.max(1, Number(flag('--runs') ?? 3));
  let last: StepTiming[] = [];
  // The first runs warm the JIT; the last one is reported.
  for (let run = 0; run < runs; run++) {
    const tokens = timeSteps('tokenize', tokenizeSteps(article.text));
    const officials = timeSteps('officials', detectOfficialsSteps(article, bundledPacks, tokens.value));
    const found = timeSteps('figures', detectFiguresSteps(article));
    const checked = timeSteps('figure checks', checkFiguresSteps(article, found.value, bundledPacks));
    const claims = timeSteps('claims', detectClaimsSteps(article, officials.value));
    const topics = once('topics', () => detectTopicsInTokens(tokens.value, bundledPacks));
    last = [tokens.timing, officials.timing, found.timing, checked.timing, claims.timing, topics.timing];
  }
  process.stdout.write(`Engine steps on a ${(article.text.length / 1e6).toFixed(2)} M-character article (run ${runs} of ${runs}):\n`);
  for (const t of last) {
    process.stdout.write(`  ${t.name.padEnd(14)} ${t.totalMs.toFixed(0).padStart(6)} ms in ${String(t.steps).padStart(6)} steps, longest ${t.longestMs.toFixed(1).padStart(6)} ms\n`);
  }
  const worst = Math.max(...last.map((t) => t.longestMs));
  process.stdout.write(`  longest step overall: ${worst.toFixed(1)} ms (a slice can never be shorter than its longest step)\n`);
}

main(process.argv.slice(2));
