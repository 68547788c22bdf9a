/** A small Dutch firm for the panel's component tests: two clients, three projects, two people. */
import type { Client, Entry, Project, Task, User } from '../../core/keeping-types';
import { makeEntry } from '../../core/testing/entry-fixture';

export const TODAY = '2026-06-11';

const base = { organisationId: 1, state: 'active' as const };

export const CLIENTS: Client[] = [
  { ...base, id: 1000, name: 'Bakkerij de Vries', code: null },
  { ...base, id: 1001, name: 'Autobedrijf Jansen', code: null },
];

export const PROJECTS: Project[] = [
  { ...base, id: 10, clientId: 1000, name: 'Website', code: null, direct: 'entire_project_is_direct' },
  { ...base, id: 11, clientId: 1000, name: 'Boekhouding', code: null, direct: 'entire_project_is_direct' },
  { ...base, id: 20, clientId: 1001, name: 'Garage', code: null, direct: 'entire_project_is_direct' },
];

export const TASKS: Task[] = [
  { ...base, id: 100, name: 'Ontwerp', code: null, direct: true },
  { ...base, id: 101, name: 'Overleg', code: null, direct: false },
];

export const USERS: User[] = [
  { ...base, id: 7, firstName: 'Anna', surname: 'van Doorn', code: null, role: 'administrator' },
  { ...base, id: 8, firstName: 'Bram', surname: 'de Boer', code: null, role: 'team_member' },
];

export function entries(): Entry[] {
  return [
    makeEntry({
      id: 1,
      date: '2026-05-04',
      userId: 7,
      projectId: 10,
      taskId: 100,
      minutes: 90,
      note: 'Homepage',
    }),
    makeEntry({
      id: 2,
      date: '2026-05-05',
      userId: 8,
      projectId: 10,
      taskId: 100,
      minutes: 125,
      note: 'Menu',
    }),
    makeEntry({
      id: 3,
      date: '2026-05-12',
      userId: 7,
      projectId: 11,
      taskId: null,
      minutes: 240,
      note: 'Jaarwerk',
    }),
    // Indirect: left out while "direct only" is on.
    makeEntry({
      id: 4,
      date: '2026-05-13',
      userId: 8,
      projectId: 10,
      taskId: 101,
      minutes: 30,
      isDirect: false,
    }),
    // Already invoiced by Keeping's own Exact integration.
    makeEntry({
      id: 5,
      date: '2026-05-20',
      userId: 7,
      projectId: 11,
      minutes: 60,
      locked: true,
      externalReferences: [{ id: 'abc', type: 'exact_online_invoice', name: 'Factuur 20260017', url: null }],
    }),
    // This month: outside the default period.
    makeEntry({ id: 6, date: '2026-06-02', userId: 7, projectId: 10, minutes: 45 }),
    // Another client's project.
    makeEntry({ id: 7, date: '2026-05-06', userId: 7, projectId: 20, minutes: 300 }),
  ];
}
