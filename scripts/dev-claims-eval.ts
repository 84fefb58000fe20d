/**
 * Development measurement of the claims detector against the labelled
 * fixtures (measurement only: nothing from the fixtures enters the project).
 *
 *   npx tsx scripts/dev-claims-eval.ts [--verbose]
 *
 * Builds an ArticleText from each labels file (title, dek, body paragraphs as
 * blocks), takes officials from lib/engine/officials.ts when it exists (else
 * from the gold labels), runs detectClaims and reports precision, recall, F1
 * (a prediction matches a gold claim when it overlaps at least half of the
 * gold span), quoted-vs-reported accuracy and speaker accuracy.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCK_SEPARATOR, type ArticleText, type OfficialMention, type TextBlock } from '../lib/types';
import { detectClaims } from '../lib/engine/claims';

interface GoldSpan {
  text: string;
  field: 'title' | 'dek' | 'body';
  start: number;
  end: number;
}
interface GoldClaim extends GoldSpan {
  speaker: string;
  quoted: boolean;
}
interface GoldOfficial extends GoldSpan {
  name: string;
  role: string;
}
interface Labels {
  title: string;
  dek: string | null;
  body: string;
  date: string;
  claims: GoldClaim[];
  officials: GoldOfficial[];
}

const ROOT = '/work/shared/fixtures';
const verbose = process.argv.includes('--verbose');

function build(l: Labels): { article: ArticleText; map: (f: string, o: number) => number } {
  const blocks: TextBlock[] = [];
  let text = '';
  const fieldStart: Record<string, number> = {};
  const bodyLines: { from: number; to: number; at: number }[] = [];
  const push = (kind: TextBlock['kind'], s: string): number => {
    if (text.length > 0) text += BLOCK_SEPARATOR;
    const at = text.length;
    text += s;
    blocks.push({ kind, start: at, end: text.length });
    return at;
  };
  fieldStart.title = push('title', l.title);
  if (l.dek) fieldStart.dek = push('dek', l.dek);
  let offset = 0;
  for (const line of l.body.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed) {
      const at = push('body', trimmed);
      bodyLines.push({ from: offset + lead, to: offset + lead + trimmed.length, at });
    }
    offset += line.length + 1;
  }
  const map = (field: string, o: number): number => {
    if (field !== 'body') return (fieldStart[field] ?? 0) + o;
    for (const b of bodyLines) if (o >= b.from && o <= b.to) return b.at + (o - b.from);
    return -1;
  };
  return { article: { text, blocks, date: l.date, lang: 'en', title: l.title, url: null }, map };
}

async function officialsFor(article: ArticleText, l: Labels, map: (f: string, o: number) => number): Promise<OfficialMention[]> {
  if (existsSync(join(import.meta.dirname, '../lib/engine/officials.ts')) && !process.argv.includes('--gold-officials')) {
    const mod = (await import('../lib/engine/officials')) as unknown as {
      detectOfficials: (a: ArticleText, p: unknown) => OfficialMention[];
    };
    const packs = (await import('../lib/packs/bundled')) as unknown as { bundledPacks: unknown };
    return mod.detectOfficials(article, packs.bundledPacks);
  }
  return l.officials.map((o) => {
    const start = map(o.field, o.start);
    return {
      start,
      end: start + o.text.length,
      text: o.text,
      name: o.name,
      entityId: o.name.toLowerCase().replace(/\W+/g, '-'),
      packId: null,
      role: { title: o.role, sourceIds: [] },
      via: 'pack-name',
    };
  });
}

function speakerMatches(pred: string | null, gold: string): boolean {
  if (!pred) return false;
  const g = gold.toLowerCase();
  const p = pred.toLowerCase();
  if (g === p || g.includes(p)) return true;
  const surname = p.split(/\s+/).pop() ?? '';
  return surname.length > 2 && g.includes(surname);
}

async function main(): Promise<void> {
  const files = [
    ...readdirSync(join(ROOT, 'articles')).filter((f) => f.endsWith('.labels.json')).map((f) => join(ROOT, 'articles', f)),
    ...readdirSync(join(ROOT, 'general')).filter((f) => f.endsWith('.labels.json')).map((f) => join(ROOT, 'general', f)),
  ];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let quotedRight = 0;
  let speakerRight = 0;
  for (const file of files) {
    const l = JSON.parse(readFileSync(file, 'utf8')) as Labels;
    const { article, map } = build(l);
    const officials = await officialsFor(article, l, map);
    const claims = detectClaims(article, officials);
    const used = new Set<number>();
    let ftp = 0;
    const lines: string[] = [];
    for (const g of l.claims) {
      const gs = map(g.field, g.start);
      const ge = gs + g.text.length;
      const idx = claims.findIndex((c, i) => !used.has(i) && Math.min(c.end, ge) - Math.max(c.start, gs) >= (ge - gs) / 2);
      const c = claims[idx];
      if (!c) {
        fn++;
        lines.push(`  MISS  [${g.quoted ? 'Q' : 'R'}] ${g.speaker} | ${g.text}`);
        continue;
      }
      used.add(idx);
      ftp++;
      const q = c.quoted === g.quoted;
      const s = speakerMatches(c.speaker, g.speaker);
      if (q) quotedRight++;
      if (s) speakerRight++;
      if (!q || !s) lines.push(`  ${q ? '' : 'QUOTED '}${s ? '' : 'SPEAKER '}gold=${g.speaker} pred=${c.speaker} | ${c.text}`);
    }
    claims.forEach((c, i) => {
      if (!used.has(i)) {
        fp++;
        lines.push(`  EXTRA [${c.quoted ? 'Q' : 'R'}] ${c.speaker} | ${c.text}`);
      }
    });
    tp += ftp;
    console.log(`${file.split('/').pop()}: gold ${l.claims.length}, predicted ${claims.length}, matched ${ftp}`);
    if (verbose) for (const line of lines) console.log(line);
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  console.log(`claims: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r)).toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
  console.log(`quoted-vs-reported right on matches: ${(quotedRight / tp).toFixed(3)}; speakers right: ${(speakerRight / tp).toFixed(3)}`);
}

void main();
