/**
 * The popup's refresh against the fake Keeping server, counted by the sandbox's own request log:
 * the organisation and "me" are asked with the reference data, not on every open.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID as ORG,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from '../../../sandbox/keeping/server';
import { openUrenbrugDb, type UrenbrugDatabase } from '../db/database';
import { createKeepingClient } from '../keeping/client';
import { createLimiter } from '../keeping/limiter';
import { createInstantClock, type InstantClock } from '../testing/fake-clock';
import { REFERENCE_MAX_AGE_MS } from './reference-fetch';
import { refreshToday } from './today';

const START = Date.parse('2026-11-27T14:20:00+01:00');
let clock: InstantClock = createInstantClock(START);
let sandbox: KeepingSandbox;
let db: UrenbrugDatabase;
let counter = 0;

beforeAll(async () => {
  sandbox = await startKeepingSandbox({ now: () => clock.now() });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  clock = createInstantClock(START);
  sandbox.reset();
  counter += 1;
  db = await openUrenbrugDb(`today-sandbox-${counter}`);
});
afterEach(() => db.close());

function refresh(token: string = SANDBOX_TOKENS.member) {
  const client = createKeepingClient({
    token,
    baseUrl: `${sandbox.url}/v1`,
    language: 'nl',
    limiter: createLimiter({ now: clock.now, sleep: clock.sleep }),
    now: clock.now,
    sleep: clock.sleep,
  });
  return refreshToday({ db, client, organisationId: ORG, now: clock.now });
}

/** How many requests went to each endpoint, by path without query or organisation id. */
function counts(): Record<string, number> {
  const result: Record<string, number> = {};
  for (const item of sandbox.requestLog) {
    const path = (item.path.split('?')[0] ?? '').replace(/^\/v1/, '').replace(/^\/\d+/, '');
    result[path] = (result[path] ?? 0) + 1;
  }
  return result;
}

describe('refreshToday against the sandbox', () => {
  it('asks for the organisation and me once, then only for the day, until the reference is stale', async () => {
    await refresh();
    expect(counts()).toMatchObject({ '/organisations': 1, '/users/me': 1, '/time-entries': 1 });
    const referencePages = counts()['/projects'];
    expect(referencePages).toBeGreaterThan(0);

    for (let open = 0; open < 3; open += 1) {
      await clock.sleep(60_000);
      await refresh();
    }
    expect(counts()).toMatchObject({ '/organisations': 1, '/users/me': 1, '/time-entries': 4 });
    expect(counts()['/projects']).toBe(referencePages);

    await clock.sleep(REFERENCE_MAX_AGE_MS);
    await refresh();
    expect(counts()).toMatchObject({ '/organisations': 2, '/users/me': 2, '/time-entries': 5 });
  });

  it('a 401 on the day is passed on without a wasted organisation request', async () => {
    await refresh();
    const before = counts();
    // The re-check after the refusal is answered by the client's memory of the 401 (http.ts),
    // not by Keeping: the bookkeeper sees "reconnect", and Keeping sees one refused request.
    await expect(refresh(`${SANDBOX_TOKENS.member}x`)).rejects.toMatchObject({ code: 'auth' });
    expect(counts()['/organisations']).toBe(before['/organisations']);
    expect(counts()['/time-entries']).toBe((before['/time-entries'] ?? 0) + 1);
  });
});
