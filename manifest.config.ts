import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { PANEL_CHUNK_FILE } from './src/content/panel-chunk.ts';

/** Every Exact Online country host (docs/exact-online.md, Hosts). */
export const EXACT_HOSTS = [
  'https://start.exactonline.nl',
  'https://start.exactonline.be',
  'https://start.exactonline.de',
  'https://start.exactonline.co.uk',
  'https://start.exactonline.com',
  'https://start.exactonline.es',
  'https://start.exactonline.fr',
] as const;

export const KEEPING_API_ORIGIN = 'https://api.keeping.nl';

/**
 * The content script, built by a separate step into one classic file (vite.config.ts): the
 * loader every Exact frame runs. Left to @crxjs it would be a loader importing chunks that are
 * web-accessible to Exact's hosts under their static URLs, which lets any Exact page detect the
 * extension (and its version) by fetching a chunk's URL.
 */
export const CONTENT_SCRIPT = {
  entry: 'src/content/index.ts',
  file: 'content.js',
  matches: EXACT_HOSTS.map((host) => `${host}/docs/*`),
  all_frames: true,
  run_at: 'document_start',
} as const;

/** The manifest's `content_scripts`, as vite.config.ts writes it into dist/manifest.json. */
export function contentScriptsEntry(): Array<Record<string, unknown>> {
  const { entry: _entry, file, ...script } = CONTENT_SCRIPT;
  return [{ ...script, js: [file] }];
}

/**
 * The panel, one self-contained module the loader imports only in the sales-invoice frame
 * (content/index.ts), built by the same separate step (vite.config.ts).
 */
export const PANEL_CHUNK = {
  entry: 'src/content/show-panel.ts',
  file: PANEL_CHUNK_FILE,
} as const;

/**
 * The manifest's `web_accessible_resources`: the panel chunk, for Exact's hosts only, and only
 * under the per-session URL (`use_dynamic_url`): Chromium refuses chrome-extension://<id>/panel.js
 * to every page, so an Exact page cannot fetch it to detect the extension.
 */
export function webAccessibleResourcesEntry(): Array<Record<string, unknown>> {
  return [
    { resources: [PANEL_CHUNK.file], matches: EXACT_HOSTS.map((host) => `${host}/*`), use_dynamic_url: true },
  ];
}

export default defineManifest({
  manifest_version: 3,
  name: '__MSG_extName__',
  short_name: 'Urenbrug',
  description: '__MSG_extDescription__',
  version: pkg.version,
  default_locale: 'nl',
  icons: {
    16: 'icons/icon-16.png',
    32: 'icons/icon-32.png',
    48: 'icons/icon-48.png',
    128: 'icons/icon-128.png',
  },
  action: {
    default_popup: 'src/popup/index.html',
    default_title: '__MSG_actionTitle__',
    default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  },
  options_ui: { page: 'src/options/index.html', open_in_tab: true },
  background: { service_worker: 'src/background/index.ts', type: 'module' },
  // The content script (one classic file, CONTENT_SCRIPT above) and the panel chunk it may import
  // (web_accessible_resources, PANEL_CHUNK above) are added by vite.config.ts.
  // No other extension and no web page may message the worker.
  externally_connectable: { ids: [] },
  // storage: the connection and settings. Nothing else: no tabs, no <all_urls>, no alarms (no polling).
  permissions: ['storage'],
  // Only Keeping's API, which the worker calls with the token. The content script needs no host
  // permission: its `matches` inject it, and its REST calls to Exact go out as the page's own
  // same-origin requests (docs/architecture.md, Surface).
  host_permissions: [`${KEEPING_API_ORIGIN}/*`],
});
