/**
 * `overview.totals`: Keeping's own grouped totals of a period per month, one `/report` call
 * (docs/keeping-api.md, Reports), cached like a range. The Overzicht shows the previous period's
 * hours from it without reading that period's entries.
 */
import type { MonthTotal } from '../../core/report/report-entry';
import { UrenbrugError } from '../../shared/errors';
import type { OverviewTotals } from '../../shared/messages';
import { assertStillConnected } from '../account/connection';
import type { UrenbrugDatabase } from '../db/database';
import type { BackgroundClient } from '../dependencies';
import { rangeIsFresh } from './entries-range';
import { currentUser } from './overview-period';

export interface TotalsDeps {
  db: UrenbrugDatabase;
  organisationId: number;
  now: () => number;
}

const totalsKey = (organisationId: number, from: string, to: string) =>
  `overview-totals:${organisationId}:${from}:${to}`;

const toMinutes = (hours: number): number => Math.round(hours * 60);

export async function cachedTotals(
  deps: TotalsDeps,
  period: { from: string; to: string },
): Promise<OverviewTotals> {
  const record = await deps.db.get('fetches', totalsKey(deps.organisationId, period.from, period.to));
  return { ...period, fetchedAt: record?.fetchedAt ?? null, months: record?.monthTotals ?? [] };
}

export async function refreshTotals(
  deps: TotalsDeps & {
    client: Pick<BackgroundClient, 'me' | 'report'>;
    stillConnected: () => Promise<boolean>;
  },
  period: { from: string; to: string },
): Promise<OverviewTotals> {
  const cached = await cachedTotals(deps, period);
  if (rangeIsFresh(cached.fetchedAt, deps.now())) return cached;
  const report = deps.client.report;
  if (!report) throw new UrenbrugError('internal', 'This Keeping client cannot read grouped reports');
  const me = await currentUser(deps);
  const userIds = me.role === 'administrator' ? undefined : [me.id];
  const answer = await report(deps.organisationId, { ...period, userIds, rowType: 'month' });
  await assertStillConnected(deps.stillConnected);
  const months: MonthTotal[] = answer.rows.flatMap((row) => {
    // Month rows are "Y-m-d..Y-m-d" (or one day); the first day names the month.
    const month = row.id?.slice(0, 7) ?? '';
    if (!/^\d{4}-\d{2}$/.test(month)) return [];
    return [
      {
        month,
        minutes: toMinutes(row.hours),
        directMinutes: row.direct_hours === null ? null : toMinutes(row.direct_hours),
      },
    ];
  });
  const fetchedAt = deps.now();
  await deps.db.put(
    'fetches',
    { fetchedAt, monthTotals: months },
    totalsKey(deps.organisationId, period.from, period.to),
  );
  return { ...period, fetchedAt, months };
}
