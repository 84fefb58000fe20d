/**
 * Development measurement of the officials detector against the labelled
 * fixtures in ../shared (never shipped, never read by tests). Prints precision,
 * recall, F1 and name accuracy; with --verbose, every miss and false alarm.
 *
 *   npx tsx scripts/dev-officials-eval.ts [--verbose] [fixtures dir …]
 *
 * Match rule (fixtures README): same field, overlapping span, same canonical
 * name. Names are compared exactly and, separately, alias-aware (a gold name
 * equal to one of the pack entity's aliases counts as right).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCK_SEPARATOR, type ArticleText, type BlockKind, type TextBlock } from '../lib/types';
import { bundledPacks } from '../lib/packs/bundled';
import { detectOfficials } from '../lib/engine/officials';

type Field = 'title' | 'dek' | 'body';
interface GoldPerson { text: string; name: string; field: Field; start: number; end: number }
interface Labels { id: string; date: string | null; title: string; dek: string | null; body: string; officials: GoldPerson[]; other_people?: GoldPerson[] }

const verbose = process.argv.includes('--verbose');
const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const roots = dirs.length > 0 ? dirs : ['/work/shared/fixtures/articles', '/work/shared/fixtures/general'];

/** Python code-point offsets → JS UTF-16 offsets. */
function cpToUtf16(s: string, cp: number): number {
  let i = 0;
  let n = 0;
  while (n < cp && i < s.length) {
    i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    n++;
  }
  return i;
}

function build(l: Labels): { article: ArticleText; map: { field: Field; fieldStart: number; textStart: number; length: number }[] } {
  const parts: string[] = [];
  const blocks: TextBlock[] = [];
  const map: { field: Field; fieldStart: number; textStart: number; length: number }[] = [];
  let pos = 0;
  const add = (field: Field, kind: BlockKind, value: string, fieldStart: number): void => {
    if (parts.length > 0) pos += BLOCK_SEPARATOR.length;
    parts.push(value);
    blocks.push({ kind, start: pos, end: pos + value.length });
    map.push({ field, fieldStart, textStart: pos, length: value.length });
    pos += value.length;
  };
  const addLines = (field: Field, kind: BlockKind, value: string): void => {
    let offset = 0;
    for (const line of value.split('\n')) {
      const lead = line.length - line.trimStart().length;
      const trimmed = line.trim();
      if (trimmed) add(field, kind, trimmed, offset + lead);
      offset += line.length + 1;
    }
  };
  addLines('title', 'title', l.title);
  if (l.dek) addLines('dek', 'dek', l.dek);
  addLines('body', 'body', l.body);
  return { article: { text: parts.join(BLOCK_SEPARATOR), blocks, date: l.date, lang: 'en', title: l.title, url: null }, map };
}

const aliasesOf = new Map<string, Set<string>>();
for (const p of bundledPacks) for (const e of p.entities) aliasesOf.set(e.name, new Set([e.name, ...e.aliases]));

let tp = 0, fp = 0, fn = 0, nameOk = 0, nameOkAlias = 0, dontCare = 0;
for (const root of roots) {
  for (const file of readdirSync(root).filter((f) => f.endsWith('.labels.json')).sort()) {
    const l = JSON.parse(readFileSync(join(root, file), 'utf8')) as Labels;
    const { article, map } = build(l);
    const found = detectOfficials(article, bundledPacks).map((m) => {
      const seg = map.find((s) => m.start >= s.textStart && m.start < s.textStart + s.length)!;
      return { ...m, field: seg.field, fs: seg.fieldStart + (m.start - seg.textStart), fe: seg.fieldStart + (m.end - seg.textStart) };
    });
    const gold = l.officials.map((g) => {
      const src = g.field === 'title' ? l.title : g.field === 'dek' ? (l.dek ?? '') : l.body;
      return { ...g, s: cpToUtf16(src, g.start), e: cpToUtf16(src, g.end) };
    });
    const others = (l.other_people ?? []).map((g) => {
      const src = g.field === 'title' ? l.title : g.field === 'dek' ? (l.dek ?? '') : l.body;
      return { ...g, s: cpToUtf16(src, g.start), e: cpToUtf16(src, g.end) };
    });
    const used = new Set<number>();
    for (const g of gold) {
      const hit = found.findIndex((f, i) => !used.has(i) && f.field === g.field && f.fs < g.e && g.s < f.fe);
      if (hit < 0) {
        fn++;
        if (verbose) console.log(`  MISS ${file} ${g.field}@${g.s} "${g.text}" (${g.name})`);
        continue;
      }
      used.add(hit);
      tp++;
      const f = found[hit]!;
      if (f.name === g.name) nameOk++;
      if (f.name === g.name || aliasesOf.get(f.name)?.has(g.name)) nameOkAlias++;
      else if (verbose) console.log(`  NAME ${file} "${g.text}" gold=${g.name} got=${f.name}`);
    }
    found.forEach((f, i) => {
      if (used.has(i)) return;
      if (others.some((o) => o.field === f.field && f.fs < o.e && o.s < f.fe)) {
        dontCare++;
        if (verbose) console.log(`  OTHER ${file} "${f.text}" marked as ${f.name}`);
        return;
      }
      fp++;
      if (verbose) console.log(`  FALSE ${file} ${f.field}@${f.fs} "${f.text}" → ${f.name} (${f.via})`);
    });
  }
}
const p = tp / (tp + fp), r = tp / (tp + fn), f1 = (2 * p * r) / (p + r);
console.log(`officials: tp=${tp} fp=${fp} fn=${fn} other-people-marked=${dontCare}`);
console.log(`precision=${p.toFixed(3)} recall=${r.toFixed(3)} F1=${f1.toFixed(3)}`);
console.log(`names right: exact ${(nameOk / tp).toFixed(3)}, alias-aware ${(nameOkAlias / tp).toFixed(3)}`);
