// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Highlighter, highlightCss, MARK_TAG, safeColour, type PaintItem } from '../../lib/dom/highlighter';
import { staticRangeFor } from '../../lib/dom/range-map';
import type { ArticleDom, TextPiece } from '../../lib/dom/types';
import { HIGHLIGHT_NAMES } from '../../lib/messages';

/** A small stand-in for the extractor: blocks are the root's <p>s, joined by "\n\n". */
function articleDomOf(root: Element): ArticleDom {
  const pieces: TextPiece[] = [];
  const blocks: ArticleDom['article']['blocks'] = [];
  const blockElements: Element[] = [];
  let text = '';
  for (const p of root.querySelectorAll('p')) {
    if (text) {
      pieces.push({ start: text.length, end: text.length + 2, node: null, nodeOffset: 0 });
      text += '\n\n';
    }
    const start = text.length;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      pieces.push({ start: text.length, end: text.length + n.data.length, node: n, nodeOffset: 0 });
      text += n.data;
    }
    blocks.push({ kind: 'body', start, end: text.length });
    blockElements.push(p);
  }
  return { article: { text, blocks, date: null, lang: 'en', title: null, url: null }, pieces, root, blockElements };
}

/** Every node with its type and data/attributes: unlike markup, it shows split text nodes. */
function snapshot(node: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node, depth: number) => {
    if (n.nodeType === 3) out.push(`${depth}#text:${(n as Text).data}`);
    else if (n.nodeType === 1) {
      const el = n as Element;
      out.push(`${depth}<${el.localName} ${[...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ')}>`);
    }
    for (const c of n.childNodes) walk(c, depth + 1);
  };
  walk(node, 0);
  return out;
}

/** A range inside one text node (happy-dom has no StaticRange, so a live Range stands in). */
function rangeIn(node: Text, start: number, end: number): Range {
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(node, end);
  return r;
}

/** Finds a phrase in the test article and returns its span. */
function spanOf(dom: ArticleDom, phrase: string, from = 0): { start: number; end: number } {
  const start = dom.article.text.indexOf(phrase, from);
  if (start < 0) throw new Error(`missing phrase: ${phrase}`);
  return { start, end: start + phrase.length };
}

function item(dom: ArticleDom, id: string, kind: PaintItem['kind'], phrase: string): PaintItem {
  const { start, end } = spanOf(dom, phrase);
  const range = staticRangeFor(dom, start, end);
  if (!range) throw new Error(`no range for ${phrase}`);
  return { id, kind, range };
}

const BODY = `
  <article id="a">
    <p>The harbour commissioner, Mara <b>Okonkwo-Lind</b>, said the port moved 4.2 million containers in 2021.</p>
    <p>"We will not raise the levy this year," Okonkwo-Lind told the council on Tuesday.</p>
    <p>Fees rose 12% <code>const x = 12%</code> while <input value="12%"> stayed put.</p>
  </article>`;

/** A minimal Highlight API for happy-dom, which has none. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

describe('Highlighter with the Custom Highlight API', () => {
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    document.body.replaceChildren();
    document.body.append(document.createRange().createContextualFragment(BODY));
    registry = new Map();
    Object.assign(window, { Highlight: FakeHighlight });
    (window as unknown as { CSS: { highlights: Map<string, FakeHighlight> } }).CSS = { highlights: registry };
  });
  afterEach(() => {
    delete (window as unknown as { Highlight?: unknown }).Highlight;
  });

  it('registers each range under the highlight name of its kind, touching no node', () => {
    const root = document.getElementById('a')!;
    const before = snapshot(root);
    const dom = articleDomOf(root);
    const h = new Highlighter(document);
    expect(h.mode).toBe('highlights');
    const items = [
      item(dom, 'officials:0', 'official', 'Mara Okonkwo-Lind'),
      item(dom, 'figures:0', 'figure', '4.2 million containers'),
      item(dom, 'figures:1', 'figureDiffers', '2021'),
      item(dom, 'claims:0', 'claim', '"We will not raise the levy this year," Okonkwo-Lind told the council'),
    ];
    expect(h.add(items)).toBe(4);
    expect([...registry.keys()].sort()).toEqual(
      [HIGHLIGHT_NAMES.official, HIGHLIGHT_NAMES.figure, HIGHLIGHT_NAMES.figureDiffers, HIGHLIGHT_NAMES.claim].sort(),
    );
    expect(registry.get(HIGHLIGHT_NAMES.official)!.size).toBe(1);
    const official = [...registry.get(HIGHLIGHT_NAMES.official)!][0]!;
    expect(h.liveRange('officials:0')!.toString()).toBe('Mara Okonkwo-Lind');
    // A name split over <b> starts in one text node and ends in another.
    expect(official.startContainer).not.toBe(official.endContainer);
    expect(registry.get(HIGHLIGHT_NAMES.claim)!.priority).toBeLessThan(registry.get(HIGHLIGHT_NAMES.official)!.priority);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses ranges inside code and form fields', () => {
    const root = document.getElementById('a')!;
    const code = root.querySelector('code')!.firstChild as Text;
    const h = new Highlighter(document);
    const inCode = rangeIn(code, 0, 5);
    const dom = articleDomOf(root);
    expect(h.add([{ id: 'figures:9', kind: 'figure', range: inCode }, item(dom, 'figures:2', 'figure', '12%')])).toBe(1);
    expect(h.list().map((i) => i.id)).toEqual(['figures:2']);
  });

  it('clear() unregisters every highlight it made; adding the same items twice equals adding once', () => {
    const dom = articleDomOf(document.getElementById('a')!);
    const h = new Highlighter(document);
    const items = [item(dom, 'officials:0', 'official', 'Mara Okonkwo-Lind'), item(dom, 'claims:0', 'claim', 'We will not raise')];
    h.add(items);
    const once = [...registry.entries()].map(([k, v]) => [k, v.size]);
    h.add(items);
    expect([...registry.entries()].map(([k, v]) => [k, v.size])).toEqual(once);
    h.flash('officials:0');
    expect(registry.get(HIGHLIGHT_NAMES.flash)!.size).toBe(1);
    h.clear();
    expect(registry.size).toBe(0);
    expect(h.size).toBe(0);
  });

  it('prune() drops ranges whose text node left the document', () => {
    const root = document.getElementById('a')!;
    const dom = articleDomOf(root);
    const h = new Highlighter(document);
    h.add([item(dom, 'officials:0', 'official', 'Mara Okonkwo-Lind'), item(dom, 'claims:0', 'claim', 'We will not raise')]);
    root.querySelectorAll('p')[1]!.remove();
    expect(h.prune()).toBe(1);
    expect(h.list().map((i) => i.id)).toEqual(['officials:0']);
  });

  it('windowed: keeps every item but registers only the ones shown, swapping in new highlights', () => {
    const dom = articleDomOf(document.getElementById('a')!);
    const h = new Highlighter(document);
    h.setWindowed(true);
    const official = item(dom, 'officials:0', 'official', 'Mara Okonkwo-Lind');
    const figure = item(dom, 'figures:0', 'figure', '4.2 million containers');
    const claim = item(dom, 'claims:0', 'claim', 'We will not raise');
    expect(h.add([official, figure, claim])).toBe(3);
    expect(h.size).toBe(3);
    expect(registry.size).toBe(0);
    h.showOnly([official, claim]);
    expect([...registry.keys()].sort()).toEqual([HIGHLIGHT_NAMES.official, HIGHLIGHT_NAMES.claim].sort());
    const firstOfficial = registry.get(HIGHLIGHT_NAMES.official);
    h.showOnly([figure]);
    // The old highlights are emptied and unregistered; the new one is a fresh object.
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAMES.figure]);
    expect(firstOfficial!.size).toBe(0);
    expect([...registry.get(HIGHLIGHT_NAMES.figure)!]).toEqual([figure.range]);
    // Items that are not painted (or were replaced) are never registered.
    h.showOnly([{ ...official, id: 'officials:9' }]);
    expect(registry.size).toBe(0);
    // Leaving windowed mode registers everything; clear() leaves nothing behind.
    h.setWindowed(false);
    expect([...registry.values()].reduce((n, x) => n + x.size, 0)).toBe(3);
    h.clear();
    expect(registry.size).toBe(0);
    expect(h.isWindowed).toBe(false);
  });
});

describe('Highlighter fallback (<gloss-mark>)', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    document.body.append(document.createRange().createContextualFragment(BODY));
  });

  it('wraps overlapping ranges and unwraps them leaving the very same nodes', () => {
    const root = document.getElementById('a')!;
    const before = snapshot(root);
    const textBefore = root.textContent;
    const firstText = root.querySelector('p')!.firstChild as Text;
    const dom = articleDomOf(root);
    const h = new Highlighter(document, { forceFallback: true });
    expect(h.mode).toBe('marks');
    h.add([
      item(dom, 'claims:0', 'claim', '"We will not raise the levy this year," Okonkwo-Lind told the council'),
      item(dom, 'officials:1', 'official', 'Okonkwo-Lind told'),
      item(dom, 'officials:0', 'official', 'Mara Okonkwo-Lind'),
      item(dom, 'figures:0', 'figure', '4.2 million containers'),
    ]);
    const marks = [...root.querySelectorAll(MARK_TAG)];
    expect(marks.length).toBeGreaterThan(4);
    // The page's text reads the same while wrapped.
    expect(root.textContent).toBe(textBefore);
    expect(marks.map((m) => m.textContent).join('|')).toContain('4.2 million containers');
    const both = marks.find((m) => m.getAttribute('data-gloss') === 'claim official');
    expect(both?.textContent).toBe('Okonkwo-Lind told');
    expect(h.liveRange('officials:0')!.toString()).toBe('Mara Okonkwo-Lind');
    h.flash('figures:0');
    expect(root.querySelector('[data-gloss-flash]')?.textContent).toBe('4.2 million containers');
    h.clear();
    expect(root.querySelectorAll(MARK_TAG).length).toBe(0);
    expect(snapshot(root)).toEqual(before);
    expect(root.querySelector('p')!.firstChild).toBe(firstText);
  });

  it('keeps the text identical while wrapped and paints nothing in code', () => {
    const root = document.getElementById('a')!;
    const text = root.textContent;
    const dom = articleDomOf(root);
    const h = new Highlighter(document, { forceFallback: true });
    const code = root.querySelector('code')!.firstChild as Text;
    h.add([
      { id: 'figures:8', kind: 'figure', range: rangeIn(code, 10, 13) },
      item(dom, 'figures:2', 'figure', 'Fees rose 12%'),
    ]);
    expect(root.textContent).toBe(text);
    expect(root.querySelector('code ' + MARK_TAG)).toBeNull();
    expect(root.querySelectorAll(MARK_TAG).length).toBe(1);
    h.add([item(dom, 'officials:0', 'official', 'Mara Okonkwo-Lind')]);
    expect(root.textContent).toBe(text);
    h.clear();
    expect(root.textContent).toBe(text);
  });
});

describe('highlight colours', () => {
  it('accepts plain colours and refuses anything that could close the rule', () => {
    expect(safeColour('#7c5cff', '#000')).toBe('#7c5cff');
    expect(safeColour('rgb(1, 2, 3)', '#000')).toBe('rgb(1, 2, 3)');
    expect(safeColour('red; } body { display:none', '#000')).toBe('#000');
    const css = highlightCss({ mode: 'underline', officialColor: 'x}y', figureColor: '#0e9f6e', claimColor: '#f0b429' });
    expect(css).toContain('::highlight(gloss-official)');
    expect(css).not.toContain('x}y');
    expect(css).not.toContain('background-color: color-mix(in srgb, #7c5cff');
  });
});
