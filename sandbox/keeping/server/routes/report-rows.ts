/** Grouping for /report: which row(s) an entry counts in, per row_type (docs/keeping-api.md, Reports). */
import { roundHours } from '../../model/entry-factory';
import type { ExternalReference, TimeEntry } from '../../model/types';
import type { OrgContext } from '../http/context';
import type { Lang } from '../http/messages';
import type { EntryFilter } from './entry-filter';
import { type PeriodType, periodRow } from './report-periods';

export const ROW_TYPES = [
  'project',
  'task',
  'tag',
  'client',
  'user',
  'external_reference',
  'external_reference_type',
  'day',
  'week',
  'month',
  'quarter',
  'year',
] as const;
export type RowType = (typeof ROW_TYPES)[number];

const PERIODS: readonly string[] = ['day', 'week', 'month', 'quarter', 'year'];

export interface ReportRow {
  id: string | null;
  description: string;
  url: string | null;
  hours: number;
  direct_hours: number | null;
}

type RowKey = Pick<ReportRow, 'id' | 'description' | 'url'>;

const NONE: Record<string, Record<Lang, string>> = {
  project: { nl: 'Geen project', en: 'No project' },
  task: { nl: 'Geen taak', en: 'No task' },
  client: { nl: 'Geen klant', en: 'No client' },
  tag: { nl: 'Geen label', en: 'No tag' },
  external_reference: { nl: 'Geen externe referentie', en: 'No external reference' },
  external_reference_type: { nl: 'Geen externe referentie', en: 'No external reference' },
};

/** With a reference filter, reference rows show only the references that were asked for. */
function referencesOf(entry: TimeEntry, filter: EntryFilter): ExternalReference[] {
  return entry.external_references.filter(
    (ref) =>
      (!filter.referenceTypes || filter.referenceTypes.includes(ref.type)) &&
      (!filter.referenceIds || filter.referenceIds.includes(ref.id)),
  );
}

function keyMaker(ctx: OrgContext, rowType: RowType, filter: EntryFilter): (entry: TimeEntry) => RowKey[] {
  const { org, lang } = ctx;
  const none = (): RowKey[] => [{ id: null, description: NONE[rowType]?.[lang] ?? '', url: null }];
  const projects = new Map(org.projects.map((project) => [project.id, project]));
  const tasks = new Map(org.tasks.map((task) => [task.id, task]));
  const users = new Map(org.users.map((user) => [user.id, user]));
  if (PERIODS.includes(rowType)) {
    // Intl formatting per entry would dominate a 50,000-entry report; a day's row never changes.
    const byDay = new Map<string, RowKey[]>();
    return (entry) => {
      let keys = byDay.get(entry.date);
      if (!keys) {
        keys = [{ ...periodRow(rowType as PeriodType, entry.date, lang), url: null }];
        byDay.set(entry.date, keys);
      }
      return keys;
    };
  }
  switch (rowType) {
    case 'project':
      return (entry) => {
        const project = entry.project_id === null ? undefined : projects.get(entry.project_id);
        if (!project) return none();
        const code = project.code ? ` #${project.code}` : '';
        const client = project.client ? ` – ${project.client.name}` : '';
        return [{ id: String(project.id), description: `${project.name}${code}${client}`, url: null }];
      };
    case 'task':
      return (entry) => {
        const task = entry.task_id === null ? undefined : tasks.get(entry.task_id);
        return task ? [{ id: String(task.id), description: task.name, url: null }] : none();
      };
    case 'client':
      return (entry) => {
        const client = entry.project_id === null ? null : projects.get(entry.project_id)?.client;
        return client ? [{ id: String(client.id), description: client.name, url: null }] : none();
      };
    case 'user':
      return (entry) => {
        const user = users.get(entry.user_id);
        const name = [user?.first_name, user?.surname].filter(Boolean).join(' ');
        return [{ id: String(entry.user_id), description: name, url: null }];
      };
    case 'external_reference':
      return (entry) => {
        const refs = referencesOf(entry, filter);
        return refs.length === 0
          ? none()
          : refs.map((ref) => ({ id: ref.id, description: ref.name, url: ref.url }));
      };
    case 'external_reference_type':
      return (entry) => {
        const types = [...new Set(referencesOf(entry, filter).map((ref) => ref.type))];
        return types.length === 0
          ? none()
          : types.map((type) => ({ id: type, description: type, url: null }));
      };
    default:
      // The sandbox organisations have no tags.
      return none;
  }
}

/** Rows with hours (breaks already excluded by the caller); `withDirect` false gives null direct hours. */
export function groupRows(
  ctx: OrgContext,
  entries: TimeEntry[],
  rowType: RowType,
  filter: EntryFilter,
  withDirect: boolean,
): ReportRow[] {
  const keysOf = keyMaker(ctx, rowType, filter);
  const rows = new Map<string, ReportRow>();
  for (const entry of entries) {
    const hours = entry.hours ?? 0;
    for (const key of keysOf(entry)) {
      const mapKey = key.id ?? '\u0000none';
      let row = rows.get(mapKey);
      if (!row) {
        row = { ...key, hours: 0, direct_hours: withDirect ? 0 : null };
        rows.set(mapKey, row);
      }
      row.hours += hours;
      if (row.direct_hours !== null && entry.is_direct_hours) row.direct_hours += hours;
    }
  }
  const sorted = [...rows.values()].sort((a, b) => {
    if (a.id === null || b.id === null) return a.id === null ? 1 : -1;
    return PERIODS.includes(rowType)
      ? a.id.localeCompare(b.id)
      : a.description.localeCompare(b.description, 'nl');
  });
  return sorted.map((row) => ({
    ...row,
    hours: roundHours(row.hours),
    direct_hours: row.direct_hours === null ? null : roundHours(row.direct_hours),
  }));
}
