/**
 * entries.range over a range inside one read in full (a month of a year), and a large range's
 * packed copy (db/range-snapshot.ts): complete from the cache, with no Keeping call, and never
 * an answer the entries store would not give.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entry } from '../../core/keeping-types';
import { replaceDayEntries } from '../db/database';
import { SNAPSHOT_FROM_ENTRIES } from '../db/range-snapshot';
import { sampleEntry, sampleUser } from '../testing/db-fixtures';
import { BAKKERIJ, firmEntries, type PanelSetup, setupPanel } from '../testing/panel-setup';
import { RANGE_FRESH_MS } from './entries-range';

const YEAR = { from: '2026-01-01', to: '2026-12-31', keepingClientId: BAKKERIJ };
const MAY = { from: '2026-05-01', to: '2026-05-31', keepingClientId: BAKKERIJ };
const ids = (view: { entries: { id: number }[] }) => view.entries.map((entry) => entry.id);
const administrator = sampleUser({ role: 'administrator' });

let setup: PanelSetup;
afterEach(() => setup.close());

/** Every Keeping call of any kind the setup's client has answered. */
function keepingCalls(): number {
  return Object.values(setup.client).reduce(
    (sum, fn) => sum + (vi.isMockFunction(fn) ? fn.mock.calls.length : 0),
    0,
  );
}

describe('entries.range inside a range read in full', () => {
  it('serves a month of a fetched year as complete, with the year’s age and no Keeping call', async () => {
    setup = await setupPanel({ me: administrator });
    const { handlers } = setup.start();
    const year = await handlers['entries.range']({ ...YEAR, fresh: true });
    const before = keepingCalls();

    setup.advance(60_000);
    const cached = await handlers['entries.range']({ ...MAY, fresh: false });
    expect(cached.fetchedAt).toBe(year.fetchedAt);
    expect(cached.fresh).toBe(true);
    expect(ids(cached)).toEqual([101, 104, 102]);
    // The panel's refresh inside the freshness window: the cache answers.
    const refreshed = await handlers['entries.range']({ ...MAY, fresh: true });
    expect(refreshed).toMatchObject({ fetchedAt: year.fetchedAt, fresh: true });
    expect(ids(refreshed)).toEqual([101, 104, 102]);
    expect(keepingCalls()).toBe(before);
  });

  it('after the freshness window shows the month with the year’s age, and the refresh reads only the month', async () => {
    setup = await setupPanel({ me: administrator });
    const { handlers } = setup.start();
    const year = await handlers['entries.range']({ ...YEAR, fresh: true });
    setup.advance(RANGE_FRESH_MS + 1_000);

    const stale = await handlers['entries.range']({ ...MAY, fresh: false });
    expect(stale).toMatchObject({ fetchedAt: year.fetchedAt, fresh: false });
    const fresh = await handlers['entries.range']({ ...MAY, fresh: true });
    expect(setup.client.reportTimeEntries).toHaveBeenCalledTimes(2);
    expect(setup.client.reportTimeEntries.mock.calls[1]?.[1]).toMatchObject({
      from: MAY.from,
      to: MAY.to,
    });
    expect(fresh.fetchedAt).toBeGreaterThan(year.fetchedAt ?? 0);
    // Now the month's own read is the latest: that is its age from here on.
    expect((await handlers['entries.range']({ ...MAY, fresh: false })).fetchedAt).toBe(fresh.fetchedAt);
  });

  it('still counts a range that reaches past the read one, or another client’s, as partial', async () => {
    setup = await setupPanel({ me: administrator });
    const { handlers } = setup.start();
    await handlers['entries.range']({ ...MAY, fresh: true });
    const before = keepingCalls();

    const wider = await handlers['entries.range']({ ...MAY, to: '2026-06-30', fresh: false });
    expect(wider.fetchedAt).toBeNull();
    const overlapping = await handlers['entries.range']({ ...MAY, from: '2026-04-15', fresh: false });
    expect(overlapping.fetchedAt).toBeNull();
    const otherClient = await handlers['entries.range']({ ...MAY, keepingClientId: 222, fresh: false });
    expect(otherClient.fetchedAt).toBeNull();
    expect(keepingCalls()).toBe(before);
    // And the refresh of such a range does ask Keeping.
    await handlers['entries.range']({ ...MAY, to: '2026-06-30', fresh: true });
    expect(keepingCalls()).toBeGreaterThan(before);
  });

  it('serves a month of a team member’s year as complete too', async () => {
    setup = await setupPanel();
    const { handlers } = setup.start();
    const year = await handlers['entries.range']({ ...YEAR, fresh: true });
    const month = await handlers['entries.range']({ ...MAY, fresh: false });
    expect(month).toMatchObject({ fetchedAt: year.fetchedAt, fresh: true });
    expect(ids(month)).toEqual([101, 102]);
  });
});

/** A year of a busy client: more entries than the packed copy's threshold, one a day or so. */
function busyYear(count = SNAPSHOT_FROM_ENTRIES + 10): Entry[] {
  return [
    ...firmEntries(),
    ...Array.from({ length: count }, (_, index) =>
      sampleEntry({
        id: 1_000 + index,
        date: `2026-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
        userId: 7 + (index % 5),
        minutes: 15 + (index % 90),
        note: index % 3 === 0 ? '' : `Werk ${index % 40}`,
        externalReferences:
          index % 4 === 0 ? [{ id: `ref-${index % 7}`, type: 'jira_issue', name: 'X', url: null }] : [],
      }),
    ),
  ];
}

const sum = (view: { entries: Entry[] }) => view.entries.reduce((total, entry) => total + entry.minutes, 0);

describe('a large range’s packed copy', () => {
  it('gives the same answer as the entries store, and is kept by the fetch that wrote it', async () => {
    setup = await setupPanel({ me: administrator, entries: busyYear() });
    const { handlers } = setup.start();
    const fresh = await handlers['entries.range']({ ...YEAR, fresh: true });
    expect(await setup.db.count('rangeSnapshots')).toBe(1);
    const cached = await handlers['entries.range']({ ...YEAR, fresh: false });
    expect(cached.entries).toEqual(fresh.entries);
    expect(sum(cached)).toBe(sum(fresh));
  });

  it('is dropped when a day inside it is written, and the answer shows the new entry', async () => {
    setup = await setupPanel({ me: administrator, entries: busyYear() });
    const { handlers } = setup.start();
    const fresh = await handlers['entries.range']({ ...YEAR, fresh: true });
    // The popup refreshes one user's day in the year: an entry more.
    const added = sampleEntry({
      id: 99_999,
      date: '2026-05-04',
      userId: 7,
      minutes: 60,
      start: null,
      end: null,
    });
    const sameDay = fresh.entries.filter((entry) => entry.date === '2026-05-04' && entry.userId === 7);
    await replaceDayEntries(
      setup.db,
      { organisationId: added.organisationId, userId: 7, date: '2026-05-04' },
      [...sameDay, added],
      { fetchedAt: Date.parse('2026-06-12T08:00:30Z') },
    );
    expect(await setup.db.count('rangeSnapshots')).toBe(0);
    const cached = await handlers['entries.range']({ ...YEAR, fresh: false });
    expect(ids(cached)).toContain(99_999);
    expect(sum(cached)).toBe(sum(fresh) + 60);
    // Read from the entries store once, the copy is made again from what was read.
    expect(await setup.db.count('rangeSnapshots')).toBe(1);
    expect((await handlers['entries.range']({ ...YEAR, fresh: false })).entries).toEqual(cached.entries);
  });

  it('is dropped by a fetch of an overlapping range, and not used for another fetch time', async () => {
    setup = await setupPanel({ me: administrator, entries: busyYear() });
    const { handlers } = setup.start();
    await handlers['entries.range']({ ...YEAR, fresh: true });
    const [key] = await setup.db.getAllKeys('rangeSnapshots');
    const withEntry101 = await setup.db.get('rangeSnapshots', key as string);
    expect(withEntry101?.count).toBeGreaterThan(SNAPSHOT_FROM_ENTRIES);

    setup.keeping.remove(101);
    await handlers['entries.range']({ ...MAY, fresh: true, force: true });
    expect(await setup.db.get('rangeSnapshots', key as string)).toBeUndefined();
    expect(ids(await handlers['entries.range']({ ...YEAR, fresh: false }))).not.toContain(101);

    // The old copy, as if made for another fetch of the year: not this fetch's answer.
    await setup.db.put(
      'rangeSnapshots',
      { ...withEntry101!, fetchedAt: withEntry101!.fetchedAt - 1 },
      key as string,
    );
    expect(ids(await handlers['entries.range']({ ...YEAR, fresh: false }))).not.toContain(101);
    // Nor for other projects than the answer is read on.
    await setup.db.put('rangeSnapshots', { ...withEntry101!, projectIds: [1] }, key as string);
    expect(ids(await handlers['entries.range']({ ...YEAR, fresh: false }))).not.toContain(101);
  });

  it('is not made for a small range', async () => {
    setup = await setupPanel({ me: administrator });
    const { handlers } = setup.start();
    await handlers['entries.range']({ ...YEAR, fresh: true });
    await handlers['entries.range']({ ...YEAR, fresh: false });
    expect(await setup.db.count('rangeSnapshots')).toBe(0);
  });
});
