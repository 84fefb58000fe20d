/**
 * Test doubles for the popup, chart and export tests: a small pack and an
 * annotation set written for these tests. Trade figures are the real US goods
 * balances with South Korea (negative = US deficit) from the project's
 * reference data; the sentences are invented.
 */
import type { Annotations } from '../../lib/types';
import type { KnowledgePack } from '../../lib/packs/types';

/** A minimal pack with one series (with gaps), a timeline and two facts. */
export const TEST_PACK: KnowledgePack = {
  schemaVersion: 1,
  id: 'test-trade',
  name: 'Test trade pack',
  version: '0.0.1',
  description: 'Written for unit tests.',
  topicTerms: ['trade'],
  sources: [
    { id: 'census', publisher: 'US Census Bureau', title: 'Trade in goods with Korea', url: 'https://www.census.gov/foreign-trade/balance/c5800.html', accessed: '2026-11-28' },
    { id: 'ustr', publisher: 'USTR', title: 'Korea country page', url: 'https://ustr.gov/countries-regions/japan-korea-apec/korea', accessed: '2026-11-28' },
    { id: 'bad', publisher: 'Odd Source', title: 'Not a web link', url: 'javascript:alert(1)', accessed: '2026-11-28' },
  ],
  entities: [
    {
      id: 'p-lee', kind: 'person', name: 'Lee Min-seo', aliases: [], misspellings: ['Lee Min-so'], nativeName: null,
      roles: [{ title: 'Trade Minister', country: 'KR', from: '2016-03', to: '2018-01', sourceIds: ['ustr'] }],
      summary: 'Invented person for tests.', sourceIds: ['ustr'],
    },
  ],
  series: [
    {
      id: 'us-kr-goods-balance',
      label: 'US goods trade balance with South Korea',
      basis: 'goods, US Census basis',
      unit: 'USD',
      points: [
        { period: '2012', value: -16_600_000_000, sourceIds: ['census'] },
        { period: '2013', value: -20_670_000_000, sourceIds: ['census'] },
        { period: '2014', value: -25_000_000_000, sourceIds: ['census'] },
        { period: '2016', value: -27_700_000_000, sourceIds: ['ustr'] },
        { period: '2017', value: -22_880_000_000, sourceIds: ['census'], approximate: true },
      ],
      match: { measureTerms: ['trade deficit'], partnerTerms: ['Korea'], primary: true },
      sourceIds: ['census', 'ustr'],
    },
  ],
  timeline: [
    { date: '2012-03-15', event: 'Agreement enters into force', key: true, sourceIds: ['ustr'] },
    { date: '2007', event: 'Agreement signed', key: true, sourceIds: ['ustr'] },
    { date: '2017-10', event: 'Second special session', key: false, sourceIds: ['bad'] },
    { date: '2018-09-24', event: 'Amended agreement signed', key: true, sourceIds: ['ustr'] },
    { date: '2015', event: 'A minor event', key: false, sourceIds: [] },
  ],
  facts: [
    { text: 'The deficit grew after the agreement took effect.', tags: [], sourceIds: ['census'] },
    { text: 'Services trade shows a US surplus.', tags: [], sourceIds: ['ustr', 'bad'] },
  ],
};

const TEXT = 'Minister Lee Min-so said the $28 billion gap was "not the whole story" in 2016.';

function at(fragment: string): { start: number; end: number; text: string } {
  const start = TEXT.indexOf(fragment);
  if (start < 0) throw new Error(`fixture text lacks ${fragment}`);
  return { start, end: start + fragment.length, text: fragment };
}

/** Annotations for an invented article dated 2017-08-23 about the test pack's topic. */
export const TEST_ANNOTATIONS: Annotations = {
  date: '2017-08-23',
  topics: ['test-trade'],
  officials: [
    {
      ...at('Lee Min-so'), name: 'Lee Min-seo', entityId: 'p-lee', packId: 'test-trade', via: 'pack-variant',
      standardSpelling: 'Lee Min-seo',
      role: { title: 'Trade Minister', country: 'KR', from: '2016-03', to: '2018-01', sourceIds: ['ustr'] },
    },
    {
      ...at('Minister Lee Min-so'), name: 'Lee Min-seo', entityId: 'p-lee', packId: 'test-trade', via: 'title-pattern',
      role: null,
    },
  ],
  figures: [
    {
      ...at('$28 billion'), kind: 'money', value: 28_000_000_000, unit: 'USD', relative: false,
      period: { start: '2016-01-01', end: '2016-12-31', label: '2016' },
      check: {
        verdict: 'matches', packId: 'test-trade', seriesId: 'us-kr-goods-balance',
        seriesLabel: 'US goods trade balance with South Korea', period: '2016', officialValue: -27_700_000_000,
        statedValue: -28_000_000_000, unit: 'USD', basis: 'goods, USTR', sourceIds: ['ustr'],
        note: '$28 billion rounds $27.7 billion (2016, goods, USTR)',
      },
    },
    { ...at('2016'), kind: 'year', value: '2016', unit: 'year', relative: false, period: null },
  ],
  claims: [
    {
      ...at('"not the whole story"'), quoted: true, speaker: 'Lee Min-seo', speakerEntityId: 'p-lee',
      worthiness: { score: 0.7, reasons: ['contains a figure'] },
    },
  ],
};
