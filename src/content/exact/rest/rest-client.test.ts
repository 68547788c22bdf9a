// @vitest-environment node
/**
 * The REST client against the Exact sandbox: the probe and when it turns the path off, paging,
 * Exact's limits and the reserve, GET only.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../../../sandbox/exact/model/seed';
import { addSavedInvoice } from '../../../../sandbox/exact/testing/fixtures';
import { MemoryStorage, type RestSandbox, startRestSandbox } from '../../testing/rest-sandbox';
import { recordSchema } from './odata';
import { RestWriteRefused, readOnlyFetch } from './read-only-fetch';
import { type RestState, RestUnavailable } from './rest-client';

let sandbox: RestSandbox;
const itemCodes = recordSchema<{ Code: string }>({ Code: 'string' });

beforeAll(async () => {
  sandbox = await startRestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

async function failure(promise: Promise<unknown>): Promise<RestState> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RestUnavailable);
  return (error as RestUnavailable).state;
}

describe('the probe', () => {
  it("is on when Me answers JSON in the page's division, and asks Me once per tab session", async () => {
    const storage = new MemoryStorage();
    const client = sandbox.client({ storage });
    expect(await client.probe()).toEqual({ kind: 'on', division: DEFAULT_DIVISION });
    await client.probe();
    // A second page in the same tab trusts the session's answer.
    expect(await sandbox.client({ storage }).probe()).toEqual({ kind: 'on', division: DEFAULT_DIVISION });
    expect(sandbox.requests.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/current/Me']);
    // Me does not count against Exact's limits.
    expect(sandbox.exact.rest.limiter.remaining(DEFAULT_DIVISION, sandbox.clock.now).minutely).toBe(60);
  });

  it('reads Me as a single record too', async () => {
    await sandbox.control('rest-api', { meShape: 'single' });
    expect(await sandbox.client().probe()).toEqual({ kind: 'on', division: DEFAULT_DIVISION });
  });

  it.each([
    ['the API refusing the session (401 JSON)', { 'rest-api': { enabled: false } }, 'refused'],
    ['a redirect to the login page', { session: { signedIn: false, answer: 'redirect' } }, 'signed-out'],
    ['the login page with 200', { session: { signedIn: false, answer: 'login-page' } }, 'signed-out'],
    ['the login page with 401', { session: { signedIn: false, answer: '401' } }, 'signed-out'],
  ] as const)('is off on %s, and a call then never goes out', async (_name, controls, reason) => {
    for (const [path, body] of Object.entries(controls)) await sandbox.control(path as 'rest-api', body);
    const client = sandbox.client();
    expect(await client.probe()).toMatchObject({ kind: 'off', reason });
    sandbox.requests.length = 0;
    expect(await failure(client.list('logistics/Items', { $select: 'Code' }, itemCodes))).toMatchObject({
      kind: 'off',
      reason,
    });
    expect(sandbox.requests).toEqual([]);
  });

  it('keeps a failed probe for the session: a 401 is one of the 10 errors an hour Exact allows', async () => {
    await sandbox.control('rest-api', { enabled: false });
    const storage = new MemoryStorage();
    await sandbox.client({ storage }).probe();
    await sandbox.control('rest-api', { enabled: true });
    expect(await sandbox.client({ storage }).probe()).toMatchObject({ kind: 'off', reason: 'refused' });
    expect(sandbox.requests).toHaveLength(1);
    sandbox.clock.now += 11 * 60_000;
    expect(await sandbox.client({ storage }).probe()).toEqual({ kind: 'on', division: DEFAULT_DIVISION });
  });

  it("is off when Me's division is not the page's, and asks again on a page of another division", async () => {
    await sandbox.control('rest-api', { meDivision: 999 });
    const storage = new MemoryStorage();
    const client = sandbox.client({ storage });
    expect(await client.probe()).toEqual({
      kind: 'off',
      reason: 'division-mismatch',
      detail: '999 ≠ 123456',
    });
    expect(await failure(client.list('logistics/Items', {}, itemCodes))).toMatchObject({
      reason: 'division-mismatch',
    });
    expect(sandbox.requests).toHaveLength(1);
    expect(await sandbox.client({ storage, pageDivision: 999 }).probe()).toEqual({
      kind: 'on',
      division: 999,
    });
    await sandbox.control('rest-api', { meDivision: null });
    // The cached 999 is not this page's division: Me is asked again, and now agrees.
    expect(await sandbox.client({ storage }).probe()).toEqual({ kind: 'on', division: DEFAULT_DIVISION });
    expect(sandbox.requests).toHaveLength(2);
  });

  it('is off without a page division, without asking', async () => {
    expect(await sandbox.client({ pageDivision: null }).probe()).toMatchObject({
      kind: 'off',
      reason: 'no-division',
    });
    expect(sandbox.requests).toEqual([]);
  });

  it('is off on a network error and on JSON in another shape', async () => {
    const down = sandbox.client({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(await down.probe()).toEqual({ kind: 'off', reason: 'network', detail: 'Failed to fetch' });
    const odd = sandbox.client({
      fetch: async () => Response.json({ d: { results: [{ CurrentDivision: 'x' }] } }),
    });
    expect(await odd.probe()).toMatchObject({ kind: 'off', reason: 'bad-answer' });
    const maintenance = sandbox.client({
      fetch: async () =>
        new Response('<html>maintenance</html>', { headers: { 'Content-Type': 'text/html' } }),
    });
    expect(await maintenance.probe()).toMatchObject({ kind: 'off', reason: 'signed-out' });
  });
});

describe('reading', () => {
  it('follows __next through pages of 60', async () => {
    const saved = addSavedInvoice(sandbox.exact.state, {
      entryId: '00000000-0000-4000-8000-000000000130',
      customerName: 'Gemeente Utrecht',
      invoiceNumber: 20260130,
      lines: Array.from({ length: 130 }, (_, index) => ({
        itemCode: 'UREN',
        description: `Line ${index + 1}`,
        quantity: 1,
        unitPriceCents: 100,
      })),
    });
    const client = sandbox.client();
    const lines = await client.list(
      'salesinvoice/SalesInvoiceLines',
      { $select: 'LineNumber', $filter: `InvoiceID eq guid'${saved.entryId}'` },
      recordSchema<{ LineNumber: number }>({ LineNumber: 'number' }),
    );
    expect(lines.map((line) => line.LineNumber).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 130 }, (_, index) => index + 1),
    );
    expect(client.calls()).toBe(3);
  });

  it('goes off on an error answer rather than spend more of the hour’s 10 errors', async () => {
    const client = sandbox.client();
    expect(
      await failure(
        client.list('salesinvoice/SalesInvoices', { $filter: "InvoiceNumber eq '1'" }, itemCodes),
      ),
    ).toMatchObject({ kind: 'off', reason: 'bad-answer' });
    expect(client.state()).toMatchObject({ kind: 'off' });
  });
});

describe("Exact's limits", () => {
  it('stops at the minutely reserve until the minute resets, then goes on', async () => {
    sandbox.exact.rest.limiter.config.minutely = 10;
    const client = sandbox.client();
    for (let call = 0; call < 5; call += 1)
      await client.list('logistics/Items', { $select: 'Code' }, itemCodes);
    // 5 left of 10: the reserve is reached, the rest stays for the company's other apps.
    const state = client.state();
    expect(state).toMatchObject({
      kind: 'limited',
      stop: { scope: 'minute', until: sandbox.clock.now + 60_000 },
    });
    const before = sandbox.requests.length;
    expect(await failure(client.list('logistics/Items', {}, itemCodes))).toMatchObject({ kind: 'limited' });
    expect(sandbox.requests).toHaveLength(before);
    sandbox.clock.now += 60_000;
    expect(client.state()).toEqual({ kind: 'on', division: DEFAULT_DIVISION });
    await client.list('logistics/Items', { $select: 'Code' }, itemCodes);
  });

  it("honours a 429 when other apps spent the minute, and keeps the stop for the tab's next page", async () => {
    sandbox.exact.rest.limiter.spend(DEFAULT_DIVISION, 60, sandbox.clock.now);
    const storage = new MemoryStorage();
    const client = sandbox.client({ storage });
    const state = await failure(client.list('logistics/Items', {}, itemCodes));
    expect(state).toMatchObject({
      kind: 'limited',
      stop: { scope: 'minute', until: sandbox.clock.now + 60_000 },
    });
    const next = sandbox.client({ storage });
    expect(await next.probe()).toMatchObject({ kind: 'limited' });
    expect(await failure(next.list('logistics/Items', {}, itemCodes))).toMatchObject({ kind: 'limited' });
  });

  it('stops for the day when the day’s budget is nearly spent', async () => {
    sandbox.exact.rest.limiter.spend(DEFAULT_DIVISION, 4749, sandbox.clock.now);
    sandbox.exact.rest.limiter.config.minutely = 10_000;
    const client = sandbox.client();
    await client.list('logistics/Items', { $select: 'Code' }, itemCodes);
    expect(client.state()).toMatchObject({
      kind: 'limited',
      stop: { scope: 'day', until: Date.UTC(2026, 11, 3) },
    });
  });

  it('makes at most a handful of calls per page load', async () => {
    sandbox.exact.rest.limiter.config.minutely = 10_000;
    const client = sandbox.client({ maxCalls: 3 });
    for (let call = 0; call < 3; call += 1)
      await client.list('logistics/Items', { $select: 'Code' }, itemCodes);
    expect(await failure(client.list('logistics/Items', {}, itemCodes))).toMatchObject({ kind: 'off' });
    expect(client.calls()).toBe(3);
  });
});

describe('read-only', () => {
  it('sends every call as a GET with the session and Accept JSON', async () => {
    const client = sandbox.client();
    await client.probe();
    await client.list('logistics/Items', { $select: 'Code' }, itemCodes);
    expect(sandbox.requests).toHaveLength(2);
    for (const request of sandbox.requests) {
      expect(request).toMatchObject({ method: 'GET', credentials: 'include', accept: 'application/json' });
    }
  });

  it('refuses anything but a same-origin GET of /api/v1/ before it leaves', () => {
    const sent: string[] = [];
    const get = readOnlyFetch(async (url) => {
      sent.push(url);
      return new Response('{}');
    }, 'https://start.exactonline.nl');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'MERGE', 'post']) {
      expect(() => get('/api/v1/123/salesinvoice/SalesInvoices', { method })).toThrow(RestWriteRefused);
    }
    expect(() => get('/api/v1/123/x', { body: '{}' })).toThrow(RestWriteRefused);
    expect(() => get('https://evil.example/api/v1/123/x')).toThrow(RestWriteRefused);
    expect(() => get('/docs/LogEntrySales.aspx')).toThrow(RestWriteRefused);
    expect(sent).toEqual([]);
    void get('/api/v1/current/Me');
    expect(sent).toEqual(['https://start.exactonline.nl/api/v1/current/Me']);
  });

  it('does not follow a __next outside the division', async () => {
    const client = sandbox.client({
      fetch: async (url) =>
        url.includes('current/Me')
          ? Response.json({ d: { results: [{ CurrentDivision: DEFAULT_DIVISION }] } })
          : Response.json({
              d: { results: [], __next: 'https://start.exactonline.nl/api/v1/999/logistics/Items' },
            }),
    });
    expect(await failure(client.list('logistics/Items', {}, itemCodes))).toMatchObject({
      reason: 'bad-answer',
    });
  });
});
