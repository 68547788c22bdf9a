import * as v from 'valibot';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UrenbrugError } from '../../shared/errors';
import { createInstantClock } from '../testing/fake-clock';
import { keepingEntry, keepingOrganisation, keepingUser, pageMeta } from '../testing/keeping-wire';
import { startTestServer, type TestServer } from '../testing/scripted-server';
import { createKeepingClient, type KeepingClientOptions } from './client';
import { AUTH_PAUSE_MS, createKeepingHttp, DEFAULT_USER_AGENT } from './http';
import { createLimiter } from './limiter';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function setup(overrides: Partial<KeepingClientOptions> = {}) {
  const clock = createInstantClock();
  const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
  const options: KeepingClientOptions = {
    token: 'test-token',
    baseUrl: server.url,
    language: 'nl',
    limiter,
    now: clock.now,
    sleep: clock.sleep,
    ...overrides,
  };
  return { clock, limiter, client: createKeepingClient(options), options };
}

async function failure(promise: Promise<unknown>): Promise<UrenbrugError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UrenbrugError);
    return error as UrenbrugError;
  }
  throw new Error('expected the call to fail');
}

const organisations = { organisations: [keepingOrganisation] };

describe('requests', () => {
  it('sends the token, Accept, Accept-Language and User-Agent, and normalises organisations', async () => {
    const { client, clock } = setup();
    server.handle(() => ({
      body: organisations,
      headers: { 'X-Server-Time-Ms': String(clock.now() + 4_321) },
    }));

    expect(client.serverOffsetMs()).toBeNull();
    const result = await client.organisations();

    expect(result).toEqual([
      {
        id: 12345,
        name: 'Bakker & de Vries Accountants',
        timeZone: 'Europe/Amsterdam',
        currency: 'EUR',
        timesheet: 'times',
        features: { projects: true, tasks: true, breaks: false },
        plan: 'plus_2024',
      },
    ]);
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/organisations');
    expect(request?.headers.authorization).toBe('Bearer test-token');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['accept-language']).toBe('nl');
    expect(request?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^Urenbrug\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/urenbrug\)$/);
    expect(client.serverOffsetMs()).toBe(4_321);
  });

  it('accepts JSON with a charset and maps the day endpoint with user_id and date', async () => {
    const { client } = setup();
    server.handle(() => ({
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: {
        time_entries: [
          keepingEntry(1, { note: null, hours: 0.8167 }),
          keepingEntry(2, { note: 'Btw-aangifte', hours: 1.5 }),
        ],
        meta: { user_id: 77, date: '2026-05-29' },
      },
    }));

    const result = await client.timeEntries(12345, { userId: 77, date: '2026-05-29' });

    expect(server.requests[0]?.path).toBe('/12345/time-entries');
    expect(server.requests[0]?.query.toString()).toBe('user_id=77&date=2026-05-29');
    expect(result.date).toBe('2026-05-29');
    expect(result.userId).toBe(77);
    expect(result.entries.map((entry) => [entry.organisationId, entry.note, entry.minutes])).toEqual([
      [12345, '', 49],
      [12345, 'Btw-aangifte', 90],
    ]);
  });

  it('walks every page of report/time-entries with per_page=100 and PHP-style array filters', async () => {
    const { client } = setup();
    const total = 250;
    server.handle((request) => {
      const page = Number(request.query.get('page'));
      const perPage = Number(request.query.get('per_page'));
      const ids = Array.from({ length: total }, (_, index) => index + 1).slice(
        (page - 1) * perPage,
        page * perPage,
      );
      return {
        body: {
          time_entries: ids.map((id) => keepingEntry(id, { hours: 0.25 })),
          meta: { ...pageMeta(total, page, perPage), total_hours: total * 0.25 },
        },
      };
    });
    const progress: Array<[number, number]> = [];

    const entries = await client.reportTimeEntries(
      12345,
      {
        from: '2026-01-01',
        to: '2026-03-31',
        userIds: [1, 2],
        externalReferenceTypes: ['exact_online_invoice'],
      },
      (done, pages) => progress.push([done, pages]),
    );

    expect(entries).toHaveLength(250);
    expect(entries.map((entry) => entry.id)).toEqual(Array.from({ length: 250 }, (_, index) => index + 1));
    expect(entries.every((entry) => entry.minutes === 15)).toBe(true);
    expect(server.requests.map((request) => request.query.get('page')).sort()).toEqual(['1', '2', '3']);
    const first = server.requests[0]!;
    expect(first.path).toBe('/12345/report/time-entries');
    expect(first.query.get('per_page')).toBe('100');
    expect(first.query.getAll('user_ids[]')).toEqual(['1', '2']);
    expect(first.query.getAll('external_reference_types[]')).toEqual(['exact_online_invoice']);
    expect(first.query.get('from')).toBe('2026-01-01');
    expect(first.query.has('project_ids[]')).toBe(false);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('stops after one request when last_page is null (no results)', async () => {
    const { client } = setup();
    server.handle(() => ({ body: { time_entries: [], meta: { ...pageMeta(0, 1, 100), total_hours: 0 } } }));
    expect(await client.reportTimeEntries(12345, {})).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('drops an entry that shifted onto the next page during the walk', async () => {
    const { client } = setup();
    server.handle((request) => {
      const page = Number(request.query.get('page'));
      const ids = page === 1 ? [1, 2] : [2, 3];
      return {
        body: {
          time_entries: ids.map((id) => keepingEntry(id)),
          meta: { ...pageMeta(4, page, 2), total_hours: 1 },
        },
      };
    });
    expect((await client.reportTimeEntries(12345, {})).map((entry) => entry.id)).toEqual([1, 2, 3]);
  });

  it('refuses an absurd page count instead of walking it', async () => {
    const { client } = setup();
    server.handle(() => ({
      body: {
        time_entries: [],
        meta: { total: 1e9, per_page: 100, current_page: 1, last_page: 1e7, total_hours: 0 },
      },
    }));
    expect((await failure(client.reportTimeEntries(12345, {}))).code).toBe('unexpected_response');
    expect(server.requests).toHaveLength(1);
  });

  it('asks users in every state, and projects and tasks including archived ones', async () => {
    const { client } = setup();
    server.handle((request) => {
      if (request.path.endsWith('/users')) {
        return {
          body: {
            users: [keepingUser(1, { first_name: null, state: 'blocked' })],
            meta: pageMeta(1, 1, 100),
          },
        };
      }
      if (request.path.endsWith('/projects')) {
        const project = {
          id: 5,
          client: { id: 9, name: 'Jansen BV', code: null, state: 'active' },
          name: 'Jaarrekening',
          code: 'JR',
          direct: 'entire_project_is_direct',
          task_assignments: [],
          participations: [],
          state: 'archived',
        };
        return { body: { projects: [project], meta: pageMeta(1, 1, 100) } };
      }
      return {
        body: {
          tasks: [{ id: 3, name: 'Advies', code: null, direct: true, state: 'archived' }],
          meta: pageMeta(1, 1, 100),
        },
      };
    });

    const users = await client.users(12345);
    const projects = await client.projects(12345);
    const tasks = await client.tasks(12345);

    expect(server.requests[0]?.query.getAll('state[]')).toEqual([
      'needs_invite',
      'invited',
      'active',
      'inactive',
      'blocked',
      'decoupled',
    ]);
    expect(server.requests[1]?.query.getAll('state[]')).toEqual(['active', 'archived']);
    expect(server.requests[2]?.query.getAll('state[]')).toEqual(['active', 'archived']);
    expect(users[0]).toMatchObject({
      firstName: '',
      surname: 'van Doorn',
      state: 'blocked',
      organisationId: 12345,
    });
    expect(projects[0]).toMatchObject({ id: 5, clientId: 9, state: 'archived' });
    expect(tasks[0]).toMatchObject({ id: 3, direct: true, state: 'archived' });
  });

  it('lists clients for an administrator, and falls back to the clients inside projects on 403', async () => {
    const { client } = setup();
    let forbidden = false;
    const jansen = { id: 9, name: 'Jansen BV', code: null, state: 'active' };
    server.handle((request) => {
      if (request.path.endsWith('/clients')) {
        if (forbidden) return { status: 403, body: { error: { message: 'Geen toegang.' } } };
        return {
          body: { clients: [jansen, { ...jansen, id: 10, state: 'inactive' }], meta: pageMeta(2, 1, 100) },
        };
      }
      const project = (id: number, owner: unknown) => ({
        id,
        client: owner,
        name: `P${id}`,
        code: null,
        direct: null,
        task_assignments: null,
        participations: [],
        state: 'active',
      });
      return {
        body: {
          projects: [project(1, jansen), project(2, jansen), project(3, null)],
          meta: pageMeta(3, 1, 100),
        },
      };
    });

    expect((await client.clients(12345)).map((c) => [c.id, c.state])).toEqual([
      [9, 'active'],
      [10, 'inactive'],
    ]);
    expect(server.requests[0]?.query.getAll('state[]')).toEqual(['active', 'inactive']);
    forbidden = true;
    expect(await client.clients(12345)).toEqual([
      { id: 9, organisationId: 12345, name: 'Jansen BV', code: null, state: 'active' },
    ]);
  });

  it('asks a report with row_type and filters', async () => {
    const { client } = setup();
    const report = {
      from: '2026-06-08',
      to: '2026-06-14',
      row_type: 'external_reference',
      rows: [{ id: 'abc', description: 'Factuur 42', url: null, hours: 2, direct_hours: 2 }],
      total_hours: 2,
      total_direct_hours: 2,
    };
    server.handle(() => ({ body: { report } }));
    const result = await client.report(12345, {
      from: '2026-06-08',
      to: '2026-06-14',
      rowType: 'external_reference',
      projectIds: [5],
      externalReferenceTypes: ['exact_online_invoice', 'generic_work_reference'],
    });
    expect(result).toEqual(report);
    const query = server.requests[0]!.query;
    expect(query.get('row_type')).toBe('external_reference');
    expect(query.getAll('project_ids[]')).toEqual(['5']);
    expect(query.getAll('external_reference_types[]')).toEqual([
      'exact_online_invoice',
      'generic_work_reference',
    ]);
  });
});

describe('status codes', () => {
  const cases: Array<[number, string]> = [
    [400, 'invalid_request'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [405, 'invalid_request'],
    [422, 'invalid_request'],
  ];
  it.each(cases)('%i becomes %s with Keeping’s message as detail, not retried', async (status, code) => {
    const { client } = setup();
    server.handle(() => ({ status, body: { error: { message: `Melding ${status}` } } }));
    const error = await failure(client.me(12345));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.detail).toBe(`Melding ${status}`);
    expect(error.message).toContain('GET /12345/users/me');
    expect(server.requests).toHaveLength(1);
  });

  it('an error without a JSON body still maps by status, with no detail', async () => {
    const { client } = setup();
    server.handle(() => ({
      status: 404,
      headers: { 'Content-Type': 'text/html' },
      body: '<h1>Not Found</h1>',
    }));
    const error = await failure(client.me(12345));
    expect([error.code, error.status, error.detail]).toEqual(['not_found', 404, undefined]);
  });

  it('never puts the token in an error', async () => {
    const { client } = setup();
    server.handle(() => ({ status: 401, body: { error: { message: 'Unauthenticated.' } } }));
    const error = await failure(client.organisations());
    expect(JSON.stringify(error.toJSON())).not.toContain('test-token');
  });
});

describe('a refused token (401)', () => {
  it('is not sent again for AUTH_PAUSE_MS, while another token is', async () => {
    const { client, limiter, options, clock } = setup();
    server.handle(() => ({ status: 401, body: { error: { message: 'Unauthenticated.' } } }));
    expect((await failure(client.organisations())).code).toBe('auth');
    const again = await failure(client.me(12345));
    expect([again.code, again.status]).toEqual(['auth', 401]);
    expect(again.detail).toContain('connect a new token');
    expect(server.requests).toHaveLength(1);

    server.handle(() => ({ status: 200, body: organisations }));
    const other = createKeepingClient({ ...options, token: 'a-new-token', limiter });
    await other.organisations();
    expect(server.requests).toHaveLength(2);

    await clock.sleep(AUTH_PAUSE_MS);
    await client.organisations();
    expect(server.requests).toHaveLength(3);
  });
});

describe('rate limiting (429)', () => {
  it('waits Retry-After through the limiter, then retries the GET', async () => {
    const { client, clock } = setup();
    let calls = 0;
    server.handle(() => {
      calls += 1;
      if (calls === 1)
        return {
          status: 429,
          headers: { 'Retry-After': '2' },
          body: { error: { message: 'Too Many Attempts.' } },
        };
      return { body: organisations };
    });
    const before = clock.now();
    expect(await client.organisations()).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
    expect(clock.now() - before).toBe(2_000);
  });

  it('uses X-RateLimit-Reset (server clock) when Retry-After is missing', async () => {
    const { client, clock } = setup();
    const skew = 30_000; // the server runs 30 s ahead of us
    let calls = 0;
    server.handle(() => {
      calls += 1;
      const serverNow = clock.now() + skew;
      if (calls === 1) {
        return {
          status: 429,
          headers: {
            'X-Server-Time-Ms': String(serverNow),
            'X-RateLimit-Reset': String(Math.floor(serverNow / 1000) + 10),
          },
          body: {},
        };
      }
      return { body: organisations };
    });
    const before = clock.now();
    await client.organisations();
    const waited = clock.now() - before;
    expect(waited).toBeGreaterThan(9_000);
    expect(waited).toBeLessThanOrEqual(10_000);
  });

  it('gives up as rate_limited after maxRetries, with the status', async () => {
    const { client } = setup({ maxRetries: 2 });
    server.handle(() => ({
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { error: { message: 'Te veel verzoeken.' } },
    }));
    const error = await failure(client.organisations());
    expect([error.code, error.status, error.detail]).toEqual(['rate_limited', 429, 'Te veel verzoeken.']);
    expect(server.requests).toHaveLength(3);
  });

  it('fails at once on a very long Retry-After, but the pause still holds for the next call', async () => {
    const { client, clock } = setup();
    let limited = true;
    server.handle(() =>
      limited ? { status: 429, headers: { 'Retry-After': '3600' } } : { body: organisations },
    );
    const before = clock.now();
    expect((await failure(client.organisations())).code).toBe('rate_limited');
    expect(server.requests).toHaveLength(1);
    expect(clock.now()).toBe(before);
    limited = false;
    await client.organisations();
    expect(clock.now() - before).toBe(3_600_000);
  });

  it('a 429 on a write is not retried but pauses every later call', async () => {
    const { client, clock } = setup();
    server.handle((request) =>
      request.method === 'PATCH' ? { status: 429, headers: { 'Retry-After': '5' } } : { body: organisations },
    );
    const before = clock.now();
    const error = await failure(client.patchTimeEntry(12345, 1, { note: 'x' }));
    expect(error.code).toBe('rate_limited');
    expect(server.requests).toHaveLength(1);
    await client.organisations();
    expect(clock.now() - before).toBe(5_000);
  });
});

describe('transient failures', () => {
  it('retries a GET after a 5xx with exponential backoff', async () => {
    const { client, clock } = setup();
    let calls = 0;
    server.handle(() => {
      calls += 1;
      return calls < 3 ? { status: 503, body: { error: { message: 'Onderhoud' } } } : { body: organisations };
    });
    expect(await client.organisations()).toHaveLength(1);
    expect(clock.slept).toEqual([500, 1_000]);
  });

  it('gives up on a persistent 5xx as server after maxRetries', async () => {
    const { client, clock } = setup({ maxRetries: 3 });
    server.handle(() => ({ status: 500, body: { error: { message: 'Oeps' } } }));
    const error = await failure(client.organisations());
    expect([error.code, error.status, error.detail]).toEqual(['server', 500, 'Oeps']);
    expect(server.requests).toHaveLength(4);
    expect(clock.slept).toEqual([500, 1_000, 2_000]);
  });

  it('an HTML 502 from the load balancer is a server error', async () => {
    const { client } = setup({ maxRetries: 0 });
    server.handle(() => ({
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      body: '<html>Bad Gateway</html>',
    }));
    const error = await failure(client.organisations());
    expect([error.code, error.status, error.detail]).toEqual(['server', 502, undefined]);
  });

  it('never retries a write after a 5xx', async () => {
    const { client, clock } = setup();
    server.handle(() => ({ status: 500, body: {} }));
    expect((await failure(client.patchTimeEntry(12345, 1, { note: 'x' }))).code).toBe('server');
    expect(server.requests).toHaveLength(1);
    expect(clock.slept).toEqual([]);
  });

  it('a refused connection is a network error, retried with backoff for a GET', async () => {
    const closed = await startTestServer();
    const url = closed.url;
    await closed.close();
    const { client, clock } = setup({ baseUrl: url, maxRetries: 2 });
    const error = await failure(client.organisations());
    expect(error.code).toBe('network');
    expect(error.status).toBeUndefined();
    expect(clock.slept).toEqual([500, 1_000]);
  });

  it('a hanging server becomes timeout (and is not retried)', async () => {
    const { client } = setup({ timeoutMs: 100 });
    server.handle(() => ({ hang: true }));
    const started = Date.now();
    const error = await failure(client.organisations());
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it('a timeout releases the limiter slot', async () => {
    const { client } = setup({ timeoutMs: 50, maxRetries: 0 });
    server.handle(() => ({ hang: true }));
    await Promise.all([1, 2, 3].map(() => failure(client.organisations())));
    server.handle(() => ({ body: organisations }));
    expect(await client.organisations()).toHaveLength(1);
  });
});

describe('unexpected answers', () => {
  it('HTML with status 200', async () => {
    const { client } = setup();
    server.handle(() => ({
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: '<!doctype html><p>Login</p>',
    }));
    const error = await failure(client.organisations());
    expect([error.code, error.status]).toEqual(['unexpected_response', 200]);
    expect(error.detail).toContain('text/html');
    expect(server.requests).toHaveLength(1);
  });

  it('malformed JSON', async () => {
    const { client } = setup();
    server.handle(() => ({ headers: { 'Content-Type': 'application/json' }, body: '{"organisations": [' }));
    const error = await failure(client.organisations());
    expect([error.code, error.detail]).toEqual(['unexpected_response', 'malformed JSON']);
  });

  it('an empty body that claims to be JSON', async () => {
    const { client } = setup();
    server.handle(() => ({ headers: { 'Content-Type': 'application/json' }, body: '' }));
    expect((await failure(client.organisations())).code).toBe('unexpected_response');
  });

  it('the wrong shape, naming the field', async () => {
    const { client } = setup();
    server.handle(() => ({ body: { time_entries: [], meta: { user_id: 1, date: '2026-02-30' } } }));
    const error = await failure(client.timeEntries(12345, {}));
    expect(error.code).toBe('unexpected_response');
    expect(error.detail).toContain('meta.date');
  });

  it('one wrongly shaped entry is left out by its id, the rest of the day kept', async () => {
    const { client } = setup();
    server.handle(() => ({
      body: {
        time_entries: [keepingEntry(1, { hours: '0,5' }), keepingEntry(2)],
        meta: { user_id: 1, date: '2026-05-29' },
      },
    }));
    const day = await client.timeEntries(12345, {});
    expect(day.entries.map((entry) => entry.id)).toEqual([2]);
    expect(day.leftOut).toEqual([{ id: 1, reason: 'hours' }]);
  });

  it('204 is null (validated against the schema the caller expects)', async () => {
    const clock = createInstantClock();
    const http = createKeepingHttp({
      token: 't',
      baseUrl: server.url,
      language: 'en',
      limiter: createLimiter({ now: clock.now, sleep: clock.sleep }),
    });
    server.handle(() => ({ status: 204 }));
    expect(await http.write('DELETE', '/12345/time-entries/1', undefined, v.null())).toBeNull();
    expect(server.requests[0]?.headers['content-type']).toBeUndefined();
    const error = await failure(
      http.get('/organisations', {}, v.object({ organisations: v.array(v.unknown()) })),
    );
    expect([error.code, error.status]).toEqual(['unexpected_response', 204]);
  });
});

describe('patchTimeEntry', () => {
  it('sends a JSON PATCH and returns the entry with write meta', async () => {
    const { client } = setup();
    const reference = {
      id: 'a1b2c3d4e5f60718',
      type: 'generic_work_reference',
      name: 'Gefactureerd: F2026-0042',
      url: null,
    };
    server.handle(() => ({
      body: {
        time_entry: keepingEntry(7, { external_references: [reference] }),
        meta: {
          created_additional_time_entry_ids: [],
          modified_existing_time_entry_ids: [],
          deleted_existing_time_entry_ids: [],
        },
      },
    }));

    const result = await client.patchTimeEntry(12345, 7, { external_references: [reference] });

    const request = server.requests[0]!;
    expect(request.method).toBe('PATCH');
    expect(request.path).toBe('/12345/time-entries/7');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ external_references: [reference] });
    expect(result.entry.externalReferences).toEqual([reference]);
    expect(result.meta.deleted_existing_time_entry_ids).toEqual([]);
  });

  it("sends another integration's reference back unchanged, even when it breaks the write rules", async () => {
    const { client } = setup();
    const foreign = {
      id: 'INV/2026-42 (Moneybird)',
      type: 'moneybird_invoice',
      name: 'n'.repeat(400),
      url: 'not a url',
    };
    const ours = {
      id: 'eb0b0e1234567890abcdef',
      type: 'generic_work_reference',
      name: 'Factuur 1',
      url: null,
    };
    server.handle(() => ({
      body: { time_entry: keepingEntry(7, { external_references: [foreign, ours] }) },
    }));
    await client.patchTimeEntry(12345, 7, { external_references: [foreign, ours] });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ external_references: [foreign, ours] });
  });

  it('refuses a body Keeping would reject or misread, without sending it', async () => {
    const { client } = setup();
    const bad: Array<[Parameters<typeof client.patchTimeEntry>[2], string]> = [
      // Only our own reference (its marker prefix) is held to the write rules.
      [{ external_references: [{ id: 'EB0B0E-NOT-HEX', name: 'x' }] }, 'external_references.0.id'],
      [
        {
          external_references: [
            { id: 'keep', name: '' },
            { id: 'eb0b0e1234567890abcdef', name: 'x'.repeat(192) },
          ],
        },
        'external_references.1.name',
      ],
      [
        {
          external_references: Array.from({ length: 11 }, (_, i) => ({
            id: `a1b2c3d4e${i.toString(16)}`,
            name: 'x',
          })),
        },
        'external_references',
      ],
      [{ hours: 1001 }, 'hours'],
      // user_id cannot be changed; an unknown key must not be dropped silently.
      [{ user_id: 5 } as never, 'user_id'],
    ];
    for (const [body, path] of bad) {
      const error = await failure(client.patchTimeEntry(12345, 7, body));
      expect(error.code).toBe('invalid_request');
      expect(error.detail).toContain(path);
    }
    expect(server.requests).toHaveLength(0);
  });
});
