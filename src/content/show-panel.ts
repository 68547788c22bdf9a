/**
 * The panel chunk's entry (dist/panel.js, a module the loader content/index.ts imports only in the
 * frame that holds the sales-invoice screen): loads the strings and CSS, mounts one panel there
 * and re-attaches it when Exact re-renders. It runs in the content script's isolated world, like
 * the loader, and hangs everything off the loader's signal.
 */
import type { ScreenDetection } from './exact/screen';
import { mountHost } from './mount';
import { renderPanel } from './panel';
import { loadPanelAssets } from './panel/assets';

export type InvoiceScreen = Exclude<ScreenDetection, { kind: 'other' }>;

export interface ShowPanelOptions {
  /** Whether this copy's extension runtime is still there (false after a reload or removal). */
  alive: () => boolean;
  /** Ends this copy (the loader's abort): removes the panel and its listeners. */
  retire: () => void;
  signal: AbortSignal;
}

export async function showPanel(detection: InvoiceScreen, options: ShowPanelOptions): Promise<void> {
  const { alive, retire, signal } = options;
  const mount = (css: string) => {
    const { host, root } = mountHost(document, document.body, css, signal);
    // An orphaned copy (extension reloaded) notices at the first touch and leaves the page.
    host.addEventListener(
      'focusin',
      () => {
        if (!alive()) retire();
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
  const css = await loadPanelAssets();
  if (css === null || signal.aborted) return;
  let host = mount(css);
  // Exact may rebuild the body; observe only its direct children and mount again if we went.
  const observer = new MutationObserver(() => {
    if (!host.isConnected && !signal.aborted) host = mount(css);
  });
  observer.observe(document.body, { childList: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
