import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type KeepingSandbox, SANDBOX_ORGANISATION_ID as ORG, startKeepingSandbox } from './server';
import { call, TEST_NOW } from './testing/test-client';

let sandbox: KeepingSandbox;
beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => TEST_NOW });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const me = () => call(sandbox.url, `/v1/${ORG}/users/me`, { lang: 'en' });

describe('faults', () => {
  it('rate_limit: 429 with the requested Retry-After and a reset time', async () => {
    sandbox.faults.push({ kind: 'rate_limit', retryAfterSeconds: 7 });
    const response = await me();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-ratelimit-reset')).toBe(String(Math.ceil(TEST_NOW / 1000) + 7));
    expect((await me()).status).toBe(200);
  });

  it('server_error: 500 with a JSON error body', async () => {
    sandbox.faults.push({ kind: 'server_error' });
    const response = await me();
    expect(response.status).toBe(500);
    expect(response.json.error.message).toBe('Oops… something went wrong.');
  });

  it('html: 502 with an HTML page from the load balancer', async () => {
    sandbox.faults.push({ kind: 'html' });
    const response = await me();
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.text).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('malformed_json and wrong_shape: 200 that a client must not trust', async () => {
    sandbox.faults.push({ kind: 'malformed_json' }, { kind: 'wrong_shape' });
    const broken = await me();
    expect(broken.status).toBe(200);
    expect(() => JSON.parse(broken.text)).toThrow();
    const wrong = await call<Record<string, unknown>>(sandbox.url, `/v1/${ORG}/users/me`);
    expect(wrong.status).toBe(200);
    expect(wrong.json).not.toHaveProperty('user');
  });

  it('honours count and pathIncludes, leaving other requests alone', async () => {
    sandbox.faults.push({ kind: 'server_error', count: 2, pathIncludes: '/report' });
    expect((await me()).status).toBe(200);
    const report = () => call(sandbox.url, `/v1/${ORG}/report/time-entries`);
    expect((await report()).status).toBe(500);
    expect((await report()).status).toBe(500);
    expect((await report()).status).toBe(200);
    expect(sandbox.faults.pending).toBe(0);
  });

  it('hang: never answers, and close() still finishes', async () => {
    const own = await startKeepingSandbox({ now: () => TEST_NOW });
    own.faults.push({ kind: 'hang' });
    const pending = call(own.url, `/v1/${ORG}/users/me`, { signal: AbortSignal.timeout(300) });
    await expect(pending).rejects.toThrow();
    expect(own.requestLog.at(-1)?.status).toBe(0);
    own.faults.push({ kind: 'hang' });
    const never = call(own.url, `/v1/${ORG}/users/me`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await own.close();
    expect(await never).toBeInstanceOf(Error);
  });

  it('refuses an unknown fault kind', () => {
    expect(() => sandbox.faults.push({ kind: 'explode' as 'html' })).toThrow(TypeError);
    expect(() => sandbox.faults.push({ kind: 'html', count: 0 })).toThrow(TypeError);
    expect(sandbox.faults.pending).toBe(0);
  });
});

describe('HTTP control routes', () => {
  it('queues faults over POST /__sandbox/faults and validates the body', async () => {
    const queued = await call<{ pending: number }>(sandbox.url, '/__sandbox/faults', {
      method: 'POST',
      body: [{ kind: 'server_error', count: 2 }, { kind: 'html' }],
      token: null,
    });
    expect(queued.json.pending).toBe(3);
    expect((await me()).status).toBe(500);
    const bad = await call(sandbox.url, '/__sandbox/faults', {
      method: 'POST',
      body: { kind: 'teapot' },
      token: null,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/Unknown fault kind/);
    expect((await call(sandbox.url, '/__sandbox/faults', { method: 'DELETE', token: null })).status).toBe(
      204,
    );
    expect((await me()).status).toBe(200);
  });

  it('resets state, faults and log over POST /__sandbox/reset', async () => {
    const state = sandbox.state;
    const entry = state.timeEntries.find((item) => !item.locked && item.user_id === 55401);
    expect(
      (await call(sandbox.url, `/v1/${ORG}/time-entries/${entry?.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect(state.timeEntries.some((item) => item.id === entry?.id)).toBe(false);
    sandbox.faults.push({ kind: 'html' });
    expect((await call(sandbox.url, '/__sandbox/reset', { method: 'POST', token: null })).status).toBe(204);
    expect(sandbox.state).toBe(state);
    expect(state.timeEntries.some((item) => item.id === entry?.id)).toBe(true);
    expect(sandbox.faults.pending).toBe(0);
    expect(sandbox.requestLog).toEqual([]);
  });

  it('marks entries invoiced through Keeping’s Exact integration, which locks them', async () => {
    const ids = sandbox.state.timeEntries
      .filter(
        (entry) => !entry.locked && entry.purpose === 'work' && entry.user_id === 55401 && !entry.ongoing,
      )
      .slice(-2)
      .map((entry) => entry.id);
    const response = await call(sandbox.url, '/__sandbox/invoice', {
      method: 'POST',
      token: null,
      body: { entryIds: ids, invoiceNumber: '26700999' },
    });
    expect(response.status).toBe(200);
    for (const id of ids) {
      const entry = sandbox.state.timeEntries.find((item) => item.id === id);
      expect(entry?.locked).toBe(true);
      expect(entry?.external_references).toContainEqual(
        expect.objectContaining({
          type: 'exact_online_invoice',
          name: '26700999',
          id: expect.stringMatching(/^[0-9a-f]{32}$/),
        }),
      );
      const patch = await call(sandbox.url, `/v1/${ORG}/time-entries/${id}`, {
        method: 'PATCH',
        body: { note: 'x' },
      });
      expect(patch.status).toBe(403);
    }
    const missing = await call(sandbox.url, '/__sandbox/invoice', {
      method: 'POST',
      token: null,
      body: { entryIds: [1], invoiceNumber: 'X' },
    });
    expect(missing.status).toBe(404);
    const malformed = await call(sandbox.url, '/__sandbox/invoice', {
      method: 'POST',
      token: null,
      body: { entryIds: 'all' },
    });
    expect(malformed.status).toBe(400);
  });
});
