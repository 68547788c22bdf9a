/** A complete, billable work entry with sensible defaults, for example-based tests. */
import type { Entry } from '../keeping-types';

export function makeEntry(overrides: Partial<Entry> & { id: number }): Entry {
  return {
    organisationId: 1,
    userId: 1,
    date: '2026-04-15',
    purpose: 'work',
    projectId: 10,
    taskId: null,
    note: '',
    minutes: 60,
    start: null,
    end: null,
    ongoing: false,
    locked: false,
    isDirect: true,
    externalReferences: [],
    ...overrides,
  };
}
