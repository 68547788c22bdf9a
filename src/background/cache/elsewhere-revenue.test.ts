import { afterEach, describe, expect, it, vi } from 'vitest';
import { urenbrugReference } from '../../core/billing';
import { fromColumns } from '../../core/report/columns';
import { computeFigures } from '../../core/report/figures';
import { rateBookOf } from '../../core/report/rate-book';
import type { BackgroundClient } from '../dependencies';
import { sampleEntry, sampleUser } from '../testing/db-fixtures';
import { DIVISION, type PanelSetup, setupPanel } from '../testing/panel-setup';

const MAY = { from: '2026-05-01', to: '2026-05-31' };
const COLLEAGUE_INVOICE = '0a1b2c3d-0000-4000-8000-0000000000cc';
const KEEPING_INVOICE = '0a1b2c3d-0000-4000-8000-0000000000dd';
const keepingReference = {
  id: 'f00dfeed0123456789',
  type: 'exact_online_invoice',
  name: '26700101',
  url: null,
};
const colleagueReference = urenbrugReference(DIVISION, COLLEAGUE_INVOICE, 'Factuur 20260007 (Exact Online)');

/** May: 60 + 30 minutes on Keeping's invoice, 45 on a colleague's, 20 not billed. */
const entries = () => [
  sampleEntry({ id: 1, date: '2026-05-04', minutes: 60, externalReferences: [keepingReference] }),
  sampleEntry({ id: 2, date: '2026-05-11', minutes: 30, externalReferences: [keepingReference] }),
  sampleEntry({ id: 3, date: '2026-05-12', minutes: 45, externalReferences: [colleagueReference] }),
  sampleEntry({ id: 4, date: '2026-05-13', minutes: 20 }),
];

let setup: PanelSetup;
afterEach(() => setup.close());

/** Keeping's grouped totals per reference: Keeping's invoice holds only May; the colleague's also 45 minutes of April. */
function withTotals(): void {
  const report = vi.fn<NonNullable<BackgroundClient['report']>>(async (_org, query) => ({
    from: query.from,
    to: query.to,
    row_type: 'external_reference',
    rows: [
      { id: keepingReference.id, description: '26700101', url: null, hours: 1.5, direct_hours: 1.5 },
      { id: colleagueReference.id, description: 'x', url: null, hours: 1.5, direct_hours: 1.5 },
    ].filter((row) => query.externalReferenceIds?.includes(row.id ?? '')),
    total_hours: 3,
    total_direct_hours: 3,
  }));
  Object.assign(setup.client, { report });
}

async function figures(handlers: Awaited<ReturnType<PanelSetup['start']>>['handlers']) {
  const view = await handlers['overview.period']({ ...MAY, fresh: false });
  return {
    view,
    figures: computeFigures(fromColumns(view.columns), {
      today: view.today,
      rates: rateBookOf(view.lineDefaults),
    }),
  };
}

describe('revenue of invoices made elsewhere', () => {
  it("asks the panel for the period's invoice numbers, keeps only those, and counts processed amounts by Keeping's hours", async () => {
    setup = await setupPanel({ me: sampleUser({ role: 'administrator' }), entries: entries() });
    withTotals();
    const { handlers } = setup.start({ holdWriteBack: true });
    await handlers['overview.period']({ ...MAY, fresh: true });
    const before = await figures(handlers);
    expect(before.view.elsewhere).toEqual({ known: 0, unknown: { 'not-read': 2 }, readAt: null });
    expect(before.figures.unknownRevenueInvoices).toBe(2);

    const { numbers } = await handlers['revenue.wanted']({ division: DIVISION });
    expect(numbers.sort()).toEqual([20260007, 26700101]);
    const answer = await handlers['revenue.report']({
      division: DIVISION,
      found: [
        { invoiceNumber: 26700101, invoiceId: KEEPING_INVOICE, revenueCents: 150_00, status: 50 },
        {
          invoiceNumber: 20260007,
          invoiceId: COLLEAGUE_INVOICE.toUpperCase(),
          revenueCents: 100_01,
          status: 50,
        },
        // Not asked: a page cannot plant an amount for an invoice no entry names.
        { invoiceNumber: 20269999, invoiceId: KEEPING_INVOICE, revenueCents: 1_000_000_00, status: 50 },
      ],
      missing: [],
    });
    expect(answer).toEqual({ stored: 2, refused: 1 });

    const after = await figures(handlers);
    // Keeping's invoice whole (its 90 minutes are all in May); the colleague's 45 of 90 minutes.
    expect(after.figures.revenueCents).toBe(150_00 + 50_01);
    expect(after.figures.revenueMinutes).toBe(135);
    expect(after.figures.unknownRevenueInvoices).toBe(0);
    expect(after.view.elsewhere.known).toBe(2);
    expect(after.figures.billedMinutes + after.figures.unbilledMinutes).toBe(after.figures.directMinutes);
    // Settled: nothing more to read for this division.
    expect((await handlers['revenue.wanted']({ division: DIVISION })).numbers).toEqual([]);
  });

  it("never takes a colleague's invoice from another division, nor an open one, and asks again after a day", async () => {
    setup = await setupPanel({ me: sampleUser({ role: 'administrator' }), entries: entries() });
    withTotals();
    const { handlers } = setup.start({ holdWriteBack: true });
    await handlers['overview.period']({ ...MAY, fresh: true });
    await handlers['revenue.report']({
      division: DIVISION + 1,
      found: [{ invoiceNumber: 20260007, invoiceId: COLLEAGUE_INVOICE, revenueCents: 999_00, status: 50 }],
      missing: [26700101],
    });
    await handlers['revenue.report']({
      division: DIVISION,
      found: [{ invoiceNumber: 26700101, invoiceId: KEEPING_INVOICE, revenueCents: 150_00, status: 20 }],
      missing: [20260007],
    });
    const { view, figures: counted } = await figures(handlers);
    expect(counted.revenueCents).toBe(0);
    expect(view.elsewhere.unknown).toEqual({ 'not-read': 1, 'not-final': 1 });
    expect((await handlers['revenue.wanted']({ division: DIVISION })).numbers).toEqual([]);
    setup.advance(24 * 3_600_000);
    expect((await handlers['revenue.wanted']({ division: DIVISION })).numbers.sort()).toEqual([
      20260007, 26700101,
    ]);
  });

  it("keeps a team member's amounts unknown: Keeping totals only their own hours of an invoice", async () => {
    setup = await setupPanel({ me: sampleUser({ role: 'team_member' }), entries: entries() });
    withTotals();
    const { handlers } = setup.start({ holdWriteBack: true });
    await handlers['overview.period']({ ...MAY, fresh: true });
    await handlers['revenue.report']({
      division: DIVISION,
      found: [{ invoiceNumber: 26700101, invoiceId: KEEPING_INVOICE, revenueCents: 150_00, status: 50 }],
      missing: [],
    });
    const { view, figures: counted } = await figures(handlers);
    expect(counted.revenueCents).toBe(0);
    expect(view.elsewhere.unknown['no-total']).toBe(1);
  });

  it('refuses a report that is not Exact-shaped', async () => {
    setup = await setupPanel({ me: sampleUser({ role: 'administrator' }), entries: entries() });
    const { handlers } = setup.start({ holdWriteBack: true });
    const bad = {
      division: DIVISION,
      found: [{ invoiceNumber: 1, invoiceId: 'x', revenueCents: 0.5, status: 50 }],
      missing: [],
    };
    await expect(handlers['revenue.report'](bad)).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
