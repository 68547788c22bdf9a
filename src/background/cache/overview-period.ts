/**
 * `overview.period`: the organisation's entries over one Overzicht period, stale-while-revalidate
 * as the panel's ranges (docs/architecture.md, Stale-while-revalidate): the cached snapshot at once, a
 * fresh read of `/report/time-entries` only when asked and not read within RANGE_FRESH_MS. The
 * billed status and revenue are worked out on every answer from this install's current records,
 * so a fill or a link shows without reading Keeping again.
 */
import { userDisplayName } from '../../core/keeping-types';
import { toCells } from '../../core/report/cells';
import { toReportEntries } from '../../core/report/classify';
import { toColumns } from '../../core/report/columns';
import type { ElsewhereFacts } from '../../core/report/elsewhere-revenue';
import { type ElsewhereShares, elsewhereShares } from '../../core/report/elsewhere-shares';
import { rateBookOf } from '../../core/report/rate-book';
import type { ReportEntry } from '../../core/report/report-entry';
import { revenueShares } from '../../core/report/revenue-shares';
import type { ElsewhereSummary, OverviewNames, OverviewView, PanelContext } from '../../shared/messages';
import { assertStillConnected } from '../account/connection';
import { readReference, type UrenbrugDatabase } from '../db/database';
import type { BackgroundClient } from '../dependencies';
import { readElsewhere } from './elsewhere-revenue';
import { rangeIsFresh } from './entries-range';
import {
  type OverviewSnapshot,
  readSnapshot,
  snapshotEntries,
  toSnapshot,
  writeSnapshot,
} from './overview-snapshot';
import { ownRecords } from './own-invoices';

export interface OverviewDeps {
  db: UrenbrugDatabase;
  organisationId: number;
  now: () => number;
  /** Reference data, names and rates (the panel's context: cached, refreshed when stale). */
  context: () => Promise<PanelContext>;
}

export interface RefreshOverviewDeps extends OverviewDeps {
  client: Pick<BackgroundClient, 'reportTimeEntries' | 'serverOffsetMs' | 'me' | 'countTimeEntries'>;
  stillConnected: () => Promise<boolean>;
}

export interface Period {
  from: string;
  to: string;
}

/** The connected user, from the cache or else from Keeping. */
export async function currentUser(deps: {
  db: UrenbrugDatabase;
  organisationId: number;
  client: Pick<BackgroundClient, 'me'>;
}) {
  const [cached] = await readReference(deps.db, deps.organisationId, 'me');
  return cached ?? (await deps.client.me(deps.organisationId));
}

/** The report entries of a snapshot, classified against this install's records now. */
export async function classifySnapshot(
  deps: Pick<OverviewDeps, 'db' | 'organisationId'>,
  snapshot: OverviewSnapshot,
  projects: PanelContext['projects'],
): Promise<{ entries: ReportEntry[]; elsewhere: ElsewhereSummary }> {
  const entries = snapshotEntries(snapshot, deps.organisationId);
  const minutes = new Map(entries.map((entry) => [entry.id, entry.minutes]));
  const [{ localLinks, lines, ownInvoices }, facts] = await Promise.all([
    ownRecords(deps.db, deps.organisationId),
    readElsewhere(deps.db, deps.organisationId),
  ]);
  const elsewhere = elsewhereShares(entries, ownInvoices, facts);
  const reportEntries = toReportEntries(entries, {
    projectClient: new Map(projects.map((project) => [project.id, project.clientId])),
    localLinks,
    shares: revenueShares(lines, (id) => minutes.get(id)),
    ownInvoices,
    elsewhere: elsewhere.shares,
  });
  return { entries: reportEntries, elsewhere: elsewhereSummary(elsewhere, facts) };
}

/** How many of the period's invoices made elsewhere have their revenue from Exact, and why not the rest. */
function elsewhereSummary(shares: ElsewhereShares, facts: ElsewhereFacts): ElsewhereSummary {
  const unknown: ElsewhereSummary['unknown'] = {};
  for (const reason of shares.unknown.values()) unknown[reason] = (unknown[reason] ?? 0) + 1;
  const readAt = facts.amounts.reduce<number | null>((latest, a) => Math.max(latest ?? 0, a.readAt), null);
  return { known: shares.known.size, unknown, readAt };
}

function namesOf(context: PanelContext): OverviewNames {
  return {
    clients: context.clients.map(({ id, name }) => ({ id, name })),
    projects: context.projects.map(({ id, name, clientId }) => ({ id, name, clientId })),
    tasks: context.tasks.map(({ id, name }) => ({ id, name })),
    users: context.users.map((user) => ({ id: user.id, name: userDisplayName(user) })),
  };
}

/** What an answer carries: the entries (the popup's month) or their sums per cell (the Overzicht page). */
export type OverviewShape = 'entries' | 'cells';

async function view(
  deps: OverviewDeps,
  period: Period,
  cached: { snapshot: OverviewSnapshot; fetchedAt: number } | null,
  shape: OverviewShape,
): Promise<OverviewView> {
  const context = await deps.context();
  const classified = cached ? await classifySnapshot(deps, cached.snapshot, context.projects) : null;
  const entries = classified?.entries ?? [];
  const fetchedAt = cached?.fetchedAt ?? null;
  const figureOptions = { today: context.today, rates: rateBookOf(context.lineDefaults) };
  return {
    ...period,
    today: context.today,
    fetchedAt,
    fresh: rangeIsFresh(fetchedAt, deps.now()),
    ownEntriesOnly: cached?.snapshot.userId != null,
    columns: toColumns(shape === 'entries' ? entries : []),
    ...(shape === 'cells' ? { cells: toCells(entries, period, figureOptions) } : {}),
    names: namesOf(context),
    lineDefaults: context.lineDefaults,
    organisationName: context.organisation?.name ?? null,
    elsewhere: classified?.elsewhere ?? { known: 0, unknown: {}, readAt: null },
  };
}

export async function cachedOverview(
  deps: OverviewDeps,
  period: Period,
  shape: OverviewShape = 'entries',
): Promise<OverviewView> {
  return view(deps, period, await readSnapshot(deps.db, deps.organisationId, period.from, period.to), shape);
}

/** Reads the period from Keeping unless it was read within the freshness window (or `force`). */
export async function refreshOverview(
  deps: RefreshOverviewDeps,
  period: Period,
  force = false,
  shape: OverviewShape = 'entries',
): Promise<OverviewView> {
  const cached = await readSnapshot(deps.db, deps.organisationId, period.from, period.to);
  if (!force && cached && rangeIsFresh(cached.fetchedAt, deps.now()))
    return view(deps, period, cached, shape);
  return view(deps, period, await readPeriod(deps, period), shape);
}

/** Reads the period's entries (of one client, when given) from Keeping and caches them. */
export async function readPeriod(
  deps: RefreshOverviewDeps,
  period: Period,
  keepingClientId?: number,
): Promise<{ snapshot: OverviewSnapshot; fetchedAt: number }> {
  const me = await currentUser(deps);
  // A team member must ask for exactly their own entries (docs/keeping-api.md, Reading entries).
  const userId = me.role === 'administrator' ? null : me.id;
  const entries = await deps.client.reportTimeEntries(deps.organisationId, {
    from: period.from,
    to: period.to,
    userIds: userId === null ? undefined : [userId],
    clientIds: keepingClientId === undefined ? undefined : [keepingClientId],
  });
  await assertStillConnected(deps.stillConnected);
  const snapshot = toSnapshot(deps.organisationId, { ...period, userId }, entries);
  const fetchedAt = deps.now();
  await writeSnapshot(
    deps.db,
    deps.organisationId,
    snapshot,
    { fetchedAt, serverOffsetMs: deps.client.serverOffsetMs() ?? undefined },
    keepingClientId,
  );
  return { snapshot, fetchedAt };
}
