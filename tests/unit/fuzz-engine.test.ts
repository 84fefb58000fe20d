/**
 * Engine fuzz: every parser and detector on random and adversarial text.
 * Properties: nothing throws, every span is in bounds and is the text it
 * claims, annotating is deterministic; and on 100,000-character adversarial
 * strings ('Mr. ' repeated, quotation marks, digit groups, 'said that ',
 * hyphen chains, capitalised runs…) each stays under a generous linear bound
 * of 50 µs per character, so no input can make the content script hang.
 * GLOSS_FUZZ_RUNS / GLOSS_FUZZ_SEED as in the DOM fuzz; `npm run fuzz` also
 * times every adversarial unit and random adversarial mixes at full length.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { annotate } from '../../lib/engine/annotate';
import { bundledPacks } from '../../lib/packs/bundled';
import { ADVERSARIAL_UNITS, adversarialMix, anyText, articleOf, repeatTo } from '../fuzz/engine-inputs';
import { ENGINE_TARGETS, annotationProblems, microsPerChar, spanProblems } from '../fuzz/engine-harness';
import { fuzzRuns, fuzzSeed } from '../fuzz/settings';
import { findQuotes } from '../../lib/engine/quotes';
import { splitSentences } from '../../lib/engine/sentences';

const RUNS = fuzzRuns(300);
const SEED = fuzzSeed();
const DEEP = process.env.GLOSS_FUZZ_DEEP === '1';
/** The bound: generous (a 100,000-character page in 5 s at worst), but any quadratic scan blows through it. */
const MAX_MICROS_PER_CHAR = 50;
const LONG = 100_000;

/** The units the issue names, always timed; `npm run fuzz` times all of them. */
const NAMED_UNITS = ['Mr. ', '"', '\u201c', '1,000,', '$1', 'said that ', 'Hyun-chong-', 'Kim-', 'Kim ', 'Trade Minister ', "O'", '\n\n', '- '];

const worst: { micros: number; target: string; input: string }[] = [];
afterAll(() => {
  worst.sort((a, b) => b.micros - a.micros);
  console.log(
    `engine fuzz: seed ${SEED}; slowest on ${LONG}-char adversarial input: ` +
      worst.slice(0, 5).map((w) => `${w.target} on ${w.input} ${w.micros.toFixed(2)} µs/char`).join('; '),
  );
});

describe('engine on random text', () => {
  it(`no parser or detector throws, spans are exact (${RUNS} strings per target)`, () => {
    for (const target of ENGINE_TARGETS) {
      fc.assert(
        fc.property(anyText, (text) => {
          const out = target.run(text);
          if (Array.isArray(out) && out.every((s) => typeof s === 'object' && s && 'start' in s && 'text' in s)) {
            expect(spanProblems(text, out as { start: number; end: number; text: string }[], target.name)).toEqual([]);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }
  });

  it('annotations are in bounds, exact, and the same on a second run', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.constantFrom('2017-08-23', '2012-03-15', '1999-12-31', '2030-02-28')), (text, date) => {
        const article = articleOf(text, date ?? null, true);
        const a = annotate(article, bundledPacks);
        expect(annotationProblems(text, a)).toEqual([]);
        expect(annotate(article, bundledPacks)).toEqual(a);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('quotes stay inside their block, sentences inside the text and in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeLessThanOrEqual(text.length);
          last = s.end;
        }
        const article = articleOf(text);
        for (const q of findQuotes(article)) {
          const block = article.blocks[q.block]!;
          expect(q.open).toBeGreaterThanOrEqual(block.start);
          expect(q.open).toBeLessThanOrEqual(q.contentStart);
          expect(q.contentStart).toBeLessThanOrEqual(q.contentEnd);
          expect(q.contentEnd).toBeLessThanOrEqual(q.close);
          expect(q.close).toBeLessThanOrEqual(block.end);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe(`engine on ${LONG}-character adversarial strings (< ${MAX_MICROS_PER_CHAR} µs/char)`, () => {
  const units = DEEP ? ADVERSARIAL_UNITS : NAMED_UNITS;
  it.each(units.map((u) => [JSON.stringify(u), u]))('%s repeated', (label, unit) => {
    const text = repeatTo(unit, LONG);
    for (const target of ENGINE_TARGETS) {
      // One retry over the bound: the machine is shared, and a GC pause or a busy core is not backtracking.
      let micros = microsPerChar(target, text);
      if (micros >= MAX_MICROS_PER_CHAR) micros = Math.min(micros, microsPerChar(target, text));
      worst.push({ micros, target: target.name, input: label });
      expect(micros, `${target.name} on ${label}`).toBeLessThan(MAX_MICROS_PER_CHAR);
    }
  }, 120_000);

  it(`random adversarial mixes, repeated to ${LONG} characters`, () => {
    const samples = fc.sample(adversarialMix, { numRuns: DEEP ? 40 : 4, seed: SEED });
    for (const mix of samples) {
      const text = repeatTo(mix, LONG);
      const target = ENGINE_TARGETS[ENGINE_TARGETS.length - 1]!;
      let micros = microsPerChar(target, text);
      if (micros >= MAX_MICROS_PER_CHAR) micros = Math.min(micros, microsPerChar(target, text));
      worst.push({ micros, target: target.name, input: `mix ${JSON.stringify(mix.slice(0, 30))}…` });
      expect(micros, `annotate on mix ${JSON.stringify(mix.slice(0, 60))}`).toBeLessThan(MAX_MICROS_PER_CHAR);
    }
  }, 600_000);
});
