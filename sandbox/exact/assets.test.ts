import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExactSandbox, startExactSandbox } from './server';

let sandbox: ExactSandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startExactSandbox();
  dir = await mkdtemp(join(tmpdir(), 'exact-assets-'));
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

describe('page script serving', () => {
  it('serves the entry script and everything it imports as loadable ES modules', async () => {
    const seen = new Set<string>();
    const queue = ['log-entry-sales-main'];
    while (queue.length > 0) {
      const name = queue.shift() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      const response = await fetch(`${sandbox.url}/docs/Scripts/sandbox/${name}.js`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/javascript');
      const code = await response.text();
      for (const [, specifier] of code.matchAll(/from\s+'([^']+)'/g)) {
        expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\/[a-z-]+\.js$/);
        queue.push((specifier as string).slice(2, -3));
      }
      await writeFile(join(dir, `${name}.js`), code);
    }
    expect(seen.size).toBeGreaterThan(8);
    await writeFile(join(dir, 'package.json'), '{"type":"module"}');
    // Everything but the entry (which touches `window`) must evaluate: proves syntax and imports.
    const module = (await import(pathToFileURL(join(dir, 'log-entry-sales.js')).href)) as Record<
      string,
      unknown
    >;
    expect(typeof module.installLogEntrySales).toBe('function');
  });

  it('serves nothing outside page/', async () => {
    for (const path of [
      'server.js',
      'Server.js',
      '..%2fserver.js',
      'number-format.ts',
      'nope.js',
      'a.b.js',
    ]) {
      expect((await fetch(`${sandbox.url}/docs/Scripts/sandbox/${path}`)).status, path).toBe(404);
    }
  });
});
