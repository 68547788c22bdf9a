import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../core/keeping-types';
import { openUrenbrugDb, type UrenbrugDatabase, type WriteBackItem } from '../db/database';
import { sampleEntry } from '../testing/db-fixtures';
import { planBatches } from './fresh-batches';
import type { Located } from './mark-entry';

let counter = 0;
let db: UrenbrugDatabase | undefined;
afterEach(() => db?.close());

async function cached(entries: Entry[]): Promise<UrenbrugDatabase> {
  counter += 1;
  db = await openUrenbrugDb(`fresh-batches-${counter}`);
  const tx = db.transaction('entries', 'readwrite');
  await Promise.all([...entries.map((entry) => tx.store.put(entry)), tx.done]);
  return db;
}

const day = (n: number) => `2026-05-${String(n).padStart(2, '0')}`;

function located(entry: Entry): Located {
  const item = { entryId: entry.id, organisationId: entry.organisationId } as WriteBackItem;
  return { item, userId: entry.userId, date: entry.date, projectId: entry.projectId };
}

/** What a read filtered to the batch's users, projects and days would answer from `all`. */
function readOf(batch: Located[], all: Entry[]): number {
  const dates = batch.map((entry) => entry.date).sort();
  const users = new Set(batch.map((entry) => entry.userId));
  const projects = new Set(batch.map((entry) => entry.projectId));
  return all.filter(
    (entry) =>
      entry.date >= dates[0]! &&
      entry.date <= dates.at(-1)! &&
      users.has(entry.userId) &&
      projects.has(entry.projectId),
  ).length;
}

describe('planBatches', () => {
  it('cuts an invoice so each fresh read fits one page, counting entries that are not queued', async () => {
    // 20 days, 6 people, 10 entries a day: 8 on the invoice, 2 left off it (indirect, excluded).
    const all: Entry[] = [];
    for (let d = 1; d <= 20; d++) {
      for (let n = 0; n < 10; n++) {
        all.push(sampleEntry({ id: d * 100 + n, date: day(d), userId: 50 + (n % 6), projectId: 600 }));
      }
    }
    const queued = all.filter((entry) => entry.id % 10 < 8).map(located);
    const batches = await planBatches(await cached(all), 12345, queued, 100);

    expect(
      batches
        .flat()
        .map((entry) => entry.item.entryId)
        .sort(),
    ).toEqual(queued.map((entry) => entry.item.entryId).sort());
    for (const batch of batches) expect(readOf(batch, all)).toBeLessThanOrEqual(100);
    // 200 entries answer the reads: two pages' worth, so two batches, not one per 100 queued.
    expect(batches).toHaveLength(2);
  });

  it('keeps one person’s day of more than a page together, at most a page of items a batch', async () => {
    const all = Array.from({ length: 150 }, (_, n) =>
      sampleEntry({ id: 1 + n, date: day(4), projectId: 600 }),
    );
    const batches = await planBatches(await cached(all), 12345, all.map(located), 100);
    expect(batches.map((batch) => batch.length)).toEqual([100, 50]);
  });

  it('reads queued entries the cache no longer holds, and plans nothing for an empty queue', async () => {
    const gone = [sampleEntry({ id: 7, date: day(2) }), sampleEntry({ id: 8, date: day(1) })];
    const store = await cached([]);
    expect(await planBatches(store, 12345, [], 100)).toEqual([]);
    const batches = await planBatches(store, 12345, gone.map(located), 100);
    expect(batches.map((batch) => batch.map((entry) => entry.item.entryId))).toEqual([[8, 7]]);
  });
});
