import { describe, expect, it } from 'vitest';
import { checkArchitecture, formatViolation } from './check-architecture';

/** A small tree that follows every rule; each test adds one mistake to it. */
const clean: Record<string, string> = {
  'src/background/index.ts':
    "import { createHandlers } from './handlers/table';\nexport const start = createHandlers;",
  'src/background/handlers/table.ts':
    "import { readToday } from '../cache/today';\nimport type { Db } from '../db/database';\nexport const createHandlers = (db: Db) => readToday(db);",
  'src/background/cache/today.ts':
    "import type { Db } from '../db/database';\nexport const readToday = (db: Db) => db;",
  'src/background/db/database.ts': 'export type Db = { name: string };',
  'src/background/testing/fake-db.ts':
    "import { createHandlers } from '../handlers/table';\nexport const fake = createHandlers;",
  'src/background/handlers/table.test.ts':
    "import { fake } from '../testing/fake-db';\nimport { start } from '../index';\nexport const t = [fake, start];",
  'src/content/exact/selectors.ts':
    'export function findAnchor(root: ParentNode, name: string) { return root.querySelector(name); }',
  'src/content/exact/page.ts': [
    "import { findAnchor } from './selectors';",
    'export function title(doc: Document): string {',
    "  const found = findAnchor(doc, 'title');",
    "  return found === null ? '' : (found.textContent ?? '');",
    '}',
  ].join('\n'),
  'src/content/fill/plan.ts': "import { title } from '../exact/page';\nexport const plan = title;",
  'sandbox/harness/drive.ts':
    "import { fake } from '../../src/background/testing/fake-db';\nexport const d = fake;",
};

function check(changes: Record<string, string>) {
  return checkArchitecture(new Map(Object.entries({ ...clean, ...changes })));
}

describe('checkArchitecture', () => {
  it('passes a tree that follows the rules (tests and testing/ may import upward, sandbox may use fakes)', () => {
    expect(check({})).toEqual([]);
  });

  it('names the file and the import of a back-arrow between rooms', () => {
    const violations = check({
      'src/background/db/database.ts':
        "import { createHandlers } from '../handlers/table';\nexport type Db = { name: string };\nexport const h = createHandlers;",
    });
    expect(violations.map((violation) => violation.rule)).toContain('back-arrow');
    const arrow = violations.find((violation) => violation.rule === 'back-arrow')!;
    expect(formatViolation(arrow)).toMatch(
      /^src\/background\/db\/database\.ts:1:32 {2}back-arrow {2}src\/background\/db\/database\.ts imports '\.\.\/handlers\/table': src\/background\/db\/ \(rank 3\) may not import src\/background\/handlers\/ \(rank 9\)/,
    );
  });

  it('finds a cycle, type-only imports included, and prints the whole circle', () => {
    const violations = check({
      'src/background/cache/today.ts':
        "import type { Db } from '../db/database';\nimport type { Week } from './week';\nexport const readToday = (db: Db, _week?: Week) => db;",
      'src/background/cache/week.ts':
        "import type { readToday } from './today';\nexport type Week = typeof readToday;",
    });
    expect(violations).toEqual([
      expect.objectContaining({
        rule: 'cycle',
        file: 'src/background/cache/today.ts',
        message:
          "import cycle: src/background/cache/today.ts imports './week' → src/background/cache/week.ts imports './today' → back to src/background/cache/today.ts.",
      }),
    ]);
  });

  it('keeps fakes out of production code', () => {
    const violations = check({
      'src/background/cache/today.ts':
        "import { fake } from '../testing/fake-db';\nexport const readToday = fake;",
    });
    expect(violations.map((violation) => [violation.rule, violation.file])).toContainEqual([
      'testing-only',
      'src/background/cache/today.ts',
    ]);
  });

  it('wants every file of a ranked context in a ranked room', () => {
    expect(check({ 'src/content/helpers.ts': 'export const help = 1;' })).toEqual([
      expect.objectContaining({ rule: 'no-room', file: 'src/content/helpers.ts' }),
    ]);
  });

  it('refuses optional chaining on findAnchor, directly and through a variable that holds it', () => {
    const violations = check({
      'src/content/exact/page.ts': [
        "import { findAnchor } from './selectors';",
        'export function title(doc: Document): string {',
        "  const direct = findAnchor(doc, 'title')?.textContent ?? '';",
        "  const held = findAnchor(doc, 'number') as HTMLElement | null;",
        "  return direct + (held?.textContent ?? '');",
        '}',
      ].join('\n'),
    });
    expect(violations.map((violation) => [violation.rule, violation.line, violation.column])).toEqual([
      ['anchor-optional-chain', 3, 18],
      ['anchor-optional-chain', 5, 20],
    ]);
    expect(violations[1]?.message).toContain(
      "held?.textContent: optional chaining on a registry anchor (findAnchor(doc, 'number'))",
    );
  });

  it('leaves optional chaining on other values alone, even one with the same name elsewhere', () => {
    const violations = check({
      'src/content/exact/page.ts': [
        "import { findAnchor } from './selectors';",
        'export function title(doc: Document, other?: { found?: string }): string {',
        "  { const found = findAnchor(doc, 'title'); if (found === null) return ''; }",
        '  const found = other?.found;',
        "  return found?.trim() ?? '';",
        '}',
      ].join('\n'),
    });
    expect(violations).toEqual([]);
  });
});
