/**
 * Reference data for the Exact panel: organisation, "me", projects, tasks, clients and users.
 * Served from the cache; refetched when missing or stale (reference-fetch.ts). Users need the
 * `team` scope, which only administrators have: on 403 the list is just "me".
 */
import type { User } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import { assertStillConnected } from '../account/connection';
import {
  fetchKeys,
  type ReferenceData,
  readFetch,
  readReference,
  replaceReference,
  type UrenbrugDatabase,
} from '../db/database';
import type { BackgroundClient } from '../dependencies';
import { type OrganisationAndMe, organisationAndMe } from './organisation-access';
import { fetchReference, isFresh } from './reference-fetch';

export interface ReferenceDataDeps {
  db: UrenbrugDatabase;
  organisationId: number;
  now: () => number;
  client: () => Promise<BackgroundClient>;
  /** False when the connection changed while Keeping answered: then nothing is written. */
  stillConnected: () => Promise<boolean>;
}

async function fetchUsers(client: BackgroundClient, organisationId: number, me: User): Promise<User[]> {
  try {
    return await client.users(organisationId);
  } catch (error) {
    if (error instanceof UrenbrugError && error.code === 'forbidden') return [me];
    throw error;
  }
}

/**
 * Makes sure the cache holds fresh enough reference data and answers the organisation and "me".
 * A failed refresh is thrown only when there is nothing usable cached; otherwise the panel works
 * on the older data (the next open tries again).
 */
export async function ensureReferenceData(deps: ReferenceDataDeps): Promise<OrganisationAndMe> {
  const { db, organisationId } = deps;
  const now = deps.now();
  const [[organisation], [me], referenceFetch, usersFetch] = await Promise.all([
    readReference(db, organisationId, 'organisation'),
    readReference(db, organisationId, 'me'),
    readFetch(db, fetchKeys.reference(organisationId)),
    readFetch(db, fetchKeys.users(organisationId)),
  ]);
  const referenceFresh = isFresh(referenceFetch?.fetchedAt, now);
  const usersFresh = isFresh(usersFetch?.fetchedAt, now);
  if (organisation && me && referenceFresh && usersFresh) return { organisation, me };
  try {
    return await refresh(deps, !referenceFresh, !usersFresh);
  } catch (error) {
    const stale = error instanceof UrenbrugError && error.code === 'not_connected';
    if (organisation && me && referenceFetch && !stale) return { organisation, me };
    throw error;
  }
}

async function refresh(
  deps: ReferenceDataDeps,
  wantReference: boolean,
  wantUsers: boolean,
): Promise<OrganisationAndMe> {
  const { db, organisationId } = deps;
  const client = await deps.client();
  const { organisation, me } = await organisationAndMe(client, organisationId);
  const [reference, users] = await Promise.all([
    wantReference ? fetchReference(client, organisation) : undefined,
    wantUsers ? fetchUsers(client, organisationId, me) : undefined,
  ]);
  await assertStillConnected(deps.stillConnected);

  const fetchedAt = deps.now();
  const data: ReferenceData = { organisation: [organisation], me: [me], ...reference };
  if (users) data.user = users;
  await replaceReference(
    db,
    organisationId,
    data,
    wantReference ? { key: fetchKeys.reference(organisationId), record: { fetchedAt } } : undefined,
  );
  // A separate record, so today's refresh (which does not fetch users) does not hide their age.
  if (users) await db.put('fetches', { fetchedAt }, fetchKeys.users(organisationId));
  return { organisation, me };
}
