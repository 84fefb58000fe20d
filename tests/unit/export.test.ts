import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toJson, toMarkdown, worthinessKey, type AnnotationExport } from '../../lib/export';
import { TEST_ANNOTATIONS, TEST_PACK } from './ui-fixtures';

const input = {
  url: 'https://news.example/2017/08/23/story',
  title: 'Trade talks [draft] *live*',
  annotations: TEST_ANNOTATIONS,
  packs: [TEST_PACK],
  exportedAt: '2026-12-01T10:00:00.000Z',
};

describe('JSON export', () => {
  const data = JSON.parse(toJson(input)) as AnnotationExport;

  it('says what it is and where it came from', () => {
    expect(data.format).toBe('gloss-annotations');
    expect(data.version).toBe(1);
    expect(data.page).toEqual({ url: input.url, title: input.title, date: '2017-08-23' });
    expect(data.exportedAt).toBe(input.exportedAt);
  });

  it('numbers each source once and points every finding at its sources', () => {
    expect(data.sources.map((s) => [s.n, s.id])).toEqual([[1, 'ustr']]);
    expect(data.officials[0]!.sources).toEqual([1]);
    // No role on the second mention: the entity's own sources stand in.
    expect(data.officials[1]!.sources).toEqual([1]);
    expect(data.figures[0]!.sources).toEqual([1]);
    expect(data.figures[1]!.sources).toEqual([]);
    expect(data.claims).toHaveLength(1);
  });
});

describe('Markdown export', () => {
  const md = toMarkdown(input);

  it('escapes page text so it cannot become markup', () => {
    expect(md.split('\n')[0]).toBe('# Gloss annotations: Trade talks \\[draft\\] \\*live\\*');
    expect(escapeMarkdown('<img src=x> a_b')).toBe('\\<img src=x\\> a\\_b');
  });

  it('lists officials with role, spelling note and source reference', () => {
    expect(md).toContain('- **Lee Min-seo**: Trade Minister (KR), ');
    expect(md).toMatch(/Trade Minister \(KR\), .*2016.* – .*2018.* \[1\]/);
    expect(md).toContain('Written “Lee Min-so”; standard spelling: Lee Min-seo');
  });

  it('gives the figure check with the official value and basis', () => {
    expect(md).toContain('- “$28 billion” = $28 billion; matches: official: US deficit $27.7 billion for 2016 (goods, USTR) [1]');
  });

  it('gives claims with speaker and check-worthiness in words', () => {
    expect(md).toContain('- “"not the whole story"”, Lee Min-seo (check first)');
  });

  it('links web sources and ends with the numbered source list', () => {
    expect(md).toContain('1. [USTR: Korea country page](https://ustr.gov/countries-regions/japan-korea-apec/korea) (accessed 2026-11-28)');
  });

  it('says so when a list is empty', () => {
    const empty = toMarkdown({ ...input, annotations: { ...TEST_ANNOTATIONS, claims: [], figures: [], officials: [] } });
    expect(empty.match(/_None found\._/g)).toHaveLength(4);
  });

  it('bands check-worthiness scores', () => {
    expect([0.9, 0.5, 0.1].map(worthinessKey)).toEqual(['worthinessHigh', 'worthinessMedium', 'worthinessLow']);
  });
});
