/**
 * The filters shared by /report, /report/time-entries and /time-entries/last. Unknown ids are
 * 404 and unknown reference types 422, as Keeping answers (docs/keeping-api.md, Reading entries).
 */

import type { TimeEntry } from '../../model/types';
import { canSeeTeam } from '../http/access';
import { forbidden, invalid, notFound } from '../http/api-error';
import type { OrgContext } from '../http/context';

export const EXTERNAL_REFERENCE_TYPES = [
  'basecamp_1_todo',
  'basecamp_2_todo',
  'basecamp_3_todo',
  'trello_card',
  'asana_task',
  'github_issue',
  'jira_issue',
  'todoist_todo',
  'generic_work_reference',
  'moneybird_invoice',
  'exact_online_invoice',
  'jortt_invoice',
  'eboekhouden_invoice',
  'twinfield_invoice',
  'snelstart_invoice',
  'leave_mutation',
  'trip',
];

export interface EntryFilter {
  userIds?: number[];
  projectIds?: number[];
  clientIds?: number[];
  taskIds?: number[];
  referenceTypes?: string[];
  referenceIds?: string[];
  from?: string;
  to?: string;
}

function known(ids: number[] | undefined, existing: ReadonlyArray<{ id: number }>): number[] | undefined {
  if (ids?.some((id) => !existing.some((item) => item.id === id))) throw notFound();
  return ids;
}

export function readEntryFilter(ctx: OrgContext): EntryFilter {
  const { query, org } = ctx;
  const referenceTypes = query.array('external_reference_types');
  if (referenceTypes.some((type) => !EXTERNAL_REFERENCE_TYPES.includes(type)))
    throw invalid('external_reference_types');
  const referenceIds = query.array('external_reference_ids');
  const from = query.day('from');
  const to = query.day('to');
  if (from !== undefined && to !== undefined && to < from) throw invalid('to', 'order');
  return {
    userIds: known(query.ids('user_ids'), org.users),
    projectIds: known(query.ids('project_ids'), org.projects),
    clientIds: known(query.ids('client_ids'), org.clients),
    taskIds: known(query.ids('task_ids'), org.tasks),
    referenceTypes: referenceTypes.length > 0 ? referenceTypes : undefined,
    referenceIds: referenceIds.length > 0 ? referenceIds : undefined,
    from,
    to,
  };
}

/** Without team rights a report must be asked for exactly `user_ids[]=<own id>`. */
export function requireOwnReport(ctx: OrgContext, filter: EntryFilter): void {
  if (canSeeTeam(ctx)) return;
  if (filter.userIds?.length !== 1 || filter.userIds[0] !== ctx.me.id) throw forbidden();
}

export function entryMatcher(ctx: OrgContext, filter: EntryFilter): (entry: TimeEntry) => boolean {
  const clientOf = new Map(ctx.org.projects.map((project) => [project.id, project.client?.id ?? null]));
  const users = filter.userIds && new Set(filter.userIds);
  const projects = filter.projectIds && new Set(filter.projectIds);
  const clients = filter.clientIds && new Set(filter.clientIds);
  const tasks = filter.taskIds && new Set(filter.taskIds);
  return (entry) =>
    (!users || users.has(entry.user_id)) &&
    (!projects || (entry.project_id !== null && projects.has(entry.project_id))) &&
    (!clients || (entry.project_id !== null && clients.has(clientOf.get(entry.project_id) ?? -1))) &&
    (!tasks || (entry.task_id !== null && tasks.has(entry.task_id))) &&
    (!filter.referenceTypes ||
      entry.external_references.some((ref) => filter.referenceTypes?.includes(ref.type))) &&
    (!filter.referenceIds ||
      entry.external_references.some((ref) => filter.referenceIds?.includes(ref.id))) &&
    (filter.from === undefined || entry.date >= filter.from) &&
    (filter.to === undefined || entry.date <= filter.to);
}

/** Chronological by instant (local clock strings mis-order around DST), then id; hours-timesheet entries have no start. */
export function sortByTime(entries: TimeEntry[]): TimeEntry[] {
  return entries
    .map((entry) => ({ entry, start: entry.start === null ? 0 : Date.parse(entry.start) }))
    .sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.start - b.start || a.entry.id - b.entry.id)
    .map((item) => item.entry);
}
