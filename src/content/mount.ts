/**
 * Mounts one panel host with a closed shadow root in a container, keeps Exact's hotkeys away
 * from keystrokes typed in it, and removes everything when the signal aborts. The host element is
 * the only thing Urenbrug adds to Exact's DOM.
 */
import { findLeftHosts, PANEL_HOST_ID, PANEL_ROOT_ATTRIBUTE } from './exact/panel-host';

export interface MountedHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The element Preact renders into. */
  root: HTMLElement;
}

/** Key events stop at the host so Exact's document-level hotkey handlers never see them. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'paste', 'copy', 'cut'] as const;

/**
 * Creates a new host inside `container`, with `css` applied to its shadow root.
 * `:host { all: initial }` in that CSS keeps Exact's styles out.
 */
export function mountHost(doc: Document, container: Element, css: string, signal: AbortSignal): MountedHost {
  // Never adopt an element that is already there: Exact's page could have planted one with an
  // open root of its own to have the panel rendered where it can read it. An orphaned copy of
  // ours has removed its host on the takeover before this runs (content/index.ts).
  for (const left of findLeftHosts(doc)) left.remove();

  const host = doc.createElement('div');
  host.id = PANEL_HOST_ID;
  host.setAttribute('data-testid', 'urenbrug-panel');
  // Closed: the panel lists colleagues, hours and amounts, and Exact's page scripts share this
  // DOM. A closed root is invisible to them (`host.shadowRoot` is null in the page's world) and
  // keeps their selectors out; only this reference reaches it. The end-to-end harness reaches it
  // over the DevTools protocol instead (sandbox/harness/worlds.ts), so dist/ ships closed.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const root = doc.createElement('div');
  root.setAttribute(PANEL_ROOT_ATTRIBUTE, '');
  shadow.append(style, root);
  for (const type of ISOLATED_EVENTS) {
    host.addEventListener(type, (event) => event.stopPropagation(), { signal });
  }
  container.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, shadow, root };
}
