/**
 * What the extension exposes, checked on a manifest (docs/architecture.md, Surface): the declared
 * one (manifest.config.ts, in scripts/manifest-surface.test.ts) and the built dist/manifest.json
 * (tests/e2e/surface.e2e.ts). Each rule is one line of the "Surface" point, so a change
 * that widens the surface names the rule it breaks.
 */

/** The only host the extension may call with its own privileges: Keeping's API. */
export const ALLOWED_HOST_PERMISSIONS: readonly string[] = ['https://api.keeping.nl/*'];
/** The only API permission: the connection and settings. */
export const ALLOWED_PERMISSIONS: readonly string[] = ['storage'];
/** The content script's budget, gzip (level 9), in bytes: issue 10's target, printed by the bench. */
export const CONTENT_SCRIPT_BUDGET_BYTES = 40 * 1024;
/**
 * The size it may never grow past while the budget is not met (48.1 KB today; what is left is
 * listed in docs/architecture.md, Surface). Lower it with every cut; the e2e check holds it.
 */
export const CONTENT_SCRIPT_CEILING_BYTES = 49 * 1024;

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
  if (!isEmpty(manifest.web_accessible_resources)) {
    problems.push('nothing may be web-accessible: an Exact page could fetch it to detect the extension');
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
    problems.push('the content script must be one classic file (no loader, no chunks)');
  }
  return problems;
}
