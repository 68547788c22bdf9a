/**
 * A stateful stand-in for Keeping's time entries, for tests of the range cache and the write-back
 * queue: the entries live in a map, `/report/time-entries` filters them like Keeping does, and a
 * PATCH replaces the reference list as Keeping documents it (docs/keeping-api.md, Writing references: the
 * list sent is the list kept; a locked entry answers 403). Test-only: no production module imports this file.
 */
import { vi } from 'vitest';
import type { Entry, Project } from '../../core/keeping-types';
import { UrenbrugError } from '../../shared/errors';
import type { BackgroundClient } from '../dependencies';

export function createFakeKeepingEntries(initial: Entry[], projects: Project[]) {
  const entries = new Map(initial.map((entry) => [entry.id, structuredClone(entry)]));
  const clientOf = (projectId: number | null) =>
    projects.find((project) => project.id === projectId)?.clientId;
  const copy = (entry: Entry): Entry => structuredClone(entry);

  const client = {
    timeEntries: vi.fn<BackgroundClient['timeEntries']>(async (_org, query) => {
      const userId = query.userId ?? 55458;
      const date = query.date ?? 'unknown';
      const day = [...entries.values()].filter((entry) => entry.userId === userId && entry.date === date);
      return { entries: day.map(copy), date, userId };
    }),
    reportTimeEntries: vi.fn<BackgroundClient['reportTimeEntries']>(async (_org, query) =>
      [...entries.values()]
        .filter(
          (entry) =>
            (query.from === undefined || entry.date >= query.from) &&
            (query.to === undefined || entry.date <= query.to) &&
            (query.clientIds === undefined || query.clientIds.includes(clientOf(entry.projectId) ?? -1)) &&
            (query.projectIds === undefined || query.projectIds.includes(entry.projectId ?? -1)) &&
            (query.userIds === undefined || query.userIds.includes(entry.userId)),
        )
        .map(copy),
    ),
    patchTimeEntry: vi.fn<BackgroundClient['patchTimeEntry']>(async (_org, id, body) => {
      const entry = entries.get(id);
      if (!entry) throw new UrenbrugError('not_found', `Keeping answered 404 to PATCH ${id}`, undefined, 404);
      if (entry.locked) {
        throw new UrenbrugError('forbidden', `Keeping answered 403 to PATCH ${id}`, 'locked', 403);
      }
      if (body.external_references !== undefined) {
        entry.externalReferences = body.external_references.map((reference) => ({
          id: reference.id,
          type: reference.type ?? 'generic_work_reference',
          name: reference.name,
          url: reference.url ?? null,
        }));
      }
      return {
        entry: copy(entry),
        meta: {
          created_additional_time_entry_ids: [],
          modified_existing_time_entry_ids: [],
          deleted_existing_time_entry_ids: [],
        },
      };
    }),
  };

  return {
    client,
    get: (id: number): Entry | undefined => {
      const entry = entries.get(id);
      return entry ? copy(entry) : undefined;
    },
    set: (entry: Entry): void => void entries.set(entry.id, copy(entry)),
    remove: (id: number): void => void entries.delete(id),
  };
}

export type FakeKeepingEntries = ReturnType<typeof createFakeKeepingEntries>;
