/**
 * An in-memory stand-in for the parts of `browser` the background uses, for tests that
 * vi.mock('../../shared/browser'). Test-only: no production module imports this file.
 */
import { vi } from 'vitest';

export const FAKE_EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const FAKE_ORIGIN = `chrome-extension://${FAKE_EXTENSION_ID}/`;

function fakeEvent<L extends (...args: never[]) => unknown>() {
  const listeners: L[] = [];
  return { listeners, addListener: vi.fn((listener: L) => void listeners.push(listener)) };
}

export function createFakeBrowser() {
  const area = new Map<string, unknown>();
  let badge = '';
  let uiLanguage = 'nl-NL';

  const get = async (keys?: null | string | string[]): Promise<Record<string, unknown>> => {
    const wanted =
      keys === null || keys === undefined ? [...area.keys()] : Array.isArray(keys) ? keys : [keys];
    const result: Record<string, unknown> = {};
    // structuredClone: like the real storage, callers never share objects with it.
    for (const key of wanted) if (area.has(key)) result[key] = structuredClone(area.get(key));
    return result;
  };

  return {
    storage: {
      local: {
        get: vi.fn(get),
        set: vi.fn(async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) area.set(key, structuredClone(value));
        }),
        remove: vi.fn(async (keys: string | string[]) => {
          for (const key of Array.isArray(keys) ? keys : [keys]) area.delete(key);
        }),
      },
    },
    action: {
      setBadgeText: vi.fn(async ({ text }: { text: string | null }) => {
        badge = text ?? '';
      }),
      setBadgeBackgroundColor: vi.fn(async () => {}),
    },
    runtime: {
      id: FAKE_EXTENSION_ID,
      getURL: (path: string) => `${FAKE_ORIGIN}${path.replace(/^\//, '')}`,
      onMessage: fakeEvent<(message: unknown, sender: unknown) => unknown>(),
      onStartup: fakeEvent<() => void>(),
      onInstalled: fakeEvent<() => void>(),
    },
    i18n: { getUILanguage: () => uiLanguage },
    // Test controls, not part of the browser API.
    testing: {
      area,
      badge: () => badge,
      setBadge: (text: string) => {
        badge = text;
      },
      setUiLanguage: (language: string) => {
        uiLanguage = language;
      },
      reset: () => {
        area.clear();
        badge = '';
        uiLanguage = 'nl-NL';
      },
    },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;
