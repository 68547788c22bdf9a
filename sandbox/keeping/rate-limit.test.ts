import { afterEach, describe, expect, it } from 'vitest';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from './server';
import { call, TEST_NOW } from './testing/test-client';

let sandbox: KeepingSandbox | undefined;
afterEach(() => sandbox?.close());

async function start(ratePerMinute: number) {
  let now = TEST_NOW;
  sandbox = await startKeepingSandbox({ now: () => now, ratePerMinute });
  return { sandbox, advance: (ms: number) => (now += ms) };
}

describe('rate limit', () => {
  it('allows the limit per rolling minute, then 429 with Retry-After and X-RateLimit-Reset', async () => {
    const { sandbox, advance } = await start(3);
    const remaining: string[] = [];
    for (let index = 0; index < 3; index++) {
      const response = await call(sandbox.url, `/v1/${ORG}/users/me`);
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('x-ratelimit-remaining') ?? '');
      advance(10_000);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await call(sandbox.url, `/v1/${ORG}/users/me`, { lang: 'en' });
    expect(refused.status).toBe(429);
    expect(refused.json.error.message).toMatch(/Too many requests/);
    // The first call was 30 s ago, so a slot frees in 30 s.
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil((TEST_NOW + 60_000) / 1000)));
    expect(refused.headers.get('x-ratelimit-limit')).toBe('3');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');

    advance(30_000);
    expect((await call(sandbox.url, `/v1/${ORG}/users/me`)).status).toBe(200);
    expect((await call(sandbox.url, `/v1/${ORG}/users/me`)).status).toBe(429);
  });

  it('counts per account: two tokens of one account share, another account does not', async () => {
    const { sandbox } = await start(2);
    expect((await call(sandbox.url, `/v1/${ORG}/users/me`)).status).toBe(200);
    expect(
      (await call(sandbox.url, `/v1/${ORG}/users/me`, { token: SANDBOX_TOKENS.noReporting })).status,
    ).toBe(200);
    expect((await call(sandbox.url, `/v1/${ORG}/users/me`)).status).toBe(429);
    expect((await call(sandbox.url, `/v1/${ORG}/users/me`, { token: SANDBOX_TOKENS.member })).status).toBe(
      200,
    );
  });

  it('does not count unauthenticated calls or unknown paths', async () => {
    const { sandbox } = await start(1);
    expect((await call(sandbox.url, `/v1/${ORG}/users/me`, { token: null })).status).toBe(401);
    expect((await call(sandbox.url, `/v1/${ORG}/unknown`)).status).toBe(404);
    expect((await call(sandbox.url, `/v1/${ORG}/users/me`)).status).toBe(200);
    expect((await call(sandbox.url, `/v1/${ORG}/users/me`)).status).toBe(429);
  });
});
