import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fetchKeys,
  openUrenbrugDb,
  readDayEntries,
  readEntriesOfDate,
  readFetch,
  readReference,
  replaceCached,
  replaceDayEntries,
  replaceReference,
  type UrenbrugDatabase,
  wipeAll,
} from './db';
import { DB_VERSION, MIGRATIONS, openAtVersion, runMigrations } from './db-migrations';
import {
  sampleClient,
  sampleEntry,
  sampleOrganisation,
  sampleProject,
  sampleTask,
  sampleUser,
} from './db-test-fixtures';
import { UrenbrugError } from './errors';

let counter = 0;
const open: { close(): void }[] = [];
function freshName(): string {
  counter += 1;
  return `urenbrug-test-${counter}`;
}
async function freshDb(): Promise<UrenbrugDatabase> {
  const db = await openUrenbrugDb(freshName());
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const day = { organisationId: 12345, userId: 55458, date: '2026-05-29' };

/**
 * One fixture per historical version: seed writes data the way that version stored it (raw, as the
 * schema was then), verify reads it back through today's API after the upgrade to DB_VERSION.
 * A new migration must add its own entry here; the completeness test below enforces that.
 */
const versionFixtures: Record<
  number,
  { seed(db: IDBPDatabase<unknown>): Promise<void>; verify(db: UrenbrugDatabase): Promise<void> }
> = {
  1: {
    async seed(db) {
      await db.put('entries', sampleEntry());
      await db.put('entries', sampleEntry({ id: 2, userId: 7, date: '2026-05-29' }));
      await db.put('reference', {
        organisationId: 12345,
        kind: 'project',
        id: 573243,
        value: sampleProject(),
      });
      await db.put('reference', {
        organisationId: 12345,
        kind: 'organisation',
        id: 12345,
        value: sampleOrganisation(),
      });
      await db.put(
        'fetches',
        { fetchedAt: 1000, serverOffsetMs: -40 },
        fetchKeys.today(12345, 55458, '2026-05-29'),
      );
    },
    async verify(db) {
      expect(await readDayEntries(db, day)).toEqual([sampleEntry()]);
      expect(await readEntriesOfDate(db, 12345, '2026-05-29')).toHaveLength(2);
      expect(await readReference(db, 12345, 'project')).toEqual([sampleProject()]);
      expect(await readReference(db, 12345, 'organisation')).toEqual([sampleOrganisation()]);
      expect(await readFetch(db, fetchKeys.today(12345, 55458, '2026-05-29'))).toEqual({
        fetchedAt: 1000,
        serverOffsetMs: -40,
      });
    },
  },
};

const historicalVersions = Array.from({ length: DB_VERSION }, (_, index) => index + 1);

describe('migrations', () => {
  it('has an upgrade fixture for every version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    for (const version of historicalVersions) expect(versionFixtures[version], `v${version}`).toBeDefined();
  });

  it.each(historicalVersions)(
    'opens v%i with data, closes, reopens at the latest version intact',
    async (v) => {
      const name = freshName();
      const fixture = versionFixtures[v]!;
      const old = await openAtVersion(name, v);
      expect(old.version).toBe(v);
      await fixture.seed(old);
      old.close();

      const db = await openUrenbrugDb(name);
      open.push(db);
      expect(db.version).toBe(DB_VERSION);
      await fixture.verify(db);
    },
  );

  it('creates the v1 stores and indexes', async () => {
    const db = await freshDb();
    expect([...db.objectStoreNames].sort()).toEqual(['entries', 'fetches', 'reference']);
    const tx = db.transaction(['entries', 'reference']);
    expect([...tx.objectStore('entries').indexNames].sort()).toEqual(['by-org-date', 'by-org-user-date']);
    expect([...tx.objectStore('reference').indexNames]).toEqual(['by-org-kind']);
  });

  it('refuses to migrate to a version it has no migration for', () => {
    const fake = {} as Parameters<typeof runMigrations>[0];
    const tx = {} as Parameters<typeof runMigrations>[3];
    expect(() => runMigrations(fake, DB_VERSION, DB_VERSION + 1, tx)).toThrow(/No migration/);
  });

  it('closes itself and reports when another context deletes or upgrades the database', async () => {
    const name = freshName();
    const onGone = vi.fn();
    await openUrenbrugDb(name, { onGone });
    // deleteDB would stay blocked forever if the open connection did not close itself.
    await deleteDB(name);
    expect(onGone).toHaveBeenCalledOnce();
  });
});

describe('replaceDayEntries', () => {
  it('puts fresh entries, deletes stale ones of that user and day only, records the fetch', async () => {
    const db = await freshDb();
    await replaceDayEntries(db, day, [sampleEntry({ id: 1 }), sampleEntry({ id: 2 })], { fetchedAt: 1 });
    // Another user's entry and the same user's other day must survive.
    await replaceDayEntries(db, { ...day, userId: 7 }, [sampleEntry({ id: 3, userId: 7 })], { fetchedAt: 1 });
    const otherDay = { ...day, date: '2026-05-28' };
    await replaceDayEntries(db, otherDay, [sampleEntry({ id: 4, date: '2026-05-28' })], { fetchedAt: 1 });

    await replaceDayEntries(db, day, [sampleEntry({ id: 2, minutes: 60 }), sampleEntry({ id: 5 })], {
      fetchedAt: 2,
      serverOffsetMs: 150,
    });

    expect((await readDayEntries(db, day)).map((entry) => [entry.id, entry.minutes])).toEqual([
      [2, 60],
      [5, 49],
    ]);
    expect((await readDayEntries(db, { ...day, userId: 7 })).map((entry) => entry.id)).toEqual([3]);
    expect((await readDayEntries(db, otherDay)).map((entry) => entry.id)).toEqual([4]);
    expect(await readFetch(db, fetchKeys.today(12345, 55458, '2026-05-29'))).toEqual({
      fetchedAt: 2,
      serverOffsetMs: 150,
    });
  });

  it('an empty fresh list empties the day', async () => {
    const db = await freshDb();
    await replaceDayEntries(db, day, [sampleEntry({ id: 1 })], { fetchedAt: 1 });
    await replaceDayEntries(db, day, [], { fetchedAt: 2 });
    expect(await readDayEntries(db, day)).toEqual([]);
    expect((await readFetch(db, fetchKeys.today(12345, 55458, '2026-05-29')))?.fetchedAt).toBe(2);
  });

  it.each([
    ['an entry of another day', [sampleEntry({ date: '2026-05-30' })]],
    ['an entry of another user', [sampleEntry({ userId: 9 })]],
    ['an entry of another organisation', [sampleEntry({ organisationId: 1 })]],
    ['a duplicate id', [sampleEntry(), sampleEntry()]],
    ['a non-integer id', [sampleEntry({ id: 1.5 })]],
    ['negative minutes', [sampleEntry({ minutes: -1 })]],
    ['fractional minutes', [sampleEntry({ minutes: 1.5 })]],
  ])('refuses %s and leaves the cache as it was', async (_label, entries) => {
    const db = await freshDb();
    await replaceDayEntries(db, day, [sampleEntry({ id: 1 })], { fetchedAt: 1 });
    const attempt = replaceDayEntries(db, day, entries, { fetchedAt: 2 });
    await expect(attempt).rejects.toBeInstanceOf(UrenbrugError);
    await expect(attempt).rejects.toMatchObject({ code: 'unexpected_response' });
    expect((await readDayEntries(db, day)).map((entry) => entry.id)).toEqual([1]);
    expect((await readFetch(db, fetchKeys.today(12345, 55458, '2026-05-29')))?.fetchedAt).toBe(1);
  });

  it('refuses a malformed day key', async () => {
    const db = await freshDb();
    await expect(
      replaceDayEntries(db, { ...day, date: '29-05-2026' }, [], { fetchedAt: 1 }),
    ).rejects.toMatchObject({
      code: 'unexpected_response',
    });
    await expect(replaceDayEntries(db, { ...day, userId: 0 }, [], { fetchedAt: 1 })).rejects.toMatchObject({
      code: 'unexpected_response',
    });
  });
});

describe('replaceReference', () => {
  it('replaces only the kinds given, per organisation, and records the fetch', async () => {
    const db = await freshDb();
    await replaceReference(db, 12345, {
      project: [sampleProject({ id: 1 }), sampleProject({ id: 2 })],
      task: [sampleTask()],
      client: [sampleClient()],
    });
    await replaceReference(db, 999, { project: [sampleProject({ id: 1, organisationId: 999 })] });

    await replaceReference(
      db,
      12345,
      { project: [sampleProject({ id: 2, name: 'Nieuw' }), sampleProject({ id: 3 })], client: [] },
      { key: fetchKeys.reference(12345), record: { fetchedAt: 5 } },
    );

    expect((await readReference(db, 12345, 'project')).map((p) => [p.id, p.name])).toEqual([
      [2, 'Nieuw'],
      [3, 'Jaarrekening 2025'],
    ]);
    expect(await readReference(db, 12345, 'task')).toEqual([sampleTask()]);
    expect(await readReference(db, 12345, 'client')).toEqual([]);
    expect((await readReference(db, 999, 'project')).map((p) => p.id)).toEqual([1]);
    expect(await readFetch(db, fetchKeys.reference(12345))).toEqual({ fetchedAt: 5 });
  });

  it('keeps the organisation and its "me" user apart from other kinds', async () => {
    const db = await freshDb();
    await replaceReference(db, 12345, { organisation: [sampleOrganisation()], me: [sampleUser()] });
    await replaceReference(db, 12345, { user: [sampleUser({ id: 2 })] });
    expect(await readReference(db, 12345, 'me')).toEqual([sampleUser()]);
    expect(await readReference(db, 12345, 'organisation')).toEqual([sampleOrganisation()]);
    expect((await readReference(db, 12345, 'user')).map((u) => u.id)).toEqual([2]);
  });

  it.each([
    ['a project of another organisation', { project: [sampleProject({ organisationId: 1 })] }],
    ['a duplicate task', { task: [sampleTask(), sampleTask()] }],
    ['a zero client id', { client: [sampleClient({ id: 0 })] }],
    ['another organisation record', { organisation: [sampleOrganisation({ id: 1 })] }],
    ['two "me" users', { me: [sampleUser(), sampleUser({ id: 2 })] }],
  ])('refuses %s and leaves everything as it was', async (_label, data) => {
    const db = await freshDb();
    await replaceReference(db, 12345, { project: [sampleProject()], task: [sampleTask()] });
    await expect(
      replaceReference(
        db,
        12345,
        { project: [], ...data },
        { key: fetchKeys.reference(12345), record: { fetchedAt: 9 } },
      ),
    ).rejects.toMatchObject({ code: 'unexpected_response' });
    expect(await readReference(db, 12345, 'project')).toEqual([sampleProject()]);
    expect(await readReference(db, 12345, 'task')).toEqual([sampleTask()]);
    expect(await readFetch(db, fetchKeys.reference(12345))).toBeUndefined();
  });
});

describe('replaceCached', () => {
  it('writes reference data and a day together, or neither when one of them is invalid', async () => {
    const db = await freshDb();
    const reference = {
      organisationId: 12345,
      data: { project: [sampleProject({ name: 'Nieuw' })] },
      fetch: { key: fetchKeys.reference(12345), record: { fetchedAt: 2 } },
    };
    await replaceReference(db, 12345, { project: [sampleProject()] });
    await expect(
      replaceCached(db, {
        reference,
        day: { day, entries: [sampleEntry({ userId: 1 })], fetch: { fetchedAt: 2 } },
      }),
    ).rejects.toMatchObject({ code: 'unexpected_response' });
    expect(await readReference(db, 12345, 'project')).toEqual([sampleProject()]);
    expect(await readFetch(db, fetchKeys.reference(12345))).toBeUndefined();

    await replaceCached(db, { reference, day: { day, entries: [sampleEntry()], fetch: { fetchedAt: 2 } } });
    expect((await readReference(db, 12345, 'project'))[0]?.name).toBe('Nieuw');
    expect(await readDayEntries(db, day)).toEqual([sampleEntry()]);
  });
});

describe('wipeAll', () => {
  it('empties every store', async () => {
    const db = await freshDb();
    await replaceDayEntries(db, day, [sampleEntry()], { fetchedAt: 1 });
    await replaceReference(
      db,
      12345,
      { project: [sampleProject()] },
      {
        key: fetchKeys.reference(12345),
        record: { fetchedAt: 1 },
      },
    );
    await wipeAll(db);
    for (const name of db.objectStoreNames) expect(await db.count(name)).toBe(0);
  });
});
