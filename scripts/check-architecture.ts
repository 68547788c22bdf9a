/**
 * The architecture check `npm run lint` runs after Biome. Biome keeps the zones between contexts
 * (biome.json `overrides`: core imports no context, content never imports background, ...); this
 * keeps what Biome cannot express:
 *
 * 1. No import cycle between files, anywhere in src/, sandbox/, tests/ and scripts/. Type-only
 *    imports count: a circle through types is still a circle a newcomer has to untangle.
 * 2. No back-arrow between rooms. Inside src/background/ and src/content/ every room has a rank;
 *    a production file imports only its own room and rooms ranked below it:
 *
 *      background  index.ts > handlers/ > cache/ > records/ > write-back/ > account/
 *                  > dependencies.ts > db/ > keeping/ > validation/
 *      content     index.ts (the loader) > show-panel.ts (the panel chunk's entry) > mount.ts
 *                  > panel/ (the root: index, panel-app) > panel/sections/ > panel/model/ > fill/
 *                  > exact/, panel-chunk.ts (the chunk's file name, for the loader and the manifest)
 *
 *    cache/ joins what came from Keeping with the bookkeeper's records (links, mappings) for the
 *    panel; records/ queues write-backs in the same transaction; write-back/ and everything above
 *    ask account/ who is connected; dependencies.ts builds the Keeping client and opens db/.
 *    A file in a ranked context but in no listed room is an error too: give it a room (or a rank).
 * 3. testing/ folders are importable only by tests (*.test.ts[x]),
 *    by other testing folders and from outside src/ (sandbox/, tests/).
 * 4. No optional chaining on a registry anchor: `findAnchor(...)?.x`, or `?.` on a variable that
 *    holds findAnchor's result. A missing anchor is a changed screen (requireAnchor) or an absence
 *    the caller spells out (optionalAnchorText, or an explicit `=== null` branch); see
 *    src/content/exact/read-anchor.ts.
 *
 * Run: `npx tsx scripts/check-architecture.ts`. The rules are tested against fixtures in
 * scripts/check-architecture.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  column: number;
  rule: 'cycle' | 'back-arrow' | 'no-room' | 'testing-only' | 'anchor-optional-chain';
  message: string;
}

interface RankedContext {
  root: string;
  /** Room prefix (a folder ending in '/', or a file) to rank; the longest matching prefix wins. */
  rooms: Record<string, number>;
}

export const RANKED_CONTEXTS: readonly RankedContext[] = [
  {
    root: 'src/background/',
    rooms: {
      'src/background/index.ts': 10,
      'src/background/handlers/': 9,
      'src/background/cache/': 8,
      'src/background/records/': 7,
      'src/background/write-back/': 6,
      'src/background/account/': 5,
      'src/background/dependencies.ts': 4,
      'src/background/db/': 3,
      'src/background/keeping/': 2,
      'src/background/validation/': 1,
    },
  },
  {
    root: 'src/content/',
    rooms: {
      'src/content/index.ts': 8,
      'src/content/show-panel.ts': 7,
      'src/content/mount.ts': 6,
      'src/content/lifecycle.ts': 6,
      'src/content/panel/': 5,
      'src/content/panel/sections/': 4,
      'src/content/panel/model/': 3,
      'src/content/fill/': 2,
      'src/content/exact/': 1,
      'src/content/panel-chunk.ts': 1,
      // The REST client knows no DOM and the DOM code no REST: neither imports the other.
      'src/content/exact/rest/': 1,
    },
  },
];

const TESTING_FOLDER = /(^|\/)testing\//;
const TEST_FILE = /\.test\.tsx?$/;
const SOURCE_FILE = /\.tsx?$/;
export const SCANNED_ROOTS = ['src', 'sandbox', 'tests', 'scripts'] as const;

interface ImportEdge {
  from: string;
  to: string;
  specifier: string;
  line: number;
  column: number;
}

function position(source: ts.SourceFile, node: ts.Node): { line: number; column: number } {
  const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return { line: line + 1, column: character + 1 };
}

/** Relative import specifiers of one file: static imports, re-exports and dynamic import(). */
function importSpecifiers(source: ts.SourceFile): { specifier: string; node: ts.Node }[] {
  const found: { specifier: string; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, node: node.moduleSpecifier });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, node: node.arguments[0] });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter(({ specifier }) => specifier.startsWith('.'));
}

function resolve(files: ReadonlyMap<string, string>, from: string, specifier: string): string | null {
  const bare = specifier.replace(/\?.*$/, '');
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), bare));
  for (const candidate of [
    target,
    `${target}.ts`,
    `${target}.tsx`,
    `${target}/index.ts`,
    `${target}/index.tsx`,
  ]) {
    if (SOURCE_FILE.test(candidate) && files.has(candidate)) return candidate;
  }
  return null;
}

function roomOf(file: string): { context: RankedContext; room: string | null } | null {
  const context = RANKED_CONTEXTS.find((candidate) => file.startsWith(candidate.root));
  if (!context) return null;
  const room = Object.keys(context.rooms)
    .filter((prefix) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix))
    .sort((a, b) => b.length - a.length)[0];
  return { context, room: room ?? null };
}

function checkEdge(edge: ImportEdge): Violation | null {
  const at = { file: edge.from, line: edge.line, column: edge.column };
  const quoted = `'${edge.specifier}'`;
  if (TESTING_FOLDER.test(edge.to) && edge.to.startsWith('src/')) {
    const fromTest =
      TEST_FILE.test(edge.from) || TESTING_FOLDER.test(edge.from) || !edge.from.startsWith('src/');
    if (!fromTest) {
      return {
        ...at,
        rule: 'testing-only',
        message: `${edge.from} imports ${quoted} (${edge.to}): testing/ folders are for tests only; production code never imports a fake.`,
      };
    }
  }
  if (TEST_FILE.test(edge.from) || TESTING_FOLDER.test(edge.from)) return null;
  const from = roomOf(edge.from);
  const to = roomOf(edge.to);
  if (!from || !to || from.context !== to.context || from.room === null || to.room === null) return null;
  if (from.room === to.room) return null;
  const fromRank = from.context.rooms[from.room] ?? 0;
  const toRank = to.context.rooms[to.room] ?? 0;
  if (toRank < fromRank) return null;
  return {
    ...at,
    rule: 'back-arrow',
    message:
      `${edge.from} imports ${quoted}: ${from.room} (rank ${fromRank}) may not import ${to.room} (rank ${toRank}). ` +
      'A room imports only its own room and rooms ranked below it (ranks: scripts/check-architecture.ts); ' +
      'move the shared piece down, or pass it in from above.',
  };
}

/** Every strongly connected group of two or more files (or a file importing itself), as one cycle each. */
function findCycles(edges: readonly ImportEdge[]): ImportEdge[][] {
  const outgoing = new Map<string, ImportEdge[]>();
  for (const edge of edges) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const edge of outgoing.get(node) ?? []) {
      if (!index.has(edge.to)) {
        connect(edge.to);
        low.set(node, Math.min(low.get(node)!, low.get(edge.to)!));
      } else if (onStack.has(edge.to)) {
        low.set(node, Math.min(low.get(node)!, index.get(edge.to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      const selfLoop = (outgoing.get(node) ?? []).some((edge) => edge.to === node);
      if (group.length > 1 || selfLoop) groups.push(group);
    }
  };
  for (const node of [...outgoing.keys()].sort()) if (!index.has(node)) connect(node);

  // One concrete circle per group: walk from its first file, inside the group, back to it.
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0]!;
    const previous = new Map<string, ImportEdge>();
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const edge of outgoing.get(node) ?? []) {
        if (!members.has(edge.to)) continue;
        if (edge.to === start) {
          const path: ImportEdge[] = [edge];
          let at = node;
          while (at !== start) {
            const step = previous.get(at)!;
            path.unshift(step);
            at = step.from;
          }
          return path;
        }
        if (!previous.has(edge.to)) {
          previous.set(edge.to, edge);
          queue.push(edge.to);
        }
      }
    }
    return [];
  });
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isSatisfiesExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function isFindAnchorCall(expression: ts.Expression): expression is ts.CallExpression {
  const inner = unwrap(expression);
  if (!ts.isCallExpression(inner)) return false;
  const callee = unwrap(inner.expression);
  return (
    (ts.isIdentifier(callee) && callee.text === 'findAnchor') ||
    (ts.isPropertyAccessExpression(callee) && callee.name.text === 'findAnchor')
  );
}

/** `findAnchor(...)?.x`, and `a?.x` where `a` was declared as `findAnchor(...)`. */
function anchorOptionalChains(files: ReadonlyMap<string, string>): Violation[] {
  const names = [...files.keys()].filter(
    (file) =>
      file.startsWith('src/') &&
      !TEST_FILE.test(file) &&
      !TESTING_FOLDER.test(file) &&
      files.get(file)!.includes('findAnchor'),
  );
  if (names.length === 0) return [];
  // A program over just these files, without lib or imports: enough for the binder to tell which
  // declaration an identifier means, and fast.
  const options: ts.CompilerOptions = { noLib: true, noResolve: true, jsx: ts.JsxEmit.Preserve };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (fileName, languageVersion) => {
    const text = files.get(fileName);
    return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  host.fileExists = (fileName) => files.has(fileName);
  host.readFile = (fileName) => files.get(fileName);
  const program = ts.createProgram(names, options, host);
  const checker = program.getTypeChecker();
  const violations: Violation[] = [];
  for (const name of names) {
    const source = program.getSourceFile(name);
    if (!source) continue;
    const visit = (node: ts.Node): void => {
      const chained =
        (ts.isPropertyAccessExpression(node) ||
          ts.isElementAccessExpression(node) ||
          ts.isCallExpression(node)) &&
        node.questionDotToken !== undefined;
      if (chained) {
        const target = unwrap(node.expression);
        let anchorCall: ts.Expression | null = isFindAnchorCall(target) ? target : null;
        if (!anchorCall && ts.isIdentifier(target)) {
          const declaration = checker.getSymbolAtLocation(target)?.valueDeclaration;
          if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
            if (isFindAnchorCall(declaration.initializer)) anchorCall = declaration.initializer;
          }
        }
        if (anchorCall) {
          const anchorText = unwrap(anchorCall).getText(source);
          violations.push({
            file: name,
            ...position(source, node),
            rule: 'anchor-optional-chain',
            message:
              `${node.getText(source)}: optional chaining on a registry anchor (${anchorText}). ` +
              'A missing anchor is reported, not skipped: use requireAnchor(), or optionalAnchorText() ' +
              'and say what absence means (src/content/exact/read-anchor.ts).',
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
}

/** All rules over a set of files (repo-relative POSIX paths to their text). */
export function checkArchitecture(files: ReadonlyMap<string, string>): Violation[] {
  const edges: ImportEdge[] = [];
  const violations: Violation[] = [];
  for (const [file, text] of files) {
    if (!SOURCE_FILE.test(file)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const { specifier, node } of importSpecifiers(source)) {
      const to = resolve(files, file, specifier);
      if (to) edges.push({ from: file, to, specifier, ...position(source, node) });
    }
    const room = TEST_FILE.test(file) || TESTING_FOLDER.test(file) ? null : roomOf(file);
    if (room && room.room === null) {
      violations.push({
        file,
        line: 1,
        column: 1,
        rule: 'no-room',
        message: `${file} is in ${room.context.root} but in none of its ranked rooms: put it in a room, or rank a new one in scripts/check-architecture.ts.`,
      });
    }
  }
  for (const edge of edges) {
    const violation = checkEdge(edge);
    if (violation) violations.push(violation);
  }
  for (const cycle of findCycles(edges.filter((edge) => !TEST_FILE.test(edge.from)))) {
    const first = cycle[0];
    if (!first) continue;
    const route = cycle.map((edge) => `${edge.from} imports '${edge.specifier}'`).join(' → ');
    violations.push({
      file: first.from,
      line: first.line,
      column: first.column,
      rule: 'cycle',
      message: `import cycle: ${route} → back to ${first.from}.`,
    });
  }
  violations.push(...anchorOptionalChains(files));
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function formatViolation(violation: Violation): string {
  return `${violation.file}:${violation.line}:${violation.column}  ${violation.rule}  ${violation.message}`;
}

function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const top of SCANNED_ROOTS) {
    let entries: string[];
    try {
      entries = readdirSync(path.join(root, top), { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const file = path.posix.join(top, entry.split(path.sep).join('/'));
      if (SOURCE_FILE.test(file) && !file.includes('node_modules/')) {
        files.set(file, readFileSync(path.join(root, file), 'utf8'));
      }
    }
  }
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = readTree(process.cwd());
  const violations = checkArchitecture(files);
  for (const violation of violations) console.error(formatViolation(violation));
  if (violations.length > 0) {
    console.error(`\ncheck-architecture: ${violations.length} problem(s) in ${files.size} files.`);
    process.exit(1);
  }
  console.log(`check-architecture: ${files.size} files, no cycle, no back-arrow, anchors read explicitly.`);
}
