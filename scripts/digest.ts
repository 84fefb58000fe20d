/**
 * `tsx scripts/digest.ts [DIR|FILE …] [--out FILE] [--against FILE]`
 *
 * Proves that an engine refactor changes no output. Annotates every HTML page
 * found (the seed sample, `tests/articles`, `tests/pages` and any directories
 * given, e.g. `../shared/fixtures/articles ../shared/fixtures/pages`) and the
 * ~1 MB synthetic benchmark article, and prints one SHA-256 per input of the
 * full annotations (every field, checks and reasons included). `--out` saves
 * the digests as JSON; `--against` compares with a saved file and exits 1
 * on the first input whose annotations differ.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { annotate } from '../lib/engine/annotate';
import { bundledPacks } from '../lib/packs/bundled';
import { annotateHtml } from './annotate';
import { makeBigArticle } from './make-big-article';

const REPO_ROOT = resolve(import.meta.dirname, '..');

function sha(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function htmlFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return path.endsWith('.html') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => htmlFiles(join(path, name)));
}

function digests(inputs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of inputs) {
    const result = annotateHtml(readFileSync(file, 'utf8'));
    out[file] = result ? sha(result.annotations) : 'no article';
  }
  out['synthetic 1 MB article'] = sha(annotate(makeBigArticle(1_000_000), bundledPacks));
  return out;
}

function main(argv: readonly string[]): number {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const outFile = flag('--out');
  const against = flag('--against');
  const dirs = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out' && argv[i - 1] !== '--against');
  const inputs = [
    join(REPO_ROOT, 'samples'),
    join(REPO_ROOT, 'tests', 'articles'),
    join(REPO_ROOT, 'tests', 'pages'),
    ...dirs.map((d) => resolve(d)),
  ].flatMap(htmlFiles);
  const now = digests(inputs);
  if (outFile) writeFileSync(outFile, `${JSON.stringify(now, null, 2)}\n`);
  if (against) {
    const before = JSON.parse(readFileSync(against, 'utf8')) as Record<string, string>;
    let differ = 0;
    for (const [input, digest] of Object.entries(before)) {
      if (now[input] !== digest) {
        process.stdout.write(`differs: ${input}\n`);
        differ++;
      }
    }
    process.stdout.write(`${Object.keys(before).length - differ} of ${Object.keys(before).length} inputs identical\n`);
    return differ ? 1 : 0;
  }
  for (const [input, digest] of Object.entries(now)) process.stdout.write(`${digest}  ${input}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
