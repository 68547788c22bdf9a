/**
 * Content-script loader for Exact Online frames. It runs in every /docs/ frame, so it holds only
 * what every frame needs: the screen detection and the frame's lifecycle, with one AbortSignal
 * that aborts on navigation and when the extension itself is gone (reloaded/removed: a newer
 * copy's takeover or the first touch). Only a frame at the sales-invoice screen's address imports
 * the panel (show-panel.ts, built as dist/panel.js), and shows it there once the screen is
 * recognised (docs/architecture.md, Surface).
 */
import { browser } from '../shared/browser';
import { atInvoiceScreenAddress, detectInvoiceScreen } from './exact/screen';
import { claimFrame } from './lifecycle';
import { PANEL_CHUNK_FILE } from './panel-chunk';
import type { showPanel } from './show-panel';

type ShowPanel = typeof showPanel;

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime.id);
  } catch {
    return false;
  }
}

/**
 * The panel module, from the per-session URL of a `use_dynamic_url` resource (the static URL is
 * refused to pages and to this script alike); it runs in this script's isolated world. Null when
 * it cannot load (the extension was reloaded or removed): Exact's page is then left as it was.
 */
async function importPanel(): Promise<ShowPanel | null> {
  try {
    const url = browser.runtime.getURL(PANEL_CHUNK_FILE);
    const chunk = (await import(/* @vite-ignore */ url)) as { showPanel: ShowPanel };
    return chunk.showPanel;
  } catch (error) {
    console.warn('Urenbrug could not load the panel', error);
    return null;
  }
}

function start(panel: Promise<ShowPanel | null>): void {
  const detection = detectInvoiceScreen(document);
  if (detection.kind === 'other') return;

  const controller = new AbortController();
  const { signal } = controller;
  const retire = () => controller.abort();
  claimFrame(document, window, { alive: extensionAlive, retire, signal });

  panel
    .then((show) => {
      if (show !== null && !signal.aborted) return show(detection, { alive: extensionAlive, retire, signal });
    })
    .catch((error: unknown) => {
      console.warn('Urenbrug could not show the panel', error);
    });
}

function startSafely(panel: Promise<ShowPanel | null>): void {
  try {
    start(panel);
  } catch (error) {
    // Never throw into Exact's page: the panel is an extra, the invoice screen is the user's work.
    console.warn('Urenbrug could not start on this screen', error);
  }
}

// Injected at document_start. Only a frame at the invoice screen's address goes on, and it asks
// for the panel chunk at once, so the chunk loads while Exact's page is still parsed. The screen
// can be read once its DOM is parsed ('interactive'), which is before DOMContentLoaded when
// Exact's deferred scripts are still running; the state is read, not taken from the event, so a
// dispatched readystatechange cannot start it early.
if (atInvoiceScreenAddress(document)) {
  const panel = importPanel();
  const startWhenParsed = () => {
    if (document.readyState === 'loading') return;
    document.removeEventListener('readystatechange', startWhenParsed);
    startSafely(panel);
  };
  if (document.readyState === 'loading') document.addEventListener('readystatechange', startWhenParsed);
  else startSafely(panel);
}
