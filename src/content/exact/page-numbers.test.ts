import { describe, expect, it } from 'vitest';
import { parseAmountCents, parseDayFirstDate, parseScaled } from './page-numbers';

describe('parseScaled', () => {
  it('reads Dutch numbers as Exact shows them', () => {
    expect(parseScaled('38,25', 'nl', 4)).toBe(382_500);
    expect(parseScaled('1.234,5', 'nl', 2)).toBe(123_450);
    expect(parseScaled('0,3333', 'nl', 4)).toBe(3333);
    expect(parseScaled('-2', 'nl', 2)).toBe(-200);
  });

  it('reads English numbers', () => {
    expect(parseScaled('1,234.50', 'en', 2)).toBe(123_450);
    expect(parseScaled('0.25', 'en', 4)).toBe(2500);
  });

  it('drops the group separator wherever it is, as .NET does', () => {
    expect(parseScaled('38.25', 'nl', 2)).toBe(382_500);
  });

  it('refuses text, extra precision and the wrong decimal mark', () => {
    expect(parseScaled('abc', 'nl', 2)).toBeNull();
    expect(parseScaled('', 'nl', 2)).toBeNull();
    expect(parseScaled('1,234', 'nl', 2)).toBeNull();
    expect(parseScaled('1;5', 'en', 2)).toBeNull();
  });

  it('reads amounts with a euro sign', () => {
    expect(parseAmountCents('€ 3.442,50', 'nl')).toBe(344_250);
  });
});

describe('parseDayFirstDate', () => {
  it('reads Exact’s day-first dates in either language, and ISO', () => {
    expect(parseDayFirstDate('02-11-2026')).toBe('2026-11-02');
    expect(parseDayFirstDate(' 2/11/2026 ')).toBe('2026-11-02');
    expect(parseDayFirstDate('2026-11-02')).toBe('2026-11-02');
  });

  it('refuses what is not a real date', () => {
    expect(parseDayFirstDate('31-02-2026')).toBeNull();
    expect(parseDayFirstDate('11/2026')).toBeNull();
    expect(parseDayFirstDate('')).toBeNull();
  });
});
