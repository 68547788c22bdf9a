import { describe, expect, it } from 'vitest';
import manifest, { contentScriptsEntry } from '../manifest.config';
import { type SurfaceManifest, surfaceProblems } from './manifest-surface';

/** The declared manifest as the build writes it: crxjs's part plus the classic content script. */
const declared: SurfaceManifest = {
  ...(manifest as SurfaceManifest),
  content_scripts: contentScriptsEntry(),
};

describe('the declared manifest surface', () => {
  it('asks for storage and Keeping only, exposes nothing and takes no outside messages', () => {
    expect(surfaceProblems(declared)).toEqual([]);
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
    ['an open externally_connectable', { externally_connectable: { matches: ['https://*/*'] } }],
    ['no externally_connectable', { externally_connectable: undefined }],
    ['a loader plus a chunk', { content_scripts: [{ js: ['loader.js', 'chunk.js'] }] }],
    ['the tabs permission', { permissions: ['storage', 'tabs'] }],
  ])('names %s', (_name, change) => {
    expect(surfaceProblems({ ...declared, ...change })).toHaveLength(1);
  });
});
