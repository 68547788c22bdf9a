/**
 * When reference data (organisation, "me", projects, tasks, clients, users) is fetched again, and
 * how projects, tasks and clients are fetched: one rule for the popup's refresh and the panel's.
 * Projects and tasks change rarely and Keeping asks for no polling, so a cached copy is used
 * until it is REFERENCE_MAX_AGE_MS old.
 */
import type { Organisation } from '../../core/keeping-types';
import type { ReferenceData } from '../db/database';
import type { KeepingClient } from '../keeping/client';

export const REFERENCE_MAX_AGE_MS = 6 * 60 * 60 * 1000;

/** True when something fetched at `fetchedAt` may still be served at `now`. */
export function isFresh(fetchedAt: number | undefined, now: number): boolean {
  // A fetch time in the future means the clock moved back: do not trust it.
  return fetchedAt !== undefined && fetchedAt <= now && now - fetchedAt < REFERENCE_MAX_AGE_MS;
}

export type ReferenceClient = Pick<KeepingClient, 'projects' | 'tasks' | 'clients'>;

/** Projects, tasks and clients, skipping what the organisation has switched off (that gives 403). */
export async function fetchReference(
  client: ReferenceClient,
  organisation: Organisation,
): Promise<Pick<ReferenceData, 'project' | 'task' | 'client'>> {
  const { projects: projectsOn, tasks: tasksOn } = organisation.features;
  const [project, task, clients] = await Promise.all([
    projectsOn ? client.projects(organisation.id) : [],
    tasksOn ? client.tasks(organisation.id) : [],
    // Clients follow the projects toggle (docs/keeping-api.md, Feature toggles); for
    // non-administrators the client falls back to the clients embedded in projects.
    projectsOn ? client.clients(organisation.id) : [],
  ]);
  return { project, task, client: clients };
}
