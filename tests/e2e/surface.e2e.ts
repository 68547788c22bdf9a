/**
 * Issue 10, Surface, on the production build: dist/manifest.json asks for no more than Keeping's
 * host, exposes only the panel chunk (to Exact's hosts, under the per-session URL), takes no
 * outside messages, and the content script is one classic loader within its gzip budget
 * (scripts/manifest-surface.ts holds the rules). In Chromium, the loader shows the panel in the
 * invoice frame while the page itself cannot fetch the chunk to detect the extension.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../sandbox/exact/server';
import {
  EXACT_ORIGIN,
  type ExtensionSession,
  launchWithExtension,
  PANEL_HOST_SELECTOR,
} from '../../sandbox/harness/browser';
import { type KeepingSandbox, startKeepingSandbox } from '../../sandbox/keeping/server';
import {
  CONTENT_SCRIPT_BUDGET_BYTES,
  contentScriptFiles,
  PANEL_CHUNK_CEILING_BYTES,
  type SurfaceManifest,
  surfaceProblems,
  webAccessibleFiles,
} from '../../scripts/manifest-surface';

const DIST = 'dist';
const built = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as SurfaceManifest;
const gzipOf = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

describe('surface of dist/', () => {
  it('asks for storage and api.keeping.nl only, exposes only the panel chunk and is closed to outside messages', () => {
    expect(surfaceProblems(built)).toEqual([]);
    expect(webAccessibleFiles(built)).toEqual(['panel.js']);
  });

  it('ships a loader that imports only the panel chunk, and a chunk that imports nothing', () => {
    const [file] = contentScriptFiles(built);
    const loader = readFileSync(join(DIST, file ?? ''), 'utf8');
    // A classic script: no static import; its one dynamic import takes the browser's URL.
    expect(loader).not.toMatch(/^\s*import\s/m);
    expect(loader.match(/\bimport\s*\(/g)).toHaveLength(1);
    expect(loader).toMatch(/\bimport\s*\(\s*[\w$]+\.runtime\.getURL\(/);
    const chunk = readFileSync(join(DIST, 'panel.js'), 'utf8');
    expect(chunk).not.toMatch(/\bimport\s*\(|\bimport\s*[\w${}*,\s]*from\s*["'`]|^\s*import\s*["'`]/m);
    expect(chunk).toMatch(/export\s*\{[^}]*\bshowPanel\b/);
  });

  it(`keeps the content script (the loader) within ${CONTENT_SCRIPT_BUDGET_BYTES / 1024} KB gzip`, () => {
    const [file] = contentScriptFiles(built);
    const gzip = gzipOf(file ?? '');
    expect(gzip, `content script is ${(gzip / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(
      CONTENT_SCRIPT_BUDGET_BYTES,
    );
  });

  // No budget for the chunk, which loads in the invoice frame only; the ceiling keeps it from growing.
  it(`keeps the panel chunk within ${PANEL_CHUNK_CEILING_BYTES / 1024} KB gzip`, () => {
    const gzip = gzipOf('panel.js');
    console.log(`panel chunk: ${gzip} B gzip -9 (${(gzip / 1024).toFixed(1)} KB)`);
    expect(gzip, `panel chunk is ${(gzip / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(
      PANEL_CHUNK_CEILING_BYTES,
    );
  });
});

describe('the panel chunk in Chromium', () => {
  let keeping: KeepingSandbox;
  let exact: ExactSandbox;
  let session: ExtensionSession;
  let frame: Frame;

  beforeAll(async () => {
    keeping = await startKeepingSandbox();
    exact = await startExactSandbox();
    // Nothing pierces the panel's root: Exact's page sees what it sees in real use.
    session = await launchWithExtension({
      keepingUrl: keeping.url,
      exactUrl: exact.url,
      pierceClosedPanel: 'none',
    });
    const page = await session.context.newPage();
    await page.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`);
    const mainWindow = await (await page.waitForSelector('iframe#MainWindow')).contentFrame();
    if (!mainWindow) throw new Error('no MainWindow frame');
    frame = mainWindow;
  });

  afterAll(async () => {
    await session?.close();
    await Promise.all([keeping?.close(), exact?.close()]);
  });

  it('is imported by the loader in the invoice frame, which then shows the panel', async () => {
    await frame.waitForSelector(PANEL_HOST_SELECTOR, { state: 'attached' });
    expect(await frame.locator(PANEL_HOST_SELECTOR).count()).toBe(1);
  });

  it('cannot be fetched by the page under its static URL, nor can the loader', async () => {
    await frame.waitForSelector(PANEL_HOST_SELECTOR, { state: 'attached' });
    const fetched = await frame.evaluate(
      async (urls) => {
        const outcomes: string[] = [];
        for (const url of urls) {
          outcomes.push(
            await fetch(url).then(
              (response) => `${url}: HTTP ${response.status}`,
              (error: unknown) => `${url}: ${String(error)}`,
            ),
          );
        }
        return outcomes;
      },
      [session.extensionUrl('panel.js'), session.extensionUrl('content.js')],
    );
    expect(fetched).toEqual([
      `${session.extensionUrl('panel.js')}: TypeError: Failed to fetch`,
      `${session.extensionUrl('content.js')}: TypeError: Failed to fetch`,
    ]);
  });

  it("leaves no trace of the chunk's per-session URL in the page's resource timing", async () => {
    await frame.waitForSelector(PANEL_HOST_SELECTOR, { state: 'attached' });
    for (const world of [frame, frame.page().mainFrame()]) {
      const names = await world.evaluate(() =>
        performance.getEntriesByType('resource').map((entry) => entry.name),
      );
      expect(names.filter((name) => name.startsWith('chrome-extension:'))).toEqual([]);
    }
  });
});
