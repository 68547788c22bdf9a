import { describe, expect, it, vi } from 'vitest';
import { browser } from '../shared/browser';
import { FAKE_EXTENSION_ID, FAKE_ORIGIN, type FakeBrowser } from './testing/fake-browser';

vi.mock('../shared/browser', async () => {
  const { createFakeBrowser } = await import('./testing/fake-browser');
  return { browser: createFakeBrowser() };
});
const fake = browser as unknown as FakeBrowser;

describe('service worker entry', () => {
  it('closes storage.local to content scripts and registers its listeners while the module loads', async () => {
    const setAccessLevel = vi.fn(async () => {});
    Object.assign(browser.storage.local, { setAccessLevel });
    await import('./index');
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(fake.runtime.onMessage.listeners).toHaveLength(1);
    expect(fake.runtime.onStartup.listeners).toHaveLength(1);
    expect(fake.runtime.onInstalled.listeners).toHaveLength(1);

    const listener = fake.runtime.onMessage.listeners[0]!;
    const reply = await listener(
      { urenbrug: 1, name: 'connection.status', data: {} },
      { id: FAKE_EXTENSION_ID, url: `${FAKE_ORIGIN}src/popup/index.html` },
    );
    expect(reply).toEqual({
      ok: true,
      value: { connected: false, organisationId: null, organisationName: null, userName: null },
    });
    // Not ours: no answer, so other listeners (if any) can reply.
    expect(listener({ something: 'else' }, { id: FAKE_EXTENSION_ID })).toBeUndefined();
  });
});
