/**
 * What the content script's bytes are made of, for the loader (content.js, every Exact frame) and
 * the panel chunk (panel.js, the invoice frame only) apart: each is built again as vite.config.ts
 * builds it, with a source map, and every minified byte is charged to the module it came from.
 * Prints each whole file, each folder and the largest modules, minified and gzipped on their own
 * (a module's own gzip overstates its share of the whole, but ranks the candidates for a cut),
 * and the modules both files carry, which the invoice frame loads twice.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';
import { CONTENT_SCRIPT, PANEL_CHUNK } from '../../manifest.config';
import { contentScriptBuild, panelChunkBuild } from '../../vite.config';
import { report } from './report';

const TOP_MODULES = Number(process.env.TOP_MODULES ?? 25);

/** `src/content/panel/model/x.ts` or `node_modules/preact/…` as a short, stable name. */
function moduleName(source: string | null): string {
  if (source === null) return '(bundler)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(source);
  if (dependency) return `${dependency[1]}/${dependency[2]}`;
  const own = /(?:^|\/)(src\/.*)$/.exec(source);
  return own?.[1] ?? source;
}

function folderOf(name: string): string {
  if (!name.startsWith('src/'))
    return name
      .split('/')
      .slice(0, name.startsWith('@') ? 2 : 1)
      .join('/');
  const parts = name.split('/');
  return parts.slice(0, Math.min(parts.length - 1, 4)).join('/');
}

const gzip = (text: string): number => gzipSync(text, { level: 9 }).length;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Segment {
  line: number;
  column: number;
  source: string | null;
}

/** The generated positions of a v3 source map's `mappings`, each with its source (VLQ, base64). */
function decodeSegments(map: { sources: string[]; mappings: string }): Segment[] {
  const segments: Segment[] = [];
  let sourceIndex = 0;
  map.mappings.split(';').forEach((group, line) => {
    let column = 0;
    for (const field of group.split(',')) {
      if (field === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of field) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length > 1) sourceIndex += values[1] ?? 0;
      segments.push({ line, column, source: values.length > 1 ? (map.sources[sourceIndex] ?? null) : null });
    }
  });
  return segments;
}

/** Builds one content file with a source map and charges each minified byte to its module. */
async function moduleTexts(
  buildConfig: (outDir: string, sourcemap: boolean) => InlineConfig,
  file: string,
): Promise<{ code: string; modules: Map<string, string> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'urenbrug-content-'));
  try {
    await build(buildConfig(outDir, true));
    const code = readFileSync(join(outDir, file), 'utf8');
    const map = JSON.parse(readFileSync(join(outDir, `${file}.map`), 'utf8'));
    const lines = code.split('\n');
    const segments = decodeSegments(map);
    const text = new Map<string, string[]>();
    segments.forEach((segment, index) => {
      const next = segments[index + 1];
      const line = lines[segment.line] ?? '';
      const end = next && next.line === segment.line ? next.column : line.length;
      const name = moduleName(segment.source);
      const parts = text.get(name) ?? [];
      parts.push(line.slice(segment.column, end));
      text.set(name, parts);
    });
    return { code, modules: new Map([...text].map(([name, parts]) => [name, parts.join('')])) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const weigh = (entries: Iterable<[string, string]>) =>
  [...entries]
    .map(([name, part]) => ({ name, rawB: part.length, gzipB: gzip(part) }))
    .sort((a, b) => b.rawB - a.rawB);

function reportFile(scope: string, code: string, modules: Map<string, string>): void {
  report('content-modules', { scope, rawB: code.length, gzipB: gzip(code) });
  const folders = new Map<string, string>();
  for (const [name, part] of modules) {
    const folder = folderOf(name);
    folders.set(folder, (folders.get(folder) ?? '') + part);
  }
  for (const folder of weigh(folders)) {
    report('content-modules', { scope, folder: folder.name, rawB: folder.rawB, gzipB: folder.gzipB });
  }
  for (const module of weigh(modules).slice(0, TOP_MODULES)) {
    report('content-modules', { scope, module: module.name, rawB: module.rawB, gzipB: module.gzipB });
  }
}

export async function benchContentModules(): Promise<void> {
  const loader = await moduleTexts(contentScriptBuild, CONTENT_SCRIPT.file);
  const panel = await moduleTexts(panelChunkBuild, PANEL_CHUNK.file);
  reportFile('loader (content.js, every frame)', loader.code, loader.modules);
  reportFile('panel chunk (panel.js, invoice frame)', panel.code, panel.modules);
  // What the panel chunk carries again of what the loader has (the invoice frame loads it twice).
  const shared = [...panel.modules].filter(([name]) => name !== '(bundler)' && loader.modules.has(name));
  for (const module of weigh(shared)) {
    report('content-modules', {
      scope: 'in both',
      module: module.name,
      rawB: module.rawB,
      gzipB: module.gzipB,
    });
  }
}
