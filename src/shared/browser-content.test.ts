import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentBrowser } from './browser-content';

type Callback = (reply: unknown) => void;

function fakeChrome(id: string | undefined, answer: (message: unknown, reply: Callback) => void) {
  const runtime = {
    id,
    lastError: undefined as { message: string } | undefined,
    sendMessage: (message: unknown, callback: Callback) => answer(message, callback),
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

  it('covers every `browser` call the content script’s files make', () => {
    const offered = new Set(['runtime.id', 'runtime.sendMessage']);
    const used = new Set<string>();
    const roots = ['src/content', 'src/shared', 'src/ui', 'src/core'];
    const files = roots.flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.includes('testing'))
        .map((file) => join(root, file)),
    );
    for (const file of files) {
      if (file.endsWith('browser.ts') || file.endsWith('browser-content.ts')) continue;
      const code = readFileSync(file, 'utf8');
      if (!/import \{ browser \} from '[./]*(shared\/)?browser'/.test(code)) continue;
      for (const match of code.matchAll(/\bbrowser\.(\w+)\.(\w+)/g)) used.add(`${match[1]}.${match[2]}`);
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((call) => !offered.has(call))).toEqual([]);
  });
});
