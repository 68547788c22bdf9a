import { describe, expect, it } from 'vitest';
import { urenbrugReference } from '../billing';
import { makeEntry } from '../testing/entry-fixture';
import { toReportEntries } from './classify';
import { revenueShares } from './revenue-shares';

const ours = urenbrugReference(7, 'inv-1', 'F2026-001');
const colleagues = urenbrugReference(7, 'inv-2', 'F2026-002');
const entries = [
  makeEntry({ id: 1, projectId: 10, externalReferences: [ours] }),
  makeEntry({ id: 2, projectId: 10, externalReferences: [colleagues] }),
  makeEntry({
    id: 3,
    projectId: 11,
    locked: true,
    externalReferences: [{ id: '123', type: 'exact_online_invoice', name: '2026-77', url: null }],
  }),
  makeEntry({ id: 4, projectId: 11 }),
  makeEntry({ id: 5, projectId: 11, purpose: 'break' }),
  makeEntry({ id: 6, projectId: 11, isDirect: false }),
  makeEntry({ id: 7, projectId: 11 }),
];
const shares = revenueShares(
  [{ referenceId: ours.id, division: 1, entryIds: [1], amountCents: 9500, minutes: 60, billedMinutes: 60 }],
  () => 60,
);
const context = {
  projectClient: new Map<number, number | null>([
    [10, 100],
    [11, 101],
  ]),
  localLinks: new Map([[7, 'concept']]),
  shares,
  ownInvoices: new Set([ours.id]),
};

describe('toReportEntries', () => {
  it('knows revenue only for its own filled invoices and counts every source of billed', () => {
    const byId = new Map(toReportEntries(entries, context).map((entry) => [entry.id, entry]));
    expect(byId.get(1)?.billing).toEqual({
      source: 'urenbrug_reference',
      invoice: 'F2026-001',
      revenueCents: 9500,
      billedMinutes: 60,
      division: 1,
    });
    expect(byId.get(2)?.billing).toMatchObject({ source: 'urenbrug_reference', revenueCents: null });
    expect(byId.get(3)?.billing).toMatchObject({
      source: 'keeping_invoice',
      invoice: '2026-77',
      revenueCents: null,
    });
    expect(byId.get(4)?.billing).toBeNull();
    expect(byId.has(5)).toBe(false);
    expect(byId.get(6)?.direct).toBe(false);
    expect(byId.get(7)?.billing).toMatchObject({ source: 'local_link', revenueCents: null });
    expect(byId.get(4)?.clientId).toBe(101);
  });
});
