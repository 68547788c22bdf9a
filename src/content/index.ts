/**
 * Content-script bootstrap for Exact Online frames. It runs in every /docs/ frame, acts only in
 * the frame that holds the sales-invoice screen, mounts one panel there, re-attaches it when
 * Exact re-renders, and hangs everything off one AbortSignal that aborts on navigation and when
 * the extension itself is gone (reloaded/removed: a newer copy's takeover or the first touch).
 */
import { browser } from '../shared/browser';
import { detectInvoiceScreen } from './exact/screen';
import { claimFrame } from './lifecycle';
import { mountHost } from './mount';
import { renderPanel } from './panel';
import { loadPanelAssets } from './panel/assets';

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime.id);
  } catch {
    return false;
  }
}

function start(): void {
  const detection = detectInvoiceScreen(document);
  if (detection.kind === 'other') return;

  const controller = new AbortController();
  const { signal } = controller;
  claimFrame(document, window, { alive: extensionAlive, retire: () => controller.abort(), signal });

  const mount = (css: string) => {
    const { host, root } = mountHost(document, document.body, css, signal);
    // An orphaned copy (extension reloaded) notices at the first touch and leaves the page.
    host.addEventListener(
      'focusin',
      () => {
        if (!extensionAlive()) controller.abort();
      },
      { signal },
    );
    renderPanel(root, {
      // On a changed screen the page only reads the header; the screen problem keeps it from writing.
      page: detection.page,
      screenProblem: detection.kind === 'changed' ? detection.missing : null,
      // Also on a screen that changed: the check says what is missing and the skeleton helps fix it.
      inspector: detection.inspector,
      signal,
    });
    return host;
  };

  // The strings and CSS arrive from the worker in one message (a few ms once it is awake).
  void loadPanelAssets().then((css) => {
    if (css === null || signal.aborted) return;
    let host = mount(css);
    // Exact may rebuild the body; observe only its direct children and mount again if we went.
    const observer = new MutationObserver(() => {
      if (!host.isConnected && !signal.aborted) host = mount(css);
    });
    observer.observe(document.body, { childList: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
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
