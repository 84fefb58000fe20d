/**
 * Development measurement of the figures detector (not shipped, not a test):
 * runs `detectFigures` over the title, standfirst and body of each labelled
 * development article and reports precision, recall and F1 (a prediction
 * matches a gold figure in the same field when their spans overlap), kind
 * accuracy on matched pairs, and the figures missed or invented.
 *
 *   npx tsx scripts/dev-figures-eval.ts [fixtures-dir] [--verbose]
 *
 * The fixtures are third-party texts used for measurement only: this script
 * reads them at run time and copies nothing into the project.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFigures } from '../lib/engine/figures';
import { BLOCK_SEPARATOR, type ArticleText, type BlockKind, type Figure, type TextBlock } from '../lib/types';

interface GoldFigure {
  text: string;
  kind: string;
  relative?: boolean;
  field: 'title' | 'dek' | 'body';
  start: number;
  end: number;
}
interface Labels {
  id: string;
  date: string | null;
  title: string;
  dek: string | null;
  body: string;
  figures: GoldFigure[];
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const root = args.find((a) => !a.startsWith('--')) ?? '/work/shared/fixtures';
const files = ['articles', 'general'].flatMap((dir) => {
  const path = join(root, dir);
  return readdirSync(path).filter((f) => f.endsWith('.labels.json')).map((f) => join(path, f));
});

/** JS (UTF-16) index of a Python code-point offset. */
function jsIndex(s: string, codePoints: number): number {
  let cp = 0;
  let i = 0;
  while (cp < codePoints && i < s.length) {
    const c = s.codePointAt(i) as number;
    i += c > 0xffff ? 2 : 1;
    cp++;
  }
  return i;
}

/** Builds the ArticleText the extractor would: one block per non-empty line, and where each field line starts. */
function buildArticle(l: Labels): { article: ArticleText; fieldOffset: (field: string, jsOffset: number) => number } {
  const parts: string[] = [];
  const blocks: TextBlock[] = [];
  const map: { field: string; fieldStart: number; textStart: number; length: number }[] = [];
  let pos = 0;
  const add = (kind: BlockKind, field: string, value: string): void => {
    let fieldStart = 0;
    for (const rawLine of value.split('\n')) {
      const lead = rawLine.length - rawLine.trimStart().length;
      const line = rawLine.trim();
      if (line.length > 0) {
        if (parts.length > 0) pos += BLOCK_SEPARATOR.length;
        blocks.push({ kind, start: pos, end: pos + line.length });
        map.push({ field, fieldStart: fieldStart + lead, textStart: pos, length: line.length });
        parts.push(line);
        pos += line.length;
      }
      fieldStart += rawLine.length + 1;
    }
  };
  add('title', 'title', l.title);
  if (l.dek) add('dek', 'dek', l.dek);
  add('body', 'body', l.body);
  const text = parts.join(BLOCK_SEPARATOR);
  const article: ArticleText = { text, blocks, date: l.date, lang: 'en', title: l.title, url: null };
  const fieldOffset = (field: string, jsOffset: number): number => {
    const seg = map.find((m) => m.field === field && jsOffset >= m.fieldStart && jsOffset <= m.fieldStart + m.length);
    return seg ? seg.textStart + (jsOffset - seg.fieldStart) : -1;
  };
  return { article, fieldOffset };
}

let tp = 0;
let fp = 0;
let fn = 0;
let kindOk = 0;
let tpNoRel = 0;
let fpNoRel = 0;
let fnNoRel = 0;
for (const file of files) {
  const labels = JSON.parse(readFileSync(file, 'utf8')) as Labels;
  const { article, fieldOffset } = buildArticle(labels);
  const predicted = detectFigures(article);
  const gold = labels.figures.map((g) => {
    const fieldText = g.field === 'title' ? labels.title : g.field === 'dek' ? (labels.dek ?? '') : labels.body;
    const s = fieldOffset(g.field, jsIndex(fieldText, g.start));
    const e = fieldOffset(g.field, jsIndex(fieldText, g.end));
    return { ...g, s, e };
  });
  const used = new Set<Figure>();
  const lines: string[] = [];
  for (const g of gold) {
    const p = predicted.find((f) => !used.has(f) && f.start < g.e && g.s < f.end);
    if (p) {
      used.add(p);
      tp++;
      if (!g.relative) tpNoRel++;
      if (p.kind === g.kind) kindOk++;
      else lines.push(`  KIND  gold ${g.kind} "${g.text}" vs ${p.kind} "${p.text}"`);
    } else {
      fn++;
      if (!g.relative) fnNoRel++;
      lines.push(`  MISS  ${g.kind}${g.relative ? ' (rel)' : ''} "${g.text}"`);
    }
  }
  for (const p of predicted) {
    if (!used.has(p)) {
      fp++;
      if (!p.relative) fpNoRel++;
      lines.push(`  EXTRA ${p.kind} "${p.text}"  …${article.text.slice(Math.max(0, p.start - 30), p.end + 20).replace(/\n/g, ' ')}…`);
    }
  }
  console.log(`${labels.id}: gold ${gold.length}, predicted ${predicted.length}`);
  if (verbose || lines.length > 0) console.log(lines.join('\n'));
  if (verbose) for (const p of predicted) console.log(`    ${p.kind} "${p.text}" value=${String(p.value)} unit=${p.unit} period=${p.period?.label ?? '-'}`);
}
const prf = (t: number, f: number, n: number): string => {
  const p = t / (t + f || 1);
  const r = t / (t + n || 1);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}`;
};
console.log(`\nfigures (all):           ${prf(tp, fp, fn)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
console.log(`figures (no relatives):  ${prf(tpNoRel, fpNoRel, fnNoRel)}`);
console.log(`kind accuracy on matches: ${(kindOk / (tp || 1)).toFixed(3)} (${kindOk}/${tp})`);
