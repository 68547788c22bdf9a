/**
 * A second, small organisation that only the `otherAccount` token belongs to: a one-person
 * bookkeeping office on the free plan with an `hours` timesheet (no start/end, no direct hours),
 * so the other Keeping configuration is served too, and cross-organisation access can be refused.
 */
import { buildEntry } from '../model/entry-factory';
import { addDays, isoWeekday } from '../model/time-zone';
import type { OrganisationData } from '../model/types';
import { SANDBOX_USER_IDS } from './firm';

export const OTHER_ORGANISATION_ID = 40622;

export function createOtherOrganisation(
  today: string,
  nowMs: number,
  firstEntryId: number,
): OrganisationData {
  const userId = SANDBOX_USER_IDS.otherAccount;
  const client = { id: 123490, name: 'Kapsalon Mooi', code: 'MOOI', state: 'active' as const };
  const data: OrganisationData = {
    organisation: {
      id: OTHER_ORGANISATION_ID,
      name: 'Van Dijk Boekhouding',
      url: 'https://vandijk-boekhouding.keeping.nl',
      current_plan: 'free_2024',
      features: { timesheet: 'hours', projects: true, tasks: false, breaks: false },
      time_zone: 'Europe/Amsterdam',
      currency: 'EUR',
    },
    users: [
      {
        id: userId,
        first_name: 'Ingrid',
        surname: 'van Dijk',
        code: null,
        role: 'administrator',
        state: 'active',
      },
    ],
    clients: [client],
    projects: [
      {
        id: 573290,
        client,
        name: 'Boekhouding 2026',
        code: null,
        direct: null,
        task_assignments: null,
        participations: [{ user_id: userId }],
        state: 'active',
      },
      {
        id: 573291,
        client: null,
        name: 'Intern',
        code: null,
        direct: null,
        task_assignments: null,
        participations: [{ user_id: userId }],
        state: 'active',
      },
    ],
    tasks: [],
    timeEntries: [],
  };
  let id = firstEntryId;
  for (let back = 14; back >= 1; back--) {
    const date = addDays(today, -back);
    if (isoWeekday(date) > 5) continue;
    for (const [projectId, hours, note] of [
      [573290, 3.5, 'Boekingen verwerkt'],
      [573291, 1.25, null],
    ] as const) {
      data.timeEntries.push(
        buildEntry(data, {
          id: id++,
          userId,
          date,
          purpose: 'work',
          projectId,
          taskId: null,
          note,
          startMs: null,
          endMs: null,
          hours,
        }),
      );
    }
  }
  // Running on an hours timesheet: `start` is when it was last (re)started, `hours` what came before.
  data.timeEntries.push(
    buildEntry(data, {
      id: id++,
      userId,
      date: today,
      purpose: 'work',
      projectId: 573290,
      taskId: null,
      note: 'Btw-aangifte',
      startMs: nowMs - 20 * 60_000,
      endMs: null,
      hours: 0.5,
    }),
  );
  return data;
}
