import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERIOD, formatYmd, isDateInRange, PERIOD_PRESETS, parseYmd, resolvePeriod } from './period';

describe('resolvePeriod', () => {
  // Thursday 14 May 2026
  const today = '2026-05-14';

  it('defaults to last month', () => {
    expect(resolvePeriod(DEFAULT_PERIOD, today)).toEqual({ from: '2026-04-01', to: '2026-04-30' });
  });

  it('resolves the month presets', () => {
    expect(resolvePeriod({ preset: 'this_month' }, today)).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(resolvePeriod({ preset: 'last_month' }, '2026-01-05')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(resolvePeriod({ preset: 'last_month' }, '2024-03-31')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(resolvePeriod({ preset: 'last_month' }, '2026-03-01')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });

  it('uses ISO weeks, Monday to Sunday', () => {
    expect(resolvePeriod({ preset: 'last_week' }, today)).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    expect(resolvePeriod({ preset: 'this_week' }, today)).toEqual({ from: '2026-05-11', to: '2026-05-17' });
    // Sunday belongs to the week that started the Monday before.
    expect(resolvePeriod({ preset: 'this_week' }, '2026-05-17')).toEqual({
      from: '2026-05-11',
      to: '2026-05-17',
    });
    // Monday 5 January 2026: last week spans the new year.
    expect(resolvePeriod({ preset: 'last_week' }, '2026-01-05')).toEqual({
      from: '2025-12-29',
      to: '2026-01-04',
    });
    // The week after the switch to summer time (29 March 2026 in the Netherlands).
    expect(resolvePeriod({ preset: 'last_week' }, '2026-04-01')).toEqual({
      from: '2026-03-23',
      to: '2026-03-29',
    });
  });

  it('accepts a valid custom range, including a single day', () => {
    expect(resolvePeriod({ preset: 'custom', from: '2026-01-10', to: '2026-02-20' }, today)).toEqual({
      from: '2026-01-10',
      to: '2026-02-20',
    });
    expect(resolvePeriod({ preset: 'custom', from: '2026-02-01', to: '2026-02-01' }, today)).toEqual({
      from: '2026-02-01',
      to: '2026-02-01',
    });
  });

  it('returns null for a bad custom range', () => {
    expect(resolvePeriod({ preset: 'custom', from: '2026-02-20', to: '2026-01-10' }, today)).toBeNull();
    expect(resolvePeriod({ preset: 'custom', from: '2026-02-30', to: '2026-03-10' }, today)).toBeNull();
    expect(resolvePeriod({ preset: 'custom', from: '', to: '2026-03-10' }, today)).toBeNull();
    expect(resolvePeriod({ preset: 'custom', from: '10-01-2026', to: '2026-03-10' }, today)).toBeNull();
  });

  it('throws when today is not a date', () => {
    expect(() => resolvePeriod({ preset: 'last_month' }, '2026-13-01')).toThrow(RangeError);
    expect(() => resolvePeriod({ preset: 'last_month' }, 'today')).toThrow(RangeError);
  });

  it('gives whole previous months and weeks for any today', () => {
    const days = fc.integer({ min: 0, max: 365 * 200 }).map((n) => formatYmd(new Date(1950, 0, 1 + n, 12)));
    fc.assert(
      fc.property(days, (day) => {
        const month = resolvePeriod({ preset: 'last_month' }, day)!;
        expect(month.from.slice(8)).toBe('01');
        expect(month.to < day.slice(0, 8)).toBe(true); // ends before this month starts
        const dayAfter = parseYmd(month.to)!;
        dayAfter.setDate(dayAfter.getDate() + 1);
        expect(formatYmd(dayAfter)).toBe(`${day.slice(0, 8)}01`);

        const week = resolvePeriod({ preset: 'last_week' }, day)!;
        const this_ = resolvePeriod({ preset: 'this_week' }, day)!;
        expect(parseYmd(week.from)!.getDay()).toBe(1);
        expect(parseYmd(week.to)!.getDay()).toBe(0);
        expect(isDateInRange(day, this_)).toBe(true);
        expect(isDateInRange(day, week)).toBe(false);
        const next = parseYmd(week.to)!;
        next.setDate(next.getDate() + 1);
        expect(formatYmd(next)).toBe(this_.from);
      }),
    );
  });
});

describe('parseYmd and isDateInRange', () => {
  it('parses strict Y-m-d only', () => {
    expect(parseYmd('2024-02-29')).not.toBeNull();
    expect(parseYmd('2025-02-29')).toBeNull();
    expect(parseYmd('2026-4-1')).toBeNull();
    expect(parseYmd('2026-04-01T00:00')).toBeNull();
    expect(parseYmd('2026-00-10')).toBeNull();
  });

  it('includes both ends', () => {
    const range = { from: '2026-04-01', to: '2026-04-30' };
    expect(isDateInRange('2026-04-01', range)).toBe(true);
    expect(isDateInRange('2026-04-30', range)).toBe(true);
    expect(isDateInRange('2026-03-31', range)).toBe(false);
    expect(isDateInRange('2026-05-01', range)).toBe(false);
  });

  it('offers every preset with a label key', () => {
    expect(PERIOD_PRESETS.map((p) => p.preset)).toEqual([
      'last_month',
      'this_month',
      'last_week',
      'this_week',
      'custom',
    ]);
    for (const { labelKey } of PERIOD_PRESETS) expect(labelKey).toMatch(/^period_[a-z_]+$/);
  });
});
