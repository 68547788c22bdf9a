import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION, SECOND_DIVISION } from './model/seed';
import { type ExactSandbox, startExactSandbox } from './server';
import { addSavedInvoice } from './testing/fixtures';

let sandbox: ExactSandbox;
let nowMs = Date.UTC(2026, 11, 2, 9, 30, 0);
let cookie = '';

const api = (path: string) => `${sandbox.url}/api/v1/${path}`;
const JSON_ACCEPT = { Accept: 'application/json' };

async function signIn(division = DEFAULT_DIVISION): Promise<string> {
  const shell = await fetch(`${sandbox.url}/docs/MenuPortal.aspx?_Division_=${division}`);
  await shell.text();
  return shell.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
}

function get(path: string, headers: Record<string, string> = JSON_ACCEPT, withCookie = true) {
  return fetch(api(path), {
    headers: withCookie ? { ...headers, Cookie: cookie } : headers,
    redirect: 'manual',
  });
}

type Row = Record<string, unknown> & { __metadata: { uri: string; type: string } };
interface Body {
  d: { results: Row[]; __next?: string };
  error: { code: string; message: { lang: string; value: string } };
}
interface RestStatus {
  remaining: Record<string, { minutely: number; daily: number }>;
}

async function getJson(path: string): Promise<{ status: number; body: Body; headers: Headers }> {
  const response = await get(path);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function control(path: string, body: unknown): Promise<RestStatus> {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

function invoice(n: number, lines = 1) {
  return addSavedInvoice(sandbox.state, {
    entryId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    customerName: 'Gemeente Utrecht',
    invoiceNumber: 20260000 + n,
    description: `Invoice ${n}`,
    lines: Array.from({ length: lines }, (_, index) => ({
      itemCode: 'UREN',
      description: `Line ${index + 1}`,
      quantity: 8.58,
      unitPriceCents: 9500,
      notes: index === 0 ? 'Week 44' : '',
    })),
  });
}

beforeAll(async () => {
  sandbox = await startExactSandbox({ lookupLatencyMs: 0, now: () => new Date(nowMs) });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  nowMs = Date.UTC(2026, 11, 2, 9, 30, 0);
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  sandbox.rest.limiter.config = { minutely: 60, daily: 5000 };
  cookie = await signIn();
});

describe('session', () => {
  it('sets the auth and the division cookie on the shell and the entry screen', async () => {
    expect(cookie).toMatch(/^\.ASPXAUTH=[0-9A-F]{32}; ExactServer\{[0-9a-f-]{36}\}=Division=123456$/);
    const entry = await fetch(`${sandbox.url}/docs/LogEntrySales.aspx?_Division_=${SECOND_DIVISION}`);
    expect(entry.headers.getSetCookie().join('\n')).toContain(`=Division=${SECOND_DIVISION}`);
  });

  it('answers current/Me from the session, with the division of the division cookie and no limit headers', async () => {
    const me = await getJson('current/Me');
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toContain('application/json');
    expect(me.body.d.results).toHaveLength(1);
    expect(me.body.d.results[0]).toMatchObject({
      __metadata: { type: 'Exact.Web.Api.System.Me' },
      CurrentDivision: DEFAULT_DIVISION,
      FullName: 'Demo Gebruiker',
      LanguageCode: 'nl-NL',
    });
    expect(me.body.d.results[0]?.UserID).toMatch(/^[0-9a-f-]{36}$/);
    expect(me.headers.get('x-ratelimit-limit')).toBeNull();
    expect(me.headers.get('x-ratelimit-minutely-remaining')).toBeNull();

    cookie = await signIn(SECOND_DIVISION);
    const selected = await getJson('current/Me?$select=CurrentDivision');
    expect(selected.body.d.results[0]).toEqual({
      __metadata: expect.any(Object),
      CurrentDivision: SECOND_DIVISION,
    });
    const status = (await (await fetch(`${sandbox.url}/__sandbox/rest-api`)).json()) as RestStatus;
    // Me does not count against the limits.
    expect(status.remaining[DEFAULT_DIVISION]).toEqual({ minutely: 60, daily: 5000 });
  });

  it('answers a call without the session with a redirect to the login page, never JSON', async () => {
    for (const path of ['current/Me', `${DEFAULT_DIVISION}/logistics/Items`]) {
      const response = await get(path, JSON_ACCEPT, false);
      expect(response.status, path).toBe(302);
      expect(response.headers.get('location')).toMatch(/^\/docs\/Login\.aspx\?ReturnUrl=%2Fapi%2Fv1%2F/);
      const followed = await fetch(api(path), { headers: JSON_ACCEPT });
      expect(followed.status).toBe(200);
      expect(followed.headers.get('content-type')).toContain('text/html');
      expect(await followed.text()).toContain('id="LoginForm_UserName"');
    }
    const wrong = await fetch(api('current/Me'), { headers: { ...JSON_ACCEPT, Cookie: '.ASPXAUTH=forged' } });
    expect(wrong.status).toBe(200);
    expect(wrong.url).toContain('/docs/Login.aspx');
  });

  it('signs the session out and in through the sandbox control and the login page', async () => {
    await control('session', { signedIn: false });
    expect((await get('current/Me')).status).toBe(302);
    await control('session', { answer: 'login-page' });
    const page = await get('current/Me');
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    await control('session', { answer: '401' });
    const refused = await get(`${DEFAULT_DIVISION}/logistics/Items`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('LoginForm');

    const login = await fetch(`${sandbox.url}/docs/Login.aspx?ReturnUrl=%2Fdocs%2FMenuPortal.aspx`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/docs/MenuPortal.aspx');
    expect((await get('current/Me')).status).toBe(200);

    const bad = await fetch(`${sandbox.url}/__sandbox/session`, {
      method: 'POST',
      body: '{"answer":"maybe"}',
    });
    expect(bad.status).toBe(400);
  });

  it('refuses the session altogether when the API is off, by control or by server option', async () => {
    await control('rest-api', { enabled: false });
    for (const path of ['current/Me', `${DEFAULT_DIVISION}/salesinvoice/SalesInvoices`]) {
      const response = await get(path);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
    await control('rest-api', { enabled: true });
    expect((await get('current/Me')).status).toBe(200);

    const off = await startExactSandbox({ restApi: false });
    try {
      const response = await fetch(`${off.url}/api/v1/current/Me`, { headers: JSON_ACCEPT });
      expect(response.status).toBe(401);
    } finally {
      await off.close();
    }
  });
});

describe('resources', () => {
  it('finds an item by Code with $select, in verbose JSON with __metadata', async () => {
    const { status, body, headers } = await getJson(
      `${DEFAULT_DIVISION}/logistics/Items?$filter=Code eq 'UREN-SR'&$select=ID,Code,Description,StandardSalesPrice,IsTime`,
    );
    expect(status).toBe(200);
    expect(headers.get('x-ratelimit-remaining')).toBe('4999');
    const item = sandbox.state.items.find((i) => i.division === DEFAULT_DIVISION && i.code === 'UREN-SR');
    expect(body).toEqual({
      d: {
        results: [
          {
            __metadata: {
              uri: expect.stringMatching(
                new RegExp(`/api/v1/${DEFAULT_DIVISION}/logistics/Items\\(guid'${item?.id}'\\)$`),
              ),
              type: 'Exact.Web.Api.Models.Logistics.Item',
            },
            ID: item?.id,
            Code: 'UREN-SR',
            Description: 'Uren senior',
            StandardSalesPrice: 125,
            IsTime: 1,
          },
        ],
      },
    });
    const none = await getJson(`${DEFAULT_DIVISION}/logistics/Items?$filter=Code eq 'NOPE'`);
    expect(none.body).toEqual({ d: { results: [] } });
  });

  it('reads a saved invoice by its Int32 InvoiceNumber, and its lines by guid', async () => {
    const saved = invoice(42, 2);
    const { body } = await getJson(
      `${DEFAULT_DIVISION}/salesinvoice/SalesInvoices?$filter=InvoiceNumber eq 20260042`,
    );
    expect(body.d.results).toHaveLength(1);
    const record = body.d.results[0] as Row;
    expect(record).toMatchObject({
      InvoiceID: saved.entryId,
      InvoiceNumber: 20260042,
      InvoiceTo: saved.customerId,
      OrderedBy: saved.customerId,
      InvoiceDate: `/Date(${Date.UTC(2026, 10, 2)})/`,
      AmountFCExclVat: 1630.2,
      AmountFC: 1972.54,
      Status: 20,
      Type: 8020,
      Description: 'Invoice 42',
    });
    expect(record.SalesInvoiceLines).toEqual({
      __deferred: { uri: `${record.__metadata.uri}/SalesInvoiceLines` },
    });

    const lines = await getJson(
      `${DEFAULT_DIVISION}/salesinvoice/SalesInvoiceLines?$filter=InvoiceID eq guid'${saved.entryId.toUpperCase()}'&$select=LineNumber,Item,Quantity,UnitPrice,NetPrice,AmountFC,Description,Notes`,
    );
    // Pages are ordered by key, as Exact's are, so a client sorts by LineNumber itself.
    const byNumber = lines.body.d.results
      .map(({ __metadata, ...line }) => line)
      .sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
    expect(byNumber).toEqual([
      {
        LineNumber: 1,
        Item: saved.lines[0]?.itemId,
        Quantity: 8.58,
        UnitPrice: 95,
        NetPrice: 95,
        AmountFC: 815.1,
        Description: 'Line 1',
        Notes: 'Week 44',
      },
      {
        LineNumber: 2,
        Item: saved.lines[1]?.itemId,
        Quantity: 8.58,
        UnitPrice: 95,
        NetPrice: 95,
        AmountFC: 815.1,
        Description: 'Line 2',
        Notes: '',
      },
    ]);
    const both = await getJson(
      `${DEFAULT_DIVISION}/salesinvoice/SalesInvoices?$filter=InvoiceID eq guid'${saved.entryId}' and Status eq 20&$select=InvoiceNumber`,
    );
    expect(both.body.d.results).toEqual([{ __metadata: expect.any(Object), InvoiceNumber: 20260042 }]);
    // Invoices are per division.
    const other = await getJson(
      `${SECOND_DIVISION}/salesinvoice/SalesInvoices?$filter=InvoiceNumber eq 20260042`,
    );
    expect(other.body.d.results).toEqual([]);
  });

  it('answers what it does not understand with a 400 in Exact error shape', async () => {
    invoice(42);
    const base = `${DEFAULT_DIVISION}/salesinvoice/SalesInvoices`;
    const cases: [string, RegExp][] = [
      [
        `${base}?$filter=InvoiceNumber eq '20260042'`,
        /incompatible with operand types 'System.Int32' and 'System.String'/,
      ],
      [
        `${base}?$filter=Nonsense eq 1`,
        /No property 'Nonsense' exists in type 'Exact.Web.Api.Models.SalesInvoice'/,
      ],
      [`${base}?$filter=InvoiceNumber ge 1`, /Only 'eq' joined by 'and' or 'or'/],
      [`${base}?$filter=InvoiceNumber eq 1 xor Status eq 20`, /Only 'eq' joined by 'and' or 'or'/],
      [`${base}?$filter=(InvoiceNumber eq 1)`, /Expression expected/],
      [`${base}?$filter=Description eq 'x'`, /Filtering on 'Description' is not supported/],
      [`${base}?$select=InvoiceNumber,Bogus`, /No property 'Bogus'/],
      [`${base}?$orderby=InvoiceNumber`, /query option '\$orderby' is not supported/],
      [`${base}?$expand=SalesInvoiceLines`, /query option '\$expand' is not supported/],
      [`${base}?$filter=InvoiceID eq guid'nope'`, /Unrecognized 'Edm.Guid' literal/],
      [`${base}?$skiptoken=42`, /Invalid \$skiptoken/],
      [`${DEFAULT_DIVISION}/logistics/Items?$filter=Code eq 'UREN`, /Unterminated string literal/],
    ];
    for (const [path, message] of cases) {
      const { status, body } = await getJson(path);
      expect(status, path).toBe(400);
      expect(body.error.code).toBe('');
      expect(body.error.message.lang).toBe('');
      expect(body.error.message.value, path).toMatch(message);
    }
  });

  it('refuses unknown divisions and resources, and writes', async () => {
    expect((await get('999/logistics/Items')).status).toBe(403);
    expect((await get('current/Nothing')).status).toBe(404);
    const missing = await get(`${DEFAULT_DIVISION}/crm/Accounts`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message.value).toBe('Resource not found');
    const post = await fetch(api(`${DEFAULT_DIVISION}/salesinvoice/SalesInvoices`), {
      method: 'POST',
      headers: { ...JSON_ACCEPT, Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(405);
  });

  it('pages by 60 with a full __next URL that keeps the query and carries a guid skiptoken', async () => {
    for (let n = 1; n <= 130; n += 1) invoice(n);
    const seen: number[] = [];
    let url: string | undefined = api(
      `${DEFAULT_DIVISION}/salesinvoice/SalesInvoices?$select=InvoiceNumber&$filter=Status eq 20`,
    );
    const sizes: number[] = [];
    while (url) {
      const response: Response = await fetch(url, {
        headers: {
          ...JSON_ACCEPT,
          Cookie: cookie,
          'X-Forwarded-Proto': 'https',
          'X-Forwarded-Host': 'start.exactonline.nl',
        },
      });
      const body = (await response.json()) as Body;
      sizes.push(body.d.results.length);
      seen.push(...body.d.results.map((r) => Number(r.InvoiceNumber)));
      url = body.d.__next;
      if (url) {
        expect(url).toMatch(
          new RegExp(
            `^https://start\\.exactonline\\.nl/api/v1/${DEFAULT_DIVISION}/salesinvoice/SalesInvoices\\?\\$select=InvoiceNumber&\\$filter=Status%20eq%2020&\\$skiptoken=guid'[0-9a-f-]{36}'$`,
          ),
        );
        url = url.replace('https://start.exactonline.nl', sandbox.url);
      }
    }
    expect(sizes).toEqual([60, 60, 10]);
    expect(new Set(seen).size).toBe(130);
    expect(Math.min(...seen)).toBe(20260001);
  });

  it('answers Atom XML when JSON is not asked for', async () => {
    for (let n = 1; n <= 61; n += 1) invoice(n);
    const response = await get(
      `${DEFAULT_DIVISION}/salesinvoice/SalesInvoices?$select=InvoiceNumber,InvoiceDate,YourRef`,
      {},
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const text = await response.text();
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?><feed /);
    expect(text).toContain('<d:InvoiceNumber m:type="Edm.Int32">20260001</d:InvoiceNumber>');
    expect(text).toContain('<d:InvoiceDate m:type="Edm.DateTime">2026-11-02T00:00:00</d:InvoiceDate>');
    expect(text).toContain('<d:YourRef m:null="true" />');
    expect(text.match(/<entry>/g)).toHaveLength(60);
    expect(text).toMatch(/<link rel="next" href="[^"]+\$skiptoken=guid&#39;[0-9a-f-]{36}&#39;" \/>/);
    const error = await get(`${DEFAULT_DIVISION}/salesinvoice/SalesInvoices?$top=x`, {});
    expect(error.status).toBe(400);
    expect(await error.text()).toContain('<message xml:lang="">Invalid value');
  });
});

describe('rate limits', () => {
  it('counts calls per division, sends the headers, and answers 429 with only the minutely ones', async () => {
    await control('rest-api', { minutelyLimit: 3 });
    const path = `${DEFAULT_DIVISION}/logistics/Items?$filter=Code eq 'UREN'`;
    const remaining: (string | null)[] = [];
    for (let n = 0; n < 3; n += 1) {
      const response = await get(path);
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('x-ratelimit-minutely-remaining'));
      expect(response.headers.get('x-ratelimit-limit')).toBe('5000');
      expect(response.headers.get('x-ratelimit-minutely-limit')).toBe('3');
      expect(response.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2026, 11, 3)));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await get(path);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.message.value).toMatch(/rate limit/i);
    expect(limited.headers.get('x-ratelimit-minutely-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-minutely-reset')).toBe(String(nowMs + 60_000));
    expect(limited.headers.get('x-ratelimit-limit')).toBeNull();
    expect(limited.headers.get('x-ratelimit-remaining')).toBeNull();
    // Another division has its own budget, and Me is never counted.
    expect((await get(`${SECOND_DIVISION}/logistics/Items`)).status).toBe(200);
    expect((await get('current/Me')).status).toBe(200);

    nowMs += 60_000;
    const later = await get(path);
    expect(later.status).toBe(200);
    expect(later.headers.get('x-ratelimit-remaining')).toBe('4996');
  });

  it('stops at the daily limit until midnight UTC', async () => {
    await control('rest-api', { dailyLimit: 2 });
    const path = `${DEFAULT_DIVISION}/salesinvoice/SalesInvoices`;
    expect((await get(path)).status).toBe(200);
    // A refused query is still a call.
    expect((await get(`${path}?$orderby=x`)).status).toBe(400);
    const limited = await get(path);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2026, 11, 3)));
    nowMs = Date.UTC(2026, 11, 3, 0, 0, 1);
    expect((await get(path)).status).toBe(200);
    await control('rest-api', { resetLimits: true, dailyLimit: 5000 });
    const status = (await (await fetch(`${sandbox.url}/__sandbox/rest-api`)).json()) as RestStatus;
    expect(status.remaining[DEFAULT_DIVISION]).toEqual({ minutely: 60, daily: 5000 });
  });
});

describe('variations where the reference is silent', () => {
  it("joins filter clauses with 'or' (and binding tighter), as a client batching item codes does", async () => {
    const items = await getJson(
      `${DEFAULT_DIVISION}/logistics/Items?$select=Code&$filter=Code eq 'UREN-SR' or Code eq 'nope' or Code eq 'uren-jr'`,
    );
    expect(items.body.d.results.map((item) => item.Code).sort()).toEqual(['UREN-JR', 'UREN-SR']);
    invoice(1);
    invoice(2);
    const invoices = await getJson(
      `${DEFAULT_DIVISION}/salesinvoice/SalesInvoices?$select=InvoiceNumber&$filter=InvoiceNumber eq 20260001 and Status eq 50 or InvoiceNumber eq 20260002`,
    );
    expect(invoices.body.d.results.map((row) => row.InvoiceNumber)).toEqual([20260002]);
  });

  it('answers Me in either shape and in another division when told to', async () => {
    await control('rest-api', { meShape: 'single', meDivision: 999 });
    const single = await getJson('current/Me?$select=CurrentDivision');
    expect(single.body.d).toMatchObject({ CurrentDivision: 999 });
    expect('results' in single.body.d).toBe(false);
    await control('rest-api', { meShape: 'results', meDivision: null });
    const listed = await getJson('current/Me?$select=CurrentDivision');
    expect(listed.body.d.results[0]).toMatchObject({ CurrentDivision: DEFAULT_DIVISION });
  });

  it("skews one line's stored amount and the total, processes an invoice, and spends another app's calls", async () => {
    const saved = invoice(7, 2);
    await control('rest-api', { lineSkew: { lineNumber: 2, cents: 1 }, process: 20260007 });
    const head = await getJson(
      `${DEFAULT_DIVISION}/salesinvoice/SalesInvoices?$filter=InvoiceNumber eq 20260007&$select=AmountFCExclVat,Status`,
    );
    expect(head.body.d.results[0]).toMatchObject({ AmountFCExclVat: 1630.21, Status: 50 });
    const lines = await getJson(
      `${DEFAULT_DIVISION}/salesinvoice/SalesInvoiceLines?$filter=InvoiceID eq guid'${saved.entryId}'&$select=LineNumber,AmountFC`,
    );
    const amounts = Object.fromEntries(lines.body.d.results.map((line) => [line.LineNumber, line.AmountFC]));
    expect(amounts).toEqual({ 1: 815.1, 2: 815.11 });
    // The screen keeps what was saved: only the REST view is a cent off.
    expect(sandbox.state.invoices[0]?.lines[1]?.amountCents).toBe(81510);

    // Two calls above, 58 by another app: the minute is spent.
    const status = await control('rest-api', { spend: { division: DEFAULT_DIVISION, calls: 58 } });
    expect(status.remaining[DEFAULT_DIVISION]?.minutely).toBe(0);
    const limited = await get(`${DEFAULT_DIVISION}/logistics/Items?$top=1`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('X-RateLimit-Minutely-Remaining')).toBe('0');
  });

  it('forgets the variations on a reset', async () => {
    await control('rest-api', { meDivision: 5, lineSkew: { lineNumber: 1, cents: 3 } });
    await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
    const state = (await (await fetch(`${sandbox.url}/__sandbox/rest-api`)).json()) as Record<
      string,
      unknown
    >;
    expect(state).toMatchObject({ meDivision: null, meShape: 'results', lineSkew: null });
  });
});
