import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, type ArticleText } from '../../lib/types';
import { bundledPacks } from '../../lib/packs/bundled';
import { PhraseMatcher } from '../../lib/engine/phrase-matcher';
import { detectOfficials, detectOfficialsSteps } from '../../lib/engine/officials';
import { drain } from '../../lib/engine/steps';
import { tokenList, tokenize, tokenizeSteps } from '../../lib/engine/tokens';
import { WordForms } from '../../lib/engine/tokens-forms';
import { detectTopicsInTokens, detectTopicsSteps } from '../../lib/engine/topics';

/** Runs steps one at a time, counting the pauses. */
function stepThrough<T>(steps: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, pauses };
    pauses++;
  }
}

const bodyArticle = (paragraphs: string[]): ArticleText => {
  const text = paragraphs.join(BLOCK_SEPARATOR);
  let pos = 0;
  const blocks = paragraphs.map((p) => {
    const block = { kind: 'body' as const, start: pos, end: pos + p.length };
    pos += p.length + BLOCK_SEPARATOR.length;
    return block;
  });
  return { text, blocks, date: '2017-08-23', lang: 'en', title: null, url: null };
};

describe('TokenList', () => {
  it('gives one form id per folded form, whatever the case, periods or apostrophe', () => {
    const list = tokenList('US envoys met U.S. envoys; O’Hara and O\'Hara agreed, us too.');
    const ids = (word: string): number[] => [...Array(list.length).keys()].filter((i) => list.norm(i) === word).map((i) => list.id(i));
    expect(new Set(ids('us')).size).toBe(1);
    expect(ids('us')).toHaveLength(3);
    expect(new Set(ids("o'hara")).size).toBe(1);
    expect(ids("o'hara")).toHaveLength(2);
    expect(list.forms.idOf('envoys')).toBe(list.id(1));
    expect(list.forms.idOf('ambassador')).toBe(-1);
  });

  it('reads the same words through the list and through token objects', () => {
    const text = 'Deputy Minister Ana Ruiz-Ortega’s aide, Mr. Tal, wrote:\n\n“No.”';
    const list = tokenList(text);
    const objects = tokenize(text);
    expect(objects).toHaveLength(list.length);
    objects.forEach((t, i) => {
      expect([t.start, t.end, t.text, t.norm, t.sep, t.cap, t.possessive]).toEqual([
        list.start(i), list.end(i), list.word(i), list.norm(i), list.sep(i), list.cap(i), list.possessive(i),
      ]);
    });
    const ortega = objects.findIndex((t) => t.text === 'Ortega');
    expect(list.hyphenJoin(ortega)).toBe(true);
    expect(list.possessive(ortega)).toBe(true);
    expect(list.continues(ortega)).toBe(true);
    expect(list.continues(ortega + 1)).toBe(false); // after a possessive
    expect(list.sepHas(objects.findIndex((t) => t.text === 'No'), 10)).toBe(true);
  });

  it('keeps every form when the table grows well past its first size', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);
    const list = tokenList(words.join(' '));
    expect(list.length).toBe(3000);
    expect(list.forms.forms).toHaveLength(3000);
    words.forEach((w, i) => expect(list.norm(i)).toBe(w));
    expect(list.forms.idOf('w1x')).toBe(1);
  });

  it('interns a folded non-ASCII form and its ASCII twin as one', () => {
    const forms = new WordForms("don't");
    const ascii = forms.internAscii(0, 5);
    expect(forms.intern("don't")).toBe(ascii);
    expect(forms.intern('café')).toBe(ascii + 1);
    expect(forms.internAscii(0, 0)).not.toBe(ascii);
  });

  it('pauses on a long text and cuts the same tokens as at once', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `Word${i % 7} and more, said Lee.`).join(' ');
    const { value, pauses } = stepThrough(tokenizeSteps(text));
    expect(pauses).toBeGreaterThan(0);
    const once = tokenList(text);
    expect(value.length).toBe(once.length);
    for (const i of [0, 1, 777, value.length - 1]) expect([value.start(i), value.norm(i), value.cap(i)]).toEqual([once.start(i), once.norm(i), once.cap(i)]);
  });
});

describe('PhraseMatcher over a token list', () => {
  it('matches the same phrases on the list as on token objects, across two texts in turn', () => {
    const m = new PhraseMatcher([
      { phrase: 'Lena Dahl', value: 'dahl' },
      { phrase: 'harbour board', value: 'board' },
    ]);
    const first = 'The Harbour Board met; Lena Dahl spoke.';
    const second = 'Lena   Dahl left the harbour-board.';
    // The matcher caches its first step per token list: switching lists must not reuse the other list's ids.
    expect(m.matchAll(tokenList(first)).map((x) => x.values[0])).toEqual(['board', 'dahl']);
    expect(m.matchAll(tokenList(second)).map((x) => x.values[0])).toEqual(['dahl', 'board']);
    expect(m.matchAll(tokenize(first)).map((x) => [x.start, x.end])).toEqual(m.matchAll(tokenList(first)).map((x) => [x.start, x.end]));
  });

  it('refuses a slice of token objects, whose indices would not be the list’s', () => {
    const m = new PhraseMatcher([{ phrase: 'Lena Dahl', value: 1 }]);
    const tokens = tokenize('Then Lena Dahl spoke.');
    expect(m.matchAll(tokens)).toHaveLength(1);
    expect(() => m.matchAll(tokens.slice(1))).toThrow(/whole tokenize/);
  });
});

describe('officials and topics as steps', () => {
  // Long enough for every pass to pause several times.
  const paragraphs = Array.from({ length: 2400 }, (_, i) =>
    i % 3 === 0
      ? 'Trade Minister Kim Hyun-chong met Senator Grace Abernathy in Seoul on Tuesday.'
      : i % 3 === 1
        ? 'Kim said the KORUS talks would go on, and Abernathy agreed with Mr. Kim on the moon landing.'
        : 'Analyst Dara Whitcombe, an economist at a bank, said Whitcombe expected little.',
  );
  const article = bodyArticle(paragraphs);

  it('finds the same officials whether drained or stepped, pausing within the passes', () => {
    const tokens = tokenList(article.text);
    const { value, pauses } = stepThrough(detectOfficialsSteps(article, bundledPacks, tokens));
    expect(pauses).toBeGreaterThan(15);
    expect(value).toEqual(detectOfficials(article, bundledPacks));
    expect(value.filter((m) => m.text === 'Whitcombe')).toEqual([]);
    expect(value.filter((m) => m.via === 'short-form' && m.text === 'Kim').length).toBeGreaterThan(100);
  });

  it('answers topics the same from the cache as computed afresh', () => {
    const tokens = tokenList(article.text);
    const fresh = drain(detectTopicsSteps(tokens, bundledPacks));
    expect(fresh).toEqual(['korus']);
    const again = detectTopicsInTokens(tokens, bundledPacks);
    expect(again).toEqual(fresh);
    again.push('changed');
    expect(detectTopicsInTokens(tokens, bundledPacks)).toEqual(['korus']);
    expect(detectTopicsInTokens(tokens, [])).toEqual([]);
  });
});
