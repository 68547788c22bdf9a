import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarPeriod,
  customRangeProblem,
  dayNumber,
  dayYmd,
  monthsBefore,
  monthsOf,
  previousPeriod,
  rangeDays,
} from './report-period';

describe('calendarPeriod', () => {
  it('gives the month, quarter and year around a day', () => {
    expect(calendarPeriod('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(calendarPeriod('month', '2028-02-29')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(calendarPeriod('quarter', '2026-08-31')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(calendarPeriod('year', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('is not moved by a DST change: the months around the clock changes stay whole', () => {
    // Europe/Amsterdam changes on 2026-03-29 and 2026-10-25; day arithmetic is on UTC dates.
    expect(calendarPeriod('month', '2026-03-29')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(calendarPeriod('month', '2026-10-25')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(rangeDays({ from: '2026-03-01', to: '2026-03-31' })).toBe(31);
  });

  it('refuses what is not a date', () => {
    expect(() => calendarPeriod('month', '2026-02-30')).toThrow(RangeError);
  });
});

describe('previousPeriod', () => {
  it('steps back a calendar period, across a year', () => {
    expect(previousPeriod('month', { from: '2026-01-01', to: '2026-01-31' })).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(previousPeriod('quarter', { from: '2026-01-01', to: '2026-03-31' })).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousPeriod('year', { from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('gives a custom range the same length, ending the day before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18_000, max: 22_000 }),
        fc.integer({ min: 1, max: 366 }),
        (start, days) => {
          const range = { from: dayYmd(start), to: dayYmd(start + days - 1) };
          const previous = previousPeriod('custom', range);
          expect(rangeDays(previous)).toBe(days);
          expect(dayNumber(previous.to)).toBe(start - 1);
        },
      ),
    );
  });
});

describe('customRangeProblem', () => {
  it('takes up to 366 days and says why it refuses', () => {
    expect(customRangeProblem({ from: '2026-01-01', to: '2027-01-01' })).toBeNull();
    expect(customRangeProblem({ from: '2026-01-01', to: '2027-01-02' })).toBe('too_long');
    expect(customRangeProblem({ from: '2026-02-01', to: '2026-01-01' })).toBe('reversed');
    expect(customRangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('invalid');
  });
});

describe('months', () => {
  it('lists the months a range touches and how old a month is', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBefore('2025-12', '2026-02-10')).toBe(2);
    expect(monthsBefore('2026-02', '2026-02-10')).toBe(0);
  });
});
