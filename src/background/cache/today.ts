/**
 * The "Vandaag" service: today's entries of the connected user, served from IndexedDB at once and
 * refreshed from Keeping on demand (docs/architecture.md, Stale-while-revalidate: fetch when the popup opens,
 * no polling). A failed refresh throws before anything is written, so the cache keeps what it had.
 */
import type { Organisation, User } from '../../core/entry';
import { UrenbrugError } from '../../shared/errors';
import type { TodayView } from '../../shared/messages';
import {
  fetchKeys,
  type ReferenceData,
  readDayEntries,
  readFetch,
  readReference,
  replaceCached,
  type UrenbrugDatabase,
} from '../db/database';
import type { KeepingClient } from '../keeping/client';
import { organisationAndMe } from './organisation-access';
import { fetchReference, isFresh } from './reference-fetch';
import { dateInZone } from './zone-date';

export type TodayClient = Pick<
  KeepingClient,
  'organisations' | 'me' | 'projects' | 'tasks' | 'clients' | 'timeEntries' | 'serverOffsetMs'
>;

export interface CachedTodayDeps {
  db: UrenbrugDatabase;
  organisationId: number;
  now: () => number;
}

export interface RefreshTodayDeps extends CachedTodayDeps {
  client: TodayClient;
}

/** The cached view of today (in the organisation's zone), or null when nothing is cached yet. */
export async function cachedToday(deps: CachedTodayDeps): Promise<TodayView | null> {
  const { db, organisationId } = deps;
  const [[organisation], [me]] = await Promise.all([
    readReference(db, organisationId, 'organisation'),
    readReference(db, organisationId, 'me'),
  ]);
  if (!organisation || !me) return null;
  return readView(db, organisation, me, dateInZone(organisation.timeZone, deps.now()));
}

/**
 * Fetches today from Keeping (reference data too when stale), replaces the cache and answers
 * the fresh view. Every request finishes before the first write.
 */
export async function refreshToday(deps: RefreshTodayDeps): Promise<TodayView> {
  const { db, client, organisationId } = deps;
  const { organisation, me } = await organisationAndMe(client, organisationId);
  const date = dateInZone(organisation.timeZone, deps.now());

  const referenceFetch = await readFetch(db, fetchKeys.reference(organisationId));
  const [day, reference] = await Promise.all([
    client.timeEntries(organisationId, { date }),
    isFresh(referenceFetch?.fetchedAt, deps.now()) ? null : fetchReference(client, organisation),
  ]);
  if (day.date !== date || day.userId !== me.id) {
    throw new UrenbrugError(
      'unexpected_response',
      `Asked for ${date} of user ${me.id}, Keeping answered ${day.date} of user ${day.userId}`,
    );
  }

  const fetchedAt = deps.now();
  const serverOffsetMs = client.serverOffsetMs() ?? undefined;
  const data: ReferenceData = { organisation: [organisation], me: [me], ...(reference ?? {}) };
  // One transaction: never newer entries beside reference data that is half replaced.
  await replaceCached(db, {
    reference: {
      organisationId,
      data,
      fetch: reference ? { key: fetchKeys.reference(organisationId), record: { fetchedAt } } : undefined,
    },
    day: {
      day: { organisationId, userId: me.id, date },
      entries: day.entries,
      fetch: { fetchedAt, serverOffsetMs },
    },
  });
  return readView(db, organisation, me, date);
}

async function readView(
  db: UrenbrugDatabase,
  organisation: Organisation,
  me: User,
  date: string,
): Promise<TodayView> {
  const organisationId = organisation.id;
  const [entries, fetch, projects, tasks, clients] = await Promise.all([
    readDayEntries(db, { organisationId, userId: me.id, date }),
    readFetch(db, fetchKeys.today(organisationId, me.id, date)),
    readReference(db, organisationId, 'project'),
    readReference(db, organisationId, 'task'),
    readReference(db, organisationId, 'client'),
  ]);
  return {
    organisation,
    me,
    date,
    entries,
    projects,
    tasks,
    clients,
    fetchedAt: fetch?.fetchedAt ?? null,
    serverOffsetMs: fetch?.serverOffsetMs ?? 0,
  };
}
