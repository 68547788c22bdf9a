/**
 * Serves the page script. Its source is TypeScript in `page/` (so tests import the very same
 * code); the browser gets each file transpiled to an ES module on first request, with relative
 * imports given their `.js` ending. TypeScript is loaded only when a script is first asked for,
 * so tests that never load a page in a browser do not pay for it.
 */

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const SCRIPT_PREFIX = '/docs/Scripts/sandbox/';
const PAGE_DIR = fileURLToPath(new URL('../page/', import.meta.url));
const NAME = /^[a-z][a-z-]*$/;

const cache = new Map<string, Promise<string | null>>();

/** The transpiled module for `/docs/Scripts/sandbox/<name>.js`, or null when there is none. */
export function pageScript(path: string): Promise<string | null> {
  const name = path.slice(SCRIPT_PREFIX.length).replace(/\.js$/, '');
  if (!path.endsWith('.js') || !NAME.test(name)) return Promise.resolve(null);
  let entry = cache.get(name);
  if (!entry) {
    entry = transpile(name);
    cache.set(name, entry);
  }
  return entry;
}

async function transpile(name: string): Promise<string | null> {
  let source: string;
  try {
    source = await readFile(`${PAGE_DIR}${name}.ts`, 'utf8');
  } catch {
    return null;
  }
  const ts = (await import('typescript')).default;
  const output = ts.transpileModule(source, {
    compilerOptions: {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      verbatimModuleSyntax: false,
    },
    fileName: `${name}.ts`,
  }).outputText;
  return output.replace(/(from\s+['"])(\.\/[a-z-]+)(['"])/g, '$1$2.js$3');
}
