import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

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
 * The content script, built by a separate step into one classic file (vite.config.ts). Left to
 * @crxjs it would be a loader importing chunks that must be web-accessible to Exact's hosts,
 * which lets any Exact page detect the extension (and its version) by fetching a chunk's URL.
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
  // The content script is added by vite.config.ts as one classic file (CONTENT_SCRIPT below).
  // No other extension and no web page may message the worker.
  externally_connectable: { ids: [] },
  // storage: the connection and settings. Nothing else: no tabs, no <all_urls>, no alarms (no polling).
  permissions: ['storage'],
  // Only Keeping's API, which the worker calls with the token. The content script needs no host
  // permission: its `matches` inject it, and its REST calls to Exact go out as the page's own
  // same-origin requests (docs/architecture.md, Surface).
  host_permissions: [`${KEEPING_API_ORIGIN}/*`],
});
