/**
 * The client against the fake Keeping server over real HTTP. Client, limiter and sandbox share one
 * virtual clock, so the sandbox's own 120-a-minute window and our waits line up without real
 * sleeping.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  SANDBOX_TOKENS,
  SANDBOX_USER_IDS,
  startKeepingSandbox,
} from '../../../sandbox/keeping/server';
import { hoursToMinutes } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import { createInstantClock, type InstantClock } from '../testing/fake-clock';
import { createKeepingClient, type KeepingClient } from './client';
import { createLimiter, type LimiterOptions } from './limiter';

// 14:20 in Amsterdam on a Friday; the seed builds three months of entries ending that day.
let clock: InstantClock = createInstantClock(Date.parse('2026-11-27T14:20:00+01:00'));
let sandbox: KeepingSandbox;

beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => clock.now() });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  clock = createInstantClock(Date.parse('2026-11-27T14:20:00+01:00'));
  sandbox.reset();
});

function client(token: string, limits: LimiterOptions = {}): KeepingClient {
  const limiter = createLimiter({ now: clock.now, sleep: clock.sleep, ...limits });
  return createKeepingClient({
    token,
    baseUrl: `${sandbox.url}/v1`,
    language: 'nl',
    limiter,
    now: clock.now,
    sleep: clock.sleep,
  });
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

/** What a complete, correct walk must add up to, from the data the sandbox serves. */
function expectedTotals(): { count: number; minutes: number; ids: number[] } {
  const entries = sandbox.state.timeEntries;
  return {
    count: entries.length,
    minutes: entries.reduce((sum, entry) => sum + hoursToMinutes(entry.hours), 0),
    ids: entries.map((entry) => entry.id).sort((a, b) => a - b),
  };
}

function totalsOf(entries: Array<{ id: number; minutes: number }>) {
  return {
    count: entries.length,
    minutes: entries.reduce((sum, entry) => sum + entry.minutes, 0),
    ids: entries.map((entry) => entry.id).sort((a, b) => a - b),
  };
}

describe('client against the Keeping sandbox', () => {
  it('reads organisations, me, users, clients, projects and tasks as an administrator', async () => {
    const admin = client(SANDBOX_TOKENS.admin);
    const organisations = await admin.organisations();
    expect(organisations.map((organisation) => organisation.id)).toContain(ORG);
    const me = await admin.me(ORG);
    expect(me).toMatchObject({ id: SANDBOX_USER_IDS.admin, organisationId: ORG, role: 'administrator' });

    expect((await admin.users(ORG)).map((user) => user.id).sort()).toEqual(
      sandbox.state.users.map((user) => user.id).sort(),
    );
    expect((await admin.clients(ORG)).map((c) => c.id).sort()).toEqual(
      sandbox.state.clients.map((c) => c.id).sort(),
    );
    expect((await admin.projects(ORG)).map((p) => p.id).sort()).toEqual(
      sandbox.state.projects.map((p) => p.id).sort(),
    );
    expect((await admin.tasks(ORG)).map((t) => t.id).sort()).toEqual(
      sandbox.state.tasks.map((t) => t.id).sort(),
    );
    expect(admin.serverOffsetMs()).toBe(0);
  });

  it('walks every page of report/time-entries to the exact totals the server holds', async () => {
    const admin = client(SANDBOX_TOKENS.admin);
    const progress: Array<[number, number]> = [];
    const entries = await admin.reportTimeEntries(ORG, {}, (done, total) => progress.push([done, total]));

    const expected = expectedTotals();
    expect(expected.count).toBeGreaterThan(1_000);
    expect(totalsOf(entries)).toEqual(expected);
    const pages = Math.ceil(expected.count / 100);
    expect(progress.at(-1)).toEqual([pages, pages]);
    expect(sandbox.requestLog.filter((item) => item.path.includes('/report/time-entries'))).toHaveLength(
      pages,
    );
    expect(
      sandbox.requestLog.every(
        (item) => item.path.includes('/organisations') || item.path.includes('per_page=100'),
      ),
    ).toBe(true);
  });

  it('filters a range for one user', async () => {
    const admin = client(SANDBOX_TOKENS.admin);
    const userId = SANDBOX_USER_IDS.member;
    const entries = await admin.reportTimeEntries(ORG, {
      from: '2026-11-01',
      to: '2026-11-27',
      userIds: [userId],
    });
    const expected = sandbox.state.timeEntries.filter(
      (entry) => entry.user_id === userId && entry.date >= '2026-11-01' && entry.date <= '2026-11-27',
    );
    expect(entries.length).toBe(expected.length);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.userId === userId && entry.date >= '2026-11-01')).toBe(true);
  });

  it('reads one day for the member, and derives the member’s clients from projects', async () => {
    const member = client(SANDBOX_TOKENS.member);
    const today = await member.timeEntries(ORG, {});
    expect(today.userId).toBe(SANDBOX_USER_IDS.member);
    expect(today.date).toBe('2026-11-27');
    expect(today.entries.length).toBeGreaterThan(0);
    expect(today.entries.filter((entry) => entry.userId !== SANDBOX_USER_IDS.member)).toEqual([]);

    const clients = await member.clients(ORG);
    expect(clients.length).toBeGreaterThan(0);
    const known = new Set(sandbox.state.clients.map((c) => c.id));
    expect(clients.every((c) => known.has(c.id))).toBe(true);
    expect((await failure(member.users(ORG))).code).toBe('forbidden');
  });

  it('an expired token is auth (401), with Keeping’s Dutch message as detail', async () => {
    const error = await failure(client(SANDBOX_TOKENS.expired).organisations());
    expect([error.code, error.status]).toEqual(['auth', 401]);
    expect(error.detail).toBe('Het toegangstoken is verlopen.');
  });

  it('a token without the reporting scope is forbidden (403) on report/time-entries', async () => {
    const error = await failure(client(SANDBOX_TOKENS.noReporting).reportTimeEntries(ORG, {}));
    expect([error.code, error.status]).toEqual(['forbidden', 403]);
    expect(sandbox.requestLog).toHaveLength(1);
  });

  it('rides out a burst of 429s and still ends with correct totals', async () => {
    sandbox.faults.push({
      kind: 'rate_limit',
      count: 3,
      retryAfterSeconds: 2,
      pathIncludes: '/report/time-entries',
    });
    const before = clock.now();
    const entries = await client(SANDBOX_TOKENS.admin).reportTimeEntries(ORG, {});

    expect(totalsOf(entries)).toEqual(expectedTotals());
    expect(sandbox.requestLog.filter((item) => item.status === 429)).toHaveLength(3);
    expect(clock.now() - before).toBeGreaterThanOrEqual(2_000);
  });

  it('recovers from server errors and an HTML gateway page on the way', async () => {
    sandbox.faults.push(
      { kind: 'server_error', pathIncludes: 'page=2' },
      { kind: 'html', pathIncludes: 'page=3' },
    );
    const entries = await client(SANDBOX_TOKENS.admin).reportTimeEntries(ORG, {});
    expect(totalsOf(entries)).toEqual(expectedTotals());
    expect(sandbox.requestLog.filter((item) => item.status >= 500)).toHaveLength(2);
  });

  it('wrong shape and malformed JSON become unexpected_response', async () => {
    const admin = client(SANDBOX_TOKENS.admin);
    sandbox.faults.push({ kind: 'wrong_shape' });
    expect((await failure(admin.me(ORG))).code).toBe('unexpected_response');
    sandbox.faults.push({ kind: 'malformed_json' });
    expect((await failure(admin.me(ORG))).code).toBe('unexpected_response');
  });

  it('our limiter keeps 150 calls under the sandbox’s own 120 a minute: no 429 at all', async () => {
    const admin = client(SANDBOX_TOKENS.admin);
    const before = clock.now();
    await Promise.all(Array.from({ length: 150 }, () => admin.me(ORG)));
    expect(sandbox.requestLog).toHaveLength(150);
    expect(sandbox.requestLog.filter((item) => item.status !== 200)).toEqual([]);
    expect(clock.now() - before).toBeGreaterThanOrEqual(60_000);
  });

  it('with a too-generous limiter the sandbox does answer 429, and the client waits it out', async () => {
    const reckless = client(SANDBOX_TOKENS.admin, { maxPerWindow: 1_000 });
    const results = await Promise.all(Array.from({ length: 150 }, () => reckless.me(ORG)));
    expect(results).toHaveLength(150);
    const limited = sandbox.requestLog.filter((item) => item.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(sandbox.requestLog.filter((item) => item.status === 200)).toHaveLength(150);
  });
});
