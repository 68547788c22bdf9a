/**
 * Every citation of the project's docs in src, sandbox, tests, scripts, the README and docs/
 * resolves inside the repository. Headings are what code cites, so renaming one fails here until
 * every citation follows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationProblems, headingsOf, slugOf } from './doc-citations';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = join(ROOT, 'docs');
const SCANNED_DIRS = ['src', 'sandbox', 'tests', 'scripts'];
const SCANNED_EXTENSIONS = /\.(ts|tsx|js|mjs|css|html|json|md)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'screenshots']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIPPED_DIRS.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return SCANNED_EXTENSIONS.test(name) ? [path] : [];
  });
}

function loadDocs(): Map<string, string[]> {
  const docs = new Map<string, string[]>();
  for (const name of readdirSync(DOCS).filter((file) => file.endsWith('.md'))) {
    docs.set(name, headingsOf(readFileSync(join(DOCS, name), 'utf8')));
  }
  return docs;
}

const THIS_FILE = relative(ROOT, import.meta.filename);

describe('citations of docs/', () => {
  const docs = loadDocs();

  it('every citation in src, sandbox, tests, scripts, the README and docs resolves to a file and heading', () => {
    const files = [
      ...SCANNED_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir))),
      ...filesUnder(DOCS),
      join(ROOT, 'README.md'),
      ...readdirSync(ROOT)
        .filter((name) => name.endsWith('.config.ts'))
        .map((name) => join(ROOT, name)),
    ];
    const problems = files
      .map((path) => relative(ROOT, path))
      .filter((file) => file !== THIS_FILE)
      .flatMap((file) => citationProblems(file, readFileSync(join(ROOT, file), 'utf8'), docs));
    expect(problems).toEqual([]);
  });

  it('the code does cite the docs (the scan is not looking at nothing)', () => {
    const selectors = readFileSync(join(ROOT, 'src/content/exact/selectors.ts'), 'utf8');
    expect(selectors).toMatch(/docs\/exact-online\.md, /);
    expect(docs.get('architecture.md')).toContain('Sender tiers');
  });

  it('finds a wrong heading, a wrong anchor, a missing file and citations of notes outside the repo', () => {
    const sample = [
      '/** ok (docs/architecture.md, Sender tiers); ok docs/architecture.md#sender-tiers */',
      '/** wrapped (docs/architecture.md, Sender',
      ' * tiers) still resolves */',
      '// bad (docs/architecture.md, Sender tier list)',
      '// bad docs/architecture.md#no-such-anchor and docs/missing.md',
      // Spelled in pieces so a grep for stale citations finds only real ones.
      `// stale (${'design'}.md ${'\u00a7'}4) and ${'reference'}/exact-online.md`,
    ].join('\n');
    const problems = citationProblems('src/sample.ts', sample, docs).map((found) => found.problem);
    expect(problems).toEqual([
      expect.stringContaining('"Sender tier list'),
      expect.stringContaining('#no-such-anchor'),
      expect.stringContaining('docs/missing.md'),
      'cites the old design notes, which are not in the repository',
      'a fact file cited without docs/',
      'cites the research notes, which are not in the repository',
      'a numbered section: cite "docs/<file>.md, <Heading>" instead',
    ]);
  });

  it('anchors are the slugs GitHub makes', () => {
    expect(slugOf("Exact's DOM only in content/exact")).toBe('exacts-dom-only-in-contentexact');
    expect(slugOf('Stale-while-revalidate')).toBe('stale-while-revalidate');
  });
});
