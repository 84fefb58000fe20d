/**
 * `npm run eval -- [--json] [--details] [--min-f1 officials=0.95,figures=0.93,claims=0.85] DIR [DIR…]`
 *
 * Scores Gloss against labelled articles: for every `*.labels.json` in each
 * DIR, runs the same pipeline as the CLI on the page named by its `html` field
 * (in-process), and prints per-kind precision, recall and F1 with name / kind /
 * speaker accuracy, per article and in total, plus whether the extracted
 * title and body equal the labelled ones. With `--min-f1`, exits 1 when a
 * total F1 is below its threshold (for CI). Exit 2 on usage errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Annotations, ArticleText } from '../lib/types';
import { annotateHtml } from './annotate';
import {
  addScores,
  belowThresholds,
  parseThresholds,
  rates,
  scoreArticle,
  SCORED_KINDS,
  type ArticleScore,
  type KindScore,
  type Labels,
  type ScoredKind,
} from './eval-lib';

const USAGE = 'usage: npm run eval -- [--json] [--details] [--min-f1 officials=0.95,figures=0.93,claims=0.85] DIR [DIR…]';

interface Args {
  json: boolean;
  details: boolean;
  thresholds: Partial<Record<ScoredKind, number>>;
  dirs: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, details: false, thresholds: {}, dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') args.json = true;
    else if (arg === '--details') args.details = true;
    else if (arg === '--min-f1' || arg.startsWith('--min-f1=')) {
      const spec = arg === '--min-f1' ? argv[++i] : arg.slice('--min-f1='.length);
      if (!spec) throw new Error('--min-f1 needs kind=value pairs');
      args.thresholds = parseThresholds(spec);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else args.dirs.push(arg);
  }
  if (args.dirs.length === 0) throw new Error('no directory given');
  return args;
}

const EMPTY: Annotations = { date: null, officials: [], figures: [], claims: [], topics: [] };

/** Scores every labels file of one directory. */
function scoreDirectory(dir: string): { score: ArticleScore; ms: number; noArticle: boolean }[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.labels.json')).sort();
  return files.map((file) => {
    const labelsPath = join(dir, file);
    const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Labels;
    const html = readFileSync(resolve(dirname(labelsPath), labels.html), 'utf8');
    const t0 = performance.now();
    const result = annotateHtml(html);
    const ms = performance.now() - t0;
    const article: ArticleText = result?.article ?? { text: '', blocks: [], date: null, lang: null, title: null, url: null };
    return { score: scoreArticle(article, result?.annotations ?? EMPTY, labels), ms, noArticle: result === null };
  });
}

function pct(n: number): string {
  return n.toFixed(3);
}

function row(label: string, s: KindScore): string {
  const r = rates(s);
  const quoted = r.quoted !== undefined ? `  quoted ${pct(r.quoted)}` : '';
  return `  ${label.padEnd(20)} P ${pct(r.precision)}  R ${pct(r.recall)}  F1 ${pct(r.f1)}  attr ${pct(r.attr)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})${quoted}`;
}

const ATTR_NAMES: Record<ScoredKind, string> = {
  officials: 'officials (name)',
  figures: 'figures (kind)',
  figuresNoRelative: 'figures −relative',
  claims: 'claims (speaker)',
};

function run(argv: readonly string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`gloss eval: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const results: { score: ArticleScore; ms: number; noArticle: boolean }[] = [];
  for (const dir of args.dirs) {
    try {
      results.push(...scoreDirectory(dir));
    } catch (error) {
      process.stderr.write(`gloss eval: cannot read ${dir}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
  const zero: KindScore = { tp: 0, fp: 0, fn: 0, attrOk: 0 };
  const totals = Object.fromEntries(
    SCORED_KINDS.map((k) => [k, results.reduce((acc, r) => addScores(acc, r.score[k]), k === 'claims' ? { ...zero, quotedOk: 0 } : zero)]),
  ) as Record<ScoredKind, KindScore>;
  const failures = belowThresholds(totals, args.thresholds);

  if (args.json) {
    const out = {
      articles: results.map((r) => ({
        id: r.score.id,
        ms: Math.round(r.ms),
        noArticle: r.noArticle,
        dateOk: r.score.dateOk,
        extraction: r.score.extraction,
        ...Object.fromEntries(SCORED_KINDS.map((k) => [k, { ...r.score[k], ...rates(r.score[k]) }])),
        ...(args.details ? { details: r.score.details } : {}),
      })),
      total: Object.fromEntries(SCORED_KINDS.map((k) => [k, { ...totals[k], ...rates(totals[k]) }])),
      failures,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const r of results) {
      const x = r.score.extraction;
      const extraction =
        x.titleMatches && x.dekMatches && x.extraBlocks.length === 0 && x.missingLines.length === 0
          ? 'extraction ok'
          : `extraction: title ${x.titleMatches ? 'ok' : 'DIFFERS'}, dek ${x.dekMatches ? 'ok' : 'DIFFERS'}, ${x.extraBlocks.length} extra block(s), ${x.missingLines.length} missing line(s)`;
      process.stdout.write(`${r.score.id}  (${Math.round(r.ms)} ms, date ${r.score.dateOk ? 'ok' : 'WRONG'}${r.noArticle ? ', NO ARTICLE' : ''}; ${extraction})\n`);
      for (const k of SCORED_KINDS) process.stdout.write(`${row(ATTR_NAMES[k], r.score[k])}\n`);
      if (args.details) {
        for (const e of x.extraBlocks) process.stdout.write(`    extra block: ${e.slice(0, 100)}\n`);
        for (const m of x.missingLines) process.stdout.write(`    missing line: ${m.slice(0, 100)}\n`);
        for (const d of r.score.details) process.stdout.write(`    ${d.what.padEnd(4)} ${d.kind.padEnd(8)} ${JSON.stringify(d.text)}  ${d.note}\n`);
      }
    }
    process.stdout.write(`TOTAL (${results.length} articles)\n`);
    for (const k of SCORED_KINDS) process.stdout.write(`${row(ATTR_NAMES[k], totals[k])}\n`);
    for (const f of failures) process.stdout.write(`BELOW THRESHOLD: ${f.kind} F1 ${pct(f.f1)} < ${f.min}\n`);
  }
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = run(process.argv.slice(2));
