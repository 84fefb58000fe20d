/**
 * The background's warm-up article must really run every detector (else it
 * warms nothing), with the bundled packs and with none.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/engine/annotate';
import { bundledPacks } from '../../lib/packs/bundled';
import { warmUp, warmUpArticle } from '../../lib/background/warm-up';

describe('engine warm-up', () => {
  it('finds officials, figures and claims in its article, with the bundled packs', () => {
    const article = warmUpArticle(bundledPacks);
    const a = annotate(article, bundledPacks);
    expect(a.officials.length).toBeGreaterThan(0);
    expect(a.figures.map((f) => f.kind)).toEqual(expect.arrayContaining(['money', 'percent', 'year']));
    expect(a.claims.some((c) => c.quoted)).toBe(true);
    expect(warmUp(bundledPacks)).toBe(a.officials.length + a.figures.length + a.claims.length);
  });

  it('builds well-formed blocks and still runs without any pack', () => {
    const article = warmUpArticle([]);
    // Blocks tile the text exactly, joined by the block separator, the title first.
    expect(article.blocks.map((b) => article.text.slice(b.start, b.end)).join('\n\n')).toBe(article.text);
    expect(article.text.slice(article.blocks[0]!.start, article.blocks[0]!.end)).toBe(article.title);
    expect(article.blocks.map((b) => b.kind)).toEqual(['title', 'body', 'body', 'body']);
    expect(warmUp([])).toBeGreaterThan(0);
  });
});
