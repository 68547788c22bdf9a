/**
 * The panel's module file in dist/, next to the loader `content.js` (vite.config.ts builds both).
 * The loader imports it only in the frame that holds the sales-invoice screen, under the
 * per-session URL `runtime.getURL` gives for a `use_dynamic_url` resource: the static
 * chrome-extension://<id>/panel.js is refused to every page (docs/architecture.md, Surface).
 */
export const PANEL_CHUNK_FILE = 'panel.js';
