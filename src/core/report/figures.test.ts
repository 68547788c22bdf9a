import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RateBook } from '../rates';
import { entriesArbitrary } from '../testing/report-entry-arbitrary';
import { type BreakdownRow, buildReport } from './breakdown';
import { billedPermille, computeFigures, type Figures, revenuePerHourCents } from './figures';
import type { ReportEntry } from './report-entry';

const rates: RateBook = {
  rules: new Map([
    ['p:1', { rateCents: 9500 }],
    ['p:2:t:3', { rateCents: 12_000 }],
    ['p:4', { rateCents: 0 }],
  ]),
  defaultRateCents: 0,
  defaultItemCode: 'UREN',
};
const options = { today: '2026-06-15', rates };
const range = { from: '2026-01-01', to: '2026-06-30' };

/** The additive figures (the unknown invoices' count is distinct per row, not additive). */
const ADDITIVE = [
  'workedMinutes',
  'directMinutes',
  'indirectMinutes',
  'billedMinutes',
  'unbilledMinutes',
  'revenueCents',
  'revenueMinutes',
  'unknownRevenueMinutes',
  'unbilledValueCents',
  'noRateMinutes',
  'roundingMinutes',
  'roundingCents',
] as const;

function sumOf(rows: readonly { figures: Figures }[], key: (typeof ADDITIVE)[number]): number {
  return rows.reduce((total, row) => total + row.figures[key], 0);
}

function checkReconciles(figures: Figures): void {
  expect(figures.billedMinutes + figures.unbilledMinutes).toBe(figures.directMinutes);
  expect(figures.directMinutes + figures.indirectMinutes).toBe(figures.workedMinutes);
  const age = figures.unbilledByAge;
  expect(age.thisMonth + age.oneToThreeMonths + age.older).toBe(figures.unbilledMinutes);
  const bySource = figures.billedBySource;
  expect(bySource.keeping_invoice + bySource.urenbrug_reference + bySource.local_link).toBe(
    figures.billedMinutes,
  );
  expect(figures.revenueMinutes + figures.unknownRevenueMinutes).toBe(figures.billedMinutes);
}

function checkRow(row: BreakdownRow): void {
  checkReconciles(row.figures);
  if (row.children.length === 0) return;
  for (const key of ADDITIVE) expect(sumOf(row.children, key)).toBe(row.figures[key]);
  row.children.forEach(checkRow);
}

describe('buildReport', () => {
  it('reconciles: billed + unbilled = direct per row and in total; every level sums to its parent', () => {
    fc.assert(
      fc.property(entriesArbitrary, fc.constantFrom('task' as const, 'user' as const), (entries, leaf) => {
        const report = buildReport(entries, range, { ...options, leaf });
        checkReconciles(report.totals);
        for (const key of ADDITIVE) {
          expect(sumOf(report.rows, key)).toBe(report.totals[key]);
          expect(sumOf(report.months, key)).toBe(report.totals[key]);
        }
        report.rows.forEach(checkRow);
        for (const month of report.months) checkReconciles(month.figures);
      }),
    );
  });

  it('an invoice with unknown revenue never changes the known figures', () => {
    fc.assert(
      fc.property(entriesArbitrary, fc.integer({ min: 1, max: 600 }), (entries, minutes) => {
        const before = computeFigures(entries, options);
        const unknown: ReportEntry = {
          id: 10_000,
          date: '2026-03-03',
          clientId: 1,
          projectId: 1,
          taskId: null,
          userId: 1,
          minutes,
          direct: true,
          billing: {
            source: 'keeping_invoice',
            invoice: 'KEEPING-99',
            revenueCents: null,
            billedMinutes: null,
          },
        };
        const after = computeFigures([...entries, unknown], options);
        expect(after.revenueCents).toBe(before.revenueCents);
        expect(after.revenueMinutes).toBe(before.revenueMinutes);
        expect(revenuePerHourCents(after)).toBe(revenuePerHourCents(before));
        expect(after.roundingCents).toBe(before.roundingCents);
        expect(after.unbilledValueCents).toBe(before.unbilledValueCents);
        expect(after.unknownRevenueMinutes).toBe(before.unknownRevenueMinutes + minutes);
        expect(after.unknownRevenueInvoices).toBe(before.unknownRevenueInvoices + 1);
      }),
    );
  });

  it('filters before summing and leaves out entries outside the range by their Keeping date', () => {
    const entries: ReportEntry[] = [
      // Worked 23:00–01:30 on the night into 1 July, but Keeping dates it 30 June: it counts in June.
      {
        id: 1,
        date: '2026-06-30',
        clientId: 1,
        projectId: 1,
        taskId: null,
        userId: 1,
        minutes: 150,
        direct: true,
        billing: null,
      },
      {
        id: 2,
        date: '2026-07-01',
        clientId: 1,
        projectId: 1,
        taskId: null,
        userId: 1,
        minutes: 60,
        direct: true,
        billing: null,
      },
      {
        id: 3,
        date: '2026-06-10',
        clientId: 2,
        projectId: 2,
        taskId: 3,
        userId: 2,
        minutes: 30,
        direct: true,
        billing: null,
      },
    ];
    const june = buildReport(entries, { from: '2026-06-01', to: '2026-06-30' }, options);
    expect(june.totals.workedMinutes).toBe(180);
    const onlyClient2 = buildReport(entries, range, { ...options, filter: { clientIds: [2] } });
    expect(onlyClient2.totals.workedMinutes).toBe(30);
    expect(onlyClient2.rows.map((row) => row.clientId)).toEqual([2]);
  });
});

describe('figures', () => {
  it('values unbilled hours at the remembered rates and counts "no rate" apart', () => {
    const base = { date: '2026-06-01', clientId: 1, taskId: null, userId: 1, direct: true, billing: null };
    const figures = computeFigures(
      [
        { ...base, id: 1, projectId: 1, minutes: 90 },
        { ...base, id: 2, projectId: 2, taskId: 3, minutes: 30 },
        { ...base, id: 3, projectId: 4, minutes: 45 },
        { ...base, id: 4, projectId: 9, minutes: 15 },
      ],
      options,
    );
    expect(figures.unbilledValueCents).toBe(14_250 + 6000);
    expect(figures.noRateMinutes).toBe(60);
  });

  it('gives revenue per billed hour over the hours whose revenue is known, and the ratio in permille', () => {
    const billed = (id: number, minutes: number, revenueCents: number | null) => ({
      id,
      date: '2026-05-02',
      clientId: 1,
      projectId: 1,
      taskId: null,
      userId: 1,
      minutes,
      direct: true,
      billing: {
        source: 'local_link' as const,
        invoice: `F${id}`,
        revenueCents,
        billedMinutes: minutes + 15,
      },
    });
    const figures = computeFigures([billed(1, 120, 20_000), billed(2, 60, null)], options);
    expect(revenuePerHourCents(figures)).toBe(10_000);
    expect(figures.roundingMinutes).toBe(15);
    // 20,000 cents for 135 billed minutes; 120 worked would have been 17,778.
    expect(figures.roundingCents).toBe(2222);
    expect(billedPermille(figures)).toBe(1000);
    expect(revenuePerHourCents(computeFigures([], options))).toBeNull();
  });

  it('ages unbilled hours by month: this month, one to three months, older', () => {
    const at = (id: number, date: string) => ({
      id,
      date,
      clientId: null,
      projectId: null,
      taskId: null,
      userId: 1,
      minutes: 10,
      direct: true,
      billing: null,
    });
    const figures = computeFigures([at(1, '2026-06-01'), at(2, '2026-03-31'), at(3, '2026-02-28')], options);
    expect(figures.unbilledByAge).toEqual({ thisMonth: 10, oneToThreeMonths: 10, older: 10 });
  });
});
