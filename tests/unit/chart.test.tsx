// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { chartSlots, overlaySentence, TradeChart } from '../../components/shared/TradeChart';
import { Timeline, timelineRows } from '../../components/shared/Timeline';
import { TEST_ANNOTATIONS, TEST_PACK } from './ui-fixtures';

const series = TEST_PACK.series[0]!;
const check = TEST_ANNOTATIONS.figures[0]!.check!;

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('trade chart', () => {
  it('makes one slot per year and leaves missing years as gaps', () => {
    const slots = chartSlots(series);
    expect(slots.map((s) => s.year)).toEqual([2012, 2013, 2014, 2015, 2016, 2017]);
    expect(slots.find((s) => s.year === 2015)!.value).toBeNull();
    expect(slots.find((s) => s.year === 2017)!.approximate).toBe(true);
  });

  it('stretches the years to take in an overlaid period outside the series', () => {
    expect(chartSlots(series, [2019]).map((s) => s.year).slice(-3)).toEqual([2017, 2018, 2019]);
  });

  it('draws a bar per value, a gap marker per missing year, and no bar for a gap', () => {
    const root = mount(<TradeChart pack={TEST_PACK} series={series} />);
    const bars = [...root.querySelectorAll('rect.gloss-chart__bar')];
    expect(bars.map((b) => b.getAttribute('data-year'))).toEqual(['2012', '2013', '2014', '2016', '2017']);
    expect(bars.every((b) => b.classList.contains('is-deficit'))).toBe(true);
    expect(root.querySelectorAll('.gloss-chart__gap')).toHaveLength(1);
    expect(root.querySelector('.gloss-chart__gap')!.getAttribute('data-year')).toBe('2015');
    // Deficits hang below the zero line: a larger deficit is a taller bar.
    const height = (year: string) => Number(root.querySelector(`rect[data-year="${year}"]`)!.getAttribute('height'));
    expect(height('2016')).toBeGreaterThan(height('2012'));
  });

  it('states the basis and names the chart for assistive technology', () => {
    const root = mount(<TradeChart pack={TEST_PACK} series={series} />);
    expect(root.querySelector('figcaption')!.textContent).toContain('Basis: goods, US Census basis. Bars below the line are US deficits.');
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(document.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).toBe(series.label);
    const rows = [...root.querySelectorAll('table tbody tr')].map((r) => r.textContent);
    expect(rows).toContain('2015no data');
    expect(rows).toContain('2016US deficit $27.7 billion');
  });

  it('overlays the article figure on its year with the verdict', () => {
    const root = mount(<TradeChart pack={TEST_PACK} series={series} overlays={[{ figureText: '$28 billion', check }]} />);
    const overlay = root.querySelector('.gloss-chart__overlay')!;
    expect(overlay.getAttribute('data-year')).toBe('2016');
    expect(overlay.classList.contains('is-matches')).toBe(true);
    expect(root.querySelector('rect[data-year="2016"]')!.classList.contains('is-compared')).toBe(true);
    const line = root.querySelector('.gloss-chart__verdict')!.textContent!;
    expect(line).toContain('Article: “$28 billion” for 2016. Official: US deficit $27.7 billion (goods, USTR). Verdict: matches.');
    expect(root.querySelector('.gloss-chart__verdict a')!.getAttribute('href')).toBe('https://ustr.gov/countries-regions/japan-korea-apec/korea');
  });

  it('says when there is no official value to compare with', () => {
    const text = overlaySentence({ figureText: '$9 billion', check: { ...check, verdict: 'no-data', officialValue: null, period: '2015' } });
    expect(text).toBe('Article: “$9 billion” for 2015. No official value for 2015. Verdict: no official data.');
  });
});

describe('timeline', () => {
  it('sorts events and places the article after everything that began on or before its date', () => {
    const rows = timelineRows(TEST_PACK.timeline, '2017-08-23');
    expect(rows.map((r) => (r.kind === 'article' ? `article ${r.date}` : r.event.date))).toEqual([
      '2007', '2012-03-15', '2015', 'article 2017-08-23', '2017-10', '2018-09-24',
    ]);
  });

  it('shows the article date, emphasises key events and links only web sources', () => {
    const root = mount(<Timeline pack={TEST_PACK} articleDate="2017-08-23" />);
    const article = root.querySelector('[aria-current="date"]')!;
    expect(article.querySelector('time')!.getAttribute('datetime')).toBe('2017-08-23');
    expect(article.textContent).toContain('Aug 23, 2017');
    expect([...root.querySelectorAll('.is-key strong')].map((s) => s.textContent)).toEqual([
      'Agreement signed', 'Agreement enters into force', 'Amended agreement signed',
    ]);
    const chips = [...root.querySelectorAll('.gloss-chip')];
    expect(chips.find((c) => c.textContent === 'Odd Source')!.tagName).toBe('SPAN');
    expect(chips.find((c) => c.textContent === 'USTR')!.tagName).toBe('A');
  });

  it('without an article date lists the events only', () => {
    expect(timelineRows(TEST_PACK.timeline, null).some((r) => r.kind === 'article')).toBe(false);
  });
});
