/**
 * Creating, changing and deleting entries. Known gap: breaks do not trim or split overlapping
 * work entries (docs/keeping-api.md, Time-entry rules), and a PATCH on an hours timesheet does not fold
 * duplicates together.
 */
import { buildEntry, type EntrySpec } from '../../model/entry-factory';
import { addDays, formatInstant, zonedInstant } from '../../model/time-zone';
import { findEntry, findUser, paramId, requireScope, requireUserAccess, todayOf } from '../http/access';
import { invalid } from '../http/api-error';
import type { OrgContext, Route } from '../http/context';
import { isDay } from '../http/query';
import {
  checkProjectTask,
  clockOf,
  parseClock,
  readNote,
  readPurpose,
  readReferences,
  readTagIds,
} from './entry-input';
import { emptyMeta, mergeKey, requireUnlocked, specOf, stopRunning } from './entry-store';

/** Start and end on the entry's day; an end before the start is on the next day. */
function instants(ctx: OrgContext, date: string, startMin: number, endMin: number | null) {
  const zone = ctx.org.organisation.time_zone;
  const startMs = zonedInstant(date, startMin, zone);
  const endMs =
    endMin === null ? null : zonedInstant(endMin < startMin ? addDays(date, 1) : date, endMin, zone);
  if (endMs === null && startMs > ctx.nowMs) throw invalid('start', 'future_start');
  return { startMs, endMs };
}

function readHours(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1000)
    throw invalid('hours');
  return value;
}

function create(ctx: OrgContext) {
  requireScope(ctx, 'time');
  const { body } = ctx;
  if (body.user_id !== undefined && !Number.isInteger(body.user_id)) throw invalid('user_id');
  const userId = (body.user_id as number | undefined) ?? ctx.me.id;
  findUser(ctx, userId);
  requireUserAccess(ctx, userId);
  if (body.date !== undefined && !isDay(body.date)) throw invalid('date');
  const today = todayOf(ctx);
  const date = (body.date as string | undefined) ?? today;
  const purpose = readPurpose(body.purpose);
  const { projectId, taskId } = checkProjectTask(ctx, userId, purpose, body.project_id, body.task_id);
  const note = body.note === undefined ? null : readNote(body.note);
  if (body.tag_ids !== undefined) readTagIds(body.tag_ids);
  const externalReferences =
    body.external_references === undefined ? [] : readReferences(body.external_references);
  const spec: EntrySpec = {
    id: 0,
    userId,
    date,
    purpose,
    projectId,
    taskId,
    note,
    startMs: null,
    endMs: null,
    externalReferences,
  };

  if (ctx.org.organisation.features.timesheet === 'times') {
    if (date > today && (body.start === undefined || body.end === undefined || body.end === null)) {
      throw invalid('start', 'needs_times');
    }
    const zone = ctx.org.organisation.time_zone;
    const startMin =
      body.start === undefined ? clockOf(formatInstant(ctx.nowMs, zone)) : parseClock(body.start, 'start');
    const endMin = body.end === undefined || body.end === null ? null : parseClock(body.end, 'end');
    Object.assign(spec, instants(ctx, date, startMin, endMin));
  } else if (body.hours === undefined) {
    if (date > today) throw invalid('hours', 'needs_times');
    spec.startMs = ctx.nowMs;
  } else {
    spec.hours = readHours(body.hours);
    // Identical details on an hours timesheet add up in the existing entry (200, not 201).
    const key = mergeKey({ ...buildEntry(ctx.org, spec) });
    const twin = ctx.org.timeEntries.find(
      (entry) => !entry.ongoing && !entry.locked && mergeKey(entry) === key,
    );
    if (twin) {
      Object.assign(twin, buildEntry(ctx.org, { ...specOf(twin), hours: (twin.hours ?? 0) + spec.hours }));
      return { status: 200, body: { time_entry: twin, meta: emptyMeta() } };
    }
  }
  const meta = emptyMeta();
  if (spec.startMs !== null && spec.endMs === null)
    meta.modified_existing_time_entry_ids = stopRunning(ctx, userId);
  const entry = buildEntry(ctx.org, { ...spec, id: ctx.state.nextTimeEntryId++ });
  ctx.org.timeEntries.push(entry);
  return { status: 201, body: { time_entry: entry, meta } };
}

function update(ctx: OrgContext) {
  requireScope(ctx, 'time');
  const entry = findEntry(ctx, paramId(ctx, 'id'));
  requireUnlocked(entry);
  const { body } = ctx;
  for (const field of ['user_id', 'date', 'purpose'] as const) {
    if (field in body && body[field] !== entry[field]) throw invalid(field, 'immutable');
  }
  // Everything is validated before anything changes, so a 4xx leaves the entry as it was.
  const spec = specOf(entry);
  if ('project_id' in body || 'task_id' in body) {
    const project = 'project_id' in body ? body.project_id : entry.project_id;
    const task = 'task_id' in body ? body.task_id : entry.task_id;
    const checked = checkProjectTask(ctx, entry.user_id, entry.purpose, project, task);
    spec.projectId = checked.projectId;
    spec.taskId = checked.taskId;
  }
  if ('note' in body) spec.note = readNote(body.note);
  if ('tag_ids' in body) readTagIds(body.tag_ids);
  if ('external_references' in body)
    spec.externalReferences = readReferences(body.external_references, entry.external_references);
  if (ctx.org.organisation.features.timesheet === 'times') {
    if ('start' in body || 'end' in body) {
      const startMin = 'start' in body ? parseClock(body.start, 'start') : clockOf(entry.start ?? '');
      let endMin = entry.end === null ? null : clockOf(entry.end);
      if ('end' in body) {
        // A finished entry cannot be turned back into a running one; that is what resume is for.
        if (body.end === null && !entry.ongoing) throw invalid('end');
        endMin = body.end === null ? null : parseClock(body.end, 'end');
      }
      Object.assign(spec, instants(ctx, entry.date, startMin, endMin));
    }
  } else if ('hours' in body) {
    spec.hours = readHours(body.hours);
    spec.startMs = null; // setting hours stops a running entry
  }
  Object.assign(entry, buildEntry(ctx.org, spec));
  return { status: 200, body: { time_entry: entry, meta: emptyMeta() } };
}

function remove(ctx: OrgContext) {
  requireScope(ctx, 'time');
  const entry = findEntry(ctx, paramId(ctx, 'id'));
  requireUnlocked(entry);
  ctx.org.timeEntries.splice(ctx.org.timeEntries.indexOf(entry), 1);
  return { status: 204 };
}

export const timeEntryWriteRoutes: Route[] = [
  { method: 'POST', path: '/:org/time-entries', handler: create },
  { method: 'PATCH', path: '/:org/time-entries/:id', handler: update },
  { method: 'DELETE', path: '/:org/time-entries/:id', handler: remove },
];
