// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { boundsFor, isRangeValid, staticRangeFor, toLiveRange } from '../../lib/dom/range-map';
import type { ArticleDom, TextPiece } from '../../lib/dom/types';

/** Builds an ArticleDom by hand: each entry is a text node's data, or null for a synthetic "\n\n". */
function build(parts: (string | null)[]): { dom: ArticleDom; nodes: Text[] } {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  let p = document.createElement('p');
  root.append(p);
  const pieces: TextPiece[] = [];
  const nodes: Text[] = [];
  let text = '';
  for (const part of parts) {
    if (part === null) {
      pieces.push({ start: text.length, end: text.length + 2, node: null, nodeOffset: 0 });
      text += '\n\n';
      p = document.createElement('p');
      root.append(p);
      continue;
    }
    const node = document.createTextNode(part);
    p.append(node);
    nodes.push(node);
    pieces.push({ start: text.length, end: text.length + part.length, node, nodeOffset: 0 });
    text += part;
  }
  const dom: ArticleDom = {
    article: { text, blocks: [], date: null, lang: null, title: null, url: null },
    pieces,
    root,
    blockElements: [...root.children],
  };
  return { dom, nodes };
}

describe('range map', () => {
  beforeEach(() => document.body.replaceChildren());

  it('maps a span inside one node and a span across nodes', () => {
    const { dom, nodes } = build(['The minister, ', 'Ana Ruiz', ', spoke.']);
    const t = dom.article.text;
    const s = t.indexOf('Ana Ruiz');
    expect(boundsFor(dom, s, s + 8)).toEqual({ startNode: nodes[1], startOffset: 0, endNode: nodes[1], endOffset: 8 });
    const m = t.indexOf('minister');
    const b = boundsFor(dom, m, s + 3)!;
    expect(b.startNode).toBe(nodes[0]);
    expect(b.startOffset).toBe(4);
    expect(b.endNode).toBe(nodes[1]);
    expect(b.endOffset).toBe(3);
    expect(toLiveRange(staticRangeFor(dom, m, s + 3)!)!.toString()).toBe('minister, Ana');
  });

  it('never starts or ends a range on a block separator', () => {
    const { dom, nodes } = build(['First block.', null, 'Second block.']);
    const sep = dom.article.text.indexOf('\n\n');
    const b = boundsFor(dom, sep, sep + 8)!;
    expect(b.startNode).toBe(nodes[1]);
    expect(b.startOffset).toBe(0);
    const e = boundsFor(dom, 0, sep + 2)!;
    expect(e.endNode).toBe(nodes[0]);
    expect(e.endOffset).toBe('First block.'.length);
    expect(boundsFor(dom, sep, sep + 2)).toBeNull();
    expect(boundsFor(dom, 5, 5)).toBeNull();
  });

  it('refuses nodes that left the document or shrank below the offsets', () => {
    const { dom, nodes } = build(['Tariffs fell by half.', null, 'Exports rose.']);
    // A static range keeps its offsets when the page edits the node (happy-dom has no StaticRange).
    const r = { startContainer: nodes[0]!, startOffset: 0, endContainer: nodes[0]!, endOffset: 7, collapsed: false } as AbstractRange;
    expect(isRangeValid(r)).toBe(true);
    nodes[0]!.data = 'Tax';
    expect(isRangeValid(r)).toBe(false);
    expect(toLiveRange(r)).toBeNull();
    const later = dom.article.text.indexOf('Exports');
    nodes[1]!.parentElement!.remove();
    expect(boundsFor(dom, later, later + 7)).toBeNull();
  });
});
