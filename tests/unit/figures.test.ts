import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectFigures } from '../../lib/engine/figures';
import { BLOCK_SEPARATOR, type ArticleText, type Figure, type TextBlock } from '../../lib/types';

/** An article from paragraphs; the first is the headline when `title` is set. */
function article(paragraphs: string[], date: string | null = '2017-08-23', title = false): ArticleText {
  const blocks: TextBlock[] = [];
  let pos = 0;
  paragraphs.forEach((p, i) => {
    blocks.push({ kind: title && i === 0 ? 'title' : 'body', start: pos, end: pos + p.length });
    pos += p.length + BLOCK_SEPARATOR.length;
  });
  return { text: paragraphs.join(BLOCK_SEPARATOR), blocks, date, lang: 'en', title: null, url: null };
}

const found = (text: string, date: string | null = '2017-08-23'): [string, string][] =>
  detectFigures(article([text], date)).map((f) => [f.text, f.kind]);
const one = (text: string, date: string | null = '2017-08-23'): Figure => {
  const figures = detectFigures(article([text], date));
  expect(figures).toHaveLength(1);
  return figures[0] as Figure;
};

describe('money', () => {
  it.each([
    ['Officials put the bill at $28 billion for the year.', '$28 billion', 28e9, 'USD'],
    ['The fund holds US$1.2 trillion in assets.', 'US$1.2 trillion', 1.2e12, 'USD'],
    ['Exporters earned 28 billion dollars abroad.', '28 billion dollars', 28e9, 'USD'],
    ['The startup raised $3bn from investors.', '$3bn', 3e9, 'USD'],
    ['A grant of $3.5m went to the museum.', '$3.5m', 3.5e6, 'USD'],
    ['Seoul set aside ₩1 trillion for farmers.', '₩1 trillion', 1e12, 'KRW'],
    ['The ministry will spend 1 trillion won on ports.', '1 trillion won', 1e12, 'KRW'],
    ['The port cost S$23.62 billion to build.', 'S$23.62 billion', 23.62e9, 'SGD'],
    ['The city received €5 million in aid.', '€5 million', 5e6, 'EUR'],
    ['The rail line will cost £2bn more.', '£2bn', 2e9, 'GBP'],
    ['The gap reached $28\u00a0billion in June.', '$28\u00a0billion', 28e9, 'USD'],
  ])('%s', (sentence, text, value, unit) => {
    const f = detectFigures(article([sentence])).find((x) => x.kind === 'money');
    expect(f?.text).toBe(text);
    expect(f?.value).toBe(value);
    expect(f?.unit).toBe(unit);
  });
  it('splits a range into two figures', () => {
    expect(found('Estimates run from $13.2 billion to $27.6 billion.')).toEqual([['$13.2 billion', 'money'], ['$27.6 billion', 'money']]);
  });
  it('keeps a bracketed conversion as its own figure', () => {
    expect(found('Sales hit US$5 billion (S$6.6 billion) this spring.').filter(([, k]) => k === 'money'))
      .toEqual([['US$5 billion', 'money'], ['S$6.6 billion', 'money']]);
  });
  it('does not take weight in pounds for sterling', () => {
    expect(found('The boat landed 900 pounds of cod.')).toEqual([['900 pounds', 'other']]);
  });
});

describe('percentages', () => {
  it.each([
    ['Turnout was 95% in the capital.', '95%', 95, 'percent'],
    ['Prices rose 95 percent over a decade.', '95 percent', 95, 'percent'],
    ['Imports fell 70 per cent after the ban.', '70 per cent', 70, 'percent'],
    ['Growth slowed to 2.3% last quarter.', '2.3%', 2.3, 'percent'],
    ['Rates climbed 15 percentage points.', '15 percentage points', 15, 'percentage point'],
    ['Only five percent of voters agreed.', 'five percent', 5, 'percent'],
  ])('%s', (sentence, text, value, unit) => {
    const f = detectFigures(article([sentence])).find((x) => x.kind === 'percent');
    expect(f?.text).toBe(text);
    expect(f?.value).toBe(value);
    expect(f?.unit).toBe(unit);
  });
});

describe('years', () => {
  it('finds years and ranges', () => {
    expect(found('The plant opened in 2007 and closed in 2015.')).toEqual([['2007', 'year'], ['2015', 'year']]);
    const range = one('Output peaked during 2015-2017 before falling.');
    expect([range.text, range.value, range.period?.start, range.period?.end]).toEqual(['2015-2017', '2015/2017', '2015-01-01', '2017-12-31']);
    expect(one('The survey covered 2015–17 in detail.').value).toBe('2015/2017');
  });
  it('finds decades', () => {
    expect(found('Growth was fastest in the 1990s and the mid-1980s.')).toEqual([['1990s', 'year'], ['mid-1980s', 'year']]);
  });
  it('does not take counts, identifiers or copyright lines for years', () => {
    expect(found('The factory shipped 2,000 vehicles.')).toEqual([['2,000 vehicles', 'count']]);
    expect(found('Tariffs under Section 232 were raised.')).toEqual([]);
    expect(found('The law invokes Article 2019 of the code.')).toEqual([]);
    expect(found('© 2016 Example News. All rights reserved.')).toEqual([]);
  });
});

describe('calendar dates', () => {
  it.each([
    ['The vote is set for August 22, 2017, in the capital.', 'August 22, 2017', '2017-08-22'],
    ['Talks resumed on Aug. 22 in the city.', 'Aug. 22', '2017-08-22'],
    ['Polls closed on 22 August after a long day.', '22 August', '2017-08-22'],
    ['The treaty took effect in July 2017 across the region.', 'July 2017', '2017-07'],
    ['The report arrived on September 1st without warning.', 'September 1st', '2017-09-01'],
    ['Officials meet again on Dec. 3 to sign it.', 'Dec. 3', '2017-12-03'],
    ['In June, the panel met twice.', 'June', '2017-06'],
    ['The hearing was moved to October by the judge.', 'October', '2017-10'],
    ['The ceasefire of 2017-03-14 still holds.', '2017-03-14', '2017-03-14'],
  ])('%s', (sentence, text, value) => {
    const f = one(sentence);
    expect([f.text, f.kind, f.value, f.relative]).toEqual([text, 'date', value, false]);
  });
  it('does not read the modal "may" or a name as a month', () => {
    expect(found('Prices may rise, and they may fall.')).toEqual([]);
    expect(found('The singer June Carter toured widely.')).toEqual([]);
    expect(found('Exports rose in May and fell in March.')).toEqual([['May', 'date'], ['March', 'date']]);
  });
});

describe('relative dates', () => {
  it.each([
    ['The minister resigned on Tuesday.', 'Tuesday', '2017-08-22'],
    ['Negotiators met on Monday afternoon in the capital.', 'Monday afternoon', '2017-08-21'],
    ['A second round opens next Wednesday in the capital.', 'next Wednesday', '2017-08-30'],
    ['Inflation was higher last month than expected.', 'last month', '2017-07'],
    ['The board met last week to decide.', 'last week', '2017-W33'],
    ['Profits fell sharply the previous year at the firm.', 'previous year', '2016'],
    ['Output rose last year across the sector.', 'last year', '2016'],
    ['Output will rise this year across the sector.', 'this year', '2017'],
    ['Output may rise next year across the sector.', 'next year', '2018'],
    ['The mayor spoke yesterday at the market.', 'yesterday', '2017-08-22'],
    ['The mayor speaks today at the market.', 'today', '2017-08-23'],
    ['Traffic eased earlier this month in the city.', 'earlier this month', '2017-08'],
    ['The union struck again nine months ago over pay.', 'nine months ago', '2016-11'],
  ])('%s', (sentence, text, value) => {
    const f = one(sentence);
    expect([f.text, f.kind, f.relative, f.value]).toEqual([text, 'date', true, value]);
  });
  it('puts weekdays in the future when the sentence does', () => {
    expect(one('The committee will vote on Friday in the capital.').value).toBe('2017-08-25');
  });
  it('resolves "three years later" and "that same year" against the last year mentioned', () => {
    const figures = detectFigures(article(['The first pact was drafted in 2009.', 'It was rewritten three years later by a new team.', 'That same year, the court ruled on it.']));
    expect(figures.map((f) => [f.text, f.value])).toEqual([['2009', '2009'], ['three years later', '2012'], ['That same year', '2012']]);
  });
  it('does not let a comparison year become the anchor', () => {
    const figures = detectFigures(article(['In 2016, exports stood at 40 tonnes, up 3% from 2015. That same year, imports fell.']));
    expect(figures.find((f) => f.text === 'That same year')?.value).toBe('2016');
  });
  it('flags "a day after" as relative even when it cannot be placed', () => {
    const f = one('A day after the vote, the envoy left.');
    expect([f.text, f.relative, f.period]).toEqual(['A day after', true, null]);
  });
  it('does not take weekday names inside proper names', () => {
    expect(found('He was a guest on the Meet the Press Sunday programme.')).toEqual([]);
    expect(found('The group met at the United Nations Monday afternoon.')).toEqual([['Monday afternoon', 'date']]);
  });
  it('leaves relative dates unresolved without an article date', () => {
    const f = one('Inflation was higher last month than expected.', null);
    expect([f.relative, f.value, f.period]).toEqual([true, null, null]);
  });
});

describe('durations, counts, ranks and other quantities', () => {
  it.each([
    ['The ban lasted five years in all.', 'five years', 'duration', 5, 'year'],
    ['Repairs took 10 years to finish.', '10 years', 'duration', 10, 'year'],
    ['The mayor has 18 months left in office.', '18 months', 'duration', 18, 'month'],
    ['The five-year-old treaty is under review.', 'five-year-old', 'duration', 5, 'year'],
    ['Rates have not moved in a decade.', 'a decade', 'duration', 1, 'decade'],
    ['The firm recalled 25,000 vehicles over brake faults.', '25,000 vehicles', 'count', 25000, 'vehicles'],
    ['Regulators fined three companies for fraud.', 'three companies', 'count', 3, 'companies'],
    ['Each maker may ship 50,000 cars per maker under the quota.', '50,000 cars per maker', 'count', 50000, 'cars'],
    ['The city ranked second in new housing.', 'second', 'other', 2, 'rank'],
    ['It is the 6th largest economy in Asia.', '6th largest', 'other', 6, 'rank'],
    ['The mine produced 2.68 million tonnes of ore.', '2.68 million tonnes', 'other', 2.68e6, 'tonnes'],
    ['The minister speaks at 11.30am in the hall.', '11.30am', 'other', '11:30', 'time'],
    ['The minister speaks at 3 p.m. in the hall.', '3 p.m.', 'other', '15:00', 'time'],
  ])('%s', (sentence, text, kind, value, unit) => {
    const f = one(sentence);
    expect([f.text, f.kind, f.value, f.unit]).toEqual([text, kind, value, unit]);
  });
  it('keeps hedges on counts and durations', () => {
    expect(found('The storm killed more than 40 people.')).toEqual([['more than 40 people', 'count']]);
    expect(found('The feud lasted nearly 20 years.')).toEqual([['nearly 20 years', 'duration']]);
    expect(found('The flood displaced tens of thousands.')).toEqual([['tens of thousands', 'count']]);
  });
  it('extends a count over its modifier to the plural noun', () => {
    expect(found('Police arrested two local officials.')).toEqual([['two local officials', 'count']]);
  });
});

describe('what is not a figure', () => {
  it.each([
    'The first round of talks ended without a deal.',
    'The second special session was held in the capital.',
    'Their first meeting was brief.',
    'The two sides agreed to meet again.',
    'Our two nations share a long border.',
    'The two countries signed a memorandum.',
    'Exports doubled and imports rose twice as fast.',
    'The union rejected the one-sided offer.',
    'She is one of the most senior envoys.',
    'It is one deal in addition to many others.',
    'The Group of Seven issued a statement.',
    'The G20 summit opened with a speech.',
    'Rescue crews worked for years in the valley.',
    'Hours after the blast, crews arrived.',
    'Doctors said the risk was 18 times higher.',
  ])('%s', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });
  it('does not read numbered list markers as counts', () => {
    expect(found('The ranking was: 1. Finland 2. Norway 3. Canada')).toEqual([]);
  });
});

describe('structure', () => {
  it('returns figures sorted by start with text equal to the article slice', () => {
    const a = article(['Costs rose 4% in 2016.', 'The plan runs five years and costs $2 billion.']);
    const figures = detectFigures(a);
    expect(figures.map((f) => f.text)).toEqual(['4%', '2016', 'five years', '$2 billion']);
    for (const f of figures) expect(a.text.slice(f.start, f.end)).toBe(f.text);
    const starts = figures.map((f) => f.start);
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
  });
  it('never joins a figure across blocks', () => {
    const figures = detectFigures(article(['Sales reached 12', 'million people agreed.']));
    expect(figures.every((f) => !f.text.includes('\n'))).toBe(true);
  });
  it('treats Title Case headlines without mistaking words for names', () => {
    const a = article(['Negotiators Meet Again Next Week After Talks Stall', 'Body text.'], '2017-08-23', true);
    expect(detectFigures(a).map((f) => [f.text, f.value])).toEqual([['Next Week', '2017-W35']]);
  });
});

describe('performance', () => {
  it.each([
    ['digits and commas', '1,'.repeat(50_000)],
    ['digits and spaces', '9 '.repeat(50_000)],
    ['currency runs', '$1'.repeat(50_000)],
    ['dates', 'Aug. 1, '.repeat(12_500)],
    ['hyphenated words', 'twenty-'.repeat(14_300)],
    ['dots', '1.'.repeat(50_000)],
  ])('finishes a 100,000-character adversarial string (%s) quickly', (_name, text) => {
    const t0 = performance.now();
    detectFigures(article([text]));
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('seed article', () => {
  // The project's own seed article (see samples/): headline plus the class-less paragraphs of its <article>.
  const html = readFileSync(new URL('../../samples/seed-korus-2017.html', import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  const title = document.querySelector('article h1')?.textContent ?? '';
  const paragraphs = [...document.querySelectorAll('article p')].filter((p) => !p.getAttribute('class')).map((p) => p.textContent ?? '');
  const seed = article([title, ...paragraphs], '2017-08-23', true);
  const figures = detectFigures(seed);

  it('finds exactly the ten labelled figures, in order', () => {
    expect(figures.map((f) => [f.text, f.kind, f.relative])).toEqual([
      ['$28 billion', 'money', false],
      ['previous year', 'date', true],
      ['second', 'other', false],
      ['2015', 'year', false],
      ['Last month', 'date', true],
      ['95%', 'percent', false],
      ['five years', 'duration', false],
      ['10 years', 'duration', false],
      ['2007', 'year', false],
      ['three years later', 'date', true],
    ]);
  });
  it('normalises their values', () => {
    expect(figures.map((f) => f.value)).toEqual([28e9, '2016', 2, '2015', '2017-07', 95, 5, 10, '2007', '2010']);
    expect(figures[1]?.period).toEqual({ start: '2016-01-01', end: '2016-12-31', label: '2016' });
    expect(figures[4]?.period?.label).toBe('July 2017');
  });
});

describe('figures from unseen text: parts of years, fractions, tallies, crowns, measures', () => {
  it('reads quarters and halves of a year, relative without a year and dated with one', () => {
    expect(found('Output fell in the third quarter and may recover in the second half of the year.', '2021-10-28')).toEqual([
      ['the third quarter', 'date'],
      ['the second half of the year', 'date'],
    ]);
    const q = one('Shipments peaked in Q2 2020.');
    expect([q.text, q.kind, q.relative, q.period?.start, q.period?.end]).toEqual(['Q2 2020', 'date', false, '2020-04-01', '2020-06-30']);
    const h = one('Prices rose in the first half of 2016.');
    expect([h.text, h.relative, h.period?.end]).toEqual(['the first half of 2016', false, '2016-06-30']);
    expect(found('The levy ends at the close of the financial year.')).toEqual([['the close of the financial year', 'date']]);
    expect(found('A cut is expected in Q4, analysts said.')).toEqual([['Q4', 'date']]);
  });

  it('does not read a lone "second half" or a sequence ordinal as a part of a year', () => {
    expect(found('He scored twice in the second half.')).toEqual([]);
  });

  it('reads fractions as shares but not "a third term"', () => {
    expect(found('Nearly two-thirds of members and a fifth of the staff backed her bid for a third term.')).toEqual([
      ['two-thirds', 'percent'],
      ['a fifth', 'percent'],
    ]);
    expect(found('Fares have gone up by a quarter.')).toEqual([['a quarter', 'percent']]);
  });

  it('reads vote tallies next to a voting word, but not other number pairs', () => {
    expect(found('The bill passed the Senate by a vote of 61-38.')).toEqual([['61-38', 'count']]);
    expect(found('Take the 10-12 exit.')).toEqual([]);
  });

  it('counts "Two of the …" and skips "the two cities" (the parties of the story)', () => {
    expect(found('Two of the nine judges dissented.')).toEqual([
      ['Two', 'count'],
      ['nine judges', 'count'],
    ]);
    expect(found('Trains between the two cities will run hourly.')).toEqual([]);
  });

  it('reads crowns as money, a hyphenated measure and basis points as quantities, and "later than" as a delay', () => {
    const crowns = one('The fund lost 3.1 billion Swedish crowns.');
    expect([crowns.text, crowns.kind, crowns.unit]).toEqual(['3.1 billion Swedish crowns', 'money', 'SEK']);
    expect(found('A 40-mile pipeline; rates rose 50 basis points.')).toEqual([
      ['40-mile', 'other'],
      ['50 basis points', 'other'],
    ]);
    expect(found('The bridge opened three months later than promised.')).toEqual([['three months', 'duration']]);
  });
});
