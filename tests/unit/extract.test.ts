import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractArticle, locate, rangeBounds, textBetween } from '../../lib/dom/extract';
import type { ArticleDom } from '../../lib/dom/types';
import { parseHtmlDocument } from '../../lib/node/parse-html';
import { BLOCK_SEPARATOR } from '../../lib/types';

const PAGES = join(__dirname, '..', 'pages');
const page = (name: string): string => readFileSync(join(PAGES, name), 'utf8');

function withHappyDom(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const parsers: [string, (html: string) => Document][] = [
  ['linkedom', parseHtmlDocument],
  ['happy-dom', withHappyDom],
];

function blockTexts(dom: ArticleDom): string[] {
  return dom.article.blocks.map((b) => dom.article.text.slice(b.start, b.end));
}

/** For every block, the concatenated node text of its pieces equals the block text (synthetic pieces aside). */
function expectPiecesMapBack(dom: ArticleDom): void {
  const { text, blocks } = dom.article;
  let previousEnd = 0;
  for (const piece of dom.pieces) {
    expect(piece.start).toBe(previousEnd);
    previousEnd = piece.end;
    if (piece.node) {
      expect(piece.node.data.slice(piece.nodeOffset, piece.nodeOffset + (piece.end - piece.start))).toBe(text.slice(piece.start, piece.end));
    } else {
      expect(['\n', BLOCK_SEPARATOR]).toContain(text.slice(piece.start, piece.end));
    }
  }
  expect(previousEnd).toBe(text.length);
  for (const block of blocks) {
    const inside = dom.pieces.filter((p) => p.start >= block.start && p.end <= block.end);
    expect(inside.map((p) => text.slice(p.start, p.end)).join('')).toBe(text.slice(block.start, block.end));
  }
}

describe.each(parsers)('extractArticle on a news page (%s)', (_name, parse) => {
  const dom = extractArticle(parse(page('news-page.html')));

  it('finds exactly the headline, standfirst and body paragraphs, in order', () => {
    expect(dom).not.toBeNull();
    if (!dom) return;
    expect(dom.article.blocks.map((b) => b.kind)).toEqual(['title', 'dek', ...Array<string>(9).fill('body')]);
    expect(blockTexts(dom).map((t) => t.replace(/\s+/g, ' '))).toEqual([
      'Harbour board approves dredging plan',
      'Members voted to deepen the north channel before the autumn shipping season.',
      'The harbour board voted on Thursday to spend $4.2 million deepening the north channel, ending a dispute that had stalled the project for three years.',
      'Chair Marta Olsen said the vote was "the only sensible way to keep the port open to larger ships" and thanked the harbour staff.',
      'Costs and timing',
      "Work is due to start in June and should take about 14 weeks, according to the board's engineers.",
      'About 60% of the cost comes from port fees',
      'The rest is a loan repaid over 10 years',
      'We waited long enough for this decision.',
      'Critics said the plan ignored the wetland to the east.',
      'Critics said the plan ignored the wetland to the east.',
    ]);
  });

  it('leaves out the page furniture', () => {
    const text = dom?.article.text ?? '';
    for (const furniture of ['Advertisement', 'Most read', 'Ferry fares', '© 2019', 'Comments', 'Priya Anand', '14 March 2019', 'dredger working', 'Read more', 'Tweet', 'Weather', 'icon', 'tracking', 'Ports']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('joins blocks with the separator and keeps block offsets consistent', () => {
    if (!dom) throw new Error('no article');
    const { text, blocks } = dom.article;
    for (let i = 1; i < blocks.length; i++) {
      expect(text.slice(blocks[i - 1]?.end, blocks[i]?.start)).toBe(BLOCK_SEPARATOR);
    }
    expect(dom.blockElements).toHaveLength(blocks.length);
  });

  it('maps every offset back to its text node', () => {
    if (!dom) throw new Error('no article');
    expectPiecesMapBack(dom);
  });

  it('reads title, date and language', () => {
    expect(dom?.article.title).toBe('Harbour board approves dredging plan');
    expect(dom?.article.date).toBe('2019-03-14');
    expect(dom?.article.lang).toBe('en-GB');
  });
});

describe.each(parsers)('extractArticle edge cases (%s)', (_name, parse) => {
  it('returns null for a page with no article', () => {
    expect(extractArticle(parse(page('no-article.html')))).toBeNull();
  });

  it('keeps words and figures split by inline elements, and turns <br> into a newline', () => {
    const dom = extractArticle(parse(page('br-inline.html')), 'https://example.org/news/council-budget');
    expect(dom).not.toBeNull();
    if (!dom) return;
    const texts = blockTexts(dom);
    expect(texts[0]).toBe('Council passes a leaner budget');
    expect(texts[1]).toBe(
      'The council approved a budget of $28 million on Tuesday, down from last year.\nDeputy mayor Ana Ruiz-Ortega called it "tight but fair".',
    );
    expect(texts[2]).toContain('falls by 12%');
    expect(texts[2]).toContain('$3.5 million');
    expect(texts[3]).toBe('Loose lines follow\n\nafter two breaks, and the final figure is 7th in the region.');
    expect(texts.join(' ')).not.toContain('About');
    expect(dom.article.date).toBe('2018-07-05');
    expect(dom.article.url).toBe('https://example.org/news/council-budget');
    expectPiecesMapBack(dom);
  });

  it('locates offsets across inline elements and skips synthetic text', () => {
    const dom = extractArticle(parse(page('br-inline.html')));
    if (!dom) throw new Error('no article');
    const { text } = dom.article;
    const money = text.indexOf('$28 million');
    const bounds = rangeBounds(dom, money, money + '$28 million'.length);
    expect(bounds).not.toBeNull();
    expect(bounds?.startNode.data.slice(bounds.startOffset)).toMatch(/^\$2$/);
    expect(bounds?.endNode.data.slice(0, bounds.endOffset)).toBe(' million');
    expect(bounds?.startNode).not.toBe(bounds?.endNode);

    const newline = text.indexOf('\nDeputy');
    const start = locate(dom, newline, 'start');
    expect(start?.node.data.slice(start.offset)).toMatch(/^Deputy mayor/);
    const end = locate(dom, newline + 1, 'end');
    expect(end?.node.data.slice(0, end.offset)).toMatch(/last year\.$/);

    const separator = dom.article.blocks[1]?.end ?? 0;
    expect(rangeBounds(dom, separator, separator + BLOCK_SEPARATOR.length)).toBeNull();
    expect(rangeBounds(dom, 5, 5)).toBeNull();
    expect(locate(dom, text.length + 10, 'start')).toBeNull();
  });

  it('reads any stretch of the article back from the page, separators and line breaks included', () => {
    const dom = extractArticle(parse(page('br-inline.html')));
    if (!dom) throw new Error('no article');
    const { text } = dom.article;
    // Every boundary of every piece, and a spread of offsets between them, in both roles.
    const offsets = new Set<number>([0, text.length]);
    for (const p of dom.pieces) for (const x of [p.start, p.end, p.start + 1, p.end - 1]) if (x >= 0 && x <= text.length) offsets.add(x);
    for (let x = 0; x <= text.length; x += 7) offsets.add(x);
    const sorted = [...offsets].sort((a, b) => a - b);
    let checked = 0;
    for (const start of sorted) {
      for (const end of sorted) {
        if (end < start || (end - start > 60 && end !== text.length)) continue;
        expect(textBetween(dom, start, end)).toBe(text.slice(start, end));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(textBetween(dom, 0, text.length)).toBe(text);
    expect(textBetween(dom, text.length, text.length + 5)).toBe('');
  });
});

describe.each(parsers)('extractArticle on a body split across containers (%s)', (_name, parse) => {
  it('joins the parts and leaves out what sits between and after them', () => {
    const dom = extractArticle(parse(page('split-body.html')));
    expect(dom).not.toBeNull();
    if (!dom) return;
    const texts = blockTexts(dom);
    expect(texts[0]).toBe('Library hours to grow in spring');
    expect(texts.slice(1).map((t) => t.slice(0, 20))).toEqual([
      'The city library wil',
      'Councillor Ines More',
      'Staff unions had ask',
      'Evening hours on Thu',
    ]);
    expectPiecesMapBack(dom);
  });
});

describe('extractArticle on the seed sample', () => {
  const dom = extractArticle(parseHtmlDocument(readFileSync(join(__dirname, '..', '..', 'samples', 'seed-korus-2017.html'), 'utf8')));

  it('keeps the repeated headline paragraphs as body blocks', () => {
    if (!dom) throw new Error('no article');
    const texts = blockTexts(dom);
    expect(dom.article.blocks[0]?.kind).toBe('title');
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    expect(dom.article.blocks[1]?.kind).toBe('body');
    expect(dom.article.date).toBe('2017-08-23');
    expect(dom.article.text).not.toContain('Most read');
    expect(dom.article.text).not.toContain('five minutes');
    expectPiecesMapBack(dom);
  });
});
