/**
 * `entries.range`: one Keeping client's entries over a period, stale-while-revalidate
 * (docs/architecture.md, Stale-while-revalidate). The cached answer comes at once with the age of the last
 * fetch of exactly that client and range; a fresh one walks every page of /report/time-entries, replaces that
 * part of the cache in one transaction and answers from it. A failed fetch throws and changes nothing.
 */
import type { Entry, LeftOutEntry, User } from '../../core/keeping-types';
import type { EntriesView } from '../../shared/messages';
import { assertStillConnected } from '../account/connection';
import {
  type FetchRecord,
  fetchKeys,
  readFetch,
  readReference,
  replaceReference,
  type UrenbrugDatabase,
} from '../db/database';
import { readFetchedRangeEntries, readRangeEntries, replaceRangeEntries } from '../db/range';
import { datesOfRangeKey } from '../db/range-snapshot';
import type { BackgroundClient } from '../dependencies';
import { readLocalLinks } from '../records/local-links';

export interface RangeQuery {
  from: string;
  to: string;
  keepingClientId: number;
}

/**
 * A range fetched this recently is served from the cache without asking Keeping at all: Keeping
 * asks for cached answers and no polling (docs/keeping-api.md, Rate limit), and a bookkeeper who
 * reopens an invoice or switches back to a period within minutes sees the same hours. The
 * panel's refresh button forces a read.
 */
export const RANGE_FRESH_MS = 10 * 60 * 1000;

/** True when a range fetched at `fetchedAt` needs no new read at `now`. */
export function rangeIsFresh(fetchedAt: number | null, now: number): boolean {
  // A fetch time in the future means the clock moved back: do not trust it.
  return fetchedAt !== null && fetchedAt <= now && now - fetchedAt < RANGE_FRESH_MS;
}

/** A complete read of this client over the range or over a range around it. */
interface Cover {
  key: string;
  record: FetchRecord;
}

/**
 * The latest complete read of this client that covers the whole range: the range itself, or one
 * around it, so a month inside a year read in full is complete too, with the year's age. One
 * read of the client's fetch records (one per range ever read: a handful).
 */
async function coveringFetch(deps: RangeDeps, query: RangeQuery): Promise<Cover | null> {
  const prefix = fetchKeys.clientRanges(deps.organisationId, query.keepingClientId);
  const tx = deps.db.transaction('fetches');
  const span = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  const [keys, records] = await Promise.all([tx.store.getAllKeys(span), tx.store.getAll(span), tx.done]);
  let best: Cover | null = null;
  keys.forEach((key, index) => {
    const dates = datesOfRangeKey(key);
    const record = records[index];
    if (!dates || !record || dates.from > query.from || dates.to < query.to) return;
    if (!best || record.fetchedAt > best.record.fetchedAt) best = { key, record };
  });
  return best;
}

/** When this client and range (or one around it) were last read in full; null when never. */
export async function rangeFetchedAt(deps: RangeDeps, query: RangeQuery): Promise<number | null> {
  return (await coveringFetch(deps, query))?.record.fetchedAt ?? null;
}

/** Which read a panel runs: one per organisation, client and range. */
export function rangeKey(organisationId: number, query: RangeQuery): string {
  return `${organisationId}|${query.keepingClientId}|${query.from}|${query.to}`;
}

/** What a running read (range-reads.ts) passes in: its abort signal and where pages go. */
export interface ReadControl {
  signal?: AbortSignal;
  onPage?: (done: number, total: number, entries: readonly Entry[]) => void;
}

export interface RangeDeps {
  db: UrenbrugDatabase;
  organisationId: number;
  now: () => number;
}

export interface RefreshRangeDeps extends RangeDeps {
  client: Pick<BackgroundClient, 'me' | 'reportTimeEntries' | 'serverOffsetMs'>;
  /** False when the connection changed while Keeping answered: then nothing is written. */
  stillConnected: () => Promise<boolean>;
}

/** The client's projects: those the reference cache knows, and those the covering fetch saw. */
async function clientProjects(deps: RangeDeps, query: RangeQuery) {
  const [projects, cover] = await Promise.all([
    readReference(deps.db, deps.organisationId, 'project'),
    coveringFetch(deps, query),
  ]);
  const known = projects.filter((project) => project.clientId === query.keepingClientId).map((p) => p.id);
  return { known, lastSeen: cover?.record.projectIds ?? [], cover };
}

const sortedUnique = (ids: readonly number[]): number[] => [...new Set(ids)].sort((a, b) => a - b);

/**
 * From the cache only; `fetchedAt` is null when this client and range were never fetched. With
 * `arrived` (the pages a running read has received), those entries are shown over the cached
 * ones, so a first read of a range fills the panel while the rest comes.
 */
export async function cachedRange(
  deps: RangeDeps,
  query: RangeQuery,
  arrived: readonly Entry[] | null = null,
): Promise<EntriesView> {
  const { known, lastSeen, cover } = await clientProjects(deps, query);
  const fetchedAt = cover?.record.fetchedAt ?? null;
  // A covering read's bad entries are named too (a month inside a year names the year's).
  const leftOut = cover?.record.leftOut ?? [];
  const projectIds = sortedUnique([...known, ...lastSeen]);
  const scope = { organisationId: deps.organisationId, from: query.from, to: query.to, projectIds };
  const key = fetchKeys.clientRange(deps.organisationId, query.keepingClientId, query.from, query.to);
  const cached = cover
    ? await readFetchedRangeEntries(deps.db, scope, key, {
        fetchKey: cover.key,
        fetchedAt: cover.record.fetchedAt,
        projectIds,
      })
    : await readRangeEntries(deps.db, scope);
  const entries = arrived && arrived.length > 0 ? mergeArrived(cached, arrived) : cached;
  const localLinks = await readLocalLinks(
    deps.db,
    deps.organisationId,
    entries.map((entry) => entry.id),
  );
  return { entries, fetchedAt, localLinks, ...withLeftOut(leftOut) };
}

/** Named only when there are any, so a clean read's answer stays as it was. */
function withLeftOut(leftOut: LeftOutEntry[]): { leftOut?: LeftOutEntry[] } {
  return leftOut.length > 0 ? { leftOut } : {};
}

/** Cached entries with the arrived ones in their place (by id); new ones added; by date then id. */
function mergeArrived(cached: readonly Entry[], arrived: readonly Entry[]): Entry[] {
  const byId = new Map<number, Entry>();
  for (const entry of cached) byId.set(entry.id, entry);
  // Keeping filtered them to the client and range, as it does for the whole read.
  for (const entry of arrived) byId.set(entry.id, entry);
  return [...byId.values()].sort(byDateThenId);
}

/** The cache's order (its date index, then the id). */
function byDateThenId(a: Entry, b: Entry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

/** The connected user, from the cache or else from Keeping (and then cached). */
async function currentUser(deps: RefreshRangeDeps): Promise<User> {
  const [cached] = await readReference(deps.db, deps.organisationId, 'me');
  if (cached) return cached;
  const me = await deps.client.me(deps.organisationId);
  await replaceReference(deps.db, deps.organisationId, { me: [me] });
  return me;
}

/** Fetches the range from Keeping, replaces that part of the cache, answers from the cache. */
export async function refreshRange(
  deps: RefreshRangeDeps,
  query: RangeQuery,
  control: ReadControl = {},
): Promise<EntriesView> {
  const { db, organisationId } = deps;
  const me = await currentUser(deps);
  // A team member must ask for exactly their own entries, or Keeping answers 403 (docs/keeping-api.md,
  // Reading entries).
  const userIds = me.role === 'administrator' ? undefined : [me.id];
  let leftOut: LeftOutEntry[] = [];
  const entries = await deps.client.reportTimeEntries(
    organisationId,
    { from: query.from, to: query.to, clientIds: [query.keepingClientId], userIds },
    control.onPage,
    control.signal,
    (screened) => {
      leftOut = screened;
    },
  );
  await assertStillConnected(deps.stillConnected);
  const sorted = [...entries].sort(byDateThenId);
  const seen = entries.flatMap((entry) => (entry.projectId === null ? [] : [entry.projectId]));
  const { known, lastSeen } = await clientProjects(deps, query);
  // Remembered for the cached answer: what the client has now (a project moved away drops out).
  const projectIds = sortedUnique([...known, ...seen]);
  await replaceRangeEntries(
    db,
    // Replaced: also what the last fetch counted as the client's, so moved entries leave.
    {
      organisationId,
      from: query.from,
      to: query.to,
      projectIds: sortedUnique([...projectIds, ...lastSeen]),
      userId: userIds?.[0],
    },
    entries,
    fetchKeys.clientRange(organisationId, query.keepingClientId, query.from, query.to),
    // Remembered with the read, so the cached answer names them too (never the whole period lost).
    {
      fetchedAt: deps.now(),
      serverOffsetMs: deps.client.serverOffsetMs() ?? undefined,
      projectIds,
      ...withLeftOut(leftOut),
    },
    // Unlimited by user, the cache's part for this range is now exactly the fresh list, which is
    // also kept packed for the next open (db/range-snapshot.ts).
    userIds === undefined ? { entries: sorted, projectIds } : undefined,
  );
  // Answered from the fresh list rather than reading thousands of entries back. A team
  // member's cache may hold more.
  if (userIds !== undefined) return cachedRange(deps, query);
  const fetchedAt =
    (await readFetch(db, fetchKeys.clientRange(organisationId, query.keepingClientId, query.from, query.to)))
      ?.fetchedAt ?? null;
  const localLinks = await readLocalLinks(
    db,
    organisationId,
    sorted.map((entry) => entry.id),
  );
  return { entries: sorted, fetchedAt, localLinks, ...withLeftOut(leftOut) };
}
