import { describe, expect, it, vi } from 'vitest';
import { toCells } from '../core/report/cells';
import { toColumns } from '../core/report/columns';
import { rateBookOf } from '../core/report/rate-book';
import type { ReportEntry } from '../core/report/report-entry';
import type { OverviewView, send } from '../shared/messages';
import { createOverviewModel, initialKind } from './overview-model';

const entry = (id: number, date: string, minutes: number, billed: boolean): ReportEntry => ({
  id,
  date,
  clientId: 1,
  projectId: 2,
  taskId: null,
  userId: 3,
  minutes,
  direct: true,
  billing: billed
    ? { source: 'keeping_invoice', invoice: 'K1', revenueCents: null, billedMinutes: null }
    : null,
});

const lineDefaults = { defaultRateCents: 6000, defaultItemCode: 'UREN', rules: {} };

function viewOf(
  from: string,
  to: string,
  entries: ReportEntry[],
  fetchedAt: number | null,
  fresh: boolean,
): OverviewView {
  return {
    from,
    to,
    today: '2026-06-15',
    fetchedAt,
    fresh,
    ownEntriesOnly: false,
    columns: toColumns([]),
    cells: toCells(entries, { from, to }, { today: '2026-06-15', rates: rateBookOf(lineDefaults) }),
    names: { clients: [{ id: 1, name: 'Bakkerij' }], projects: [], tasks: [], users: [] },
    lineDefaults,
    organisationName: 'Firma',
    elsewhere: { known: 0, unknown: {}, readAt: null },
  };
}

describe('the Overzicht model', () => {
  it('draws the cached period first, then the fresh one, and asks the previous period beside it', async () => {
    const calls: Array<[string, unknown]> = [];
    const fake = vi.fn(async (name: string, data: { from: string; to: string; fresh: boolean }) => {
      calls.push([name, data]);
      if (name === 'overview.totals') return { from: data.from, to: data.to, fetchedAt: 1, months: [] };
      if (data.from === '2026-05-01') return viewOf(data.from, data.to, [], null, false);
      return data.fresh
        ? viewOf(
            data.from,
            data.to,
            [entry(1, '2026-06-02', 90, true), entry(2, '2026-06-03', 30, false)],
            2,
            true,
          )
        : viewOf(data.from, data.to, [entry(1, '2026-06-02', 90, true)], 1, false);
    });
    const model = createOverviewModel({ send: fake as unknown as typeof send, today: () => '2026-06-15' });
    await model.load();
    expect(
      calls.map(
        ([name, data]) => `${name} ${(data as { from: string }).from} ${(data as { fresh: boolean }).fresh}`,
      ),
    ).toEqual([
      'overview.period 2026-06-01 false',
      'overview.period 2026-05-01 false',
      'overview.totals 2026-05-01 true',
      'overview.period 2026-06-01 true',
    ]);
    const totals = model.report.value?.totals;
    expect(totals?.billedMinutes).toBe(90);
    expect(totals?.unbilledMinutes).toBe(30);
    expect(totals?.unbilledValueCents).toBe(3000);
    expect(model.sortedRows.value.map((row) => model.rowName(row))).toEqual(['Bakkerij']);
  });

  it('refuses a custom range over 366 days without asking the background', async () => {
    const fake = vi.fn();
    const model = createOverviewModel({ send: fake as unknown as typeof send, today: () => '2026-06-15' });
    model.setCustom('from', '2025-01-01');
    model.setCustom('to', '2026-06-30');
    expect(model.rangeProblem.value).toBe('too_long');
    expect(fake).not.toHaveBeenCalled();
    expect(initialKind('?period=year')).toBe('year');
    expect(initialKind('?period=<x>')).toBe('month');
  });
});
