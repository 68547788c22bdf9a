/**
 * Validated Keeping shapes → the domain types of core/keeping-types.ts. This is the edge where decimal
 * hours become whole minutes and nulls the UI would have to special-case become plain values.
 */
import {
  type Client,
  type Entry,
  hoursToMinutes,
  type Organisation,
  type Project,
  type Task,
  type User,
} from '../../core/keeping-types';
import type {
  KeepingClientRecord,
  KeepingOrganisation,
  KeepingProject,
  KeepingTask,
  KeepingTimeEntry,
  KeepingUser,
} from './schemas';

export function toOrganisation(raw: KeepingOrganisation): Organisation {
  return {
    id: raw.id,
    name: raw.name,
    timeZone: raw.time_zone,
    currency: raw.currency,
    timesheet: raw.features.timesheet,
    features: { projects: raw.features.projects, tasks: raw.features.tasks, breaks: raw.features.breaks },
    plan: raw.current_plan,
  };
}

export function toUser(raw: KeepingUser, organisationId: number): User {
  return {
    id: raw.id,
    organisationId,
    firstName: raw.first_name ?? '',
    surname: raw.surname ?? '',
    code: raw.code,
    role: raw.role,
    state: raw.state,
  };
}

export function toClient(raw: KeepingClientRecord, organisationId: number): Client {
  return { id: raw.id, organisationId, name: raw.name, code: raw.code, state: raw.state };
}

export function toProject(raw: KeepingProject, organisationId: number): Project {
  return {
    id: raw.id,
    organisationId,
    clientId: raw.client?.id ?? null,
    name: raw.name,
    code: raw.code,
    direct: raw.direct,
    state: raw.state,
  };
}

/**
 * The clients embedded in projects. Non-administrators may not list clients (`/clients` needs
 * `project_management`), but they see each project's client here (docs/keeping-api.md, Scopes and roles).
 */
export function clientsFromProjects(projects: KeepingProject[], organisationId: number): Client[] {
  const byId = new Map<number, Client>();
  for (const project of projects) {
    if (project.client && !byId.has(project.client.id)) {
      byId.set(project.client.id, toClient(project.client, organisationId));
    }
  }
  return [...byId.values()];
}

export function toTask(raw: KeepingTask, organisationId: number): Task {
  return { id: raw.id, organisationId, name: raw.name, code: raw.code, direct: raw.direct, state: raw.state };
}

export function toEntry(raw: KeepingTimeEntry, organisationId: number): Entry {
  return {
    id: raw.id,
    organisationId,
    userId: raw.user_id,
    date: raw.date,
    purpose: raw.purpose,
    projectId: raw.project_id,
    taskId: raw.task_id,
    note: raw.note ?? '',
    minutes: hoursToMinutes(raw.hours),
    start: raw.start,
    end: raw.end,
    ongoing: raw.ongoing,
    locked: raw.locked,
    isDirect: raw.is_direct_hours,
    externalReferences: raw.external_references.map((reference) => ({
      id: reference.id,
      type: reference.type,
      name: reference.name,
      url: reference.url,
    })),
  };
}
