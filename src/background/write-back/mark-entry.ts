/**
 * Reads the entry a write-back is about, as Keeping has it now. The client offers no
 * GET /time-entries/{id}, so this asks for the entry's user and day (GET /time-entries?user_id&date,
 * one request, the same `time` scope and the same rights as the PATCH that follows) and picks it
 * out; one answer serves every queued entry of that user and day. Swap in a by-id read here when
 * the client gains one.
 */
import type { Entry } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import type { UrenbrugDatabase, WriteBackItem } from '../db/database';
import type { BackgroundClient } from '../dependencies';

/** user:date → entries of that day by id, for one run of the queue. */
export type DayCache = Map<string, Map<number, Entry>>;

/** The entry, or null when Keeping no longer has it on that user's day. */
export async function fetchEntry(
  client: Pick<BackgroundClient, 'timeEntries'>,
  db: UrenbrugDatabase,
  item: WriteBackItem,
  days: DayCache,
): Promise<Entry | null> {
  let { userId, date } = item;
  if (userId === null || date === null) {
    // Enqueued before the entry was cached: perhaps it is by now.
    const cached = await db.get('entries', [item.organisationId, item.entryId]);
    if (!cached) {
      throw new UrenbrugError('invalid_request', `Time entry ${item.entryId} is unknown to Urenbrug's cache`);
    }
    ({ userId, date } = cached);
  }
  const dayKey = `${userId}:${date}`;
  let day = days.get(dayKey);
  if (!day) {
    const answer = await client.timeEntries(item.organisationId, { userId, date });
    day = new Map(answer.entries.map((entry) => [entry.id, entry]));
    days.set(dayKey, day);
  }
  return day.get(item.entryId) ?? null;
}
