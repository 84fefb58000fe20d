// @vitest-environment happy-dom
/**
 * The in-page limits added for hostile pages (tests/e2e/hostile.test.ts):
 * huge articles are cut at a block boundary before the engine sees them, and
 * a card host the page removes is mounted again a bounded number of times.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { capArticle } from '../../lib/dom/article-cap';
import { GlossController } from '../../lib/dom/controller';
import { createCardHost } from '../../components/card/host';
import type { ArticleDom } from '../../lib/dom/types';
import type { Annotations } from '../../lib/types';
import { DEFAULT_SETTINGS } from '../../lib/settings/types';

function domOf(paragraphs: string[]): ArticleDom {
  let text = '';
  const blocks: ArticleDom['article']['blocks'] = [];
  for (const p of paragraphs) {
    if (text) text += '\n\n';
    blocks.push({ kind: 'body', start: text.length, end: text.length + p.length });
    text += p;
  }
  const els = paragraphs.map(() => document.createElement('p'));
  return { article: { text, blocks, date: null, lang: 'en', title: null, url: null }, pieces: [], root: document.body, blockElements: els };
}

describe('capArticle', () => {
  it('leaves a normal article alone', () => {
    const dom = domOf(['One short paragraph.', 'Another one.']);
    expect(capArticle(dom, 1000)).toBe(dom);
  });

  it('cuts a huge article after the last block that fits, keeping text and blocks consistent', () => {
    const dom = domOf(['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)]);
    const cut = capArticle(dom, 90);
    expect(cut.article.blocks).toHaveLength(2);
    expect(cut.article.text).toBe(`${'a'.repeat(40)}\n\n${'b'.repeat(40)}`);
    expect(cut.blockElements).toHaveLength(2);
  });

  it('cuts inside the first block when that alone is too long', () => {
    const cut = capArticle(domOf(['x'.repeat(500)]), 100);
    expect(cut.article.text).toHaveLength(100);
    expect(cut.article.blocks).toEqual([{ kind: 'body', start: 0, end: 100 }]);
  });
});

describe('a page that removes the card host', () => {
  let controller: GlossController | null = null;
  afterEach(() => {
    controller?.stop();
    document.body.replaceChildren();
  });

  it('mounts it again at most three times, then stops offering cards (no fight, no error)', async () => {
    const p = document.createElement('p');
    p.textContent = 'Commissioner Mara Okonkwo-Lind spoke.';
    const story = document.createElement('div');
    story.append(p);
    document.body.append(story);
    const node = p.firstChild as Text;
    let mounts = 0;
    const annotations: Annotations = {
      date: null,
      officials: [{ start: 13, end: 30, text: 'Mara Okonkwo-Lind', name: 'Mara Okonkwo-Lind', entityId: null, packId: null, role: null, via: 'title-pattern' }],
      figures: [],
      claims: [],
      topics: [],
    };
    controller = new GlossController({
      doc: document,
      extract: () => ({
        article: { text: node.data, blocks: [{ kind: 'body', start: 0, end: node.data.length }], date: null, lang: 'en', title: null, url: null },
        pieces: [{ start: 0, end: node.data.length, node, nodeOffset: 0 }],
        root: story,
        blockElements: [p],
      }),
      annotate: () => annotations,
      packs: [],
      loadSettings: async () => DEFAULT_SETTINGS,
      mountCards: async () => {
        mounts++;
        const host = document.createElement('gloss-card-host');
        const container = document.createElement('div');
        host.append(container);
        document.documentElement.append(host);
        return { container, hostElement: host, remove: () => host.remove() };
      },
      createCardHost,
      forceFallback: true,
    });
    await controller.start();
    const results: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      results.push(await controller.openCard('officials:0'));
      // The page sweeps away what it did not create.
      document.querySelector('gloss-card-host')?.remove();
    }
    expect(mounts).toBe(4);
    expect(results).toEqual([true, true, true, true, false, false]);
  });
});
