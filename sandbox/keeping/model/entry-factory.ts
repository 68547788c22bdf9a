/** Builds stored time entries the way Keeping renders them: instants in the organisation's zone. */
import { isDirectHours } from './direct';
import { formatInstant } from './time-zone';
import type { ExternalReference, OrganisationData, Purpose, TimeEntry } from './types';

const HOUR = 3_600_000;

/** Keeping rounds hours to 4 decimals (49 minutes → 0.8167). */
export function roundHours(hours: number): number {
  return Math.round(hours * 10_000) / 10_000;
}

export function hoursBetween(startMs: number, endMs: number): number {
  return roundHours((endMs - startMs) / HOUR);
}

const INVOICE_TYPE = /_invoice$/;

/** Keeping locks entries that are invoiced, on a payslip, or on an archived project or task. */
export function shouldLock(data: OrganisationData, entry: TimeEntry): boolean {
  if (entry.external_references.some((ref) => INVOICE_TYPE.test(ref.type) || ref.type === 'leave_mutation')) {
    return true;
  }
  if (entry.purpose === 'break' && !data.organisation.features.breaks) return true;
  const project = data.projects.find((item) => item.id === entry.project_id);
  const task = data.tasks.find((item) => item.id === entry.task_id);
  return project?.state === 'archived' || task?.state === 'archived';
}

export interface EntrySpec {
  id: number;
  userId: number;
  date: string;
  purpose: Purpose;
  projectId: number | null;
  taskId: number | null;
  note: string | null;
  /** Times timesheet: the instants; `endMs` null makes the entry ongoing. */
  startMs: number | null;
  endMs: number | null;
  /** Hours timesheet: confirmed hours (start/end stay null unless ongoing). */
  hours?: number | null;
  externalReferences?: ExternalReference[];
  approvalStatus?: string;
}

export function buildEntry(data: OrganisationData, spec: EntrySpec): TimeEntry {
  const { organisation } = data;
  const zone = organisation.time_zone;
  const project = data.projects.find((item) => item.id === spec.projectId);
  const task = data.tasks.find((item) => item.id === spec.taskId);
  const hoursMode = organisation.features.timesheet === 'hours';
  const ongoing = spec.startMs !== null && spec.endMs === null;
  let hours: number | null;
  if (hoursMode) hours = spec.hours ?? null;
  else hours = spec.startMs !== null && spec.endMs !== null ? hoursBetween(spec.startMs, spec.endMs) : null;
  const entry: TimeEntry = {
    id: spec.id,
    user_id: spec.userId,
    date: spec.date,
    purpose: spec.purpose,
    approval_status: spec.approvalStatus ?? 'unsubmitted',
    project_id: spec.purpose === 'work' ? spec.projectId : null,
    task_id: spec.purpose === 'work' ? spec.taskId : null,
    tag_ids: [],
    note: spec.note,
    external_references: spec.externalReferences ?? [],
    // An hours timesheet only shows `start` while running, as the moment it was (re)started.
    start: spec.startMs === null || (hoursMode && !ongoing) ? null : formatInstant(spec.startMs, zone),
    end: spec.endMs === null || hoursMode ? null : formatInstant(spec.endMs, zone),
    hours,
    ongoing,
    locked: false,
    is_direct_hours: isDirectHours(organisation, spec.purpose, project, task),
    included_in_total: spec.purpose !== 'break' && spec.purpose !== 'unpaid_leave',
  };
  entry.locked = shouldLock(data, entry);
  return entry;
}
