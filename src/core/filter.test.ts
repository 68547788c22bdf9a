import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EntrySelection, selectEntries } from './filter';
import type { Entry } from './keeping-types';
import { entriesArbitrary } from './testing/entry-arbitrary';
import { makeEntry } from './testing/entry-fixture';

const APRIL = { from: '2026-04-01', to: '2026-04-30' };
const base: EntrySelection = { period: APRIL, clientProjectIds: new Set([10, 11]) };
const invoiced = [{ id: 'abcdef0123', type: 'exact_online_invoice', name: 'F-1', url: null }];

function ids(entries: Entry[]): number[] {
  return entries.map((entry) => entry.id);
}

describe('selectEntries', () => {
  it('keeps direct, unbilled work on the client’s projects inside the period', () => {
    const entries = [
      makeEntry({ id: 1 }),
      makeEntry({ id: 2, projectId: 11, date: '2026-04-30' }),
      makeEntry({ id: 3, projectId: 12 }), // another client
      makeEntry({ id: 4, projectId: null }),
      makeEntry({ id: 5, date: '2026-03-31' }),
      makeEntry({ id: 6, date: '2026-05-01' }),
    ];
    const result = selectEntries(entries, base);
    expect(ids(result.entries)).toEqual([1, 2]);
    expect(result.skipped).toEqual({ not_work: 0, ongoing: 0, empty: 0, indirect: 0, billed: 0 });
  });

  it('skips non-billable entries and counts why', () => {
    const entries = [
      makeEntry({ id: 1, purpose: 'break' }),
      makeEntry({ id: 2, purpose: 'statutory_leave' }),
      makeEntry({ id: 3, ongoing: true }),
      makeEntry({ id: 4, minutes: 0 }),
      makeEntry({ id: 5, isDirect: false }),
      makeEntry({ id: 6, locked: true, externalReferences: invoiced }),
      makeEntry({ id: 7 }),
      makeEntry({ id: 8 }),
    ];
    const result = selectEntries(entries, { ...base, localLinks: new Map([[8, 'concept']]) });
    expect(ids(result.entries)).toEqual([7]);
    expect(result.skipped).toEqual({ not_work: 2, ongoing: 1, empty: 1, indirect: 1, billed: 2 });
  });

  it('includes indirect hours and billed entries on request', () => {
    const entries = [
      makeEntry({ id: 1, isDirect: false }),
      makeEntry({ id: 2, externalReferences: invoiced }),
    ];
    expect(ids(selectEntries(entries, { ...base, hours: 'all' }).entries)).toEqual([1]);
    expect(ids(selectEntries(entries, { ...base, hours: 'all', includeBilled: true }).entries)).toEqual([
      1, 2,
    ]);
  });

  it('narrows to chosen projects and people', () => {
    const entries = [
      makeEntry({ id: 1, projectId: 10, userId: 1 }),
      makeEntry({ id: 2, projectId: 11, userId: 1 }),
      makeEntry({ id: 3, projectId: 11, userId: 2 }),
    ];
    expect(ids(selectEntries(entries, { ...base, projectIds: new Set([11]) }).entries)).toEqual([2, 3]);
    expect(ids(selectEntries(entries, { ...base, userIds: new Set([2]) }).entries)).toEqual([3]);
    // A chosen project outside the client's projects does not widen the selection.
    expect(
      ids(
        selectEntries(entries, { ...base, clientProjectIds: new Set([10]), projectIds: new Set([11]) })
          .entries,
      ),
    ).toEqual([]);
    expect(ids(selectEntries(entries, { ...base, userIds: new Set() }).entries)).toEqual([]);
  });

  it('reports locked entries that nothing billed', () => {
    const entries = [makeEntry({ id: 1, locked: true }), makeEntry({ id: 2 })];
    const result = selectEntries(entries, base);
    expect(ids(result.entries)).toEqual([1, 2]);
    expect(result.lockedEntryIds).toEqual([1]);
  });

  it('accounts for every in-scope entry exactly once', () => {
    fc.assert(
      fc.property(
        entriesArbitrary(),
        fc.boolean(),
        fc.constantFrom('direct', 'all' as const),
        (entries, includeBilled, hours) => {
          const selection: EntrySelection = {
            period: { from: '2026-04-10', to: '2026-05-10' },
            clientProjectIds: new Set([1, 2, 3]),
            includeBilled,
            hours,
            localLinks: new Map(entries.filter((e) => e.id % 4 === 0).map((e) => [e.id, 'x'])),
          };
          const result = selectEntries(entries, selection);
          const inScope = entries.filter(
            (e) =>
              e.projectId !== null && e.projectId <= 3 && e.date >= '2026-04-10' && e.date <= '2026-05-10',
          );
          const skipped = Object.values(result.skipped).reduce((a, b) => a + b, 0);
          expect(result.entries.length + skipped).toBe(inScope.length);
          for (const entry of result.entries) {
            expect(inScope).toContain(entry);
            if (hours === 'direct') expect(entry.isDirect).toBe(true);
            if (!includeBilled) expect(entry.id % 4).not.toBe(0);
          }
        },
      ),
    );
  });
});
