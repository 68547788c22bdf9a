import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../shared/testing/fake-browser';
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

describe("the worker's limiter lives in storage.session", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('a 401 seen by one worker keeps the next worker from sending that token again', async () => {
    const fetch = vi.fn(
      async () =>
        new Response('{"error":{"message":"token expired"}}', {
          status: 401,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const client = workerDependencies.createClient('pat-worker-one', 'nl');
    await expect(client.organisations()).rejects.toMatchObject({ code: 'auth' });
    expect(fetch).toHaveBeenCalledOnce();
    const stored = (await fakeBrowser.storage.session.get('keepingLimiter')).keepingLimiter as {
      starts: number[];
      refusedTokens: Record<string, number>;
    };
    expect(stored.starts).toHaveLength(1);
    expect(Object.keys(stored.refusedTokens)).toHaveLength(1);
    // The token itself is not kept, only a key for it.
    expect(JSON.stringify(stored)).not.toContain('pat-worker-one');

    // The worker stops; the next message starts a new one, with new module state.
    vi.resetModules();
    const { workerDependencies: restarted } = await import('./dependencies');
    expect(restarted).not.toBe(workerDependencies);
    await expect(restarted.createClient('pat-worker-one', 'nl').organisations()).rejects.toMatchObject({
      code: 'auth',
    });
    expect(fetch).toHaveBeenCalledOnce();
  });
});
