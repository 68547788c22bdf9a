import * as dateFns from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  endOfISOWeek,
  endOfMonth,
  startOfISOWeek,
  startOfMonth,
} from './calendar';

// Any moment from 1990 to 2060, including midnights, DST changes and month ends.
const moment = fc.date({ min: new Date(1990, 0, 1), max: new Date(2060, 11, 31), noInvalidDate: true });

describe('calendar steps agree with date-fns', () => {
  it('start and end of month and ISO week', () => {
    fc.assert(
      fc.property(moment, (date) => {
        expect(startOfMonth(date).getTime()).toBe(dateFns.startOfMonth(date).getTime());
        expect(endOfMonth(date).getTime()).toBe(dateFns.endOfMonth(date).getTime());
        expect(startOfISOWeek(date).getTime()).toBe(dateFns.startOfISOWeek(date).getTime());
        expect(endOfISOWeek(date).getTime()).toBe(dateFns.endOfISOWeek(date).getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it('adding months and days', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: -30, max: 30 }), (date, count) => {
        expect(addMonths(date, count).getTime()).toBe(dateFns.addMonths(date, count).getTime());
        expect(addDays(date, count * 7).getTime()).toBe(dateFns.addWeeks(date, count).getTime());
      }),
      { numRuns: 2000 },
    );
    // The month-end cases by name: 31 January plus one month is the last of February.
    expect(addMonths(new Date(2024, 0, 31, 12), 1)).toEqual(new Date(2024, 1, 29, 12));
    expect(addMonths(new Date(2026, 2, 31, 12), -1)).toEqual(new Date(2026, 1, 28, 12));
  });

  it('days between two dates', () => {
    fc.assert(
      fc.property(moment, moment, (a, b) => {
        expect(differenceInCalendarDays(a, b)).toBe(dateFns.differenceInCalendarDays(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});
