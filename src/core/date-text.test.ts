import { format, formatDistanceStrict } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateLocale } from './date-locale';
import { type DatePattern, formatAgo, formatDate } from './date-text';
import type { Locale } from './locale';

const PATTERNS: DatePattern[] = [
  'yyyy-MM-dd',
  'HH:mm',
  'd',
  'd MMMM',
  'd MMMM yyyy',
  'MMMM yyyy',
  'EEEEEE d MMM',
];
const LOCALES: Locale[] = ['nl', 'en'];

describe('formatDate', () => {
  it('writes every pattern as date-fns does, for every day of two years (leap year included)', () => {
    for (let day = new Date(2027, 11, 25, 7, 5); day.getFullYear() < 2029; day.setDate(day.getDate() + 1)) {
      for (const locale of LOCALES) {
        for (const pattern of PATTERNS) {
          expect(formatDate(day, pattern, locale)).toBe(format(day, pattern, { locale: dateLocale(locale) }));
        }
      }
    }
  });

  it('pads hours, minutes and small years', () => {
    expect(formatDate(new Date(2026, 4, 3, 9, 7), 'HH:mm')).toBe('09:07');
    const early = new Date(2026, 0, 1);
    early.setFullYear(99);
    expect(formatDate(early, 'yyyy-MM-dd')).toBe('0099-01-01');
    expect(formatDate(new Date(2026, 4, 4), 'EEEEEE d MMM', 'nl')).toBe('ma 4 mei');
  });

  it('refuses an invalid date', () => {
    expect(() => formatDate(new Date(Number.NaN), 'yyyy-MM-dd')).toThrow(RangeError);
  });
});

describe('formatAgo', () => {
  it('says what date-fns formatDistanceStrict says for any age from a minute to years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 60_000, max: 4 * 365 * 86_400_000 }),
        fc.boolean(),
        fc.constantFrom(...LOCALES),
        (now, age, future, locale) => {
          const past = future ? now + age : now - age;
          const expected = formatDistanceStrict(past, now, { addSuffix: true, locale: dateLocale(locale) });
          expect(formatAgo(past, now, locale)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads as a person would say it', () => {
    const now = Date.UTC(2026, 4, 4, 12);
    expect(formatAgo(now - 60_000, now, 'nl')).toBe('een minuut geleden');
    expect(formatAgo(now - 3 * 3_600_000, now, 'en')).toBe('3 hours ago');
    expect(formatAgo(now - 12 * 30 * 86_400_000, now, 'nl')).toBe('1 jaar geleden');
  });
});
