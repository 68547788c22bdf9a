import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleEntry } from '../testing/db-fixtures';
import { openUrenbrugDb, readFetch, replaceDayEntries, type UrenbrugDatabase } from './database';
import { type RangeScope, readRangeEntries, replaceRangeEntries } from './range';

let counter = 0;
const open: UrenbrugDatabase[] = [];
async function freshDb(): Promise<UrenbrugDatabase> {
  counter += 1;
  const db = await openUrenbrugDb(`db-range-test-${counter}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const scope: RangeScope = {
  organisationId: 12345,
  from: '2026-05-01',
  to: '2026-05-31',
  projectIds: [10, 11],
};
const on = (id: number, date: string, projectId: number, userId = 55458) =>
  sampleEntry({ id, date, projectId, userId });
const ids = (entries: { id: number }[]) => entries.map((entry) => entry.id);

describe('replaceRangeEntries', () => {
  it('replaces the scope only: other projects, dates, organisations and users stay', async () => {
    const db = await freshDb();
    await replaceRangeEntries(
      db,
      scope,
      [on(1, '2026-05-02', 10), on(2, '2026-05-31', 11), on(3, '2026-05-15', 10, 7)],
      'k',
      { fetchedAt: 1 },
    );
    // Outside the scope: another client's project, the day before, another organisation.
    await replaceDayEntries(
      db,
      { organisationId: 12345, userId: 55458, date: '2026-05-20' },
      [on(4, '2026-05-20', 99)],
      { fetchedAt: 1 },
    );
    await replaceDayEntries(
      db,
      { organisationId: 12345, userId: 55458, date: '2026-04-30' },
      [on(5, '2026-04-30', 10)],
      { fetchedAt: 1 },
    );

    // A team member's refresh: only their own entries in scope may go.
    await replaceRangeEntries(db, { ...scope, userId: 55458 }, [on(2, '2026-05-31', 11)], 'k', {
      fetchedAt: 2,
      projectIds: [10, 11],
    });

    expect(ids(await readRangeEntries(db, scope))).toEqual([3, 2]);
    expect(ids(await readRangeEntries(db, { ...scope, projectIds: [99] }))).toEqual([4]);
    expect(ids(await readRangeEntries(db, { ...scope, from: '2026-04-01' }))).toEqual([5, 3, 2]);
    expect(await readFetch(db, 'k')).toEqual({ fetchedAt: 2, projectIds: [10, 11] });
  });

  it.each([
    ['an entry outside the dates', [on(1, '2026-06-01', 10)]],
    ['an entry on another project', [on(1, '2026-05-02', 12)]],
    ['an entry without a project', [sampleEntry({ id: 1, date: '2026-05-02', projectId: null })]],
    [
      'an entry of another organisation',
      [sampleEntry({ id: 1, date: '2026-05-02', projectId: 10, organisationId: 1 })],
    ],
    ['an entry of another user than asked for', [on(1, '2026-05-02', 10, 7)]],
    ['a duplicate', [on(1, '2026-05-02', 10), on(1, '2026-05-02', 10)]],
    ['negative minutes', [sampleEntry({ id: 1, date: '2026-05-02', projectId: 10, minutes: -5 })]],
  ])('refuses %s and leaves the cache as it was', async (_label, entries) => {
    const db = await freshDb();
    await replaceRangeEntries(db, scope, [on(9, '2026-05-03', 10)], 'k', { fetchedAt: 1 });
    await expect(
      replaceRangeEntries(db, { ...scope, userId: 55458 }, entries, 'k', { fetchedAt: 2 }),
    ).rejects.toMatchObject({ code: 'unexpected_response' });
    expect(ids(await readRangeEntries(db, scope))).toEqual([9]);
    expect((await readFetch(db, 'k'))?.fetchedAt).toBe(1);
  });

  it('refuses a reversed or malformed range', async () => {
    const db = await freshDb();
    await expect(
      replaceRangeEntries(db, { ...scope, from: '2026-06-01' }, [], 'k', { fetchedAt: 1 }),
    ).rejects.toMatchObject({ code: 'unexpected_response' });
    await expect(
      replaceRangeEntries(db, { ...scope, to: '31-05-2026' }, [], 'k', { fetchedAt: 1 }),
    ).rejects.toMatchObject({ code: 'unexpected_response' });
  });
});
