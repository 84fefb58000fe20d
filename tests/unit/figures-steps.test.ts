import { describe, expect, it } from 'vitest';
import { detectFigures, detectFiguresSteps } from '../../lib/engine/figures';
import type { ArticleText } from '../../lib/types';

/** One body block of `text`, dated, as the extractor would give it. */
function oneBlock(text: string): ArticleText {
  return { text, blocks: [{ kind: 'body', start: 0, end: text.length }], date: '2019-03-14', lang: 'en', title: null, url: null };
}

/** Drives the steps to the end, counting the pauses. */
function run(article: ArticleText): { pauses: number; figures: ReturnType<typeof detectFigures> } {
  const steps = detectFiguresSteps(article);
  let pauses = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { pauses, figures: r.value };
    pauses++;
  }
}

describe('detectFiguresSteps', () => {
  it('pauses inside one long block without a line break, and finds what a single run finds', () => {
    // Twelve tokens a sentence, repeated 2,000 times on one line: 24,000 tokens, no break.
    const sentence = 'The port handled 4.2 million tonnes in 2018, up 7% from a year earlier. ';
    const article = oneBlock(sentence.repeat(2000).trim());
    const { pauses, figures } = run(article);
    expect(pauses).toBeGreaterThan(4);
    expect(figures).toEqual(detectFigures(article));
    expect(figures.filter((f) => f.kind === 'percent')).toHaveLength(2000);
    expect(figures.find((f) => f.relative)?.period?.label).toBe('2017');
  });

  it('pauses after every line of a short article', () => {
    const article = oneBlock('Exports rose 3% in May.\n\nImports fell 2% in June.');
    const { pauses, figures } = run(article);
    expect(pauses).toBe(2);
    expect(figures.map((f) => f.text)).toEqual(['3%', 'May', '2%', 'June']);
  });
});
