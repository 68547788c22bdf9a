import { describe, expect, it } from 'vitest';
import { stopFromHeaders } from './rate-budget';

const NOW = 1_000_000;
const headers = (values: Record<string, number | string>) =>
  new Headers(Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)])));

describe('stopFromHeaders', () => {
  const full = {
    'X-RateLimit-Limit': 5000,
    'X-RateLimit-Remaining': 4000,
    'X-RateLimit-Reset': NOW + 3_600_000,
    'X-RateLimit-Minutely-Limit': 60,
    'X-RateLimit-Minutely-Remaining': 30,
    'X-RateLimit-Minutely-Reset': NOW + 20_000,
  };

  it('lets calls go on with budget to spare, and without headers (current/Me)', () => {
    expect(stopFromHeaders(200, headers(full), NOW)).toBeNull();
    expect(stopFromHeaders(200, new Headers(), NOW)).toBeNull();
  });

  it('stops at the reserve of the minute or the day, until its reset', () => {
    expect(stopFromHeaders(200, headers({ ...full, 'X-RateLimit-Minutely-Remaining': 5 }), NOW)).toEqual({
      scope: 'minute',
      until: NOW + 20_000,
    });
    expect(stopFromHeaders(200, headers({ ...full, 'X-RateLimit-Remaining': 250 }), NOW)).toEqual({
      scope: 'day',
      until: NOW + 3_600_000,
    });
    expect(
      stopFromHeaders(200, headers({ ...full, 'X-RateLimit-Remaining': 3 }), NOW, { minutely: 0, daily: 0 }),
    ).toBeNull();
  });

  it('stops on a 429 with only the minutely headers, or with none for a minute', () => {
    expect(
      stopFromHeaders(
        429,
        headers({ 'X-RateLimit-Minutely-Remaining': 0, 'X-RateLimit-Minutely-Reset': NOW + 5_000 }),
        NOW,
      ),
    ).toEqual({ scope: 'minute', until: NOW + 5_000 });
    expect(stopFromHeaders(429, new Headers(), NOW)).toEqual({ scope: 'minute', until: NOW + 60_000 });
  });

  it('does not trust a reset in the past or a header that is no number', () => {
    expect(
      stopFromHeaders(
        200,
        headers({ ...full, 'X-RateLimit-Minutely-Remaining': 0, 'X-RateLimit-Minutely-Reset': NOW - 1 }),
        NOW,
      ),
    ).toEqual({ scope: 'minute', until: NOW + 60_000 });
    expect(stopFromHeaders(200, headers({ ...full, 'X-RateLimit-Remaining': 'soon' }), NOW)).toBeNull();
  });
});
