/**
 * What the extension exposes, checked on a manifest (docs/architecture.md, Surface): the declared
 * one (manifest.config.ts, in scripts/manifest-surface.test.ts) and the built dist/manifest.json
 * (tests/e2e/surface.e2e.ts). Each rule is one line of the "Surface" point, so a change
 * that widens the surface names the rule it breaks.
 */

import { EXACT_HOSTS, PANEL_CHUNK } from '../manifest.config';

/** The only host the extension may call with its own privileges: Keeping's API. */
export const ALLOWED_HOST_PERMISSIONS: readonly string[] = ['https://api.keeping.nl/*'];
/** The only API permission: the connection and settings. */
export const ALLOWED_PERMISSIONS: readonly string[] = ['storage'];
/**
 * The only web-accessible files: the panel chunk the loader imports in the invoice frame. Only
 * for Exact's hosts and only under the per-session URL (`use_dynamic_url`), so no page can fetch
 * chrome-extension://<id>/panel.js to learn that the extension is installed.
 */
export const WEB_ACCESSIBLE_FILES: readonly string[] = [PANEL_CHUNK.file];
export const WEB_ACCESSIBLE_MATCHES: readonly string[] = EXACT_HOSTS.map((host) => `${host}/*`);
/**
 * The content script's budget, gzip (level 9), in bytes: issue 10's target, printed by the bench.
 * It holds the loader, content.js, which every Exact frame runs.
 */
export const CONTENT_SCRIPT_BUDGET_BYTES = 40 * 1024;
/**
 * The panel chunk's ceiling, gzip (level 9): loaded only in the sales-invoice frame, it has no
 * budget of its own, but may not grow unnoticed (41.6 KB today). The e2e check holds it.
 */
export const PANEL_CHUNK_CEILING_BYTES = 42 * 1024;

export interface SurfaceManifest {
  permissions?: unknown;
  optional_permissions?: unknown;
  host_permissions?: unknown;
  optional_host_permissions?: unknown;
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  content_scripts?: unknown;
}

function sameSet(actual: unknown, allowed: readonly string[]): boolean {
  return (
    Array.isArray(actual) &&
    actual.length === allowed.length &&
    allowed.every((value) => actual.includes(value))
  );
}

function isEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

interface WebAccessibleEntry {
  resources?: unknown;
  matches?: unknown;
  extension_ids?: unknown;
  use_dynamic_url?: unknown;
}

function within(actual: unknown, allowed: readonly string[]): boolean {
  return Array.isArray(actual) && actual.length > 0 && actual.every((value) => allowed.includes(value));
}

/** Whether each web-accessible entry is the panel chunk, for Exact's hosts, under the dynamic URL. */
function webAccessibleHolds(value: unknown): boolean {
  if (isEmpty(value)) return true;
  if (!Array.isArray(value)) return false;
  return value.every(
    (entry: WebAccessibleEntry) =>
      within(entry.resources, WEB_ACCESSIBLE_FILES) &&
      within(entry.matches, WEB_ACCESSIBLE_MATCHES) &&
      isEmpty(entry.extension_ids) &&
      entry.use_dynamic_url === true,
  );
}

/** The web-accessible files (the panel chunk), so a caller can weigh them. */
export function webAccessibleFiles(manifest: SurfaceManifest): string[] {
  const entries = Array.isArray(manifest.web_accessible_resources) ? manifest.web_accessible_resources : [];
  return entries.flatMap((entry: WebAccessibleEntry) =>
    Array.isArray(entry.resources) ? entry.resources : [],
  );
}

/** The content scripts' files, so a caller can weigh them. */
export function contentScriptFiles(manifest: SurfaceManifest): string[] {
  const scripts = Array.isArray(manifest.content_scripts) ? manifest.content_scripts : [];
  return scripts.flatMap((script: { js?: unknown }) => (Array.isArray(script.js) ? script.js : []));
}

/** Every way `manifest` is wider than the surface allows; empty when it holds. */
export function surfaceProblems(manifest: SurfaceManifest): string[] {
  const problems: string[] = [];
  if (!sameSet(manifest.permissions, ALLOWED_PERMISSIONS)) {
    problems.push(`permissions must be exactly ${JSON.stringify(ALLOWED_PERMISSIONS)}`);
  }
  if (!sameSet(manifest.host_permissions, ALLOWED_HOST_PERMISSIONS)) {
    problems.push(
      `host_permissions must be exactly ${JSON.stringify(ALLOWED_HOST_PERMISSIONS)} (content scripts need none)`,
    );
  }
  if (!isEmpty(manifest.optional_permissions) || !isEmpty(manifest.optional_host_permissions)) {
    problems.push('no optional permissions');
  }
  if (!webAccessibleHolds(manifest.web_accessible_resources)) {
    problems.push(
      `web-accessible only ${JSON.stringify(WEB_ACCESSIBLE_FILES)}, for Exact's hosts, with use_dynamic_url: an Exact page could fetch anything else to detect the extension`,
    );
  }
  const connectable = manifest.externally_connectable as { ids?: unknown; matches?: unknown } | undefined;
  if (
    !connectable ||
    !Array.isArray(connectable.ids) ||
    connectable.ids.length > 0 ||
    !isEmpty(connectable.matches) ||
    Object.keys(connectable).some((key) => key !== 'ids' && key !== 'matches')
  ) {
    problems.push('externally_connectable must be closed: { "ids": [] } and no matches');
  }
  const files = contentScriptFiles(manifest);
  if (files.length !== 1 || !files[0]?.endsWith('.js')) {
    problems.push('the content script must be one classic file (the panel chunk is imported, not listed)');
  }
  return problems;
}
