/**
 * What the content script's bytes are made of: it is built again as vite.config.ts builds it,
 * with a source map, and every minified byte is charged to the module it came from. Prints the
 * whole script, each folder and the largest modules, minified and gzipped on their own (a
 * module's own gzip overstates its share of the whole, but ranks the candidates for a cut).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { CONTENT_SCRIPT } from '../../manifest.config';
import { contentScriptBuild } from '../../vite.config';
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

export async function benchContentModules(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'urenbrug-content-'));
  try {
    await build(contentScriptBuild(outDir, true));
    const code = readFileSync(join(outDir, CONTENT_SCRIPT.file), 'utf8');
    const map = JSON.parse(readFileSync(join(outDir, `${CONTENT_SCRIPT.file}.map`), 'utf8'));
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
    report('content-modules', { scope: 'content script', rawB: code.length, gzipB: gzip(code) });
    const modules = [...text].map(([name, parts]) => ({ name, code: parts.join('') }));
    const folders = new Map<string, string>();
    for (const module of modules) {
      const folder = folderOf(module.name);
      folders.set(folder, (folders.get(folder) ?? '') + module.code);
    }
    const weigh = (entries: Array<[string, string]>) =>
      entries
        .map(([name, part]) => ({ name, rawB: part.length, gzipB: gzip(part) }))
        .sort((a, b) => b.rawB - a.rawB);
    for (const folder of weigh([...folders])) {
      report('content-modules', { folder: folder.name, rawB: folder.rawB, gzipB: folder.gzipB });
    }
    for (const module of weigh(modules.map((module) => [module.name, module.code])).slice(0, TOP_MODULES)) {
      report('content-modules', { module: module.name, rawB: module.rawB, gzipB: module.gzipB });
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
