/**
 * Before a long range is read entry by entry: how many entries and pages it has, how long that
 * takes at Keeping's 120 a minute, and Keeping's own totals per project from the grouped
 * `/report` (docs/keeping-api.md, Reports). Two calls, whatever the size of the range, so the
 * panel can show the sums at once and say how long the entries will take before starting.
 */
import { UrenbrugError } from '../../shared/errors';
import type { RangeEstimate } from '../../shared/messages';
import { readReference, type UrenbrugDatabase } from '../db/database';
import type { BackgroundClient } from '../dependencies';
import { PAGE_SIZE } from '../keeping/paginate';
import type { RangeQuery } from './entries-range';

/** Keeping's budget per minute (docs/keeping-api.md, Rate limit) and how many run at once. */
const PER_MINUTE = 120;
/** A page takes about this long on the wire; three run at once until the minute's budget is spent. */
const PAGE_MS = 300;

/** Seconds to read `pages` pages: a burst of the minute's budget, then two a second. */
export function readSeconds(pages: number): number {
  const burst = Math.min(pages, PER_MINUTE);
  const seconds = (burst * PAGE_MS) / 3 / 1000 + Math.max(0, pages - PER_MINUTE) * (60 / PER_MINUTE);
  return Math.ceil(seconds);
}

export interface EstimateDeps {
  db: UrenbrugDatabase;
  organisationId: number;
  client: BackgroundClient;
}

const toMinutes = (hours: number): number => Math.round(hours * 60);

export async function estimateRange(deps: EstimateDeps, query: RangeQuery): Promise<RangeEstimate> {
  const { organisationId, client } = deps;
  const { countTimeEntries, report: groupedReport } = client;
  if (!countTimeEntries || !groupedReport) {
    throw new UrenbrugError('internal', 'This Keeping client cannot read grouped reports');
  }
  const [cachedMe] = await readReference(deps.db, organisationId, 'me');
  const me = cachedMe ?? (await client.me(organisationId));
  // A team member must ask for exactly their own entries (docs/keeping-api.md, Reading entries).
  const userIds = me.role === 'administrator' ? undefined : [me.id];
  const filters = { from: query.from, to: query.to, clientIds: [query.keepingClientId], userIds };
  const [entries, report] = await Promise.all([
    countTimeEntries(organisationId, filters),
    groupedReport(organisationId, { ...filters, rowType: 'project' }),
  ]);
  const pages = Math.ceil(entries / PAGE_SIZE);
  const projects = report.rows.flatMap((row) => {
    const projectId = row.id === null ? Number.NaN : Number(row.id);
    if (!Number.isSafeInteger(projectId) || projectId <= 0) return [];
    return [
      {
        projectId,
        minutes: toMinutes(row.hours),
        directMinutes: row.direct_hours === null ? null : toMinutes(row.direct_hours),
      },
    ];
  });
  return {
    entries,
    pages,
    seconds: readSeconds(pages),
    projects,
    totalMinutes: toMinutes(report.total_hours),
    totalDirectMinutes: report.total_direct_hours === null ? null : toMinutes(report.total_direct_hours),
  };
}
