import { describe, expect, it, vi } from 'vitest';
import { extensionPageSender, fakeBrowser } from '../shared/testing/fake-browser';

describe('service worker entry', () => {
  it('closes storage.local to content scripts and registers its listeners while the module loads', async () => {
    // The library has no setAccessLevel (Chrome only): the test provides it.
    const setAccessLevel = vi.fn(async () => {});
    Object.assign(fakeBrowser.storage.local, { setAccessLevel });
    await import('./index');
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onStartup.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);

    // One listener, and it answers an envelope from an extension page.
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { urenbrug: 1, name: 'connection.status', data: {} },
      extensionPageSender('src/popup/index.html'),
      () => {},
    );
    expect(answers).toEqual([
      { ok: true, value: { connected: false, organisationId: null, organisationName: null, userName: null } },
    ]);
    // Not ours: no answer, so other listeners (if any) can reply.
    const other = await fakeBrowser.runtime.onMessage.trigger(
      { something: 'else' },
      extensionPageSender('src/popup/index.html'),
      () => {},
    );
    expect(other).toEqual([undefined]);
  });
});
