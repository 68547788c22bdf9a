/**
 * The entries tests and the UI rely on, placed on purpose rather than by chance: the admin's day
 * so far with a running timer and a break, an entry past midnight, entries across both 2026 DST
 * changes, leave, sickness, and notes that are hostile to naive HTML rendering.
 */
import type { EntrySpec } from '../model/entry-factory';
import { addDays, isoWeekday, localDate, localMinutesOfDay, zonedInstant } from '../model/time-zone';
import type { ExternalReference, OrganisationData, Purpose } from '../model/types';
import { SANDBOX_USER_IDS, TASK } from './firm';
import { HOSTILE_NOTES, LONG_NOTE } from './notes';

export const SPECIAL_DAYS = { springForward: '2026-03-29', fallBack: '2026-10-25' } as const;

/** The non-invoice reference an entry of today carries, to exercise PATCH's keep-or-delete rule. */
export const SAMPLE_JIRA_REFERENCE: ExternalReference = {
  id: 'a1b2c3d4e5f60718293a',
  type: 'jira_issue',
  name: 'ZGE-142 Begroting 2027: cijfers zorgkosten',
  url: 'https://bakkerdevries.atlassian.net/browse/ZGE-142',
};

const PROJECT = {
  utrechtSubsidie: 573201,
  jansenJaarrekening: 573204,
  jansenFiscaal: 573205,
  zorggroepBegroting: 573207,
  intern: 573222,
} as const;

export interface Specials {
  specs: EntrySpec[];
  /** `${userId}|${date}` days the ordinary generator must leave alone. */
  skip: Set<string>;
}

/** The latest weekday on or before a day. */
function weekdayOnOrBefore(day: string): string {
  let result = day;
  while (isoWeekday(result) > 5) result = addDays(result, -1);
  return result;
}

export function createSpecials(data: OrganisationData, today: string, nowMs: number): Specials {
  const zone = data.organisation.time_zone;
  const admin = SANDBOX_USER_IDS.admin;
  const specs: EntrySpec[] = [];
  const add = (
    userId: number,
    date: string,
    purpose: Purpose,
    project: number | null,
    task: number | null,
    startMs: number,
    endMs: number | null,
    note: string | null,
    refs: ExternalReference[] = [],
  ) =>
    specs.push({
      id: 0,
      userId,
      date,
      purpose,
      projectId: project,
      taskId: task,
      note,
      startMs,
      endMs,
      externalReferences: refs,
      approvalStatus: date < addDays(today, -14) ? 'approved' : 'unsubmitted',
    });
  const at = (day: string, minutes: number) => zonedInstant(day, minutes, zone);

  // Today so far, laid out backwards from the clock so the running timer started before "now"
  // whatever time the test clock says; a normal office day once it is past noon.
  const minutesNow = localDate(nowMs, zone) === today ? localMinutesOfDay(nowMs, zone) : 17 * 60;
  const dayStart = minutesNow >= 720 ? 510 : Math.floor(minutesNow * 0.3);
  const runStart = minutesNow - Math.min(45, Math.floor(minutesNow * 0.1));
  const span = runStart - dayStart;
  // Lunch at 12:00 once the day is long enough for it, otherwise proportionally placed.
  const breakStart = runStart >= 780 ? 720 : dayStart + Math.floor(span * 0.55);
  const breakEnd = breakStart + Math.min(30, Math.floor(span * 0.1));
  const split = breakEnd + Math.floor((runStart - breakEnd) / 2);
  add(
    admin,
    today,
    'work',
    PROJECT.jansenJaarrekening,
    TASK.jaarrekening.id,
    at(today, dayStart),
    at(today, breakStart),
    HOSTILE_NOTES.bold,
  );
  add(admin, today, 'break', null, null, at(today, breakStart), at(today, breakEnd), null);
  add(
    admin,
    today,
    'work',
    PROJECT.zorggroepBegroting,
    TASK.advies.id,
    at(today, breakEnd),
    at(today, split),
    HOSTILE_NOTES.emoji,
    [SAMPLE_JIRA_REFERENCE],
  );
  add(
    admin,
    today,
    'work',
    PROJECT.intern,
    TASK.overleg.id,
    at(today, split),
    at(today, runStart),
    HOSTILE_NOTES.html,
  );
  add(
    admin,
    today,
    'work',
    PROJECT.utrechtSubsidie,
    TASK.advies.id,
    at(today, runStart),
    null,
    'Conceptaanvraag doorgelopen',
  );

  // 23:00–01:00: ends the next day but belongs to the day it started.
  const lateDay = addDays(today, -7);
  add(
    admin,
    lateDay,
    'work',
    PROJECT.jansenFiscaal,
    TASK.belasting.id,
    at(lateDay, 23 * 60),
    at(addDays(lateDay, 1), 60),
    LONG_NOTE,
  );

  // Across the clock changes: 01:30–03:30 is 1 hour in spring and 3 hours in autumn.
  const { springForward, fallBack } = SPECIAL_DAYS;
  for (const [day, label] of [
    [springForward, 'zomertijd'],
    [fallBack, 'wintertijd'],
  ] as const) {
    add(
      admin,
      day,
      'work',
      PROJECT.intern,
      TASK.administratie.id,
      at(day, 90),
      at(day, 210),
      `Servermigratie tijdens overgang naar ${label}`,
    );
    add(
      admin,
      day,
      'work',
      PROJECT.intern,
      TASK.administratie.id,
      at(day, 600),
      at(day, 720),
      'Controle na servermigratie',
    );
  }

  const leaveDay = weekdayOnOrBefore(addDays(today, -10));
  add(admin, leaveDay, 'statutory_leave', null, null, at(leaveDay, 540), at(leaveDay, 1020), 'Vrije dag');
  const sickDay = weekdayOnOrBefore(addDays(today, -17));
  add(SANDBOX_USER_IDS.member, sickDay, 'sick_leave', null, null, at(sickDay, 540), at(sickDay, 1020), null);

  return {
    specs,
    skip: new Set([`${admin}|${today}`, `${admin}|${leaveDay}`, `${SANDBOX_USER_IDS.member}|${sickDay}`]),
  };
}
