import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkFigures, sentenceAround } from '../../lib/engine/figure-check';
import { detectFigures } from '../../lib/engine/figures';
import type { KnowledgePack, PackSeries } from '../../lib/packs/types';
import { BLOCK_SEPARATOR, type ArticleText, type Figure, type TextBlock } from '../../lib/types';

function article(paragraphs: string[], date: string | null = '2017-08-23'): ArticleText {
  const blocks: TextBlock[] = [];
  let pos = 0;
  for (const p of paragraphs) {
    blocks.push({ kind: 'body', start: pos, end: pos + p.length });
    pos += p.length + BLOCK_SEPARATOR.length;
  }
  return { text: paragraphs.join(BLOCK_SEPARATOR), blocks, date, lang: 'en', title: null, url: null };
}

const series = (s: Omit<PackSeries, 'unit' | 'sourceIds'>): PackSeries => ({ ...s, unit: 'USD', sourceIds: ['test-series'] });
const KOREA = ['South Korea', 'Korea', 'Seoul'];

/** A small pack with real values from the project's reference trade data (US Census / USTR / MOTIE). */
const PACK: KnowledgePack = {
  schemaVersion: 1, id: 'test-korus', name: 'Test KORUS', version: '0', description: 'test', topicTerms: ['KORUS'],
  sources: [
    { id: 'ustr-korea-2016-mirror', publisher: 'USTR', title: 'U.S.-Korea Trade Facts', url: 'http://www.aalep.eu/us-korea-trade-facts', accessed: '2026-11-28' },
    { id: 'kelleydrye-2017', publisher: 'Kelley Drye', title: 'KORUS Special Session', url: 'https://www.kelleydrye.com/', accessed: '2026-11-28' },
    { id: 'kbs-2024-03-22', publisher: 'KBS World', title: 'Record surplus', url: 'http://world.kbs.co.kr/', accessed: '2026-11-28' },
  ],
  entities: [], timeline: [], facts: [],
  series: [
    series({
      id: 'us-kr-goods-balance', label: 'US goods trade balance with South Korea', basis: 'goods, US Census basis',
      points: [
        { period: '2012', value: -16.6e9, sourceIds: ['usatoday-2017-04-18'] },
        { period: '2016', value: -27.7e9, sourceIds: ['ustr-korea-2016-mirror'] },
        { period: '2017', value: -22.88e9, sourceIds: ['ustr-factsheet-2018-mirror'] },
      ],
      match: { measureTerms: ['trade deficit', 'trade gap', 'trade surplus', 'deficit', 'surplus'], partnerTerms: KOREA, primary: true },
    }),
    series({
      id: 'us-kr-goods-services-balance', label: 'US goods and services trade balance with South Korea', basis: 'goods and services, BOP basis',
      points: [
        { period: '2016', value: -17.0e9, sourceIds: ['ustr-korea-2016-mirror'] },
        { period: '2017', value: -9.8e9, sourceIds: ['ustr-factsheet-2018-mirror'] },
      ],
      match: { measureTerms: ['goods and services', 'trade deficit', 'deficit'], partnerTerms: KOREA, primary: false },
    }),
    series({
      id: 'us-kr-services-balance', label: 'US services trade balance with South Korea', basis: 'services, BOP basis',
      points: [{ period: '2016', value: 10.7e9, sourceIds: ['ustr-korea-2016-mirror', 'kelleydrye-2017'] }],
      match: { measureTerms: ['services surplus', 'services trade', 'surplus in services'], partnerTerms: KOREA, primary: false },
    }),
    series({
      id: 'kr-us-surplus-korean-data', label: "South Korea's trade surplus with the US (Korean data)", basis: 'goods, Korean customs basis',
      points: [{ period: '2023', value: 44.4e9, sourceIds: ['kbs-2024-03-22'] }],
      match: { measureTerms: ['trade surplus', 'surplus'], partnerTerms: ['United States', 'U.S.', 'US', 'Washington'], primary: false },
    }),
  ],
};

function checked(paragraphs: string[], date = '2017-08-23', packs: readonly KnowledgePack[] = [PACK]): Figure[] {
  const a = article(paragraphs, date);
  return checkFigures(a, detectFigures(a), packs).filter((f) => f.kind === 'money');
}

describe('sentenceAround', () => {
  it('does not stop at abbreviations', () => {
    const text = 'Trade grew in the region. The U.S. had a gap of $5 billion with Mr. Lee present. Next sentence.';
    const at = text.indexOf('$5');
    const b = sentenceAround(text, at, at + 9);
    expect(text.slice(b.start, b.end)).toBe('The U.S. had a gap of $5 billion with Mr. Lee present.');
  });
});

describe('checkFigures', () => {
  it('matches a figure rounded to the billion, with a resolved relative year', () => {
    const [f] = checked(['Washington had a trade deficit of $28 billion with South Korea previous year.']);
    expect(f?.check?.verdict).toBe('matches');
    expect(f?.check?.period).toBe('2016');
    expect(f?.check?.officialValue).toBe(-27.7e9);
    expect(f?.check?.statedValue).toBe(-28e9);
    expect(f?.check?.sourceIds).toEqual(['ustr-korea-2016-mirror']);
    expect(f?.check?.related).toContainEqual({ label: 'US goods and services trade balance with South Korea', value: -17.0e9, basis: 'goods and services, BOP basis', sourceIds: ['ustr-korea-2016-mirror'] });
    expect(f?.check?.note).toContain('$28 billion matches the official 2016 figure at the stated rounding');
    expect(f?.check?.note).toContain('$27.7 billion');
    expect(f?.check?.note).toContain('USTR');
  });
  it('says differs when a more precise figure is off by more than its last digit', () => {
    const [f] = checked(['In 2016 the trade deficit with South Korea came to $27.6 billion, officials said.']);
    expect(f?.check?.verdict).toBe('differs');
    expect(f?.check?.officialValue).toBe(-27.7e9);
  });
  it('uses the nearest explicit year and skips comparison years', () => {
    const [f] = checked(['The deficit with Korea stood at $22.9 billion in 2017, down from 2016.']);
    expect([f?.check?.verdict, f?.check?.period]).toEqual(['matches', '2017']);
  });
  it('splits a sentence between two measures', () => {
    const [goods, services] = checked(['In 2016 the US posted a deficit of $27.7 billion in goods with Korea, but a surplus of $10.7 billion in services trade.']);
    expect([goods?.check?.seriesId, goods?.check?.verdict]).toEqual(['us-kr-goods-balance', 'matches']);
    expect([services?.check?.seriesId, services?.check?.verdict, services?.check?.statedValue]).toEqual(['us-kr-services-balance', 'matches', 10.7e9]);
  });
  it('reads a partner-owned surplus with the partner-reported series', () => {
    const [f] = checked(["South Korea's trade surplus with the United States hit $44.4 billion in 2023, Seoul said."], '2024-03-22');
    expect([f?.check?.seriesId, f?.check?.verdict, f?.check?.statedValue]).toEqual(['kr-us-surplus-korean-data', 'matches', 44.4e9]);
  });
  it('respects "more than" as a floor', () => {
    const [f] = checked(['In 2016 the trade gap with Seoul was more than $27 billion.']);
    expect(f?.check?.verdict).toBe('matches');
  });
  it('reports no-data when the series has no point for the year', () => {
    const [f] = checked(['The trade deficit with South Korea was $20 billion in 2015.']);
    expect([f?.check?.verdict, f?.check?.officialValue]).toEqual(['no-data', null]);
    expect(f?.check?.note).toContain('2015');
  });
  it('falls back to the previous year only for past-tense sentences without a date', () => {
    const [past] = checked(['The trade deficit with South Korea was $28 billion, the agency said.']);
    expect([past?.check?.period, past?.check?.verdict]).toEqual(['2016', 'matches']);
    const [present] = checked(['The US has a trade deficit of $28 billion with South Korea.']);
    expect(present?.check).toBeUndefined();
  });
  it('leaves figures alone without a partner, a measure, a matching currency or packs', () => {
    expect(checked(['The trade deficit with Mexico was $63 billion in 2016.'])[0]?.check).toBeUndefined();
    expect(checked(['Korea spent $28 billion on roads in 2016.'])[0]?.check).toBeUndefined();
    expect(checked(['In 2016 the trade deficit with Korea was €25 billion.'])[0]?.check).toBeUndefined();
    expect(checked(['The trade deficit with Korea was $28 billion in 2016.'], '2017-08-23', [])[0]?.check).toBeUndefined();
  });
  it('does not touch non-money figures and keeps order', () => {
    const a = article(['In 2016, 95% of the trade deficit with Korea, $28 billion, came from cars.']);
    const figures = detectFigures(a);
    const out = checkFigures(a, figures, [PACK]);
    expect(out.map((f) => f.text)).toEqual(figures.map((f) => f.text));
    expect(out.filter((f) => f.check).map((f) => f.text)).toEqual(['$28 billion']);
  });
  it('stays fast with many money figures', () => {
    const a = article([Array.from({ length: 5000 }, () => 'The trade deficit with Korea was $28 billion in 2016.').join(' ')]);
    const t0 = performance.now();
    const out = checkFigures(a, detectFigures(a), [PACK]);
    expect(out.filter((f) => f.check?.verdict === 'matches')).toHaveLength(5000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('seed article', () => {
  const html = readFileSync(new URL('../../samples/seed-korus-2017.html', import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  const paragraphs = [document.querySelector('article h1')?.textContent ?? '',
    ...[...document.querySelectorAll('article p')].filter((p) => !p.getAttribute('class')).map((p) => p.textContent ?? '')];
  const seed = article(paragraphs, '2017-08-23');

  it('checks "$28 billion … previous year" against the 2016 US goods deficit', () => {
    const out = checkFigures(seed, detectFigures(seed), [PACK]);
    const checkedFigures = out.filter((f) => f.check);
    expect(checkedFigures).toHaveLength(1);
    const check = checkedFigures[0]?.check;
    expect(checkedFigures[0]?.text).toBe('$28 billion');
    expect([check?.verdict, check?.period, check?.officialValue, check?.seriesId]).toEqual(['matches', '2016', -27.7e9, 'us-kr-goods-balance']);
    expect(check?.related?.map((r) => r.value)).toContain(-17.0e9);
  });
});
