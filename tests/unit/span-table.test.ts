/**
 * The windowed paint's table of places must list exactly what the object
 * path lists, in the same order: ties included, any category left out, and
 * whatever order the engine's lists come in.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/engine/annotate';
import { bundledPacks } from '../../lib/packs/bundled';
import { SpanTable, type SpanCategories } from '../../lib/dom/span-table';
import type { Annotations } from '../../lib/types';
import { makeBigArticle } from '../../scripts/make-big-article';
import { annotationSetOf } from '../../lib/annotation-set';
import { AnnotationAssembler, replyParts, type AnnotateReply } from '../../lib/remote/protocol';

const fromPlain = (a: Annotations, cats: SpanCategories, limit?: number): SpanTable => SpanTable.from(annotationSetOf(a), cats, limit);

/** The order GlossController paints in with objects (its `spans`), written out independently. */
function expectedOrder(a: Annotations, cats: SpanCategories): { id: string; kind: string; start: number; end: number }[] {
  const out: { id: string; kind: string; start: number; end: number }[] = [];
  if (cats.officials) a.officials.forEach((m, i) => out.push({ id: `officials:${i}`, kind: 'official', start: m.start, end: m.end }));
  if (cats.figures) a.figures.forEach((f, i) => out.push({ id: `figures:${i}`, kind: f.check?.verdict === 'differs' ? 'figureDiffers' : 'figure', start: f.start, end: f.end }));
  if (cats.claims) a.claims.forEach((c, i) => out.push({ id: `claims:${i}`, kind: 'claim', start: c.start, end: c.end }));
  return out.sort((x, y) => x.start - y.start || (x.kind === 'claim' ? -1 : 0) - (y.kind === 'claim' ? -1 : 0));
}

function listed(t: SpanTable): { id: string; kind: string; start: number; end: number }[] {
  return Array.from({ length: t.length }, (_, i) => ({ id: t.id(i), kind: t.kind(i), start: t.starts[i]!, end: t.ends[i]! }));
}

const ALL = { officials: true, figures: true, claims: true };

describe('SpanTable', () => {
  const article = makeBigArticle(80_000);
  const a = annotate(article, bundledPacks);

  it('lists every annotation in the painting order, with claims first at equal starts', () => {
    const t = fromPlain(a, ALL);
    expect(t.length).toBe(a.officials.length + a.figures.length + a.claims.length);
    expect(listed(t)).toEqual(expectedOrder(a, ALL));
    // The article really has ties between a claim and the name that opens it.
    const ties = listed(t).filter((s, i, all) => i > 0 && all[i - 1]!.start === s.start);
    expect(ties.length).toBeGreaterThan(0);
  });

  it('leaves out the categories the reader turned off, and stops at the limit', () => {
    for (const cats of [{ ...ALL, claims: false }, { ...ALL, officials: false }, { officials: false, figures: true, claims: false }]) {
      expect(listed(fromPlain(a, cats))).toEqual(expectedOrder(a, cats));
    }
    expect(listed(fromPlain(a, ALL, 100))).toEqual(expectedOrder(a, ALL).slice(0, 100));
  });

  it('reads the columns the background sends exactly as the plain annotations', () => {
    const assembler = new AnnotationAssembler(article.text);
    let set = null;
    for (const reply of replyParts(a, article.text, 500)) set = assembler.add(JSON.parse(JSON.stringify(reply)) as Extract<AnnotateReply, { type: 'part' | 'done' }>) ?? set;
    expect(listed(SpanTable.from(set!, ALL))).toEqual(expectedOrder(a, ALL));
  });

  it('sorts a list that does not come in order of start', () => {
    const shuffled: Annotations = { ...a, figures: [...a.figures].reverse() };
    expect(listed(fromPlain(shuffled, ALL))).toEqual(expectedOrder(shuffled, ALL));
  });

  it('finds a span by id, and nothing for an id it does not hold', () => {
    const t = fromPlain(a, ALL);
    for (const i of [0, 1, Math.floor(t.length / 2), t.length - 1]) expect(t.indexOf(t.id(i))).toBe(i);
    expect(t.indexOf('claims:999999')).toBe(-1);
    expect(t.indexOf('nonsense')).toBe(-1);
    expect(fromPlain(a, { ...ALL, claims: false }).indexOf('claims:0')).toBe(-1);
  });

  it('gives a figure that differs from the official value its own kind', () => {
    const first = a.figures[0]!;
    const differs: Annotations = { ...a, figures: [{ ...first, check: { ...(first.check ?? ({} as NonNullable<typeof first.check>)), verdict: 'differs' } }, ...a.figures.slice(1)] };
    const t = fromPlain(differs, ALL);
    expect(t.kind(t.indexOf('figures:0'))).toBe('figureDiffers');
    expect(t.kind(t.indexOf('figures:1'))).toBe('figure');
  });
});
