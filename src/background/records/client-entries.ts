/**
 * The background checks what the panel claims before it bills anything: every entry linked to or
 * filled on an invoice must be an entry this install fetched for that invoice's Keeping client.
 * The panel runs in Exact's page; without this check a content script could mark any cached entry
 * of any client as billed on any invoice, and Keeping would tell every colleague so.
 */
import { UrenbrugError } from '../../shared/errors';
import { fetchKeys, readReference, type UrenbrugDatabase } from '../db/database';

/** The client's projects: those the reference cache knows, and those any fetch of its hours saw. */
async function clientProjectIds(
  db: UrenbrugDatabase,
  organisationId: number,
  keepingClientId: number,
): Promise<Set<number>> {
  const prefix = fetchKeys.clientRange(organisationId, keepingClientId, '', '').replace(/:+$/, ':');
  const [projects, fetches] = await Promise.all([
    readReference(db, organisationId, 'project'),
    db.getAll('fetches', IDBKeyRange.bound(prefix, `${prefix}\uffff`)),
  ]);
  return new Set([
    ...projects.filter((project) => project.clientId === keepingClientId).map((project) => project.id),
    ...fetches.flatMap((fetch) => fetch.projectIds ?? []),
  ]);
}

/**
 * Refuses (`invalid_request`, nothing written) unless every id is a cached entry of the
 * organisation on one of the client's projects.
 */
export async function assertClientEntries(
  db: UrenbrugDatabase,
  organisationId: number,
  keepingClientId: number | null,
  entryIds: readonly number[],
): Promise<void> {
  const ids = [...new Set(entryIds)];
  if (ids.length === 0) return;
  if (keepingClientId === null) {
    throw new UrenbrugError('invalid_request', 'Hours can only be billed for a chosen Keeping client');
  }
  const [projectIds, entries] = await Promise.all([
    clientProjectIds(db, organisationId, keepingClientId),
    Promise.all(ids.map((id) => db.get('entries', [organisationId, id]))),
  ]);
  const refused = ids.filter((_id, index) => {
    const entry = entries[index];
    return !entry || entry.projectId === null || !projectIds.has(entry.projectId);
  });
  if (refused.length > 0) {
    const shown = refused.slice(0, 10).join(', ');
    throw new UrenbrugError(
      'invalid_request',
      `Entries ${shown}${refused.length > 10 ? ', …' : ''} are not hours of Keeping client ${keepingClientId} that Urenbrug fetched`,
    );
  }
}
