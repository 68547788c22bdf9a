import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { workerDependencies } from './dependencies';

describe('workerDependencies.db', () => {
  it('opens the database once and reuses the handle', async () => {
    const first = await workerDependencies.db();
    expect(first.name).toBe('urenbrug');
    expect(await workerDependencies.db()).toBe(first);
  });

  it('opens afresh after the handle was closed for another context', async () => {
    const before = await workerDependencies.db();
    // Deleting fires versionchange; the handle must close itself or this would block forever.
    await deleteDB('urenbrug');
    const after = await workerDependencies.db();
    expect(after).not.toBe(before);
    expect(await after.count('entries')).toBe(0);
  });
});
