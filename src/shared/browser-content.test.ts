import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentBrowser } from './browser-content';

type Callback = (reply: unknown) => void;

/** The source files the content builds bundle: their entries and every relative value import, followed. */
function contentScriptFiles(...entries: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file) || file.endsWith('browser.ts') || file.endsWith('browser-content.ts')) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)';/gms)) {
      const base = join(dirname(file), match[1] ?? '');
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
        existsSync,
      );
      if (found) visit(found);
    }
  };
  for (const entry of entries) visit(entry);
  return files;
}

function fakeChrome(id: string | undefined, answer: (message: unknown, reply: Callback) => void) {
  const runtime = {
    id,
    lastError: undefined as { message: string } | undefined,
    sendMessage: (message: unknown, callback: Callback) => answer(message, callback),
    getURL: (path: string) => `chrome-extension://session-uuid/${path}`,
  };
  vi.stubGlobal('chrome', { runtime });
  return runtime;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the content script’s browser stand-in', () => {
  it('answers the reply, or undefined when the port closed unanswered, as the polyfill does', async () => {
    fakeChrome('ext', (message, reply) => reply({ echo: message }));
    await expect(contentBrowser.runtime.sendMessage({ a: 1 })).resolves.toEqual({ echo: { a: 1 } });

    const runtime = fakeChrome('ext', (_message, reply) => {
      runtime.lastError = { message: 'The message port closed before a response was received.' };
      reply(undefined);
    });
    await expect(contentBrowser.runtime.sendMessage({})).resolves.toBeUndefined();
  });

  it('rejects on any other error and when the extension is gone', async () => {
    const runtime = fakeChrome('ext', (_message, reply) => {
      runtime.lastError = { message: 'Could not establish connection. Receiving end does not exist.' };
      reply(undefined);
    });
    await expect(contentBrowser.runtime.sendMessage({})).rejects.toThrow(/Receiving end/);

    fakeChrome(undefined, () => {
      throw new Error('not reached');
    });
    expect(contentBrowser.runtime.id).toBeUndefined();
    await expect(contentBrowser.runtime.sendMessage({})).rejects.toThrow(/invalidated/);
    vi.stubGlobal('chrome', undefined);
    expect(contentBrowser.runtime.id).toBeUndefined();
  });

  it('answers the browser’s URL for a file, and throws once the extension is gone', () => {
    fakeChrome('ext', () => undefined);
    expect(contentBrowser.runtime.getURL('panel.js')).toBe('chrome-extension://session-uuid/panel.js');
    fakeChrome(undefined, () => undefined);
    expect(() => contentBrowser.runtime.getURL('panel.js')).toThrow(/invalidated/);
  });

  it('covers every `browser` call the loader’s and the panel chunk’s files make', () => {
    const offered = new Set(['runtime.id', 'runtime.getURL', 'runtime.sendMessage']);
    const used = new Set<string>();
    for (const file of contentScriptFiles('src/content/index.ts', 'src/content/show-panel.ts')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bbrowser\.(\w+)\.(\w+)/g)) {
        used.add(`${match[1]}.${match[2]}`);
      }
    }
    expect(used).toContain('runtime.sendMessage');
    expect(used).toContain('runtime.getURL');
    expect([...used].filter((call) => !offered.has(call))).toEqual([]);
  });
});
