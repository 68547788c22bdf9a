/**
 * Entries of one Keeping client over a date range (the Exact panel's question), cached in the
 * `entries` store beside the popup's days. A fresh fetch replaces exactly the part of the cache it
 * covers — that organisation, those dates, those projects, and only the user it was limited to —
 * in one transaction, after the fresh list has been checked.
 */
import type { Entry } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import type { FetchRecord, UrenbrugDatabase } from './database';
import {
  dropSnapshotsOverlapping,
  entriesOfSnapshot,
  type SnapshotBasis,
  snapshotOf,
} from './range-snapshot';
import { assertDay } from './validate';

/** What one range fetch covered. */
export interface RangeScope {
  organisationId: number;
  /** Y-m-d, inclusive. */
  from: string;
  to: string;
  /** The client's projects: cached entries on these (and no others) are replaced. */
  projectIds: readonly number[];
  /** Set when the fetch was limited to one user (a team member sees only their own entries). */
  userId?: number;
}

function fail(message: string): never {
  throw new UrenbrugError('unexpected_response', message);
}

function inScope(entry: Entry, scope: RangeScope, projects: ReadonlySet<number>): boolean {
  return (
    entry.projectId !== null &&
    projects.has(entry.projectId) &&
    (scope.userId === undefined || entry.userId === scope.userId)
  );
}

/** Throws unless every entry is well formed and lies inside the scope it was fetched for. */
export function assertRangeEntries(scope: RangeScope, entries: readonly Entry[]): void {
  assertDay(scope.from);
  assertDay(scope.to);
  if (scope.from > scope.to) fail(`Range ${scope.from}..${scope.to} is reversed`);
  const projects = new Set(scope.projectIds);
  const seen = new Set<number>();
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.id) || entry.id <= 0) fail(`Invalid time entry id: ${entry.id}`);
    if (seen.has(entry.id)) fail(`Time entry ${entry.id} appears twice`);
    seen.add(entry.id);
    if (entry.organisationId !== scope.organisationId) {
      fail(`Time entry ${entry.id} belongs to organisation ${entry.organisationId}`);
    }
    if (entry.date < scope.from || entry.date > scope.to) {
      fail(`Time entry ${entry.id} on ${entry.date} lies outside ${scope.from}..${scope.to}`);
    }
    if (!inScope(entry, scope, projects)) {
      fail(`Time entry ${entry.id} is not on the client's projects or not of the user asked for`);
    }
    if (!Number.isSafeInteger(entry.minutes) || entry.minutes < 0) {
      fail(`Time entry ${entry.id} has invalid minutes: ${entry.minutes}`);
    }
  }
}

function dateRange(organisationId: number, from: string, to: string): IDBKeyRange {
  return IDBKeyRange.bound([organisationId, from], [organisationId, to]);
}

/** Cached entries of the organisation from `from` to `to` on the given projects, by date then id. */
export async function readRangeEntries(
  db: UrenbrugDatabase,
  scope: Omit<RangeScope, 'userId'>,
): Promise<Entry[]> {
  const projects = new Set(scope.projectIds);
  const all = await db.getAllFromIndex(
    'entries',
    'by-org-date',
    dateRange(scope.organisationId, scope.from, scope.to),
  );
  return all.filter((entry) => entry.projectId !== null && projects.has(entry.projectId));
}

/** A range read on behalf of a complete fetch: `fetchKey`'s record says when it was. */
export interface FetchedBasis extends SnapshotBasis {
  fetchKey: string;
}

/**
 * readRangeEntries for a range read in full before: from its snapshot (db/range-snapshot.ts) when
 * that was made for the same fetch and projects; otherwise from the entries store, and a snapshot
 * of what was read is stored in the same transaction, so no write can slip in between.
 */
export async function readFetchedRangeEntries(
  db: UrenbrugDatabase,
  scope: Omit<RangeScope, 'userId'>,
  snapshotKey: string,
  basis: FetchedBasis,
): Promise<Entry[]> {
  const snapshot = entriesOfSnapshot(await db.get('rangeSnapshots', snapshotKey), basis);
  if (snapshot) return snapshot;
  const projects = new Set(scope.projectIds);
  const tx = db.transaction(['entries', 'fetches', 'rangeSnapshots'], 'readwrite');
  const [fetch, all] = await Promise.all([
    tx.objectStore('fetches').get(basis.fetchKey),
    tx
      .objectStore('entries')
      .index('by-org-date')
      .getAll(dateRange(scope.organisationId, scope.from, scope.to)),
  ]);
  const entries = all.filter((entry) => entry.projectId !== null && projects.has(entry.projectId));
  const record = fetch?.fetchedAt === basis.fetchedAt ? snapshotOf(entries, basis) : null;
  await Promise.all([record ? tx.objectStore('rangeSnapshots').put(record, snapshotKey) : null, tx.done]);
  return entries;
}

/**
 * Replaces the scope's cached entries with the fresh list and records the fetch under `fetchKey`,
 * in one transaction. Cached entries in scope that the fresh list no longer names are deleted
 * (moved to another client, or removed in Keeping); entries outside the scope are untouched.
 * Validates first: on any failure nothing changes.
 */
export async function replaceRangeEntries(
  db: UrenbrugDatabase,
  scope: RangeScope,
  entries: readonly Entry[],
  fetchKey: string,
  fetch: FetchRecord,
  /** The cached answer of the range after this write, by date then id, when the caller knows it. */
  answer?: { entries: readonly Entry[]; projectIds: readonly number[] },
): Promise<void> {
  assertRangeEntries(scope, entries);
  const projects = new Set(scope.projectIds);
  const fresh = new Set(entries.map((entry) => entry.id));

  const tx = db.transaction(['entries', 'fetches', 'rangeSnapshots'], 'readwrite');
  const store = tx.objectStore('entries');
  const snapshots = tx.objectStore('rangeSnapshots');
  const [cached] = await Promise.all([
    store.index('by-org-date').getAll(dateRange(scope.organisationId, scope.from, scope.to)),
    dropSnapshotsOverlapping(snapshots, scope.organisationId, scope.from, scope.to),
  ]);
  const writes: Promise<unknown>[] = [];
  for (const entry of cached) {
    if (inScope(entry, scope, projects) && !fresh.has(entry.id)) {
      writes.push(store.delete([entry.organisationId, entry.id]));
    }
  }
  for (const entry of entries) writes.push(store.put(entry));
  writes.push(tx.objectStore('fetches').put(fetch, fetchKey));
  const snapshot = answer
    ? snapshotOf(answer.entries, { fetchedAt: fetch.fetchedAt, projectIds: answer.projectIds })
    : null;
  if (snapshot) writes.push(snapshots.put(snapshot, fetchKey));
  await Promise.all([...writes, tx.done]);
}
