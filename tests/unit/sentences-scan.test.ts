import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/engine/sentences';

/** Paragraph ranges of a text joined with blank lines. */
function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const p of text.split('\n\n')) {
    out.push([start, start + p.length]);
    start += p.length + 2;
  }
  return out;
}

describe('splitSentences search reuse', () => {
  it('gives the same sentences whatever order paragraphs and texts are split in', () => {
    const words = fc.constantFrom('The', 'plan', 'failed.', 'Mr.', 'Lee', 'said', 'U.S.', 'exports', 'rose!', 'Why?', '\u2026', 'He', 'left', '\n', '\n\n', '"No."', '3.5');
    const text = fc.array(words, { maxLength: 40 }).map((ws) => ws.join(' '));
    fc.assert(fc.property(text, text, (a, b) => {
      const forward = paragraphs(a).map(([s, e]) => splitSentences(a, s, e));
      // Backwards, and interleaved with another text: each call must answer as if it were the first.
      const backward = paragraphs(a).reverse().map(([s, e]) => {
        splitSentences(b);
        return splitSentences(a, s, e);
      }).reverse();
      expect(backward).toEqual(forward);
    }), { numRuns: 300 });
  });

  it('splits a paragraph without terminators after one that has them', () => {
    const text = 'Prices rose. Wages fell.\n\nNo full stop here\n\nA last one. Done.';
    const [p1, p2, p3] = paragraphs(text);
    expect(splitSentences(text, ...(p1 as [number, number])).length).toBe(2);
    expect(splitSentences(text, ...(p2 as [number, number]))).toEqual([{ start: 26, end: 43 }]);
    expect(splitSentences(text, ...(p3 as [number, number])).map((s) => text.slice(s.start, s.end))).toEqual(['A last one.', 'Done.']);
  });
});
