import { describe, expect, it } from 'vitest';
import { isFresh, REFERENCE_MAX_AGE_MS } from './reference-fetch';

describe('isFresh', () => {
  const now = Date.parse('2026-06-12T10:00:00Z');

  it('serves a fetch until it is REFERENCE_MAX_AGE_MS old', () => {
    expect(isFresh(now, now)).toBe(true);
    expect(isFresh(now - REFERENCE_MAX_AGE_MS + 1, now)).toBe(true);
    expect(isFresh(now - REFERENCE_MAX_AGE_MS, now)).toBe(false);
  });

  it('distrusts a fetch that was never made or lies in the future', () => {
    expect(isFresh(undefined, now)).toBe(false);
    expect(isFresh(now + 1, now)).toBe(false);
  });
});
