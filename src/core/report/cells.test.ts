import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RateBook } from '../rates';
import { entriesArbitrary } from '../testing/report-entry-arbitrary';
import { buildReport, buildReportFromCells, type ReportFilter } from './breakdown';
import { cellDivisions, cellTotals, toCells } from './cells';

const rates: RateBook = {
  rules: new Map([
    ['p:1', { rateCents: 9500 }],
    ['p:2:t:3', { rateCents: 12_000 }],
  ]),
  defaultRateCents: 6000,
  defaultItemCode: 'UREN',
};
const options = { today: '2026-06-15', rates };
const range = { from: '2026-02-01', to: '2026-05-31' };

const ids = (max: number) =>
  fc.option(fc.uniqueArray(fc.integer({ min: 1, max }), { maxLength: 2 }), { freq: 2 });
const filterArbitrary: fc.Arbitrary<ReportFilter> = fc
  .record({
    clientIds: ids(3),
    projectIds: ids(4),
    userIds: ids(3),
    divisions: fc.option(fc.uniqueArray(fc.constantFrom(101, 202, 303), { maxLength: 2 }), { freq: 2 }),
  })
  .map((filter) => Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== null)));

describe('the report from cells', () => {
  it('equals the report from the entries, figure for figure, at either leaf level and under any filter', () => {
    fc.assert(
      fc.property(
        entriesArbitrary,
        filterArbitrary,
        fc.constantFrom('task' as const, 'user' as const),
        (entries, filter, leaf) => {
          const cells = toCells(entries, range, options);
          expect(buildReportFromCells(cells, { filter, leaf })).toEqual(
            buildReport(entries, range, { ...options, filter, leaf }),
          );
        },
      ),
    );
  });

  it('sums to the same totals without the breakdown', () => {
    fc.assert(
      fc.property(entriesArbitrary, (entries) => {
        const cells = toCells(entries, range, options);
        expect(cellTotals(cells)).toEqual(buildReport(entries, range, options).totals);
      }),
    );
  });

  it('holds fewer cells than entries when entries share a client, project, task, person and month', () => {
    const entry = (id: number) => ({
      id,
      date: `2026-03-0${id}`,
      clientId: 1,
      projectId: 1,
      taskId: null,
      userId: 1,
      minutes: 30,
      direct: true,
      billing: null,
    });
    const cells = toCells([entry(1), entry(2), entry(3)], range, options);
    expect(cells.userId).toHaveLength(1);
    expect(buildReportFromCells(cells).totals.unbilledValueCents).toBe(3 * 9500 * 0.5);
  });

  it('a division filter narrows revenue only: hours stay, and no division means every one', () => {
    fc.assert(
      fc.property(entriesArbitrary, fc.constantFrom(101, 202), (entries, division) => {
        const cells = toCells(entries, range, options);
        const all = buildReportFromCells(cells).totals;
        const one = buildReportFromCells(cells, { filter: { divisions: [division] } }).totals;
        expect(buildReportFromCells(cells, { filter: { divisions: [] } }).totals).toEqual(all);
        expect(one.workedMinutes).toBe(all.workedMinutes);
        expect(one.billedMinutes).toBe(all.billedMinutes);
        expect(one.unbilledValueCents).toBe(all.unbilledValueCents);
        expect(one.unknownRevenueMinutes).toBe(all.unknownRevenueMinutes);
        const other = buildReportFromCells(cells, { filter: { divisions: [division === 101 ? 202 : 101] } });
        expect(one.revenueCents + other.totals.revenueCents).toBe(all.revenueCents);
        expect(one.revenueMinutes + other.totals.revenueMinutes).toBe(all.revenueMinutes);
        expect(one.roundingCents + other.totals.roundingCents).toBe(all.roundingCents);
      }),
    );
    const billed = {
      id: 1,
      date: '2026-03-02',
      clientId: 1,
      projectId: 1,
      taskId: null,
      userId: 1,
      minutes: 60,
      direct: true,
      billing: {
        source: 'local_link' as const,
        invoice: 'F1',
        revenueCents: 9000,
        billedMinutes: 60,
        division: 101,
      },
    };
    expect(cellDivisions(toCells([billed], range, options))).toEqual([101]);
  });
});
