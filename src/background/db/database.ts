/**
 * The one IndexedDB database `urenbrug` (docs/architecture.md, Storage and migrations): typed schema,
 * opening, and the writes that must be atomic. Only the background opens it. The schema history lives in
 * db-migrations.ts.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type {
  Client,
  Entry,
  LeftOutEntry,
  Organisation,
  Project,
  Task,
  User,
} from '../../core/keeping-types';
import type { ElsewhereFacts } from '../../core/report/elsewhere-revenue';
import { UrenbrugError } from '../../shared/errors';
import type { StoredInvoice } from '../../shared/invoice-types';
import { DB_VERSION, runMigrations } from './migrations';
import type { MonthTotal, OverviewSnapshot } from './overview-record';
import { dropSnapshotsOverlapping, type RangeSnapshot } from './range-snapshot';
import { isVersionError, openReadOnly } from './read-only';
import type { AuditRecord, MappingRecord, WriteBackItem } from './records';
import { assertDayEntries, assertReferenceRecords, type DayKey } from './validate';

export type { StoredInvoice } from '../../shared/invoice-types';
export type {
  AuditAction,
  AuditActor,
  AuditRecord,
  MappingRecord,
  WriteBackConflict,
  WriteBackItem,
  WriteBackSkip,
  WriteBackSkipReason,
  WriteBackState,
} from './records';
export type { DayKey } from './validate';

/** What each reference kind holds. `me` is the token owner's user in that organisation. */
export interface ReferenceValues {
  organisation: Organisation;
  me: User;
  user: User;
  client: Client;
  project: Project;
  task: Task;
}

export type ReferenceKind = keyof ReferenceValues;

export type ReferenceRecord = {
  [K in ReferenceKind]: { organisationId: number; kind: K; id: number; value: ReferenceValues[K] };
}[ReferenceKind];

/** Reference lists to store; each kind present replaces that kind wholesale, absent kinds stay. */
export type ReferenceData = { [K in ReferenceKind]?: ReferenceValues[K][] };

export interface FetchRecord {
  /** Epoch ms of the successful fetch. */
  fetchedAt: number;
  /** Keeping server time minus local time at that fetch. */
  serverOffsetMs?: number;
  /**
   * Client range fetches: the client's projects at that fetch, so the cached answer finds
   * entries on projects the reference data does not know yet.
   */
  projectIds?: number[];
  /** Entries that read left out because they failed their check (entry-screen.ts). */
  leftOut?: LeftOutEntry[];
  /** Overzicht periods (cache/overview-snapshot.ts): the period's entries, slimmed to columns. */
  overview?: OverviewSnapshot;
  /** Overzicht periods: Keeping's grouped totals per month (cache/overview-totals.ts). */
  monthTotals?: MonthTotal[];
  /** Invoices made elsewhere: Exact's amounts and Keeping's totals (cache/elsewhere-revenue.ts). */
  elsewhere?: ElsewhereFacts;
}

export interface UrenbrugDb extends DBSchema {
  reference: {
    key: [number, ReferenceKind, number];
    value: ReferenceRecord;
    indexes: { 'by-org-kind': [number, ReferenceKind] };
  };
  entries: {
    key: [number, number];
    value: Entry;
    indexes: { 'by-org-date': [number, string]; 'by-org-user-date': [number, number, string] };
  };
  fetches: { key: string; value: FetchRecord };
  // v2
  mappings: { key: string; value: MappingRecord; indexes: { 'by-org-division': [number, number] } };
  invoices: {
    key: string;
    value: StoredInvoice;
    indexes: { 'by-division': number; 'by-entry': number };
  };
  writeback: {
    key: string;
    value: WriteBackItem;
    // v4
    indexes: { 'by-org-state': [number, WriteBackItem['state']]; 'by-invoice': string };
  };
  audit: { key: number; value: AuditRecord; indexes: { 'by-invoice': string } };
  // v5
  rangeSnapshots: { key: string; value: RangeSnapshot };
}

export type UrenbrugDatabase = IDBPDatabase<UrenbrugDb>;

/** Keys of the `fetches` store: what was fetched, for whom, for which day or range. */
export const fetchKeys = {
  today: (organisationId: number, userId: number, date: string): string =>
    `today:${organisationId}:${userId}:${date}`,
  reference: (organisationId: number): string => `reference:${organisationId}`,
  range: (organisationId: number, from: string, to: string): string =>
    `range:${organisationId}:${from}:${to}`,
  /** One Keeping client's entries over a range (the Exact panel). */
  clientRange: (organisationId: number, clientId: number, from: string, to: string): string =>
    `range:${organisationId}:client:${clientId}:${from}:${to}`,
  /** What every clientRange key of that client starts with. */
  clientRanges: (organisationId: number, clientId: number): string =>
    `range:${organisationId}:client:${clientId}:`,
  /** The organisation's users (team scope; on 403 just "me"), fetched apart from projects and tasks. */
  users: (organisationId: number): string => `users:${organisationId}`,
};

export interface OpenOptions {
  /** Called when this connection closes itself: a newer version wants to upgrade, or the browser closed it. */
  onGone?: () => void;
}

/**
 * Opens (creating or upgrading through every migration) the database at the latest version.
 * The connection closes itself when another context needs to upgrade, so it never blocks one.
 */
export async function openUrenbrugDb(
  name = 'urenbrug',
  options: OpenOptions = {},
): Promise<UrenbrugDatabase> {
  try {
    return await openCurrent(name, options);
  } catch (error) {
    // Rolled back: the data is newer than this code. Readable for export, never written.
    if (!isVersionError(error)) throw error;
    return openReadOnly<UrenbrugDb>(name, DB_VERSION, () => options.onGone?.());
  }
}

async function openCurrent(name: string, options: OpenOptions): Promise<UrenbrugDatabase> {
  const db = await openDB<UrenbrugDb>(name, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      runMigrations(
        database as unknown as IDBPDatabase<unknown>,
        oldVersion,
        newVersion ?? DB_VERSION,
        tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>,
      );
    },
    terminated: () => options.onGone?.(),
  });
  db.addEventListener('versionchange', () => {
    db.close();
    options.onGone?.();
  });
  return db;
}

/** A fresh list of one user's entries of one day, and the fetch that produced it. */
export interface DayReplacement {
  day: DayKey;
  entries: readonly Entry[];
  /** Recorded under `today:<org>:<user>:<date>`. */
  fetch: FetchRecord;
}

/** Fresh reference lists of one organisation; each kind present replaces that kind wholesale. */
export interface ReferenceReplacement {
  organisationId: number;
  data: ReferenceData;
  fetch?: { key: string; record: FetchRecord };
}

function toRecords(organisationId: number, data: ReferenceData): ReferenceRecord[] {
  const records: ReferenceRecord[] = [];
  for (const kind of Object.keys(data) as ReferenceKind[]) {
    const values = data[kind] ?? [];
    assertReferenceRecords(organisationId, kind, values);
    if (kind === 'organisation' && values.some((value) => value.id !== organisationId)) {
      throw new UrenbrugError('unexpected_response', `Organisation record is not ${organisationId}`);
    }
    if (kind === 'me' && values.length > 1) {
      throw new UrenbrugError('unexpected_response', 'More than one "me" user');
    }
    for (const value of values)
      records.push({ organisationId, kind, id: value.id, value } as ReferenceRecord);
  }
  return records;
}

/**
 * Replaces reference data and/or one day's entries in ONE transaction: cached records that the
 * fresh lists no longer name are deleted (per reference kind given; per organisation, user and
 * day for entries), the fresh ones written, the fetches recorded. Everything is validated before
 * the transaction starts; on any failure nothing changes.
 */
export async function replaceCached(
  db: UrenbrugDatabase,
  change: { reference?: ReferenceReplacement; day?: DayReplacement },
): Promise<void> {
  const { reference, day } = change;
  const records = reference ? toRecords(reference.organisationId, reference.data) : [];
  if (day) assertDayEntries(day.day, day.entries);

  const tx = db.transaction(['reference', 'entries', 'fetches', 'rangeSnapshots'], 'readwrite');
  const referenceStore = tx.objectStore('reference');
  const entryStore = tx.objectStore('entries');
  const fetchStore = tx.objectStore('fetches');
  // All reads first, then all writes, so no request is left unobserved across an await.
  const kinds = reference ? (Object.keys(reference.data) as ReferenceKind[]) : [];
  const [cachedReference, cachedEntries] = await Promise.all([
    Promise.all(
      kinds.map((kind) => referenceStore.index('by-org-kind').getAllKeys([reference!.organisationId, kind])),
    ),
    day
      ? entryStore
          .index('by-org-user-date')
          .getAllKeys([day.day.organisationId, day.day.userId, day.day.date])
      : [],
    // A packed range that holds this day would no longer match the entries (db/range-snapshot.ts).
    day
      ? dropSnapshotsOverlapping(
          tx.objectStore('rangeSnapshots'),
          day.day.organisationId,
          day.day.date,
          day.day.date,
        )
      : null,
  ]);

  const writes: Promise<unknown>[] = [];
  const freshRecords = new Set(records.map((record) => `${record.kind}:${record.id}`));
  for (const key of cachedReference.flat()) {
    if (!freshRecords.has(`${key[1]}:${key[2]}`)) writes.push(referenceStore.delete(key));
  }
  for (const record of records) writes.push(referenceStore.put(record));
  if (reference?.fetch) writes.push(fetchStore.put(reference.fetch.record, reference.fetch.key));

  if (day) {
    const freshEntries = new Set(day.entries.map((entry) => entry.id));
    for (const key of cachedEntries) if (!freshEntries.has(key[1])) writes.push(entryStore.delete(key));
    for (const entry of day.entries) writes.push(entryStore.put(entry));
    const { organisationId, userId, date } = day.day;
    writes.push(fetchStore.put(day.fetch, fetchKeys.today(organisationId, userId, date)));
  }
  await Promise.all([...writes, tx.done]);
}

/** replaceCached for one user's day alone. */
export function replaceDayEntries(
  db: UrenbrugDatabase,
  day: DayKey,
  entries: readonly Entry[],
  fetch: FetchRecord,
): Promise<void> {
  return replaceCached(db, { day: { day, entries, fetch } });
}

/** replaceCached for an organisation's reference data alone. */
export function replaceReference(
  db: UrenbrugDatabase,
  organisationId: number,
  data: ReferenceData,
  fetch?: { key: string; record: FetchRecord },
): Promise<void> {
  return replaceCached(db, { reference: { organisationId, data, fetch } });
}

/** One user's cached entries of one day, in id order. */
export function readDayEntries(db: UrenbrugDatabase, day: DayKey): Promise<Entry[]> {
  return db.getAllFromIndex('entries', 'by-org-user-date', [day.organisationId, day.userId, day.date]);
}

/** Every cached entry of an organisation on one day, all users. */
export function readEntriesOfDate(
  db: UrenbrugDatabase,
  organisationId: number,
  date: string,
): Promise<Entry[]> {
  return db.getAllFromIndex('entries', 'by-org-date', [organisationId, date]);
}

/** The cached reference records of one kind for an organisation, in id order. */
export async function readReference<K extends ReferenceKind>(
  db: UrenbrugDatabase,
  organisationId: number,
  kind: K,
): Promise<ReferenceValues[K][]> {
  const records = await db.getAllFromIndex('reference', 'by-org-kind', [organisationId, kind]);
  return records.map((record) => record.value as ReferenceValues[K]);
}

/** When `key` was last fetched, or undefined if never. */
export function readFetch(db: UrenbrugDatabase, key: string): Promise<FetchRecord | undefined> {
  return db.get('fetches', key);
}

/** Empties every store in one transaction. Covers stores added by later versions too. */
export async function wipeAll(db: UrenbrugDatabase): Promise<void> {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readwrite');
  await Promise.all([...names.map((name) => tx.objectStore(name).clear()), tx.done]);
}

/** What was copied from Keeping: refetched at will, and not to outlive the connection. */
export const CACHE_STORES = ['reference', 'entries', 'fetches', 'rangeSnapshots'] as const;

/**
 * Disconnect, or another account: empties the Keeping cache only. The bookkeeper's own work
 * (mappings, invoice records, the write-back queue) and the audit log stay, because they cannot
 * be fetched again; they go only when another organisation is connected (keepOnlyOrganisation).
 */
export async function wipeCache(db: UrenbrugDatabase): Promise<void> {
  const tx = db.transaction(CACHE_STORES, 'readwrite');
  await Promise.all([...CACHE_STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
}

/** Work of organisations other than `organisationId`: invoice records and marks not yet settled. */
export interface OtherOrganisationWork {
  organisationId: number;
  invoices: number;
  marks: number;
}

/** What keepOnlyOrganisation would drop, so the bookkeeper is asked first; null when nothing. */
export async function otherOrganisationWork(
  db: UrenbrugDatabase,
  organisationId: number,
): Promise<OtherOrganisationWork | null> {
  const tx = db.transaction(['invoices', 'writeback']);
  const [invoices, marks] = await Promise.all([
    tx.objectStore('invoices').getAll(),
    tx.objectStore('writeback').getAll(),
    tx.done,
  ]);
  const otherInvoices = invoices.filter((record) => record.organisationId !== organisationId);
  // Every mark still in the queue (a verified one has left it) needs this install to settle it.
  const otherMarks = marks.filter((item) => item.organisationId !== organisationId);
  const first = otherInvoices[0] ?? otherMarks[0];
  if (!first) return null;
  return { organisationId: first.organisationId, invoices: otherInvoices.length, marks: otherMarks.length };
}

/**
 * A connection to `organisationId` was made: mappings, invoice records and queued write-backs of
 * any other organisation are dropped, since their Keeping ids mean nothing there. The audit log
 * is append-only and stays; each record names its organisation.
 */
export async function keepOnlyOrganisation(db: UrenbrugDatabase, organisationId: number): Promise<void> {
  const tx = db.transaction(['mappings', 'invoices', 'writeback'], 'readwrite');
  const stores = [tx.objectStore('mappings'), tx.objectStore('invoices'), tx.objectStore('writeback')];
  const deletes: Promise<unknown>[] = [];
  for (const store of stores) {
    let cursor = await store.openCursor();
    while (cursor) {
      if (cursor.value.organisationId !== organisationId) deletes.push(cursor.delete());
      cursor = await cursor.continue();
    }
  }
  await Promise.all([...deletes, tx.done]);
}
