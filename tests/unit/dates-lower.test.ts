import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, monthIndex, monthIndexOfLower, weekdayIndex, weekdayIndexOfLower, isMonthAbbreviation } from '../../lib/engine/dates';

describe('month and weekday look-ups on lower-cased words', () => {
  it('agree with the look-ups that lower-case themselves', () => {
    const words = ['Aug', 'aug', 'AUGUST', 'September', 'Sept', 'May', 'mayor', 'Monday', 'sunday', 'Sundays', 'x', '', 'constructor', 'toString', 'Dec.'];
    for (const w of words) {
      expect(monthIndexOfLower(w.toLowerCase())).toBe(monthIndex(w));
      expect(weekdayIndexOfLower(w.toLowerCase())).toBe(weekdayIndex(w));
    }
    expect(monthIndexOfLower('march')).toBe(3);
    expect(weekdayIndexOfLower('friday')).toBe(5);
  });

  it('tells abbreviations from full month names', () => {
    expect(isMonthAbbreviation('Sept')).toBe(true);
    expect(isMonthAbbreviation('may')).toBe(false);
    expect(isMonthAbbreviation('June')).toBe(false);
    expect(isMonthAbbreviation('Jun')).toBe(true);
  });
});

describe('daysInMonth', () => {
  it('counts leap days as the calendar does', () => {
    expect(daysInMonth(2016, 2)).toBe(29);
    expect(daysInMonth(2017, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2017, 11)).toBe(30);
  });

  it('matches Date.UTC for any year and month, including the years Date reads as 19xx', () => {
    fc.assert(fc.property(fc.integer({ min: -50, max: 12000 }), fc.integer({ min: 0, max: 13 }), (year, month) => {
      expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
    }));
  });
});
