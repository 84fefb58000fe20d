import { describe, expect, it } from 'vitest';
import { scoreClaim } from '../../lib/engine/worthiness';

describe('scoreClaim', () => {
  it('gives reasons for numbers, comparisons, causes and superlatives', () => {
    const r = scoreClaim('Rice exports rose 14 percent last year, more than in any other sector, because the currency fell');
    expect(r.reasons).toEqual(expect.arrayContaining(['states a number', 'makes a comparison', 'makes a causal claim']));
    expect(scoreClaim('It is the largest port on the coast').reasons).toContain('uses a superlative');
    expect(scoreClaim('The new levy led to the closure of two mills').reasons).toContain('makes a causal claim');
    expect(scoreClaim('Nobody has ever paid that tax').reasons).toContain('uses an absolute');
  });

  it('ranks a checkable statement above an opinion and a vague one', () => {
    const checkable = scoreClaim('Unemployment doubled to 8 percent after the plant closed in 2019').score;
    const opinion = scoreClaim('I think the mayor is doing a great job').score;
    const vague = scoreClaim('Things could perhaps improve at some point').score;
    expect(checkable).toBeGreaterThan(0.7);
    expect(opinion).toBeLessThan(0.3);
    expect(vague).toBeLessThan(checkable);
    expect(scoreClaim('I think the mayor is doing a great job').reasons).toContain('is an opinion');
  });

  it('marks short fragments as less worth checking', () => {
    const r = scoreClaim('tremendous work');
    expect(r.reasons).toContain('is a short fragment');
    expect(r.score).toBeLessThan(scoreClaim('The agency cut 300 jobs in March').score);
  });

  it('stays within 0..1 and is deterministic', () => {
    const text = 'Exports doubled to a record $9 billion in 2018, the largest rise ever, because tariffs were cut and all quotas ended';
    const a = scoreClaim(text);
    expect(a).toEqual(scoreClaim(text));
    expect(a.score).toBeLessThanOrEqual(1);
    expect(scoreClaim('maybe').score).toBeGreaterThanOrEqual(0);
  });

  it('shares one frozen verdict among claims with the same reasons, so no claim can change another', () => {
    const a = scoreClaim('Exports rose 5 percent in March');
    const b = scoreClaim('Imports rose 7 percent in June');
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.reasons)).toBe(true);
    expect(() => a.reasons.push('tampered')).toThrow(TypeError);
    expect(scoreClaim('Exports rose 5 percent in March').reasons).not.toContain('tampered');
    // A different set of reasons is a different verdict.
    expect(scoreClaim('I think exports rose 5 percent in March')).not.toBe(a);
  });

  it('scores as the sum of its reasons, in the order they are given', () => {
    const weights: Record<string, number> = {
      'states a number': 0.3, 'makes a comparison': 0.2, 'uses a superlative': 0.15, 'makes a causal claim': 0.2,
      'uses an absolute': 0.1, 'refers to a date or period': 0.1, 'is an opinion': -0.2, 'is vague or speculative': -0.15,
      'is a short fragment': -0.15,
    };
    for (const text of ['Exports doubled to a record $9 billion in 2018 because all quotas ended', 'I think it could improve', 'tremendous work', 'The plan failed']) {
      const { score, reasons } = scoreClaim(text);
      let expected = 0.3;
      for (const r of reasons) expected += weights[r] ?? NaN;
      expect(score).toBe(Math.min(1, Math.max(0, Math.round(expected * 100) / 100)));
    }
  });
});
