/**
 * Urenbrug's host element is the one thing it adds to Exact's document (content/mount.ts makes
 * it). Finding the ones already there is a lookup in Exact's document like any other, so it
 * lives in this room with the rest.
 */

export const PANEL_HOST_ID = 'urenbrug-panel-host';
/** Marks the element inside the host's shadow root that Preact renders into. */
export const PANEL_ROOT_ATTRIBUTE = 'data-urenbrug-root';

/**
 * Every element carrying the host's id: one an orphaned copy left behind, or one that Exact's
 * page planted (possibly with an open root of its own). Never to be adopted, only removed.
 */
export function findLeftHosts(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(`#${PANEL_HOST_ID}`)];
}
