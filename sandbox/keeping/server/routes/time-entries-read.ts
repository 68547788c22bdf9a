/** Reading entries: one user's day, the newest matching entry, one entry by id. */

import { onTheWire } from '../../seed/hostile';
import { findEntry, findUser, paramId, requireScope, requireUserAccess, todayOf } from '../http/access';
import { invalid, notFound } from '../http/api-error';
import type { Route } from '../http/context';
import { entryMatcher, readEntryFilter, sortByTime } from './entry-filter';
import { PURPOSES } from './entry-input';

export const timeEntryReadRoutes: Route[] = [
  {
    method: 'GET',
    path: '/:org/time-entries',
    handler: (ctx) => {
      requireScope(ctx, 'time');
      const userId = ctx.query.int('user_id') ?? ctx.me.id;
      findUser(ctx, userId);
      requireUserAccess(ctx, userId);
      const date = ctx.query.day('date') ?? todayOf(ctx);
      const entries = ctx.org.timeEntries.filter((entry) => entry.user_id === userId && entry.date === date);
      const wire = sortByTime(entries).map((entry) => onTheWire(ctx.org, entry));
      return { status: 200, body: { time_entries: wire, meta: { user_id: userId, date } } };
    },
  },
  {
    method: 'GET',
    path: '/:org/time-entries/last',
    handler: (ctx) => {
      requireScope(ctx, 'time');
      const userId = ctx.query.int('user_id') ?? ctx.me.id;
      findUser(ctx, userId);
      requireUserAccess(ctx, userId);
      const date = ctx.query.day('date');
      const purpose = ctx.query.string('purpose');
      if (purpose !== undefined && !PURPOSES.includes(purpose)) throw invalid('purpose');
      const ongoing = ctx.query.bool('ongoing');
      const locked = ctx.query.bool('locked');
      const matches = entryMatcher(ctx, { ...readEntryFilter(ctx), userIds: [userId] });
      const candidates = ctx.org.timeEntries.filter(
        (entry) =>
          matches(entry) &&
          (date === undefined || entry.date === date) &&
          (purpose === undefined || entry.purpose === purpose) &&
          (ongoing === undefined || entry.ongoing === ongoing) &&
          (locked === undefined || entry.locked === locked),
      );
      const last = sortByTime(candidates).at(-1);
      if (!last) throw notFound();
      return { status: 200, body: { time_entry: last } };
    },
  },
  {
    method: 'GET',
    path: '/:org/time-entries/:id',
    handler: (ctx) => {
      requireScope(ctx, 'time');
      return { status: 200, body: { time_entry: findEntry(ctx, paramId(ctx, 'id')) } };
    },
  },
];
