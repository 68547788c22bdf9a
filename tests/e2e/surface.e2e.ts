/**
 * Issue 10, Surface, on the production build: dist/manifest.json asks for no more than Keeping's
 * host, exposes nothing web-accessible, takes no outside messages, and the content script is one
 * classic file within its gzip budget (scripts/manifest-surface.ts holds the rules).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SCRIPT_CEILING_BYTES,
  contentScriptFiles,
  type SurfaceManifest,
  surfaceProblems,
} from '../../scripts/manifest-surface';

const DIST = 'dist';
const built = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as SurfaceManifest;

describe('surface of dist/', () => {
  it('asks for storage and api.keeping.nl only, exposes nothing and is closed to outside messages', () => {
    expect(surfaceProblems(built)).toEqual([]);
  });

  it('ships a content script that imports nothing at run time', () => {
    const [file] = contentScriptFiles(built);
    const code = readFileSync(join(DIST, file ?? ''), 'utf8');
    expect(code).not.toMatch(/\bimport\s*\(|chrome\.runtime\.getURL|^\s*import\s/m);
  });

  // The ceiling, not yet the 40 KB budget: the script may only shrink from here.
  it(`keeps the content script within ${CONTENT_SCRIPT_CEILING_BYTES / 1024} KB gzip`, () => {
    const [file] = contentScriptFiles(built);
    const gzip = gzipSync(readFileSync(join(DIST, file ?? '')), { level: 9 }).length;
    expect(gzip, `content script is ${(gzip / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(
      CONTENT_SCRIPT_CEILING_BYTES,
    );
  });
});
