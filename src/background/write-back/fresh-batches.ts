/**
 * Cuts the due write-backs into batches whose fresh read fits one page of Keeping's bulk read
 * (issue 10: about 1 % reads). The read of a batch is filtered to its users, projects and days, so
 * it also answers entries that are not queued (a colleague's on the same project and day, hours
 * left off the invoice); the cache, which holds what the panel fetched for the invoice, tells how
 * many that will be. A batch grows in date order until its read would pass a page.
 */
import type { Entry } from '../../core/keeping-types';
import type { UrenbrugDatabase } from '../db/database';
import type { Located } from './mark-entry';

/** Batches close in time and people, in the order the runner works them. */
export function byPlace(a: Located, b: Located): number {
  return a.date.localeCompare(b.date) || a.userId - b.userId || a.item.entryId - b.item.entryId;
}

interface Candidate {
  id: number;
  userId: number;
  date: string;
  projectId: number | null;
}

/** What a read filtered to these users, projects and days answers, as far as the cache knows. */
async function candidatesOf(
  db: UrenbrugDatabase,
  organisationId: number,
  located: readonly Located[],
): Promise<Candidate[]> {
  const byUser = new Map<number, { from: string; to: string }>();
  for (const { userId, date } of located) {
    const span = byUser.get(userId);
    if (!span) byUser.set(userId, { from: date, to: date });
    else {
      if (date < span.from) span.from = date;
      if (date > span.to) span.to = date;
    }
  }
  const projects = new Set(located.map((entry) => entry.projectId));
  const cached: Entry[][] = await Promise.all(
    [...byUser].map(([userId, span]) =>
      db.getAllFromIndex(
        'entries',
        'by-org-user-date',
        IDBKeyRange.bound([organisationId, userId, span.from], [organisationId, userId, span.to]),
      ),
    ),
  );
  const found = new Map<number, Candidate>();
  for (const entry of cached.flat()) {
    if (projects.has(entry.projectId)) found.set(entry.id, entry);
  }
  // A queued entry the cache no longer holds is still in its own read.
  for (const { item, userId, date, projectId } of located) {
    if (!found.has(item.entryId)) found.set(item.entryId, { id: item.entryId, userId, date, projectId });
  }
  return [...found.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * `located` sorted by place, cut into batches of at most `pageSize` items whose filtered read is
 * expected to hold at most `pageSize` entries. One day of one person and project that alone
 * passes a page stays one batch: Keeping filters no finer than a day.
 */
export async function planBatches(
  db: UrenbrugDatabase,
  organisationId: number,
  located: readonly Located[],
  pageSize: number,
): Promise<Located[][]> {
  const sorted = [...located].sort(byPlace);
  if (sorted.length === 0) return [];
  const candidates = await candidatesOf(db, organisationId, sorted);
  const batches: Located[][] = [];
  let batch: Located[] = [];
  let users = new Set<number>();
  let projects = new Set<number | null>();
  let first = 0; // index of the batch's first day in `candidates`
  const readSize = (from: string, to: string, withUsers: Set<number>, withProjects: Set<number | null>) => {
    let count = 0;
    for (let index = first; index < candidates.length && candidates[index]!.date <= to; index++) {
      const candidate = candidates[index]!;
      if (
        candidate.date >= from &&
        withUsers.has(candidate.userId) &&
        withProjects.has(candidate.projectId)
      ) {
        count += 1;
      }
    }
    return count;
  };
  for (const next of sorted) {
    if (batch.length > 0) {
      const from = batch[0]!.date;
      const nextUsers = users.has(next.userId) ? users : new Set([...users, next.userId]);
      const nextProjects = projects.has(next.projectId) ? projects : new Set([...projects, next.projectId]);
      const grows = next.date !== batch.at(-1)!.date || nextUsers !== users || nextProjects !== projects;
      const sameDayOnly = next.date === from && batch.every((entry) => entry.date === from);
      if (
        batch.length >= pageSize ||
        (grows && !sameDayOnly && readSize(from, next.date, nextUsers, nextProjects) > pageSize)
      ) {
        batches.push(batch);
        batch = [];
        users = new Set();
        projects = new Set();
      } else {
        users = nextUsers;
        projects = nextProjects;
      }
    }
    if (batch.length === 0) {
      while (first < candidates.length && candidates[first]!.date < next.date) first += 1;
      users = new Set([next.userId]);
      projects = new Set([next.projectId]);
    }
    batch.push(next);
  }
  batches.push(batch);
  return batches;
}
