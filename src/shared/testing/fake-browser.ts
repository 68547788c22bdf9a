/**
 * The `browser` every unit test gets: @webext-core/fake-browser, installed by browser-setup.ts
 * in place of shared/browser.ts and reset before each test. The library leaves out a few things
 * the extension relies on; they are added here, and nothing else:
 * - `storage.local.get` and `storage.session.get` hand out copies and omit missing keys, as
 *   Chrome does (the library returns its own objects, so a caller's mutation would change what
 *   is "stored");
 * - `i18n.getUILanguage`, with `setUiLanguage` to pick it (the library throws "not implemented");
 * - `runtime.sendMessage` with webextension-polyfill's semantics: a listener's promise is the
 *   answer, message and answer are copied across the boundary, and the sender is the one a test
 *   set with `setMessageSender` (the library answers only `sendResponse`, always from sender {}).
 * Test-only: no production module imports this file.
 */
import { fakeBrowser } from '@webext-core/fake-browser';

export { fakeBrowser };

export const FAKE_EXTENSION_ID = fakeBrowser.runtime.id;
/** browser.runtime.getURL(''), the origin of the extension's own pages. */
export const FAKE_ORIGIN = fakeBrowser.runtime.getURL('');

export type MessageSender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
type Tab = NonNullable<MessageSender['tab']>;

/** A tab as Chrome describes it to the background (without the "tabs" permission: no title). */
function tab(url: string | undefined): Tab {
  return {
    id: 1,
    index: 0,
    windowId: 1,
    url,
    active: true,
    pinned: false,
    highlighted: true,
    incognito: false,
    selected: true,
    discarded: false,
    autoDiscardable: true,
    frozen: false,
    groupId: -1,
    lastAccessed: 0,
  };
}

/** An extension page (popup, options) as Chrome describes it to the background. */
export function extensionPageSender(path: string, options: { inTab?: boolean } = {}): MessageSender {
  const url = `${FAKE_ORIGIN}${path.replace(/^\//, '')}`;
  const sender: MessageSender = { id: FAKE_EXTENSION_ID, url, origin: FAKE_ORIGIN.replace(/\/$/, '') };
  return options.inTab ? { ...sender, tab: tab(url), frameId: 0 } : sender;
}

/** A content script in a frame of an Exact tab. */
export function contentScriptSender(
  frameUrl = 'https://start.exactonline.nl/docs/SlsEntry.aspx',
  tabUrl = 'https://start.exactonline.nl/docs/MenuPortal.aspx',
): MessageSender {
  return {
    id: FAKE_EXTENSION_ID,
    url: frameUrl,
    origin: new URL(frameUrl).origin,
    frameId: 3,
    tab: tab(tabUrl),
  };
}

const DEFAULT_UI_LANGUAGE = 'nl-NL';
let uiLanguage = DEFAULT_UI_LANGUAGE;
let messageSender: MessageSender = {};

export function setUiLanguage(language: string): void {
  uiLanguage = language;
}

export function setMessageSender(sender: MessageSender): void {
  messageSender = sender;
}

/** What storage.local holds under `key`, or undefined. */
export async function storedValue(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

/** Everything storage.local holds. */
export async function storedItems(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}

/** The toolbar badge's text. */
export function badgeShown(): Promise<string> {
  return fakeBrowser.action.getBadgeText({});
}

type StorageGet = (keys?: null | string | string[]) => Promise<Record<string, unknown>>;
const libraryGets = {
  local: fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local) as StorageGet,
  session: fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session) as StorageGet,
};

/** Resets the library and the additions above; browser-setup.ts calls this before each test. */
export function resetFakeBrowser(): void {
  fakeBrowser.reset();
  uiLanguage = DEFAULT_UI_LANGUAGE;
  messageSender = {};
}

function install(): void {
  for (const area of ['local', 'session'] as const) {
    Object.assign(fakeBrowser.storage[area], {
      get: async (keys?: null | string | string[]) => {
        const found = await libraryGets[area](keys);
        const present = Object.entries(found).filter(([, value]) => value !== undefined);
        return structuredClone(Object.fromEntries(present));
      },
    });
  }
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => uiLanguage });
  Object.assign(fakeBrowser.runtime, {
    sendMessage: async (message: unknown) => {
      if (!fakeBrowser.runtime.onMessage.hasListeners()) {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      const answers = await fakeBrowser.runtime.onMessage.trigger(
        structuredClone(message),
        structuredClone(messageSender),
        () => {},
      );
      const answer = answers.find((value) => value !== undefined);
      return answer === undefined ? undefined : structuredClone(answer);
    },
  });
}

install();
