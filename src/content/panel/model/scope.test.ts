import { describe, expect, it } from 'vitest';
import { urenbrugReference } from '../../../core/billing';
import { makeEntry } from '../../../core/testing/entry-fixture';
import { isTicked, listGroups, type ScopeInput, scopeEntries, tickedEntries } from './scope';

const entries = [
  makeEntry({ id: 1, date: '2026-05-04', projectId: 10 }),
  makeEntry({ id: 2, date: '2026-05-03', projectId: 10 }),
  makeEntry({ id: 3, date: '2026-05-05', projectId: 11 }),
  makeEntry({
    id: 4,
    date: '2026-05-06',
    projectId: 11,
    externalReferences: [urenbrugReference(1, '1:abc', '2026001')],
  }),
  makeEntry({ id: 5, date: '2026-05-06', projectId: 11, purpose: 'break' }),
];

function input(overrides: Partial<ScopeInput> = {}): ScopeInput {
  return {
    entries,
    clientProjectIds: new Set([10, 11]),
    period: { from: '2026-05-01', to: '2026-05-31' },
    projectIds: null,
    userIds: null,
    hours: 'direct',
    localLinks: {
      3: { invoiceKey: '1:other', invoiceLabel: 'F-9' },
      1: { invoiceKey: '1:mine', invoiceLabel: 'F-1' },
    },
    ownEntryIds: new Set(),
    ownInvoiceKey: '1:mine',
    ...overrides,
  };
}

describe('scopeEntries', () => {
  it('marks entries billed on other invoices, not on this one', () => {
    const scope = scopeEntries(input());
    expect(scope.entries.map((row) => [row.entry.id, row.billed?.invoice ?? null])).toEqual([
      [1, null],
      [2, null],
      [3, 'F-9'],
      [4, '2026001'],
    ]);
    expect(scope.skipped.not_work).toBe(1);
  });

  it("treats this invoice's own entries as open even when Keeping carries Urenbrug's mark", () => {
    const scope = scopeEntries(input({ ownEntryIds: new Set([4]) }));
    expect(scope.entries.find((row) => row.entry.id === 4)?.billed).toBeNull();
  });
});

describe('ticks', () => {
  const scope = scopeEntries(input());

  it('takes open entries unless unticked and billed ones only when shown and confirmed', () => {
    const ticks = { includeBilled: false, excluded: new Set([2]), confirmedBilled: new Set([3]) };
    expect(tickedEntries(scope, ticks).map((entry) => entry.id)).toEqual([1]);
    expect(tickedEntries(scope, { ...ticks, includeBilled: true }).map((entry) => entry.id)).toEqual([1, 3]);
    expect(isTicked(scope.entries[3]!, { ...ticks, includeBilled: true })).toBe(false);
  });

  it('lists groups by project name with rows by date, billed ones only when asked', () => {
    const names = new Map([
      [10, 'Website'],
      [11, 'Boekhouding'],
    ]);
    const hidden = listGroups(scope, false, (id) => names.get(id) ?? '');
    expect(hidden.map((group) => [group.name, group.rows.map((row) => row.entry.id)])).toEqual([
      ['Website', [2, 1]],
    ]);
    const shown = listGroups(scope, true, (id) => names.get(id) ?? '');
    expect(shown.map((group) => group.name)).toEqual(['Boekhouding', 'Website']);
    expect(shown[0]!.minutes).toBe(120);
  });
});
