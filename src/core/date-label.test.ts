import { describe, expect, it } from 'vitest';
import { formatDateLabel, formatRangeLabel } from './date-label';

describe('formatDateLabel', () => {
  it('writes the day with the month name', () => {
    expect(formatDateLabel('2026-05-03', 'nl')).toBe('3 mei 2026');
    expect(formatDateLabel('2026-05-03', 'en')).toBe('3 May 2026');
  });

  it('throws on an invalid date', () => {
    expect(() => formatDateLabel('2026-02-30', 'nl')).toThrow(RangeError);
  });
});

describe('formatRangeLabel', () => {
  it.each([
    [{ from: '2026-05-03', to: '2026-05-03' }, '3 mei 2026', '3 May 2026'],
    [{ from: '2026-05-01', to: '2026-05-31' }, 'mei 2026', 'May 2026'],
    [{ from: '2024-02-01', to: '2024-02-29' }, 'februari 2024', 'February 2024'],
    [{ from: '2026-05-01', to: '2026-05-15' }, '1 t/m 15 mei 2026', '1–15 May 2026'],
    [{ from: '2026-05-02', to: '2026-05-31' }, '2 t/m 31 mei 2026', '2–31 May 2026'],
    [{ from: '2026-04-27', to: '2026-05-03' }, '27 april t/m 3 mei 2026', '27 April – 3 May 2026'],
    [
      { from: '2025-12-29', to: '2026-01-04' },
      '29 december 2025 t/m 4 januari 2026',
      '29 December 2025 – 4 January 2026',
    ],
    [
      { from: '2026-01-01', to: '2026-12-31' },
      '1 januari t/m 31 december 2026',
      '1 January – 31 December 2026',
    ],
  ])('%j', (range, nl, en) => {
    expect(formatRangeLabel(range, 'nl')).toBe(nl);
    expect(formatRangeLabel(range, 'en')).toBe(en);
  });

  it('throws on invalid dates', () => {
    expect(() => formatRangeLabel({ from: 'x', to: '2026-01-01' }, 'nl')).toThrow(RangeError);
  });
});
