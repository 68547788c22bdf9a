import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { backgroundServices } from './services';

describe('backgroundServices.db', () => {
  it('opens the database once and reuses the handle', async () => {
    const first = await backgroundServices.db();
    expect(first.name).toBe('urenbrug');
    expect(await backgroundServices.db()).toBe(first);
  });

  it('opens afresh after the handle was closed for another context', async () => {
    const before = await backgroundServices.db();
    // Deleting fires versionchange; the handle must close itself or this would block forever.
    await deleteDB('urenbrug');
    const after = await backgroundServices.db();
    expect(after).not.toBe(before);
    expect(await after.count('entries')).toBe(0);
  });
});
