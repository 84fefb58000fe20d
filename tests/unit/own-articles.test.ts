/**
 * The project's own labelled articles (tests/articles: KORUS 2017–2025 and
 * general news, written for Gloss) scored end to end, page HTML to
 * annotations, as `npm run eval` does. The targets are the ones Gloss must
 * reach on unseen text, so a change that overfits elsewhere and breaks these
 * fails CI. The labels themselves are checked first (offsets, order, schema).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { annotateHtml } from '../../scripts/annotate';
import { checkLabels, labelFiles, type LabelsFile } from '../../scripts/check-labels';
import { addScores, rates, scoreArticle, type KindScore, type Labels } from '../../scripts/eval-lib';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../articles');

const files = labelFiles([DIR]);
const labelled = files.map((file) => {
  const labels = JSON.parse(readFileSync(file, 'utf8')) as LabelsFile & Labels;
  const html = readFileSync(resolve(dirname(file), labels.html), 'utf8');
  return { file, labels, html };
});

describe('own labelled articles', () => {
  it('has at least 12 articles of 150–400 words', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(12);
    for (const { labels } of labelled) {
      const words = `${labels.title} ${labels.dek ?? ''} ${labels.body}`.split(/\s+/).filter(Boolean).length;
      expect(words, labels.id).toBeGreaterThanOrEqual(150);
      expect(words, labels.id).toBeLessThanOrEqual(400);
    }
  });

  it('has valid labels: code-point offsets that match their text, document order, schema', () => {
    for (const { labels, html } of labelled) expect(checkLabels(labels, html), labels.id).toEqual([]);
  });

  it('meets the targets for unseen text', () => {
    const zero: KindScore = { tp: 0, fp: 0, fn: 0, attrOk: 0 };
    let officials = zero;
    let figures = zero;
    let claims: KindScore = { ...zero, quotedOk: 0 };
    for (const { labels, html } of labelled) {
      const result = annotateHtml(html);
      expect(result, labels.id).not.toBeNull();
      if (!result) continue;
      const score = scoreArticle(result.article, result.annotations, labels);
      expect(score.extraction.missingLines, labels.id).toEqual([]);
      expect(score.extraction.extraBlocks, labels.id).toEqual([]);
      expect(score.dateOk, labels.id).toBe(true);
      officials = addScores(officials, score.officials);
      figures = addScores(figures, score.figures);
      claims = addScores(claims, score.claims);
    }
    expect(rates(officials).f1).toBeGreaterThanOrEqual(0.95);
    expect(rates(officials).attr).toBeGreaterThanOrEqual(0.95);
    expect(rates(figures).f1).toBeGreaterThanOrEqual(0.93);
    expect(rates(claims).f1).toBeGreaterThanOrEqual(0.85);
    expect(rates(claims).attr).toBeGreaterThanOrEqual(0.85);
  }, 60_000);
});
