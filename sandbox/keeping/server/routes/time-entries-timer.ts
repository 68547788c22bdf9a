/** Running timers: stop (PATCH, empty body) and resume (copy an entry into a running one today). */
import { buildEntry } from '../../model/entry-factory';
import { findEntry, paramId, requireScope, todayOf } from '../http/access';
import { invalid } from '../http/api-error';
import type { OrgContext, Route } from '../http/context';
import { checkProjectTask } from './entry-input';
import { emptyMeta, mergeKey, requireUnlocked, specOf, stopEntry, stopRunning } from './entry-store';

function stop(ctx: OrgContext) {
  requireScope(ctx, 'time');
  const entry = findEntry(ctx, paramId(ctx, 'id'));
  requireUnlocked(entry);
  if (!entry.ongoing) throw invalid('id', 'not_ongoing');
  stopEntry(ctx, entry);
  return { status: 200, body: { time_entry: entry, meta: emptyMeta() } };
}

function resume(ctx: OrgContext) {
  requireScope(ctx, 'time');
  const source = findEntry(ctx, paramId(ctx, 'id'));
  requireUnlocked(source);
  // The project or task may have been archived or the user removed since.
  checkProjectTask(ctx, source.user_id, source.purpose, source.project_id, source.task_id);
  const meta = emptyMeta();
  meta.modified_existing_time_entry_ids = stopRunning(ctx, source.user_id);
  const today = todayOf(ctx);
  const details = { ...specOf(source), date: today, startMs: ctx.nowMs, endMs: null };
  if (ctx.org.organisation.features.timesheet === 'hours') {
    // An hours timesheet re-opens today's matching entry instead of adding one.
    const key = mergeKey({ ...source, date: today });
    const twin = ctx.org.timeEntries.find((entry) => !entry.locked && mergeKey(entry) === key);
    if (twin) {
      Object.assign(twin, buildEntry(ctx.org, { ...details, id: twin.id, hours: twin.hours }));
      return { status: 200, body: { time_entry: twin, meta } };
    }
    details.hours = null;
  }
  const entry = buildEntry(ctx.org, {
    ...details,
    id: ctx.state.nextTimeEntryId++,
    approvalStatus: 'unsubmitted',
  });
  ctx.org.timeEntries.push(entry);
  return { status: 201, body: { time_entry: entry, meta } };
}

export const timeEntryTimerRoutes: Route[] = [
  { method: 'PATCH', path: '/:org/time-entries/:id/stop', handler: stop },
  { method: 'POST', path: '/:org/time-entries/:id/resume', handler: resume },
];
