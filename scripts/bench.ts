/**
 * `npm run bench [-- --runs N] [--chars N] [--json]`
 *
 * Engine throughput in Node: annotates a ~1 MB synthetic article (see
 * `make-big-article.ts`) N times, and runs compromise (the usual
 * general-purpose NLP library: people, numbers/money, quotations) on the same
 * text in the same process, then prints MB/s, ms per run and the speed ratio
 * Gloss/compromise (target ≥ 20×). Also reports the peak heap while annotating
 * the 1 MB article (the script re-runs itself under `node --expose-gc` for that).
 */
import { spawnSync } from 'node:child_process';
import nlp from 'compromise';
import { annotate } from '../lib/engine/annotate';
import { bundledPacks } from '../lib/packs/bundled';
import type { Annotations, ArticleText } from '../lib/types';
import { makeBigArticle } from './make-big-article';

interface Timing {
  name: string;
  msPerRun: number[];
  /** What one run found, to show both tools did real work. */
  found: Record<string, number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

function timeGloss(article: ArticleText, runs: number): Timing {
  let last: Annotations | null = null;
  const msPerRun: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = annotate(article, bundledPacks);
    msPerRun.push(performance.now() - t0);
  }
  return {
    name: 'Gloss annotate',
    msPerRun,
    found: { officials: last?.officials.length ?? 0, figures: last?.figures.length ?? 0, claims: last?.claims.length ?? 0 },
  };
}

function timeCompromise(text: string, runs: number): Timing {
  const msPerRun: number[] = [];
  let found: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const doc = nlp(text);
    const people = doc.people().out('array') as string[];
    const numbers = doc.numbers().out('array') as string[];
    const money = doc.money().out('array') as string[];
    const quotes = doc.quotations().out('array') as string[];
    msPerRun.push(performance.now() - t0);
    found = { people: people.length, numbers: numbers.length, money: money.length, quotations: quotes.length };
  }
  return { name: 'compromise 14', msPerRun, found };
}

/**
 * Heap used while annotating one article, in MB above a post-GC baseline:
 * `inUse` is measured as annotate() returns with its result alive (a lower
 * bound of the peak: V8 may collect during the run), `retained` after a full
 * GC with the result still referenced.
 */
function heapWhileAnnotating(article: ArticleText): { baselineMb: number; inUseMb: number; retainedMb: number } {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  const result = annotate(article, bundledPacks);
  const inUse = process.memoryUsage().heapUsed;
  collectGarbage();
  const retained = process.memoryUsage().heapUsed;
  const mb = (n: number): number => Math.round((n / 1048576) * 10) / 10;
  if (result.officials.length < 0) throw new Error('unreachable'); // Keeps the result alive until here.
  return { baselineMb: mb(baseline), inUseMb: mb(inUse - baseline), retainedMb: mb(retained - baseline) };
}

function arg(argv: readonly string[], flag: string, fallback: number): number {
  const i = argv.indexOf(flag);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function main(argv: readonly string[]): number {
  const runs = arg(argv, '--runs', 5);
  const chars = arg(argv, '--chars', 1_000_000);
  const compromiseRuns = arg(argv, '--compromise-runs', 2);
  const article = makeBigArticle(chars);
  const mb = Buffer.byteLength(article.text) / 1e6;

  annotate(article, bundledPacks); // Warm-up: JIT and lazy pack indexes, as a long-lived content script would have.
  const memory = heapWhileAnnotating(article);
  const gloss = timeGloss(article, runs);
  const compromise = timeCompromise(article.text, compromiseRuns);
  const glossMs = median(gloss.msPerRun);
  const compromiseMs = median(compromise.msPerRun);
  const ratio = compromiseMs / glossMs;

  if (argv.includes('--json')) {
    process.stdout.write(
      `${JSON.stringify({ mb, runs, gloss: { ms: glossMs, mbPerS: mb / (glossMs / 1000), found: gloss.found }, compromise: { ms: compromiseMs, mbPerS: mb / (compromiseMs / 1000), found: compromise.found }, ratio, memory }, null, 2)}\n`,
    );
  } else {
    const line = (t: Timing, ms: number): string =>
      `  ${t.name.padEnd(16)} ${ms.toFixed(1).padStart(9)} ms/run  ${(mb / (ms / 1000)).toFixed(2).padStart(7)} MB/s  (${t.msPerRun.length} runs; found ${Object.entries(t.found).map(([k, v]) => `${v} ${k}`).join(', ')})`;
    process.stdout.write(`Engine benchmark: synthetic article of ${mb.toFixed(2)} MB, ${article.blocks.length} blocks\n`);
    process.stdout.write(`${line(gloss, glossMs)}\n${line(compromise, compromiseMs)}\n`);
    process.stdout.write(`  Gloss is ${ratio.toFixed(1)}× faster than compromise (target ≥ 20×)${ratio >= 20 ? '' : '  BELOW TARGET'}\n`);
    process.stdout.write(
      `  Heap for annotating the ${mb.toFixed(1)} MB article: +${memory.inUseMb} MB in use as it returns, +${memory.retainedMb} MB retained after GC (baseline ${memory.baselineMb} MB)\n`,
    );
  }
  return 0;
}

/** Re-runs this script under `node --expose-gc` (for exact heap figures) unless it already has `gc`. */
function rerunWithGc(): number | null {
  if ((globalThis as { gc?: unknown }).gc || process.env.GLOSS_BENCH_CHILD) return null;
  const script = process.argv[1];
  if (!script) return null;
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, GLOSS_BENCH_CHILD: '1' },
  });
  return child.status ?? 1;
}

process.exitCode = rerunWithGc() ?? main(process.argv.slice(2));
