/**
 * `entries.range`: one Keeping client's entries over a period, stale-while-revalidate
 * (docs/architecture.md, Stale-while-revalidate). The cached answer comes at once with the age of the last
 * fetch of exactly that client and range; a fresh one walks every page of /report/time-entries, replaces that
 * part of the cache in one transaction and answers from it. A failed fetch throws and changes nothing.
 */
import type { User } from '../../core/keeping-types';
import type { EntriesView } from '../../shared/messages';
import { assertStillConnected } from '../account/connection';
import { fetchKeys, readFetch, readReference, replaceReference, type UrenbrugDatabase } from '../db/database';
import { readRangeEntries, replaceRangeEntries } from '../db/range';
import type { BackgroundClient } from '../dependencies';
import { readLocalLinks } from '../records/local-links';

export interface RangeQuery {
  from: string;
  to: string;
  keepingClientId: number;
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

/** The client's projects: those the reference cache knows, and those the last fetch saw. */
async function clientProjects(deps: RangeDeps, query: RangeQuery) {
  const { db, organisationId } = deps;
  const [projects, fetch] = await Promise.all([
    readReference(db, organisationId, 'project'),
    readFetch(db, fetchKeys.clientRange(organisationId, query.keepingClientId, query.from, query.to)),
  ]);
  const known = projects.filter((project) => project.clientId === query.keepingClientId).map((p) => p.id);
  return { known, lastSeen: fetch?.projectIds ?? [], fetchedAt: fetch?.fetchedAt ?? null };
}

const sortedUnique = (ids: readonly number[]): number[] => [...new Set(ids)].sort((a, b) => a - b);

/** From the cache only; `fetchedAt` is null when this client and range were never fetched. */
export async function cachedRange(deps: RangeDeps, query: RangeQuery): Promise<EntriesView> {
  const { known, lastSeen, fetchedAt } = await clientProjects(deps, query);
  const projectIds = sortedUnique([...known, ...lastSeen]);
  const entries = await readRangeEntries(deps.db, {
    organisationId: deps.organisationId,
    from: query.from,
    to: query.to,
    projectIds,
  });
  const localLinks = await readLocalLinks(
    deps.db,
    deps.organisationId,
    entries.map((entry) => entry.id),
  );
  return { entries, fetchedAt, localLinks };
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
export async function refreshRange(deps: RefreshRangeDeps, query: RangeQuery): Promise<EntriesView> {
  const { db, organisationId } = deps;
  const me = await currentUser(deps);
  // A team member must ask for exactly their own entries, or Keeping answers 403 (docs/keeping-api.md,
  // Reading entries).
  const userIds = me.role === 'administrator' ? undefined : [me.id];
  const entries = await deps.client.reportTimeEntries(organisationId, {
    from: query.from,
    to: query.to,
    clientIds: [query.keepingClientId],
    userIds,
  });
  await assertStillConnected(deps.stillConnected);
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
    { fetchedAt: deps.now(), serverOffsetMs: deps.client.serverOffsetMs() ?? undefined, projectIds },
  );
  return cachedRange(deps, query);
}
