import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport, buildReportFromCells } from '../../core/report/breakdown';
import { cellDivisions } from '../../core/report/cells';
import { fromColumns } from '../../core/report/columns';
import { computeFigures } from '../../core/report/figures';
import { rateBookOf } from '../../core/report/rate-book';
import { CUSTOMER_READ_MAX_ENTRIES } from '../cache/customer-summary';
import { RANGE_FRESH_MS } from '../cache/entries-range';
import { sampleUser } from '../testing/db-fixtures';
import {
  asPanel,
  BAKKERIJ,
  draftRef,
  INVOICE_ID,
  line,
  type PanelSetup,
  setupPanel,
} from '../testing/panel-setup';
import { createRouter } from './router';

const MAY = { from: '2026-05-01', to: '2026-05-31' };
let setup: PanelSetup;
beforeEach(async () => {
  setup = await setupPanel({ me: sampleUser({ role: 'administrator' }) });
});
afterEach(() => setup.close());

describe('overview.period', () => {
  it('answers an empty cache without asking Keeping, then reads the whole firm once per freshness window', async () => {
    const { handlers } = setup.start();
    const empty = await handlers['overview.period']({ ...MAY, fresh: false });
    expect(empty.fetchedAt).toBeNull();
    expect(empty.columns.id).toEqual([]);
    expect(setup.client.reportTimeEntries).not.toHaveBeenCalled();

    const fresh = await handlers['overview.period']({ ...MAY, fresh: true });
    expect(fresh.columns.id.sort()).toEqual([101, 102, 103, 104]);
    expect(fresh.ownEntriesOnly).toBe(false);
    expect(setup.client.reportTimeEntries).toHaveBeenCalledOnce();
    expect(setup.client.reportTimeEntries.mock.calls[0]?.[1]).toMatchObject({ ...MAY, userIds: undefined });

    setup.advance(RANGE_FRESH_MS - 1);
    await handlers['overview.period']({ ...MAY, fresh: true });
    expect(setup.client.reportTimeEntries).toHaveBeenCalledOnce();
    const cached = await handlers['overview.period']({ ...MAY, fresh: false });
    expect(cached.columns).toEqual(fresh.columns);
    await handlers['overview.period']({ ...MAY, fresh: true, force: true });
    expect(setup.client.reportTimeEntries).toHaveBeenCalledTimes(2);
  });

  it("counts this install's saved invoice as billed with its revenue, on every answer", async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    await handlers['overview.period']({ ...MAY, fresh: true });
    await setup.cacheFirm();
    const panel = asPanel(handlers);
    await panel.recordFill({ ref: draftRef(), lines: [line('a', [101])] });
    await panel.saved({ draft: draftRef(), invoiceId: INVOICE_ID, invoiceNumber: '20260042' });

    const view = await handlers['overview.period']({ ...MAY, fresh: false });
    const figures = computeFigures(fromColumns(view.columns), {
      today: view.today,
      rates: rateBookOf(view.lineDefaults),
    });
    expect(figures.billedBySource.local_link).toBe(49);
    expect(figures.revenueCents).toBe(14_250);
    // 1,50 billed for 49 minutes worked.
    expect(figures.roundingMinutes).toBe(41);
    expect(figures.billedMinutes + figures.unbilledMinutes).toBe(figures.directMinutes);
  });

  it('answers the same figures per cell when the page asks cells, with the revenue under its division', async () => {
    const { handlers } = setup.start({ holdWriteBack: true });
    await handlers['overview.period']({ ...MAY, fresh: true });
    await setup.cacheFirm();
    const panel = asPanel(handlers);
    await panel.recordFill({ ref: draftRef(), lines: [line('a', [101])] });
    await panel.saved({ draft: draftRef(), invoiceId: INVOICE_ID, invoiceNumber: '20260042' });

    const entries = await handlers['overview.period']({ ...MAY, fresh: false });
    const view = await handlers['overview.period']({ ...MAY, fresh: false, cells: true });
    expect(view.columns.id).toEqual([]);
    const cells = view.cells;
    if (!cells) throw new Error('no cells');
    const options = { today: view.today, rates: rateBookOf(view.lineDefaults) };
    expect(buildReportFromCells(cells)).toEqual(buildReport(fromColumns(entries.columns), MAY, options));
    const division = draftRef().division;
    expect(cellDivisions(cells)).toEqual([division]);
    expect(buildReportFromCells(cells, { filter: { divisions: [division] } }).totals.revenueCents).toBe(
      14_250,
    );
    expect(buildReportFromCells(cells, { filter: { divisions: [division + 1] } }).totals.revenueCents).toBe(
      0,
    );
  });

  it('refuses a period longer than 366 days or reversed', async () => {
    const { handlers } = setup.start();
    await expect(
      handlers['overview.period']({ from: '2025-01-01', to: '2026-01-02', fresh: false }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      handlers['overview.period']({ from: '2026-02-01', to: '2026-01-01', fresh: false }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('is for extension pages only; the panel may ask for its customer line', async () => {
    const { handlers } = setup.start();
    const self = { id: 'ext', origin: 'chrome-extension://ext/' };
    const route = createRouter(handlers, () => self);
    const content = {
      id: 'ext',
      url: 'https://start.exactonline.nl/docs/x',
      tab: { url: 'https://start.exactonline.nl/' },
    };
    const envelope = (name: string, data: unknown) => ({ urenbrug: 1, name, data });
    expect(await route(envelope('overview.period', { ...MAY, fresh: false }), content)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(
      await route(envelope('overview.customer', { keepingClientId: BAKKERIJ, fresh: false }), content),
    ).toMatchObject({ ok: true });
  });
});

describe('overview.customer', () => {
  it("sums one customer's unbilled hours of this year, reading only that client", async () => {
    const { handlers } = setup.start();
    const summary = await handlers['overview.customer']({ keepingClientId: BAKKERIJ, fresh: true });
    const query = setup.client.reportTimeEntries.mock.calls[0]?.[1];
    expect(query).toMatchObject({ from: '2026-01-01', to: '2026-12-31', clientIds: [BAKKERIJ] });
    // 101, 102, 104 in May and 105 in June: 4 × 49 minutes, the first on 4 May.
    expect(summary).toMatchObject({ unbilledMinutes: 196, unbilledSince: '2026-05-04' });
    expect(summary.unbilledValueCents).toBe(4 * 7758);
  });
});

describe('overview.totals', () => {
  it("keeps Keeping's month totals of a period, one call per freshness window", async () => {
    const report = async () => ({
      from: MAY.from,
      to: MAY.to,
      row_type: 'month',
      rows: [{ id: '2026-05-01..2026-05-31', description: 'mei', url: null, hours: 3.5, direct_hours: 2.25 }],
      total_hours: 3.5,
      total_direct_hours: 2.25,
    });
    Object.assign(setup.client, { report });
    const { handlers } = setup.start();
    const totals = await handlers['overview.totals']({ ...MAY, fresh: true });
    expect(totals.months).toEqual([{ month: '2026-05', minutes: 210, directMinutes: 135 }]);
    expect((await handlers['overview.totals']({ ...MAY, fresh: false })).months).toEqual(totals.months);
  });
});

describe('overview.customer at scale', () => {
  it("does not read a customer's year of more than CUSTOMER_READ_MAX_ENTRIES behind the panel's back", async () => {
    Object.assign(setup.client, { countTimeEntries: async () => CUSTOMER_READ_MAX_ENTRIES + 1 });
    const { handlers } = setup.start();
    const summary = await handlers['overview.customer']({ keepingClientId: BAKKERIJ, fresh: true });
    expect(summary.fetchedAt).toBeNull();
    expect(setup.client.reportTimeEntries).not.toHaveBeenCalled();
  });

  it('counts a big customer once a freshness window, not on every panel open', async () => {
    let counts = 0;
    Object.assign(setup.client, {
      countTimeEntries: async () => {
        counts += 1;
        return CUSTOMER_READ_MAX_ENTRIES + 1;
      },
    });
    const { handlers } = setup.start();
    await handlers['overview.customer']({ keepingClientId: BAKKERIJ, fresh: true });
    setup.advance(RANGE_FRESH_MS - 1);
    await handlers['overview.customer']({ keepingClientId: BAKKERIJ, fresh: true });
    expect(counts).toBe(1);
    setup.advance(1);
    await handlers['overview.customer']({ keepingClientId: BAKKERIJ, fresh: true });
    expect(counts).toBe(2);
    expect(setup.client.reportTimeEntries).not.toHaveBeenCalled();
  });
});
