import { describe, expect, it } from 'vitest';
import {
  dayPeriod, inferYear, isoWeek, monthIndex, monthPeriod, parseIsoDate, partOfYearPeriod, resolveCalendar, resolveRelative, resolveWeekday,
  weekPeriod, weekdayOf, yearPeriod, yearRangePeriod,
} from '../../lib/engine/dates';

const AUG_23_2017 = '2017-08-23'; // a Wednesday

describe('ISO helpers', () => {
  it('parses real days only', () => {
    expect(parseIsoDate('2017-08-23')).toEqual({ year: 2017, month: 8, day: 23 });
    expect(parseIsoDate('2017-02-30')).toBeNull();
    expect(parseIsoDate('23/08/2017')).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });
  it('knows weekdays and ISO weeks', () => {
    expect(weekdayOf({ year: 2017, month: 8, day: 23 })).toBe(3);
    expect(isoWeek({ year: 2017, month: 8, day: 23 })).toBe('2017-W34');
    expect(isoWeek({ year: 2021, month: 1, day: 1 })).toBe('2020-W53');
  });
  it('reads month names and newsroom abbreviations', () => {
    expect(monthIndex('Sept.')).toBe(9);
    expect(monthIndex('aug')).toBe(8);
    expect(monthIndex('Maybe')).toBeNull();
  });
});

describe('periods', () => {
  it('labels each kind of period with its first and last day', () => {
    expect(yearPeriod(2016)).toEqual({ start: '2016-01-01', end: '2016-12-31', label: '2016' });
    expect(yearRangePeriod(2015, 2017)).toEqual({ start: '2015-01-01', end: '2017-12-31', label: '2015–2017' });
    expect(partOfYearPeriod(2016, 'Q', 1)).toEqual({ start: '2016-01-01', end: '2016-03-31', label: 'Q1 2016' });
    expect(partOfYearPeriod(2016, 'H', 1)).toEqual({ start: '2016-01-01', end: '2016-06-30', label: 'H1 2016' });
    expect(monthPeriod(2016, 2)).toEqual({ start: '2016-02-01', end: '2016-02-29', label: 'February 2016' });
    expect(dayPeriod({ year: 2017, month: 8, day: 23 })).toEqual({ start: '2017-08-23', end: '2017-08-23', label: '23 August 2017' });
    expect(weekPeriod({ year: 2017, month: 8, day: 23 })).toEqual({ start: '2017-08-21', end: '2017-08-27', label: 'week of 21 August 2017' });
  });

  it('makes each distinct period once and shares it frozen, so no figure can change another', () => {
    expect(yearPeriod(2016)).toBe(yearPeriod(2016));
    expect(yearPeriod(2016)).not.toBe(yearPeriod(2017));
    expect(dayPeriod({ year: 2017, month: 8, day: 23 })).toBe(dayPeriod({ year: 2017, month: 8, day: 23 }));
    // A day and the week holding it are different periods, even though both are keyed by the day.
    expect(weekPeriod({ year: 2017, month: 8, day: 23 })).not.toBe(dayPeriod({ year: 2017, month: 8, day: 23 }));
    // Quarters and halves do not collide (Q3 and H1 of one year both sit in its cache).
    expect(partOfYearPeriod(2016, 'H', 1).label).toBe('H1 2016');
    expect(partOfYearPeriod(2016, 'Q', 3).label).toBe('Q3 2016');
    const year = yearPeriod(2016);
    expect(Object.isFrozen(year)).toBe(true);
    expect(() => {
      (year as { label: string }).label = 'tampered';
    }).toThrow(TypeError);
    expect(yearPeriod(2016).label).toBe('2016');
  });
});

describe('calendar dates without a year', () => {
  const article = { year: 2018, month: 1, day: 5 };
  it('leans to the past for months well ahead of the article', () => {
    expect(inferYear(8, 22, article)).toBe(2017);
    expect(inferYear(3, 1, article)).toBe(2018);
  });
  it('resolves month-day and month-year', () => {
    expect(resolveCalendar(10, 4, null, article)?.value).toBe('2017-10-04');
    expect(resolveCalendar(7, null, 2017, null)?.period.label).toBe('July 2017');
    expect(resolveCalendar(2, 30, 2017, null)).toBeNull();
  });
});

describe('weekdays', () => {
  const wed = { year: 2017, month: 8, day: 23 };
  it('points back by default, forward with a future cue, strictly forward with "next"', () => {
    expect(resolveWeekday(2, wed)).toEqual({ year: 2017, month: 8, day: 22 });
    expect(resolveWeekday(3, wed)).toEqual(wed);
    expect(resolveWeekday(2, wed, 'future')).toEqual({ year: 2017, month: 8, day: 29 });
    expect(resolveWeekday(3, wed, 'next')).toEqual({ year: 2017, month: 8, day: 30 });
    expect(resolveWeekday(3, wed, 'last')).toEqual({ year: 2017, month: 8, day: 16 });
  });
});

describe('resolveRelative', () => {
  it.each([
    ['previous year', '2016', '2016'],
    ['last year', '2016', '2016'],
    ['this year', '2017', '2017'],
    ['next year', '2018', '2018'],
    ['last month', '2017-07', 'July 2017'],
    ['Last month', '2017-07', 'July 2017'],
    ['earlier this month', '2017-08', 'August 2017'],
    ['yesterday', '2017-08-22', '22 August 2017'],
    ['today', '2017-08-23', '23 August 2017'],
    ['Tuesday', '2017-08-22', '22 August 2017'],
    ['Monday afternoon', '2017-08-21', '21 August 2017'],
    ['next Wednesday', '2017-08-30', '30 August 2017'],
    ['last week', '2017-W33', 'week of 14 August 2017'],
    ['four months ago', '2017-04', 'April 2017'],
  ])('%s → %s', (expr, value, label) => {
    const r = resolveRelative(expr, AUG_23_2017);
    expect(r?.value).toBe(value);
    expect(r?.period.label).toBe(label);
  });
  it('resolves anaphora against the year mentioned before', () => {
    expect(resolveRelative('three years later', AUG_23_2017, { anchorYear: 2007 })?.value).toBe('2010');
    expect(resolveRelative('that same year', AUG_23_2017, { anchorYear: 2012 })?.period.start).toBe('2012-01-01');
    expect(resolveRelative('three years later', AUG_23_2017)).toBeNull();
  });
  it('reads "the previous year" after a year in the same sentence as the year before it', () => {
    expect(resolveRelative('previous year', AUG_23_2017, { sentenceYear: 2014 })?.value).toBe('2013');
  });
  it('uses the future cue for bare weekdays', () => {
    expect(resolveRelative('Friday', AUG_23_2017, { future: true })?.value).toBe('2017-08-25');
  });
  it('returns null when it cannot place the expression', () => {
    expect(resolveRelative('a day after', AUG_23_2017)).toBeNull();
    expect(resolveRelative('last month', null)).toBeNull();
    expect(resolveRelative('the banana', AUG_23_2017)).toBeNull();
  });
});
