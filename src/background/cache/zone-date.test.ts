import { describe, expect, it } from 'vitest';
import { dateInZone } from './zone-date';

describe('dateInZone', () => {
  it.each([
    // 00:30 local in summer (UTC+2) is still the previous day in UTC.
    ['2026-06-11T22:30:00Z', 'Europe/Amsterdam', '2026-06-12'],
    ['2026-06-11T21:59:59Z', 'Europe/Amsterdam', '2026-06-11'],
    // Winter time (UTC+1).
    ['2026-01-14T23:00:00Z', 'Europe/Amsterdam', '2026-01-15'],
    ['2026-01-14T22:59:59Z', 'Europe/Amsterdam', '2026-01-14'],
    // The night the clocks go back: 02:30 happens twice, both on 25 October.
    ['2026-10-25T00:30:00Z', 'Europe/Amsterdam', '2026-10-25'],
    ['2026-10-25T01:30:00Z', 'Europe/Amsterdam', '2026-10-25'],
    ['2026-06-11T12:30:00Z', 'Pacific/Auckland', '2026-06-12'],
    ['2026-06-12T03:00:00Z', 'America/New_York', '2026-06-11'],
    ['2026-06-12T03:00:00Z', 'UTC', '2026-06-12'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(dateInZone(zone, Date.parse(instant))).toBe(date);
  });

  it('refuses a zone that does not exist', () => {
    expect(() => dateInZone('Europe/Atlantis', 0)).toThrow(
      expect.objectContaining({ code: 'unexpected_response' }),
    );
  });
});
