import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UrenbrugError } from '../../shared/errors';
import {
  sampleClient,
  sampleEntry,
  sampleOrganisation,
  sampleProject,
  sampleTask,
  sampleUser,
} from '../testing/db-fixtures';
import {
  fetchKeys,
  keepOnlyOrganisation,
  openUrenbrugDb,
  readDayEntries,
  readEntriesOfDate,
  readFetch,
  readReference,
  replaceCached,
  replaceDayEntries,
  replaceReference,
  type StoredInvoice,
  type UrenbrugDatabase,
  type WriteBackItem,
  wipeAll,
  wipeCache,
} from './database';
import { DB_VERSION, MIGRATIONS, openAtVersion, runMigrations } from './migrations';

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
      // The stores of later versions exist, empty, and take records.
      for (const name of ['mappings', 'invoices', 'writeback', 'audit'] as const) {
        expect(await db.count(name)).toBe(0);
      }
      await db.put('invoices', sampleInvoice());
      expect(await db.getAllFromIndex('invoices', 'by-entry', 2)).toHaveLength(1);
    },
  },
  2: {
    async seed(db) {
      await db.put('entries', sampleEntry());
      await db.put('mappings', {
        key: 'client:12345:7:1001',
        kind: 'client',
        organisationId: 12345,
        division: 7,
        value: {
          division: 7,
          exactCustomerCode: '1001',
          exactCustomerName: 'Bakkerij',
          keepingClientId: 123456,
        },
      });
      await db.put('mappings', {
        key: 'lineDefaults:12345',
        kind: 'lineDefaults',
        organisationId: 12345,
        value: { defaultRateCents: 12000, defaultItemCode: 'ADVIES', rules: {} },
      });
      await db.put('invoices', invoiceBeforeV3());
      await db.put(
        'invoices',
        invoiceBeforeV3({
          key: '7:draft:def',
          draftKey: 'def',
          selection: selectionOf(123456),
          linkedEntryIds: [],
          associatedEntryIds: [],
        }),
      );
      await db.put('writeback', sampleWriteBack());
      await db.add('audit', {
        at: 5,
        organisationId: 12345,
        invoiceKey: '7:draft:abc',
        invoiceNumber: null,
        action: 'link',
        entryIds: [1],
        detail: null,
      });
    },
    async verify(db) {
      expect(await readDayEntries(db, day)).toEqual([sampleEntry()]);
      expect(await db.getAllFromIndex('mappings', 'by-org-division', [12345, 7])).toHaveLength(1);
      expect((await db.get('mappings', 'lineDefaults:12345'))?.kind).toBe('lineDefaults');
      expect(await db.get('invoices', '7:draft:abc')).toEqual(sampleInvoice());
      // v3 took the Keeping client from the stored selection and started the revision at 0.
      expect(await db.get('invoices', '7:draft:def')).toEqual(
        sampleInvoice({
          key: '7:draft:def',
          draftKey: 'def',
          selection: selectionOf(123456),
          linkedEntryIds: [],
          associatedEntryIds: [],
          keepingClientId: 123456,
        }),
      );
      expect((await db.getAllFromIndex('invoices', 'by-entry', 3)).map((record) => record.key)).toEqual([
        '7:draft:abc',
      ]);
      expect(await db.get('writeback', sampleWriteBack().key)).toEqual(sampleWriteBack());
      expect((await db.getAllFromIndex('audit', 'by-invoice', '7:draft:abc'))[0]).toMatchObject({
        seq: 1,
        action: 'link',
      });
    },
  },
  3: {
    // A v3 queue with wishes in every state, two organisations, and one record without a state:
    // v4 indexes them by organisation and state, and by invoice.
    async seed(db) {
      await db.put('invoices', sampleInvoice({ revision: 4, keepingClientId: 123456 }));
      const states = ['pending', 'verify', 'conflict', 'skipped', 'failed'] as const;
      for (const [index, state] of states.entries()) {
        await db.put(
          'writeback',
          sampleWriteBack({ key: `12345:${10 + index}:eb0b`, entryId: 10 + index, state }),
        );
      }
      await db.put('writeback', sampleWriteBack({ key: '999:20:eb0b', organisationId: 999, entryId: 20 }));
      const { state: _state, ...stateless } = sampleWriteBack({ key: '12345:30:eb0b', entryId: 30 });
      await db.put('writeback', stateless);
      await db.put(
        'writeback',
        sampleWriteBack({ key: '12345:31:eb0b', entryId: 31, invoiceKey: '7:inv:x' }),
      );
    },
    async verify(db) {
      expect(await db.get('invoices', '7:draft:abc')).toEqual(
        sampleInvoice({ revision: 4, keepingClientId: 123456 }),
      );
      expect(await db.count('writeback')).toBe(8);
      const pending = await db.getAllFromIndex('writeback', 'by-org-state', [12345, 'pending']);
      // The stateless record became pending, so the queue runs it again.
      expect(pending.map((item) => item.entryId).sort((a, b) => a - b)).toEqual([10, 30, 31]);
      expect(await db.get('writeback', '12345:30:eb0b')).toEqual(
        sampleWriteBack({ key: '12345:30:eb0b', entryId: 30, state: 'pending' }),
      );
      for (const state of ['verify', 'conflict', 'skipped', 'failed'] as const) {
        expect(await db.countFromIndex('writeback', 'by-org-state', [12345, state]), state).toBe(1);
      }
      expect(await db.countFromIndex('writeback', 'by-org-state', [999, 'pending'])).toBe(1);
      expect(
        (await db.getAllFromIndex('writeback', 'by-invoice', '7:inv:x')).map((item) => item.entryId),
      ).toEqual([31]);
    },
  },
  4: {
    async seed(db) {
      await db.put('writeback', sampleWriteBack({ state: 'verify' }));
    },
    async verify(db) {
      expect(await db.getAllFromIndex('writeback', 'by-org-state', [12345, 'verify'])).toEqual([
        sampleWriteBack({ state: 'verify' }),
      ]);
    },
  },
  5: {
    async seed(db) {
      await db.put('entries', sampleEntry());
    },
    async verify(db) {
      // The packed copies start empty; the entries stay.
      expect(await db.count('rangeSnapshots')).toBe(0);
      expect(await db.getAll('entries')).toEqual([sampleEntry()]);
    },
  },
};

function sampleInvoice(overrides: Partial<StoredInvoice> = {}): StoredInvoice {
  return {
    key: '7:draft:abc',
    division: 7,
    invoiceId: null,
    draftKey: 'abc',
    invoiceNumber: null,
    selection: null,
    lines: [],
    linkedEntryIds: [2, 3],
    updatedAt: 10,
    organisationId: 12345,
    associatedEntryIds: [2, 3],
    markedEntryIds: [],
    keepingClientId: null,
    revision: 0,
    ...overrides,
  };
}

function selectionOf(keepingClientId: number): StoredInvoice['selection'] {
  return {
    keepingClientId,
    period: { preset: 'last_month' },
    hours: 'direct',
    projectIds: null,
    userIds: null,
    includeBilled: false,
    excludedEntryIds: [],
    confirmedBilledEntryIds: [],
    grouping: 'project',
    rounding: { unit: 15, mode: 'up', scope: 'line' },
    template: '{project}',
  };
}

/** An invoice record as versions before 3 stored it: no revision, no Keeping client. */
function invoiceBeforeV3(
  overrides: Partial<StoredInvoice> = {},
): Omit<StoredInvoice, 'revision' | 'keepingClientId'> {
  const { revision: _revision, keepingClientId: _client, ...record } = sampleInvoice(overrides);
  return record;
}

function sampleWriteBack(overrides: Partial<WriteBackItem> = {}): WriteBackItem {
  return {
    key: '12345:2:eb0b0e0000000000000000',
    revision: 1,
    organisationId: 12345,
    entryId: 2,
    userId: 55458,
    date: '2026-05-29',
    op: 'add',
    invoiceKey: '7:draft:abc',
    reference: { id: 'eb0b0e0000000000000000', type: 'generic_work_reference', name: 'Factuur 1', url: null },
    enqueuedAt: 1,
    attempts: 0,
    lastAttemptAt: null,
    lastError: null,
    state: 'pending',
    ...overrides,
  };
}

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

  it('creates the stores and indexes', async () => {
    const db = await freshDb();
    expect([...db.objectStoreNames].sort()).toEqual([
      'audit',
      'entries',
      'fetches',
      'invoices',
      'mappings',
      'rangeSnapshots',
      'reference',
      'writeback',
    ]);
    const tx = db.transaction(['entries', 'reference', 'mappings', 'invoices', 'audit', 'writeback']);
    expect([...tx.objectStore('writeback').indexNames].sort()).toEqual(['by-invoice', 'by-org-state']);
    expect([...tx.objectStore('entries').indexNames].sort()).toEqual(['by-org-date', 'by-org-user-date']);
    expect([...tx.objectStore('reference').indexNames]).toEqual(['by-org-kind']);
    expect([...tx.objectStore('mappings').indexNames]).toEqual(['by-org-division']);
    expect([...tx.objectStore('invoices').indexNames].sort()).toEqual(['by-division', 'by-entry']);
    expect([...tx.objectStore('audit').indexNames]).toEqual(['by-invoice']);
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

describe('wipeCache and keepOnlyOrganisation', () => {
  it("wipeCache empties the Keeping cache and keeps the bookkeeper's work and the audit log", async () => {
    const db = await freshDb();
    await versionFixtures[2]!.seed(db as unknown as IDBPDatabase<unknown>);
    await replaceReference(
      db,
      12345,
      { project: [sampleProject()] },
      {
        key: fetchKeys.reference(12345),
        record: { fetchedAt: 1 },
      },
    );
    await wipeCache(db);
    for (const name of ['reference', 'entries', 'fetches'] as const) expect(await db.count(name)).toBe(0);
    expect(await db.count('mappings')).toBe(2);
    expect(await db.count('invoices')).toBe(2);
    expect(await db.count('writeback')).toBe(1);
    expect(await db.count('audit')).toBe(1);
  });

  it('keepOnlyOrganisation drops work of other organisations only, and keeps the audit log', async () => {
    const db = await freshDb();
    await db.put('invoices', sampleInvoice());
    await db.put('invoices', sampleInvoice({ key: '7:draft:other', organisationId: 999 }));
    await db.put('writeback', sampleWriteBack());
    await db.put('writeback', sampleWriteBack({ key: 'x', organisationId: 999 }));
    await db.put('mappings', {
      key: 'lineDefaults:999',
      kind: 'lineDefaults',
      organisationId: 999,
      value: { defaultRateCents: 1, defaultItemCode: 'X', rules: {} },
    });
    await db.add('audit', {
      at: 1,
      organisationId: 999,
      invoiceKey: '7:draft:other',
      invoiceNumber: null,
      action: 'link',
      entryIds: [1],
      detail: null,
    });
    await keepOnlyOrganisation(db, 12345);
    expect((await db.getAll('invoices')).map((record) => record.key)).toEqual(['7:draft:abc']);
    expect((await db.getAll('writeback')).map((item) => item.organisationId)).toEqual([12345]);
    expect(await db.count('mappings')).toBe(0);
    expect(await db.count('audit')).toBe(1);
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
