import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/engine/annotate';
import { checkFigures } from '../../lib/engine/figure-check';
import { detectClaims } from '../../lib/engine/claims';
import { detectFigures } from '../../lib/engine/figures';
import { detectOfficials } from '../../lib/engine/officials';
import { detectTopics } from '../../lib/engine/topics';
import { bundledPacks } from '../../lib/packs/bundled';
import { BLOCK_SEPARATOR, type ArticleText, type BlockKind } from '../../lib/types';

/** Builds an ArticleText from blocks written for this test. */
function articleOf(blocks: [BlockKind, string][], date: string | null): ArticleText {
  let text = '';
  const out: ArticleText['blocks'] = [];
  for (const [kind, s] of blocks) {
    if (text !== '') text += BLOCK_SEPARATOR;
    out.push({ kind, start: text.length, end: text.length + s.length });
    text += s;
  }
  return { text, blocks: out, date, lang: 'en', title: blocks[0]?.[1] ?? null, url: null };
}

const article = articleOf(
  [
    ['title', 'Seoul and Washington trade views on the KORUS free trade agreement'],
    ['body', 'South Korean Trade Minister Kim Hyun-chong met U.S. Trade Representative Robert Lighthizer by video link on Tuesday.'],
    ['body', '"We will look at the causes of the imbalance first," Kim told reporters after the meeting.'],
    ['body', 'The United States ran a goods trade deficit of $27.7 billion with South Korea in 2016, and tariffs on 95% of goods have gone over five years.'],
  ],
  '2017-08-23',
);

describe('annotate', () => {
  const result = annotate(article, bundledPacks);

  it('is exactly the composition of the detectors', () => {
    const officials = detectOfficials(article, bundledPacks);
    expect(result).toEqual({
      date: '2017-08-23',
      officials,
      figures: checkFigures(article, detectFigures(article), bundledPacks),
      claims: detectClaims(article, officials),
      topics: detectTopics(article, bundledPacks),
    });
  });

  it('finds officials, figures, claims and the topic in a short article', () => {
    expect(result.officials.map((o) => o.name)).toEqual(expect.arrayContaining(['Kim Hyun-chong', 'Robert Lighthizer']));
    expect(result.figures.some((f) => f.kind === 'money' && f.text === '$27.7 billion')).toBe(true);
    expect(result.claims.some((c) => c.quoted && c.speaker === 'Kim Hyun-chong')).toBe(true);
    expect(result.topics).toContain('korus');
  });

  it('keeps every span consistent with the article text', () => {
    for (const span of [...result.officials, ...result.figures, ...result.claims]) {
      expect(article.text.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('passes the article date through and copes with an empty article', () => {
    expect(annotate({ ...article, date: null }, bundledPacks).date).toBeNull();
    const empty = annotate(articleOf([], null), bundledPacks);
    expect(empty).toEqual({ date: null, officials: [], figures: [], claims: [], topics: [] });
  });
});
