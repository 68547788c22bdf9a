/**
 * Urenbrug's host element is the one thing it adds to Exact's document (content/mount.ts makes
 * it). Finding the one an earlier copy of the content script left behind is a lookup in Exact's
 * document like any other, so it lives in this room with the rest.
 */

export const PANEL_HOST_ID = 'urenbrug-panel-host';
/** Marks the element inside the host's shadow root that Preact renders into. */
export const PANEL_ROOT_ATTRIBUTE = 'data-urenbrug-root';

export interface LeftHost {
  host: HTMLElement;
  /** The render root, or null when the host is incomplete (and must be replaced). */
  parts: { shadow: ShadowRoot; root: HTMLElement } | null;
}

/** The host already in the document, or null when there is none. */
export function findLeftHost(doc: Document): LeftHost | null {
  const host = doc.getElementById(PANEL_HOST_ID);
  if (!host) return null;
  const shadow = host.shadowRoot;
  const root = shadow?.querySelector<HTMLElement>(`[${PANEL_ROOT_ATTRIBUTE}]`) ?? null;
  return { host, parts: shadow && root ? { shadow, root } : null };
}
