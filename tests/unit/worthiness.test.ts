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
});
