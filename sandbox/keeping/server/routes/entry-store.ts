/** Shared write mechanics: rebuild an entry from its parts, stop running timers, empty write meta. */
import { type EntrySpec, hoursBetween, roundHours } from '../../model/entry-factory';
import { formatInstant } from '../../model/time-zone';
import type { TimeEntry, WriteMeta } from '../../model/types';
import { ApiError } from '../http/api-error';
import type { OrgContext } from '../http/context';

export function emptyMeta(): WriteMeta {
  return {
    created_additional_time_entry_ids: [],
    modified_existing_time_entry_ids: [],
    deleted_existing_time_entry_ids: [],
  };
}

export function specOf(entry: TimeEntry): EntrySpec {
  return {
    id: entry.id,
    userId: entry.user_id,
    date: entry.date,
    purpose: entry.purpose,
    projectId: entry.project_id,
    taskId: entry.task_id,
    note: entry.note,
    startMs: entry.start === null ? null : Date.parse(entry.start),
    endMs: entry.end === null ? null : Date.parse(entry.end),
    hours: entry.hours,
    externalReferences: entry.external_references,
    approvalStatus: entry.approval_status,
  };
}

/** Ends a running entry at the sandbox clock: `end` on a times timesheet, added hours on an hours one. */
export function stopEntry(ctx: OrgContext, entry: TimeEntry): void {
  if (entry.start === null) return;
  const startMs = Date.parse(entry.start);
  const endMs = Math.max(ctx.nowMs, startMs);
  entry.ongoing = false;
  if (ctx.org.organisation.features.timesheet === 'hours') {
    entry.hours = roundHours((entry.hours ?? 0) + (endMs - startMs) / 3_600_000);
    entry.start = null;
  } else {
    entry.end = formatInstant(endMs, ctx.org.organisation.time_zone);
    entry.hours = hoursBetween(startMs, endMs);
  }
}

/** Keeping allows one running entry per user: starting another stops the previous one. */
export function stopRunning(ctx: OrgContext, userId: number): number[] {
  const running = ctx.org.timeEntries.filter((entry) => entry.user_id === userId && entry.ongoing);
  for (const entry of running) stopEntry(ctx, entry);
  return running.map((entry) => entry.id);
}

/** Hours-timesheet merge key (docs/keeping-api.md, Time-entry rules); tags are not part of it. */
export function mergeKey(
  entry: Pick<
    TimeEntry,
    'user_id' | 'date' | 'purpose' | 'project_id' | 'task_id' | 'note' | 'external_references'
  >,
): string {
  return JSON.stringify([
    entry.user_id,
    entry.date,
    entry.purpose,
    entry.project_id,
    entry.task_id,
    (entry.note ?? '').trim(),
    entry.external_references.map((ref) => [ref.type, ref.id]),
  ]);
}

/** Invoiced, payslip-linked or archived entries cannot be changed, deleted or resumed. */
export function requireUnlocked(entry: TimeEntry): void {
  if (entry.locked) throw new ApiError(403, 'locked');
}
