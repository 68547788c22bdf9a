/** /report (grouped hours) and /report/time-entries (the paginated bulk read). */
import { planHasDirectHours } from '../../model/direct';
import { roundHours } from '../../model/entry-factory';
import { dayToUtcMs } from '../../model/time-zone';
import type { TimeEntry } from '../../model/types';
import { onTheWire } from '../../seed/hostile';
import { requireFeature, requireScope } from '../http/access';
import { ApiError, invalid } from '../http/api-error';
import type { OrgContext, Route } from '../http/context';
import { paginate } from '../http/pagination';
import {
  type EntryFilter,
  entryMatcher,
  readEntryFilter,
  requireOwnReport,
  sortByTime,
} from './entry-filter';
import { groupRows, ROW_TYPES, type RowType } from './report-rows';

const MAX_DAYS = 366;

const sumHours = (entries: TimeEntry[]): number =>
  roundHours(entries.reduce((sum, entry) => sum + (entry.purpose === 'break' ? 0 : (entry.hours ?? 0)), 0));

/** Reporting scope, the own-data rule, and Plus for anything about external references. */
function reportFilter(ctx: OrgContext): EntryFilter {
  requireScope(ctx, 'reporting');
  const filter = readEntryFilter(ctx);
  requireOwnReport(ctx, filter);
  if ((filter.referenceTypes || filter.referenceIds) && !planHasDirectHours(ctx.org.organisation)) {
    throw new ApiError(403, 'plan');
  }
  return filter;
}

function reportEntries(ctx: OrgContext) {
  const filter = reportFilter(ctx);
  const entries = sortByTime(ctx.org.timeEntries.filter(entryMatcher(ctx, filter)));
  const page = paginate(entries, ctx.query);
  return {
    status: 200,
    body: {
      time_entries: page.items.map((entry) => onTheWire(ctx.org, entry)),
      meta: { ...page.meta, total_hours: sumHours(entries) },
    },
  };
}

function report(ctx: OrgContext) {
  requireScope(ctx, 'reporting');
  const from = ctx.query.day('from');
  const to = ctx.query.day('to');
  const rowType = ctx.query.string('row_type');
  if (from === undefined) throw invalid('from', 'required');
  if (to === undefined) throw invalid('to', 'required');
  if (rowType === undefined) throw invalid('row_type', 'required');
  if (!(ROW_TYPES as readonly string[]).includes(rowType)) throw invalid('row_type');
  if ((dayToUtcMs(to) - dayToUtcMs(from)) / 86_400_000 > MAX_DAYS) throw invalid('to', 'range');
  const filter = reportFilter(ctx);
  const organisation = ctx.org.organisation;
  if (rowType === 'project' || rowType === 'client') requireFeature(ctx, 'projects');
  if (rowType === 'task') requireFeature(ctx, 'tasks');
  if (rowType.startsWith('external_reference') && !planHasDirectHours(organisation))
    throw new ApiError(403, 'plan');
  const matches = entryMatcher(ctx, filter);
  // Breaks never count as hours.
  const entries = ctx.org.timeEntries.filter((entry) => entry.purpose !== 'break' && matches(entry));
  const withDirect = planHasDirectHours(organisation);
  const rows = groupRows(ctx, entries, rowType as RowType, filter, withDirect);
  const total = (pick: (row: (typeof rows)[number]) => number) =>
    roundHours(rows.reduce((sum, row) => sum + pick(row), 0));
  return {
    status: 200,
    body: {
      report: {
        from,
        to,
        row_type: rowType,
        rows,
        total_hours: total((row) => row.hours),
        total_direct_hours: withDirect ? total((row) => row.direct_hours ?? 0) : null,
      },
    },
  };
}

export const reportRoutes: Route[] = [
  { method: 'GET', path: '/:org/report', handler: report },
  { method: 'GET', path: '/:org/report/time-entries', handler: reportEntries },
];
