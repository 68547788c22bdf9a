import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { UrenbrugError } from '../../shared/errors';
import {
  fetchKeys,
  openUrenbrugDb,
  readFetch,
  replaceReference,
  type UrenbrugDatabase,
} from '../db/database';
import {
  sampleClient,
  sampleOrganisation,
  sampleProject,
  sampleTask,
  sampleUser,
} from '../testing/db-fixtures';
import { entryOn, type FakeClient, createFakeClient as fakeClient } from '../testing/fake-keeping';
import { REFERENCE_MAX_AGE_MS } from './reference-fetch';
import { cachedToday, refreshToday } from './today';

const ORG = 12345;
// 2026-06-11 22:30 UTC is 00:30 on 12 June in Amsterdam (CEST, UTC+2).
const AMSTERDAM_0030 = Date.parse('2026-06-11T22:30:00Z');

let counter = 0;
const dbs: UrenbrugDatabase[] = [];
async function freshDb(): Promise<UrenbrugDatabase> {
  counter += 1;
  const db = await openUrenbrugDb(`today-test-${counter}`);
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('refreshToday', () => {
  it('asks for today in the organisation zone, not UTC, and caches the answer', async () => {
    const db = await freshDb();
    const client = fakeClient();
    const view = await refreshToday({ db, client, organisationId: ORG, now: () => AMSTERDAM_0030 });

    expect(client.timeEntries).toHaveBeenCalledWith(ORG, { date: '2026-06-12' });
    expect(view.date).toBe('2026-06-12');
    expect(view.entries).toEqual([entryOn('2026-06-12')]);
    expect(view.organisation).toEqual(sampleOrganisation());
    expect(view.me).toEqual(sampleUser());
    expect(view.projects).toEqual([sampleProject()]);
    expect(view.tasks).toEqual([sampleTask()]);
    expect(view.clients).toEqual([sampleClient()]);
    expect(view.fetchedAt).toBe(AMSTERDAM_0030);
    expect(view.serverOffsetMs).toBe(1234);

    const cached = await cachedToday({ db, organisationId: ORG, now: () => AMSTERDAM_0030 + 60_000 });
    expect(cached).toEqual(view);
  });

  it('uses the zone of the organisation itself (Auckland is already on the next day)', async () => {
    const db = await freshDb();
    const client = fakeClient([]);
    client.organisations.mockResolvedValue([sampleOrganisation({ timeZone: 'Pacific/Auckland' })]);
    // 2026-06-11 12:30 UTC is 00:30 on 12 June in Auckland (NZST, UTC+12).
    const view = await refreshToday({
      db,
      client,
      organisationId: ORG,
      now: () => Date.parse('2026-06-11T12:30:00Z'),
    });
    expect(view.date).toBe('2026-06-12');
  });

  it('records an unknown server offset as 0', async () => {
    const db = await freshDb();
    const client = fakeClient();
    client.serverOffsetMs.mockReturnValue(null);
    const view = await refreshToday({ db, client, organisationId: ORG, now: () => AMSTERDAM_0030 });
    expect(view.serverOffsetMs).toBe(0);
  });

  it('fetches reference data when missing, reuses it while fresh, refetches it when stale', async () => {
    const db = await freshDb();
    const client = fakeClient();
    let now = AMSTERDAM_0030;
    const deps = { db, client, organisationId: ORG, now: () => now };

    await refreshToday(deps);
    expect(client.projects).toHaveBeenCalledTimes(1);

    now += REFERENCE_MAX_AGE_MS - 1;
    client.projects.mockResolvedValue([sampleProject({ name: 'Nieuw' })]);
    const reused = await refreshToday(deps);
    expect(client.projects).toHaveBeenCalledTimes(1);
    expect(reused.projects[0]?.name).toBe('Jaarrekening 2025');
    // Organisation (its zone) and me come with the reference data: not asked again while fresh.
    expect(client.organisations).toHaveBeenCalledTimes(1);
    expect(client.me).toHaveBeenCalledTimes(1);
    expect(client.timeEntries).toHaveBeenCalledTimes(2);

    now += 2;
    const refreshed = await refreshToday(deps);
    expect(client.organisations).toHaveBeenCalledTimes(2);
    expect(client.me).toHaveBeenCalledTimes(2);
    expect(client.projects).toHaveBeenCalledTimes(2);
    expect(client.tasks).toHaveBeenCalledTimes(2);
    expect(client.clients).toHaveBeenCalledTimes(2);
    expect(refreshed.projects[0]?.name).toBe('Nieuw');
    expect(await readFetch(db, fetchKeys.reference(ORG))).toEqual({ fetchedAt: now });
  });

  it('asks for the organisation and me after a connect that cached them without reference data', async () => {
    const db = await freshDb();
    await replaceReference(db, ORG, { organisation: [sampleOrganisation()], me: [sampleUser()] });
    const client = fakeClient();
    await refreshToday({ db, client, organisationId: ORG, now: () => AMSTERDAM_0030 });
    expect(client.organisations).toHaveBeenCalledTimes(1);
    expect(client.projects).toHaveBeenCalledTimes(1);
  });

  describe('a 401 or 403 on the day while the cached organisation and me are fresh', () => {
    async function fresh() {
      const db = await freshDb();
      const deps = { db, organisationId: ORG, now: () => AMSTERDAM_0030 + 60_000 };
      await refreshToday({ ...deps, client: fakeClient(), now: () => AMSTERDAM_0030 });
      const before = await cachedToday(deps);
      const client = fakeClient([]);
      return { db, deps: { ...deps, client }, client, before };
    }

    it.each([
      ['auth', 401],
      ['forbidden', 403],
    ] as const)('%s: asks again, and says the organisation is gone when it is', async (code, status) => {
      const { deps, client, before } = await fresh();
      client.timeEntries.mockRejectedValue(
        new UrenbrugError(code, `Keeping answered ${status}`, undefined, status),
      );
      client.organisations.mockResolvedValue([sampleOrganisation({ id: 1 })]);
      const attempt = refreshToday(deps);
      await expect(attempt).rejects.toMatchObject({
        code: 'forbidden',
        message: `The token no longer gives access to organisation ${ORG}`,
      });
      expect(client.organisations).toHaveBeenCalledTimes(1);
      expect(await cachedToday(deps)).toEqual(before);
    });

    it('passes the refusal on when the organisation and me still check out', async () => {
      const { deps, client } = await fresh();
      client.timeEntries.mockRejectedValue(
        new UrenbrugError('forbidden', 'Keeping answered 403', undefined, 403),
      );
      await expect(refreshToday(deps)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
      expect(client.organisations).toHaveBeenCalledTimes(1);
      expect(client.me).toHaveBeenCalledTimes(1);
    });

    it('does not ask again for other failures', async () => {
      const { deps, client } = await fresh();
      client.timeEntries.mockRejectedValue(
        new UrenbrugError('server', 'Keeping answered 503', undefined, 503),
      );
      await expect(refreshToday(deps)).rejects.toMatchObject({ code: 'server' });
      expect(client.organisations).not.toHaveBeenCalled();
      expect(client.me).not.toHaveBeenCalled();
    });
  });

  it('refetches reference data whose fetch time lies in the future (clock moved back)', async () => {
    const db = await freshDb();
    const client = fakeClient();
    await refreshToday({ db, client, organisationId: ORG, now: () => AMSTERDAM_0030 });
    await refreshToday({ db, client, organisationId: ORG, now: () => AMSTERDAM_0030 - 60_000 });
    expect(client.projects).toHaveBeenCalledTimes(2);
  });

  it('does not ask for projects, tasks or clients the organisation has switched off', async () => {
    const db = await freshDb();
    const client = fakeClient();
    client.organisations.mockResolvedValue([
      sampleOrganisation({ features: { projects: false, tasks: false, breaks: false } }),
    ]);
    const view = await refreshToday({ db, client, organisationId: ORG, now: () => AMSTERDAM_0030 });
    expect(client.projects).not.toHaveBeenCalled();
    expect(client.tasks).not.toHaveBeenCalled();
    expect(client.clients).not.toHaveBeenCalled();
    expect(view.projects).toEqual([]);
  });

  it('drops entries that are gone from Keeping since the last refresh', async () => {
    const db = await freshDb();
    const deps = { db, organisationId: ORG, now: () => AMSTERDAM_0030 };
    await refreshToday({
      ...deps,
      client: fakeClient([entryOn('2026-06-12', { id: 1 }), entryOn('2026-06-12', { id: 2 })]),
    });
    const view = await refreshToday({ ...deps, client: fakeClient([entryOn('2026-06-12', { id: 2 })]) });
    expect(view.entries.map((entry) => entry.id)).toEqual([2]);
  });

  describe('on failure the cache stays as it was and the error propagates', () => {
    async function seeded() {
      const db = await freshDb();
      await refreshToday({ db, client: fakeClient(), organisationId: ORG, now: () => AMSTERDAM_0030 });
      const before = await cachedToday({ db, organisationId: ORG, now: () => AMSTERDAM_0030 });
      return { db, before };
    }
    const later = AMSTERDAM_0030 + REFERENCE_MAX_AGE_MS + 1;

    it.each([
      [
        'the entries request fails',
        (client: FakeClient) =>
          client.timeEntries.mockRejectedValue(
            new UrenbrugError('server', 'Keeping answered 503', undefined, 503),
          ),
        'server',
      ],
      [
        'a reference request fails',
        (client: FakeClient) =>
          client.tasks.mockRejectedValue(new UrenbrugError('timeout', 'Keeping did not answer')),
        'timeout',
      ],
      [
        'the token is rejected',
        (client: FakeClient) =>
          client.me.mockRejectedValue(new UrenbrugError('auth', 'Keeping answered 401', undefined, 401)),
        'auth',
      ],
      [
        'the organisation is no longer among the token’s',
        (client: FakeClient) => client.organisations.mockResolvedValue([sampleOrganisation({ id: 1 })]),
        'forbidden',
      ],
      [
        'Keeping answers another day',
        (client: FakeClient) =>
          client.timeEntries.mockResolvedValue({ entries: [], date: '2026-06-11', userId: sampleUser().id }),
        'unexpected_response',
      ],
      [
        'Keeping answers another user',
        (client: FakeClient) =>
          client.timeEntries.mockResolvedValue({ entries: [], date: '2026-06-12', userId: 1 }),
        'unexpected_response',
      ],
      [
        'an entry belongs to another day',
        (client: FakeClient) =>
          client.timeEntries.mockResolvedValue({
            entries: [entryOn('2026-06-11', { id: 99 })],
            date: '2026-06-12',
            userId: sampleUser().id,
          }),
        'unexpected_response',
      ],
    ])('when %s', async (_label, breakIt, code) => {
      const { db, before } = await seeded();
      const client = fakeClient([]);
      client.projects.mockResolvedValue([]);
      breakIt(client);
      const attempt = refreshToday({ db, client, organisationId: ORG, now: () => later });
      await expect(attempt).rejects.toBeInstanceOf(UrenbrugError);
      await expect(attempt).rejects.toMatchObject({ code });
      expect(await cachedToday({ db, organisationId: ORG, now: () => AMSTERDAM_0030 })).toEqual(before);
      expect(await readFetch(db, fetchKeys.reference(ORG))).toEqual({ fetchedAt: AMSTERDAM_0030 });
    });
  });
});

describe('cachedToday', () => {
  it('is null when nothing was ever fetched', async () => {
    const db = await freshDb();
    expect(await cachedToday({ db, organisationId: ORG, now: () => AMSTERDAM_0030 })).toBeNull();
  });

  it('is null for another organisation than the one cached', async () => {
    const db = await freshDb();
    await refreshToday({ db, client: fakeClient(), organisationId: ORG, now: () => AMSTERDAM_0030 });
    expect(await cachedToday({ db, organisationId: 1, now: () => AMSTERDAM_0030 })).toBeNull();
  });

  it('after midnight shows the new day as not fetched yet, never yesterday’s entries as today’s', async () => {
    const db = await freshDb();
    await refreshToday({ db, client: fakeClient(), organisationId: ORG, now: () => AMSTERDAM_0030 });
    const nextDay = await cachedToday({ db, organisationId: ORG, now: () => AMSTERDAM_0030 + 24 * 3600_000 });
    expect(nextDay).toMatchObject({ date: '2026-06-13', entries: [], fetchedAt: null, serverOffsetMs: 0 });
    expect(nextDay?.projects).toEqual([sampleProject()]);
  });
});
