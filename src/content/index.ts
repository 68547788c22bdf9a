/**
 * Content-script loader for Exact Online frames. It runs in every /docs/ frame, so it holds only
 * what every frame needs: the screen detection and the frame's lifecycle, with one AbortSignal
 * that aborts on navigation and when the extension itself is gone (reloaded/removed: a newer
 * copy's takeover or the first touch). Only the frame that holds the sales-invoice screen imports
 * the panel (show-panel.ts, built as dist/panel.js) and shows it (docs/architecture.md, Surface).
 */
import { browser } from '../shared/browser';
import { detectInvoiceScreen } from './exact/screen';
import { claimFrame } from './lifecycle';
import { PANEL_CHUNK_FILE } from './panel-chunk';
import type { showPanel } from './show-panel';

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime.id);
  } catch {
    return false;
  }
}

/**
 * The panel module, from the per-session URL of a `use_dynamic_url` resource (the static URL is
 * refused to pages and to this script alike). It runs in this script's isolated world.
 */
async function importPanel(): Promise<typeof showPanel> {
  const chunk = (await import(/* @vite-ignore */ browser.runtime.getURL(PANEL_CHUNK_FILE))) as {
    showPanel: typeof showPanel;
  };
  return chunk.showPanel;
}

function start(): void {
  const detection = detectInvoiceScreen(document);
  if (detection.kind === 'other') return;

  const controller = new AbortController();
  const { signal } = controller;
  const retire = () => controller.abort();
  claimFrame(document, window, { alive: extensionAlive, retire, signal });

  importPanel()
    .then((show) => {
      if (!signal.aborted) return show(detection, { alive: extensionAlive, retire, signal });
    })
    .catch((error: unknown) => {
      // A reloaded extension or a failed load leaves Exact's page as it was, like startSafely.
      console.warn('Urenbrug could not load the panel', error);
    });
}

function startSafely(): void {
  try {
    start();
  } catch (error) {
    // Never throw into Exact's page: the panel is an extra, the invoice screen is the user's work.
    console.warn('Urenbrug could not start on this screen', error);
  }
}

// Injected at document_start so the code is loaded and parsed while Exact's page still loads.
// The screen can be read once its DOM is parsed ('interactive'), which is before
// DOMContentLoaded when Exact's deferred scripts are still running; the state is read, not
// taken from the event, so a dispatched readystatechange cannot start it early.
function startWhenParsed(): void {
  if (document.readyState === 'loading') return;
  document.removeEventListener('readystatechange', startWhenParsed);
  startSafely();
}

if (document.readyState === 'loading') {
  document.addEventListener('readystatechange', startWhenParsed);
} else {
  startSafely();
}
