import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The repository's own biome.json and GritQL plugin, run over a scratch tree of deliberate
// violations: if a zone or a plugin stops matching, this fails, not only a future review.
const repo = path.resolve(import.meta.dirname, '..');
const biome = path.join(repo, 'node_modules', '.bin', 'biome');

const fixtures: Record<string, string> = {
  'src/core/uses-shared.ts':
    "import { UrenbrugError } from '../shared/errors';\nexport const a = UrenbrugError;",
  'src/core/uses-context.ts': "import { db } from '../background/db/database';\nexport const a = db;",
  'src/core/uses-preact.ts': "import { signal } from '@preact/signals';\nexport const a = signal;",
  'src/core/uses-document.ts': 'export const a = document.title;',
  'src/background/uses-window.ts': 'export const a = window.name;',
  'src/content/panel/uses-background.ts':
    "import { db } from '../../background/db/database';\nexport const a = db;",
  'src/popup/uses-content.ts': "import { mount } from '../content/mount';\nexport const a = mount;",
  'src/options/uses-background.ts': "import { db } from '../background/db/database';\nexport const a = db;",
  'src/shared/uses-popup.ts': "import { app } from '../popup/app';\nexport const a = app;",
  'src/content/fill/uses-polyfill.ts':
    "import browser from 'webextension-polyfill';\nexport const a = browser;",
  'src/popup/looks-up.ts': "export const a = document.getElementById('app');",
  'src/content/panel/queries.ts':
    "export const a = (root: ParentNode) => root.querySelector<HTMLElement>('b');",
  // Allowed: the one polyfill import, Exact's DOM in content/exact, lookups in tests.
  'src/shared/browser.ts': "import browser from 'webextension-polyfill';\nexport { browser };",
  'src/content/exact/grid.ts': "export const a = (doc: Document) => doc.getElementById('grd');",
  'src/popup/app.test.ts': "export const a = document.querySelector('main');",
};

let scratch: string;
let output: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'urenbrug-lint-'));
  cpSync(path.join(repo, 'biome.json'), path.join(scratch, 'biome.json'));
  cpSync(path.join(repo, 'scripts', 'biome'), path.join(scratch, 'scripts', 'biome'), { recursive: true });
  for (const [file, text] of Object.entries(fixtures)) {
    mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    writeFileSync(path.join(scratch, file), `${text}\n`);
  }
  try {
    execFileSync(biome, ['lint', '--max-diagnostics=none', '--colors=off', 'src'], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    output = '';
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The rule names Biome reported for one file, e.g. ['lint/style/noRestrictedImports']. */
function reported(file: string): string[] {
  const escaped = file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return [...output.matchAll(new RegExp(`^${escaped}:\\d+:\\d+ (\\S+)`, 'gm'))].map((match) => match[1]!);
}

describe('biome.json zones and plugins', () => {
  it.each([
    ['src/core/uses-shared.ts', 'lint/style/noRestrictedImports'],
    ['src/core/uses-context.ts', 'lint/style/noRestrictedImports'],
    ['src/core/uses-preact.ts', 'lint/style/noRestrictedImports'],
    ['src/core/uses-document.ts', 'lint/style/noRestrictedGlobals'],
    ['src/background/uses-window.ts', 'lint/style/noRestrictedGlobals'],
    ['src/content/panel/uses-background.ts', 'lint/style/noRestrictedImports'],
    ['src/popup/uses-content.ts', 'lint/style/noRestrictedImports'],
    ['src/options/uses-background.ts', 'lint/style/noRestrictedImports'],
    ['src/shared/uses-popup.ts', 'lint/style/noRestrictedImports'],
    ['src/content/fill/uses-polyfill.ts', 'lint/style/noRestrictedImports'],
    ['src/popup/looks-up.ts', 'plugin'],
    ['src/content/panel/queries.ts', 'plugin'],
  ])('%s fails with %s', (file, rule) => {
    expect(reported(file), output).toContain(rule);
  });

  it.each(['src/shared/browser.ts', 'src/content/exact/grid.ts', 'src/popup/app.test.ts'])(
    '%s is allowed',
    (file) => {
      expect(reported(file)).toEqual([]);
    },
  );
});
