/**
 * The "Vandaag" service: today's entries of the connected user, served from IndexedDB at once and
 * refreshed from Keeping on demand (docs/architecture.md, Stale-while-revalidate: fetch when the popup opens,
 * no polling). A failed refresh throws before anything is written, so the cache keeps what it had.
 */
import type { Organisation, User } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import type { TodayView } from '../../shared/messages';
import {
  fetchKeys,
  readDayEntries,
  readFetch,
  readReference,
  replaceCached,
  type UrenbrugDatabase,
} from '../db/database';
import type { KeepingClient } from '../keeping/client';
import { type OrganisationAndMe, organisationAndMe } from './organisation-access';
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
 * the fresh view. Every request finishes before the first write. The organisation (its zone)
 * and "me" are asked again only with the rest of the reference data, or when Keeping refuses
 * the day with 401/403: then the cached pair may be what is wrong, and asking again says why
 * (the token no longer reaches the organisation) instead of a bare refusal.
 */
export async function refreshToday(deps: RefreshTodayDeps): Promise<TodayView> {
  const { db, client, organisationId } = deps;
  const known = await freshOrganisationAndMe(db, organisationId, deps.now());
  const { organisation, me } = known ?? (await organisationAndMe(client, organisationId));
  const date = dateInZone(organisation.timeZone, deps.now());

  const [day, reference] = await Promise.all([
    client.timeEntries(organisationId, { date }).catch(async (error: unknown) => {
      if (known && isRefusal(error)) await organisationAndMe(client, organisationId);
      throw error;
    }),
    known ? null : fetchReference(client, organisation),
  ]);
  if (day.date !== date || day.userId !== me.id) {
    throw new UrenbrugError(
      'unexpected_response',
      `Asked for ${date} of user ${me.id}, Keeping answered ${day.date} of user ${day.userId}`,
    );
  }

  const fetchedAt = deps.now();
  const serverOffsetMs = client.serverOffsetMs() ?? undefined;
  // One transaction: never newer entries beside reference data that is half replaced.
  await replaceCached(db, {
    reference: reference
      ? {
          organisationId,
          data: { organisation: [organisation], me: [me], ...reference },
          fetch: { key: fetchKeys.reference(organisationId), record: { fetchedAt } },
        }
      : undefined,
    day: {
      day: { organisationId, userId: me.id, date },
      entries: day.entries,
      fetch: { fetchedAt, serverOffsetMs },
    },
  });
  return readView(db, organisation, me, date);
}

/** The cached organisation and "me" while the reference data they came with is fresh, else null. */
async function freshOrganisationAndMe(
  db: UrenbrugDatabase,
  organisationId: number,
  now: number,
): Promise<OrganisationAndMe | null> {
  const [[organisation], [me], fetch] = await Promise.all([
    readReference(db, organisationId, 'organisation'),
    readReference(db, organisationId, 'me'),
    readFetch(db, fetchKeys.reference(organisationId)),
  ]);
  return organisation && me && isFresh(fetch?.fetchedAt, now) ? { organisation, me } : null;
}

/** 401 or 403: the token or its access changed, which the cached organisation and user may hide. */
function isRefusal(error: unknown): boolean {
  return error instanceof UrenbrugError && (error.code === 'auth' || error.code === 'forbidden');
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
