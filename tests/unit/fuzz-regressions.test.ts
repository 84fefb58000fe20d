// @vitest-environment happy-dom
/**
 * Bugs the fuzzers found, each pinned by a small test of its own so it stays
 * fixed even if the fuzzers' inputs change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readName } from '../../lib/engine/names';
import { tokenize } from '../../lib/engine/phrase-matcher';
import { detectOfficials } from '../../lib/engine/officials';
import { Highlighter, MARK_TAG } from '../../lib/dom/highlighter';
import { bundledPacks } from '../../lib/packs/bundled';
import { articleOf, repeatTo } from '../fuzz/engine-inputs';

describe('names: hyphen chains (engine fuzz, "Hyun-chong-" repeated)', () => {
  it('a long hyphen chain is read in linear time, not once per token to its end', () => {
    const text = repeatTo('Hyun-chong-', 40_000);
    const t0 = performance.now();
    detectOfficials(articleOf(text), bundledPacks);
    // Before the fix this took seconds (every token re-read the whole chain); now tens of milliseconds.
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('still reads real hyphenated names whole', () => {
    const tokens = tokenize('Jean-Marie-Louise Okafor-Lind met Kim Hyun-chong.');
    const first = readName(tokens, 0)!;
    expect(tokens[first.end - 1]!.text).toBe('Lind');
    expect(first.words).toBe(2);
    const kim = tokens.findIndex((t) => t.text === 'Kim');
    const run = readName(tokens, kim)!;
    expect(tokens.slice(run.first, run.end).map((t) => t.text).join(' ')).toBe('Kim Hyun chong');
  });
});

describe('gloss-mark fallback: the page rewrites a text node Gloss split (DOM fuzz)', () => {
  afterEach(() => document.body.replaceChildren());

  it('keeps exactly what the page wrote, without Gloss’s split-off tail', () => {
    const p = document.createElement('p');
    p.textContent = 'Trade Minister Kim Hyun-chong spoke on Tuesday.';
    document.body.append(p);
    const node = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, 15);
    range.setEnd(node, 29);
    const h = new Highlighter(document, { forceFallback: true });
    h.add([{ id: 'officials:0', kind: 'official', range }]);
    expect(p.querySelector(MARK_TAG)?.textContent).toBe('Kim Hyun-chong');
    // The page still holds its node (now the head, "Trade Minister ") and replaces the whole text, as a live blog does.
    node.data = 'The session was postponed.';
    // The watcher reports the edit; prune must take the marks and the stale tails out at once.
    expect(h.prune()).toBe(1);
    expect(p.textContent).toBe('The session was postponed.');
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(node);
    h.clear();
    expect(p.textContent).toBe('The session was postponed.');
  });

  it('clear() after such an edit also leaves only the page’s text', () => {
    const p = document.createElement('p');
    p.textContent = 'Figures: $28 billion in 2016.';
    document.body.append(p);
    const node = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, 9);
    range.setEnd(node, 20);
    const h = new Highlighter(document, { forceFallback: true });
    h.add([{ id: 'figures:0', kind: 'figure', range }]);
    node.data = 'Figures withdrawn.';
    h.clear();
    expect(p.textContent).toBe('Figures withdrawn.');
    expect([...p.childNodes]).toEqual([node]);
  });
});
