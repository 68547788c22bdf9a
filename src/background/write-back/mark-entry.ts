/**
 * Reads the entries a batch of write-backs is about, as Keeping has them now, right before they
 * are written (issue 7: Keeping is the shared truth between installs; issue 10: in bulk). One
 * `/report/time-entries` read, filtered to the batch's users, projects and days, answers up to a
 * page of 100 queued entries; what it does not find (moved to another project, deleted) is looked
 * up on its user's day, so a moved entry is not mistaken for a deleted one. Never cached across
 * batches: a colleague's mark made a minute ago must be seen.
 */
import type { Entry } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import type { UrenbrugDatabase, WriteBackItem } from '../db/database';
import type { BackgroundClient } from '../dependencies';

/** Items per fresh read: one page of Keeping's bulk read (docs/keeping-api.md, Pagination). */
export const FRESH_READ_BATCH = 100;

export type FreshClient = Pick<BackgroundClient, 'timeEntries' | 'reportTimeEntries'>;

export interface Located {
  item: WriteBackItem;
  userId: number;
  date: string;
  projectId: number | null;
}

/** Where each item's entry lives; an item whose entry Urenbrug never cached cannot be read back. */
export async function locate(db: UrenbrugDatabase, item: WriteBackItem): Promise<Located> {
  if (item.userId !== null && item.date !== null) {
    return { item, userId: item.userId, date: item.date, projectId: item.projectId ?? null };
  }
  // Enqueued before the entry was cached: perhaps it is by now.
  const cached = await db.get('entries', [item.organisationId, item.entryId]);
  if (!cached) {
    throw new UrenbrugError('invalid_request', `Time entry ${item.entryId} is unknown to Urenbrug's cache`);
  }
  return { item, userId: cached.userId, date: cached.date, projectId: cached.projectId };
}

const isCode = (error: unknown, code: string) => error instanceof UrenbrugError && error.code === code;

/** Entry id → the entry as Keeping has it now, or null when Keeping no longer has it. */
export async function readFresh(
  client: FreshClient,
  organisationId: number,
  batch: readonly Located[],
): Promise<Map<number, Entry | null>> {
  const found = new Map<number, Entry | null>();
  if (batch.length === 0) return found;
  const dates = batch.map((located) => located.date).sort();
  const userIds = [...new Set(batch.map((located) => located.userId))].sort((a, b) => a - b);
  const projectIds = batch.every((located) => located.projectId !== null)
    ? [...new Set(batch.map((located) => located.projectId as number))].sort((a, b) => a - b)
    : undefined;
  const wanted = new Set(batch.map((located) => located.item.entryId));
  const range = { from: dates[0], to: dates.at(-1), userIds };
  let entries: Entry[] | null;
  try {
    entries = await client.reportTimeEntries(organisationId, { ...range, projectIds });
  } catch (error) {
    // An archived or deleted project answers 404 for the whole filter: read without it.
    if (projectIds && isCode(error, 'not_found')) {
      entries = await client.reportTimeEntries(organisationId, range);
    } else if (isCode(error, 'forbidden')) {
      // No reporting rights on this token (a team member reading colleagues): day by day.
      entries = null;
    } else {
      throw error;
    }
  }
  for (const entry of entries ?? []) if (wanted.has(entry.id)) found.set(entry.id, entry);

  const missing = batch.filter((located) => !found.has(located.item.entryId));
  const days = new Map<string, Located>();
  for (const located of missing) days.set(`${located.userId}:${located.date}`, located);
  for (const located of days.values()) {
    const day = await client.timeEntries(organisationId, { userId: located.userId, date: located.date });
    for (const entry of day.entries) if (wanted.has(entry.id)) found.set(entry.id, entry);
  }
  for (const located of missing) if (!found.has(located.item.entryId)) found.set(located.item.entryId, null);
  return found;
}
