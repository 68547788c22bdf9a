/**
 * Mounts one panel host in a shadow root next to an anchor element, keeps Exact's hotkeys away
 * from keystrokes typed in it, and removes everything when the signal aborts. The host element is
 * the only thing Urenbrug adds to Exact's DOM.
 */
import { findLeftHost, PANEL_HOST_ID, PANEL_ROOT_ATTRIBUTE } from './exact/panel-host';

export interface MountedHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The element Preact renders into. */
  root: HTMLElement;
}

/** Key events stop at the host so Exact's document-level hotkey handlers never see them. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'paste', 'copy', 'cut'] as const;

/**
 * Creates the host (or returns the existing one) inside `container`, with `css` applied to the
 * shadow root. `:host { all: initial }` in that CSS keeps Exact's styles out.
 */
export function mountHost(doc: Document, container: Element, css: string, signal: AbortSignal): MountedHost {
  const existing = findLeftHost(doc);
  if (existing?.parts) return { host: existing.host, ...existing.parts };
  existing?.host.remove();

  const host = doc.createElement('div');
  host.id = PANEL_HOST_ID;
  host.setAttribute('data-testid', 'urenbrug-panel');
  // Closed would hide the panel from our own end-to-end tests; page scripts gain nothing from an
  // open root because the extension's state lives in the isolated world, not in the DOM.
  const shadow = host.attachShadow({ mode: 'open' });
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
