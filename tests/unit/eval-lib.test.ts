import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/dom/extract';
import { parseHtmlDocument } from '../../lib/node/parse-html';
import type { Annotations, ArticleText, Claim, Figure, OfficialMention } from '../../lib/types';
import {
  belowThresholds,
  canonicalName,
  FieldMapper,
  parseThresholds,
  rates,
  scoreArticle,
  speakerAgrees,
  toCodePoints,
  type Labels,
} from '../../scripts/eval-lib';

const PAGES = join(__dirname, '..', 'pages');
const labels = JSON.parse(readFileSync(join(PAGES, 'tiny-labelled.labels.json'), 'utf8')) as Labels;
const dom = extractArticle(parseHtmlDocument(readFileSync(join(PAGES, labels.html), 'utf8')));
if (!dom) throw new Error('the tiny labelled page must have an article');
const article: ArticleText = dom.article;

/** The n-th occurrence of `s` in the article text as a span. */
function at(s: string, nth = 0): { start: number; end: number; text: string } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = article.text.indexOf(s, i + 1);
  if (i < 0) throw new Error(`not in article: ${s}`);
  return { start: i, end: i + s.length, text: s };
}

function official(s: string, name: string, nth = 0): OfficialMention {
  return { ...at(s, nth), name, entityId: null, packId: null, role: null, via: 'title-pattern' };
}
function figure(s: string, kind: Figure['kind'], relative = false): Figure {
  return { ...at(s), kind, value: null, unit: null, relative, period: null };
}
function claim(s: string, speaker: string | null, quoted: boolean): Claim {
  return { ...at(s), speaker, speakerEntityId: null, quoted, worthiness: { score: 0, reasons: [] } };
}

describe('FieldMapper', () => {
  const mapper = new FieldMapper(article, labels);

  it('confirms the extraction equals the labelled title and body after whitespace normalisation', () => {
    expect(mapper.check).toEqual({ titleMatches: true, dekMatches: true, extraBlocks: [], missingLines: [] });
  });

  it('maps article offsets to code-point offsets in the labelled field', () => {
    expect(mapper.map(at('channel plan').start, at('channel plan').end)).toEqual({ field: 'title', start: 17, end: 29 });
    const olsen = at('Marta Olsen');
    expect(mapper.map(olsen.start, olsen.end)).toEqual({ field: 'body', start: 14, end: 25 });
    // The raw text has a newline and indentation inside the first paragraph; the label has one space.
    const reopen = at('would reopen');
    const mapped = mapper.map(reopen.start, reopen.end);
    expect(mapped && labels.body.slice(mapped.start, mapped.end)).toBe('would reopen');
    // After the emoji, UTF-16 and code-point offsets differ by one.
    const field = at('Sam Field');
    expect(mapper.map(field.start, field.end)).toEqual({ field: 'body', start: 182, end: 191 });
  });

  it('reports blocks that are not in the labels', () => {
    const extra: ArticleText = { ...article, text: `${article.text}\n\nSubscribe now`, blocks: [...article.blocks, { kind: 'body', start: article.text.length + 2, end: article.text.length + 15 }] };
    expect(new FieldMapper(extra, labels).check.extraBlocks).toEqual(['Subscribe now']);
    const fewer: ArticleText = { ...article, blocks: article.blocks.slice(0, -1) };
    expect(new FieldMapper(fewer, labels).check.missingLines).toHaveLength(1);
  });
});

describe('scoreArticle', () => {
  const annotations: Annotations = {
    date: '2019-05-02',
    officials: [official('Marta Olsen', 'Marta Olsen'), official('Olsen', 'Marta Olson', 1), official('Sam Field', 'Sam Field'), official('Harbour', 'Harbour')],
    figures: [figure('June', 'date'), figure('five years', 'year'), figure('$4.2 million', 'money'), figure('Port', 'count')],
    claims: [claim('the channel would reopen', 'Olsen', false), claim('We have', 'Marta Olsen', true)],
    topics: [],
  };
  const score = scoreArticle(article, annotations, labels);

  it('counts officials by overlap, with name accuracy, treating other people as "don\'t care"', () => {
    expect(score.officials).toEqual({ tp: 2, fp: 1, fn: 0, attrOk: 1 });
  });

  it('counts figures by overlap with kind accuracy', () => {
    expect(score.figures).toEqual({ tp: 3, fp: 1, fn: 1, attrOk: 2 });
  });

  it('needs a claim to overlap at least half the gold span', () => {
    // "We have" covers 7 of 34 characters: a false alarm and a miss.
    expect(score.claims).toEqual({ tp: 1, fp: 1, fn: 1, attrOk: 1, quotedOk: 1 });
    expect(score.dateOk).toBe(true);
  });

  it('computes rates', () => {
    const r = rates(score.figures);
    expect(r.precision).toBeCloseTo(0.75);
    expect(r.recall).toBeCloseTo(0.75);
    expect(r.f1).toBeCloseTo(0.75);
    expect(r.attr).toBeCloseTo(2 / 3);
    expect(rates({ tp: 0, fp: 0, fn: 0, attrOk: 0 }).f1).toBe(1);
  });
});

describe('helpers', () => {
  it('compares speakers leniently and names canonically', () => {
    expect(speakerAgrees('Olsen', 'Marta Olsen')).toBe(true);
    expect(speakerAgrees('Marta Olsen', 'harbour chair Marta Olsen')).toBe(true);
    expect(speakerAgrees('Sam Field', 'Marta Olsen')).toBe(false);
    expect(speakerAgrees(null, 'Marta Olsen')).toBe(false);
    expect(canonicalName('Donald J. Trump')).toBe(canonicalName('Donald Trump'));
    expect(canonicalName('Kim Hyun-chong')).not.toBe(canonicalName('Kim Hyung-chong'));
  });

  it('converts UTF-16 offsets to code points', () => {
    expect(toCodePoints('🚢 ab', 3)).toBe(2);
    expect(toCodePoints('abc', 2)).toBe(2);
  });

  it('parses thresholds and reports kinds below them', () => {
    const thresholds = parseThresholds('officials=0.95,claims=0.5');
    expect(thresholds).toEqual({ officials: 0.95, claims: 0.5 });
    expect(() => parseThresholds('people=0.9')).toThrow(/bad --min-f1/);
    expect(() => parseThresholds('officials=2')).toThrow(/bad --min-f1/);
    const totals = {
      officials: { tp: 9, fp: 1, fn: 1, attrOk: 9 },
      figures: { tp: 1, fp: 0, fn: 0, attrOk: 1 },
      figuresNoRelative: { tp: 1, fp: 0, fn: 0, attrOk: 1 },
      claims: { tp: 1, fp: 0, fn: 0, attrOk: 1 },
    };
    expect(belowThresholds(totals, thresholds).map((f) => f.kind)).toEqual(['officials']);
  });
});
