/**
 * `overview.customer`: the panel's one line for the invoice's customer — this year's unbilled
 * direct hours (since the first of them), their value at the remembered rates, and the revenue of
 * this year's billed hours as far as this install knows it. From the Overzicht's snapshot of the
 * year when there is one, else from one client-scoped read of the year, cached the same way.
 */

import { computeFigures } from '../../core/report/figures';
import { rateBookOf } from '../../core/report/rate-book';
import { calendarPeriod } from '../../core/report/report-period';
import type { CustomerSummary } from '../../shared/messages';
import { rangeIsFresh } from './entries-range';
import {
  classifySnapshot,
  currentUser,
  type OverviewDeps,
  type RefreshOverviewDeps,
  readPeriod,
} from './overview-period';
import { readSnapshot } from './overview-snapshot';

/**
 * A year of a big customer is hundreds of pages; the line is not worth minutes of Keeping's budget
 * behind the bookkeeper's back. Above this many entries it waits for the Overzicht's read of the year.
 */
export const CUSTOMER_READ_MAX_ENTRIES = 2000;

/**
 * When a customer's year was last counted too large to read, by organisation, client and year.
 * Without it every panel open of a big customer cost one Keeping call; with it, one a freshness
 * window (a restarted worker forgets, and counts once more).
 */
export type LargeYearMemo = Map<string, number>;

async function smallEnough(
  deps: RefreshOverviewDeps,
  year: { from: string; to: string },
  keepingClientId: number,
  largeYears: LargeYearMemo,
): Promise<boolean> {
  const count = deps.client.countTimeEntries;
  if (!count) return true;
  const me = await currentUser(deps);
  const userIds = me.role === 'administrator' ? undefined : [me.id];
  const key = `${deps.organisationId}:${keepingClientId}:${year.from}:${userIds ?? 'all'}`;
  if (rangeIsFresh(largeYears.get(key) ?? null, deps.now())) return false;
  const small =
    (await count(deps.organisationId, { ...year, clientIds: [keepingClientId], userIds })) <=
    CUSTOMER_READ_MAX_ENTRIES;
  if (small) largeYears.delete(key);
  else largeYears.set(key, deps.now());
  return small;
}

export async function customerSummary(
  deps: OverviewDeps & { refresh: () => Promise<RefreshOverviewDeps>; largeYears: LargeYearMemo },
  keepingClientId: number,
  fresh: boolean,
): Promise<CustomerSummary> {
  const context = await deps.context();
  const year = calendarPeriod('year', context.today);
  const firmWide = await readSnapshot(deps.db, deps.organisationId, year.from, year.to);
  let read =
    firmWide && rangeIsFresh(firmWide.fetchedAt, deps.now())
      ? firmWide
      : await readSnapshot(deps.db, deps.organisationId, year.from, year.to, keepingClientId);
  if (fresh && (read === null || !rangeIsFresh(read.fetchedAt, deps.now()))) {
    const refresh = await deps.refresh();
    if (await smallEnough(refresh, year, keepingClientId, deps.largeYears))
      read = await readPeriod(refresh, year, keepingClientId);
  }
  if (read === null) {
    return {
      unbilledMinutes: 0,
      unbilledSince: null,
      unbilledValueCents: 0,
      noRateMinutes: 0,
      billedRevenueCents: 0,
      unknownRevenueMinutes: 0,
      fetchedAt: null,
    };
  }
  const entries = (await classifySnapshot(deps, read.snapshot, context.projects)).entries.filter(
    (entry) => entry.clientId === keepingClientId,
  );
  const figures = computeFigures(entries, { today: context.today, rates: rateBookOf(context.lineDefaults) });
  let since: string | null = null;
  for (const entry of entries) {
    if (
      entry.direct &&
      entry.billing === null &&
      entry.minutes > 0 &&
      (since === null || entry.date < since)
    ) {
      since = entry.date;
    }
  }
  return {
    unbilledMinutes: figures.unbilledMinutes,
    unbilledSince: since,
    unbilledValueCents: figures.unbilledValueCents,
    noRateMinutes: figures.noRateMinutes,
    billedRevenueCents: figures.revenueCents,
    unknownRevenueMinutes: figures.unknownRevenueMinutes,
    fetchedAt: read.fetchedAt,
  };
}
