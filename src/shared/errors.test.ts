import { describe, expect, it } from 'vitest';
import { type ErrorCode, isOffline, UrenbrugError } from './errors';

describe('isOffline', () => {
  it('is true only when Keeping could not be reached', () => {
    const offline: ErrorCode[] = ['network', 'timeout'];
    const reached: ErrorCode[] = ['auth', 'forbidden', 'not_found', 'server', 'rate_limited', 'internal'];
    for (const code of offline) expect(isOffline(new UrenbrugError(code, 'x'))).toBe(true);
    for (const code of reached) expect(isOffline(new UrenbrugError(code, 'x'))).toBe(false);
    expect(isOffline({ code: 'network' })).toBe(true);
    expect(isOffline(null)).toBe(false);
    expect(isOffline(undefined)).toBe(false);
  });
});
