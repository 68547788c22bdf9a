/**
 * Sample domain records for tests of the database and the background services. Test-only: no
 * production module imports this file.
 */
import type { Client, Entry, Organisation, Project, Task, User } from '../../core/keeping-types';

/** An organisation on a Plus plan in Amsterdam, with projects, tasks and breaks on. */
export function sampleOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: 12345,
    name: 'Boekhoudkantoor De Vries',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    timesheet: 'times',
    features: { projects: true, tasks: true, breaks: true },
    plan: 'plus_2024',
    ...overrides,
  };
}

/** The token owner: a team member of the sample organisation. */
export function sampleUser(overrides: Partial<User> = {}): User {
  return {
    id: 55458,
    organisationId: 12345,
    firstName: 'Anna',
    surname: 'van Doorn',
    code: null,
    role: 'team_member',
    state: 'active',
    ...overrides,
  };
}

/** A confirmed 49-minute direct work entry (the live sample of docs/keeping-api.md, Time entries). */
export function sampleEntry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: 20135088,
    organisationId: 12345,
    userId: 55458,
    date: '2026-05-29',
    purpose: 'work',
    projectId: 573243,
    taskId: null,
    note: 'Jaarrekening',
    minutes: 49,
    start: '2026-05-29T16:09:00+02:00',
    end: '2026-05-29T16:58:00+02:00',
    ongoing: false,
    locked: false,
    isDirect: true,
    externalReferences: [],
    ...overrides,
  };
}

/** An active client of the sample organisation. */
export function sampleClient(overrides: Partial<Client> = {}): Client {
  return {
    id: 123456,
    organisationId: 12345,
    name: 'Bakkerij Jansen',
    code: null,
    state: 'active',
    ...overrides,
  };
}

/** A direct project of the sample client. */
export function sampleProject(overrides: Partial<Project> = {}): Project {
  return {
    id: 573243,
    organisationId: 12345,
    clientId: 123456,
    name: 'Jaarrekening 2025',
    code: 'jr25',
    direct: 'entire_project_is_direct',
    state: 'active',
    ...overrides,
  };
}

/** An active, direct task. */
export function sampleTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 34567,
    organisationId: 12345,
    name: 'Samenstellen',
    code: null,
    direct: true,
    state: 'active',
    ...overrides,
  };
}
