/**
 * A fake Keeping client object for the background's service and handler tests: fixed answers,
 * every method a vi.fn so tests can break one. Test-only: no production module imports this file.
 */
import { vi } from 'vitest';
import type { Entry } from '../../core/keeping-types';
import type { BackgroundClient } from '../dependencies';
import {
  sampleClient,
  sampleEntry,
  sampleOrganisation,
  sampleProject,
  sampleTask,
  sampleUser,
} from './db-fixtures';

/** An entry of the sample user on `date` without wall-clock times (an `hours`-style entry). */
export function entryOn(date: string, overrides: Partial<Entry> = {}): Entry {
  return sampleEntry({ date, start: null, end: null, ...overrides });
}

export function createFakeClient(entries: Entry[] = [entryOn('2026-06-12')]) {
  return {
    organisations: vi.fn(async () => [sampleOrganisation({ id: 1, name: 'Ander' }), sampleOrganisation()]),
    me: vi.fn(async () => sampleUser()),
    projects: vi.fn(async () => [sampleProject()]),
    tasks: vi.fn(async () => [sampleTask()]),
    clients: vi.fn(async () => [sampleClient()]),
    timeEntries: vi.fn(async (_org: number, query: { userId?: number; date?: string }) => ({
      entries,
      date: query.date ?? 'unknown',
      userId: sampleUser().id,
    })),
    serverOffsetMs: vi.fn(() => 1234 as number | null),
    users: vi.fn(async () => [sampleUser(), sampleUser({ id: 7, firstName: 'Bram', surname: 'de Boer' })]),
    reportTimeEntries: vi.fn(
      async (_org: number, _query: Parameters<BackgroundClient['reportTimeEntries']>[1]) => entries,
    ),
    patchTimeEntry: vi.fn<BackgroundClient['patchTimeEntry']>(async () => {
      throw new Error('patchTimeEntry is not faked here: use createFakeKeepingEntries');
    }),
  } satisfies BackgroundClient;
}

export type FakeClient = ReturnType<typeof createFakeClient>;
