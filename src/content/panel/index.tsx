/**
 * The panel's entry point for the content script: `renderPanel` mounts the Preact tree into the
 * shadow root's element that mount.ts made (its stylesheet comes from the worker, assets.ts).
 * Nothing here may throw into Exact's page.
 */
import { render } from 'preact';
import { toUrenbrugError } from '../../shared/errors';
import { t } from '../../shared/i18n';
import type { ExactInvoicePage, ScreenInspector } from '../exact/types';
import { createPanelModel } from './model/panel-model';
import type { RestAccess } from './model/rest-model';
import { PanelApp } from './panel-app';
import { ErrorBoundary } from './sections/error-boundary';

export interface RenderPanelOptions {
  page: ExactInvoicePage | null;
  /** Why `page` is null (the anchor the page module missed), shown in the warning. */
  screenProblem: string | null;
  /** The screen check, on a usable page and in degraded mode alike. */
  inspector?: ScreenInspector | null;
  signal: AbortSignal;
}

function sessionStore(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // Accessing sessionStorage throws when the browser blocks storage for the site.
    return null;
  }
}

/** Same-origin calls from the frame, so they carry Exact's session (docs/exact-online.md, REST API with the session). */
function restAccess(url: string): RestAccess | null {
  // Only on Exact's own hosts (docs/exact-online.md, Hosts): the call carries the session's cookies.
  if (!/^https:\/\/start\.exactonline\.(nl|be|de|co\.uk|com|es|fr)\//.test(url)) return null;
  if (typeof globalThis.fetch !== 'function') return null;
  return { origin: new URL(url).origin, fetch: (input, init) => globalThis.fetch(input, init) };
}

/** Renders the panel into `root` and unmounts it when `signal` aborts. */
export function renderPanel(root: HTMLElement, options: RenderPanelOptions): void {
  if (options.signal.aborted) return;
  try {
    const storage = sessionStore();
    const url = globalThis.location?.href ?? '';
    const model = createPanelModel({ ...options, storage, url, exactRest: restAccess(url) });
    render(
      <ErrorBoundary>
        <PanelApp model={model} storage={storage} />
      </ErrorBoundary>,
      root,
    );
    options.signal.addEventListener('abort', () => render(null, root), { once: true });
    model.start().catch((error: unknown) => {
      // start() handles its own failures; this is the last net, shown inside the panel.
      model.backgroundError.value = toUrenbrugError(error);
      model.phase.value = 'ready';
    });
  } catch (error) {
    showCrash(root, error);
  }
}

function showCrash(root: HTMLElement, error: unknown): void {
  const message = document.createElement('p');
  message.className = 'notice error';
  message.setAttribute('role', 'alert');
  message.setAttribute('data-testid', 'panel-crashed');
  // textContent: the message may carry text from Exact or Keeping.
  message.textContent = t('panel_crashed', error instanceof Error ? error.message : String(error));
  render(null, root);
  root.replaceChildren(message);
}
