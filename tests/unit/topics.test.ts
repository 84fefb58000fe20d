import { describe, expect, it } from 'vitest';
import type { ArticleText } from '../../lib/types';
import type { KnowledgePack } from '../../lib/packs/types';
import { bundledPacks } from '../../lib/packs/bundled';
import { detectTopics } from '../../lib/engine/topics';

const article = (text: string): ArticleText => ({ text, blocks: [{ kind: 'body', start: 0, end: text.length }], date: null, lang: 'en', title: null, url: null });

describe('detectTopics', () => {
  it('finds the pack from a topic term, whatever its case or punctuation', () => {
    expect(detectTopics(article('Negotiators reopened Korus on Tuesday.'), bundledPacks)).toEqual(['korus']);
    expect(detectTopics(article('The U.S.-South Korea Free Trade Agreement turned five.'), bundledPacks)).toEqual(['korus']);
  });

  it('finds the pack from two of its people, but not from one', () => {
    expect(detectTopics(article('Wendy Cutler and Kim Jong-hoon shook hands in Seoul.'), bundledPacks)).toEqual(['korus']);
    expect(detectTopics(article('Barack Obama visited a school in Ohio.'), bundledPacks)).toEqual([]);
  });

  it('finds nothing in an unrelated article, and works with several packs', () => {
    expect(detectTopics(article('The harbour festival drew record crowds this summer.'), bundledPacks)).toEqual([]);
    const other: KnowledgePack = { ...bundledPacks[0]!, id: 'harbour', topicTerms: ['harbour festival'], entities: [] };
    expect(detectTopics(article('The harbour festival and KORUS.'), [...bundledPacks, other])).toEqual(['korus', 'harbour']);
    expect(detectTopics(article('KORUS'), [])).toEqual([]);
  });
});
