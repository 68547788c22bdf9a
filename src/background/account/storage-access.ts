/**
 * Closes `storage.local` to content scripts. Chrome opens `local` (where the Keeping token and the
 * settings live) to content scripts by default, and a content script shares its renderer process
 * with Exact's page; restricting the area keeps the token to the worker and the extension's pages.
 * Chromium records the level in the extension's preferences; the worker still sets it at every
 * start, so a profile that lost it is closed again on the next wake.
 */

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> | void;
}

/**
 * Restricts `area` to trusted contexts. Never throws: a browser without the call (or one that
 * refuses it) still gets a working worker, and the reason is logged; resolves to whether it held.
 */
export function restrictToTrustedContexts(
  area: object,
  log: Pick<Console, 'warn'> = console,
): Promise<boolean> {
  // webextension-polyfill's types predate the call; the polyfill passes it through to chrome's.
  const { setAccessLevel } = area as AccessLevelArea;
  const refused = (error: unknown) => {
    log.warn('Urenbrug: storage.local stays open to content scripts', error);
    return false;
  };
  try {
    if (typeof setAccessLevel !== 'function') {
      return Promise.resolve(refused(new Error('storage.local.setAccessLevel is not available')));
    }
    const pending = setAccessLevel.call(area, { accessLevel: 'TRUSTED_CONTEXTS' });
    return Promise.resolve(pending).then(() => true, refused);
  } catch (error) {
    return Promise.resolve(refused(error));
  }
}
