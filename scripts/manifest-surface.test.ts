import { describe, expect, it } from 'vitest';
import manifest, { contentScriptsEntry, webAccessibleResourcesEntry } from '../manifest.config';
import { type SurfaceManifest, surfaceProblems } from './manifest-surface';

/** The declared manifest as the build writes it: crxjs's part plus the loader and the panel chunk. */
const declared: SurfaceManifest = {
  ...(manifest as SurfaceManifest),
  content_scripts: contentScriptsEntry(),
  web_accessible_resources: webAccessibleResourcesEntry(),
};

const PANEL_FOR_EXACT = { resources: ['panel.js'], matches: ['https://start.exactonline.nl/*'] };

describe('the declared manifest surface', () => {
  it('asks for storage and Keeping only, exposes only the panel chunk and takes no outside messages', () => {
    expect(surfaceProblems(declared)).toEqual([]);
    expect(surfaceProblems({ ...declared, web_accessible_resources: undefined })).toEqual([]);
  });

  it('exposes the panel chunk to Exact hosts only, and only under the dynamic URL', () => {
    expect(declared.web_accessible_resources).toEqual([
      expect.objectContaining({ resources: ['panel.js'], use_dynamic_url: true }),
    ]);
    const [entry] = webAccessibleResourcesEntry();
    expect(entry?.matches).toContain('https://start.exactonline.nl/*');
    expect(entry?.matches).not.toContain('<all_urls>');
  });

  it('keeps the content script on Exact hosts through matches, not host permissions', () => {
    const [script] = contentScriptsEntry();
    expect(script?.matches).toContain('https://start.exactonline.nl/docs/*');
    expect(declared.host_permissions).toEqual(['https://api.keeping.nl/*']);
  });

  it.each<[string, SurfaceManifest]>([
    [
      'an Exact host permission',
      { host_permissions: ['https://api.keeping.nl/*', 'https://start.exactonline.nl/*'] },
    ],
    [
      'a web-accessible chunk',
      { web_accessible_resources: [{ resources: ['assets/*.js'], matches: ['<all_urls>'] }] },
    ],
    ['the panel chunk under its static URL', { web_accessible_resources: [PANEL_FOR_EXACT] }],
    [
      'the panel chunk under a static URL beside the dynamic one',
      { web_accessible_resources: [{ ...PANEL_FOR_EXACT, use_dynamic_url: true }, PANEL_FOR_EXACT] },
    ],
    [
      'the panel chunk for every site',
      { web_accessible_resources: [{ ...PANEL_FOR_EXACT, matches: ['<all_urls>'], use_dynamic_url: true }] },
    ],
    [
      'the panel chunk for another extension',
      { web_accessible_resources: [{ ...PANEL_FOR_EXACT, extension_ids: ['*'], use_dynamic_url: true }] },
    ],
    [
      'another file beside the panel chunk',
      {
        web_accessible_resources: [
          { ...PANEL_FOR_EXACT, resources: ['panel.js', 'content.js'], use_dynamic_url: true },
        ],
      },
    ],
    [
      'no file at all',
      { web_accessible_resources: [{ ...PANEL_FOR_EXACT, resources: [], use_dynamic_url: true }] },
    ],
    ['an open externally_connectable', { externally_connectable: { matches: ['https://*/*'] } }],
    ['no externally_connectable', { externally_connectable: undefined }],
    ['a loader plus a chunk', { content_scripts: [{ js: ['loader.js', 'chunk.js'] }] }],
    ['the tabs permission', { permissions: ['storage', 'tabs'] }],
  ])('names %s', (_name, change) => {
    expect(surfaceProblems({ ...declared, ...change })).toHaveLength(1);
  });
});
