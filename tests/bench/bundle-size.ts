/** Size of what ships: each entry point of dist/ with the chunks it loads, raw and gzipped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  CONTENT_SCRIPT_BUDGET_BYTES,
  PANEL_CHUNK_CEILING_BYTES,
  webAccessibleFiles,
} from '../../scripts/manifest-surface';
import { report } from './report';

interface Manifest {
  background: { service_worker: string };
  content_scripts: Array<{ js: string[] }>;
  action: { default_popup: string };
  options_ui: { page: string };
  web_accessible_resources?: unknown;
}

/**
 * A JS file plus every chunk it imports, followed transitively; with `dynamic` false only what
 * loads before its code runs (the popup's first paint loads the app with `import()` after it).
 */
function withImports(dist: string, file: string, seen = new Set<string>(), dynamic = true): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static and dynamic imports of chunks; the content loader's panel chunk is weighed on its own.
  const imports = code.matchAll(/(?:import|from)\s*(\(?)\s*["'`]([^"'`]+\.js)["'`]/g);
  for (const match of imports) {
    const target = match[2] ?? '';
    if (match[1] && !dynamic) continue;
    const resolved = target.startsWith('/') ? target.slice(1) : join(file, '..', target);
    withImports(dist, resolved.replace(/^\.\//, ''), seen, dynamic);
  }
  return seen;
}

function htmlScripts(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  return [...html.matchAll(/src="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? '');
}

function measure(dist: string, files: Iterable<string>) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(dist, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { rawKB: Number((raw / 1024).toFixed(1)), gzipKB: Number((gzip / 1024).toFixed(1)) };
}

export function benchBundleSizes(dist = 'dist'): void {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Manifest;
  const loader = readFileSync(join(dist, manifest.background.service_worker), 'utf8');
  const background =
    /import\s+["']\.?\/?([^"']+)["']/.exec(loader)?.[1] ?? manifest.background.service_worker;
  const entries: Record<string, string[]> = {
    background: [background],
    // The loader, in every Exact frame, and the panel chunk it imports in the invoice frame only.
    content: manifest.content_scripts.flatMap((script) => script.js),
    'content-panel-chunk': webAccessibleFiles(manifest),
    popup: htmlScripts(dist, manifest.action.default_popup),
    options: htmlScripts(dist, manifest.options_ui.page),
  };
  for (const [name, files] of Object.entries(entries)) {
    const all = new Set<string>();
    for (const file of files) withImports(dist, file, all);
    const budgets: Record<string, Record<string, number>> = {
      content: { budgetKB: CONTENT_SCRIPT_BUDGET_BYTES / 1024 },
      'content-panel-chunk': { ceilingKB: PANEL_CHUNK_CEILING_BYTES / 1024 },
    };
    const budget = budgets[name] ?? {};
    report('bundle-size', { entry: name, files: all.size, ...measure(dist, all), ...budget });
  }
  const firstPaint = new Set<string>();
  for (const file of entries.popup ?? []) withImports(dist, file, firstPaint, false);
  report('bundle-size', { entry: 'popup-first-paint', files: firstPaint.size, ...measure(dist, firstPaint) });
}
