/**
 * When a content-script copy leaves the frame. Exact's page shares the DOM (and so every event
 * on document and window) with the content script, so no event alone may end a live panel:
 * each is a reason to look, and only the browser's own word or a gone runtime ends it.
 */

export const TAKEOVER_EVENT = 'urenbrug:content-takeover';

export interface LifecycleOptions {
  /** Whether this copy's extension runtime is still there (false after a reload or removal). */
  alive: () => boolean;
  /** Ends this copy: removes the panel and its listeners. */
  retire: () => void;
  /** Aborts when this copy ends, for whatever reason; removes the listeners. */
  signal: AbortSignal;
}

/**
 * Announces this copy to any older one in the frame and listens for newer ones. A copy left
 * behind by an extension reload or update hands over when the next copy announces itself; a
 * page that dispatches the same event finds every live copy staying. A page hide ends the copy
 * only when the browser sent it (`isTrusted`), not when a script dispatched one.
 */
export function claimFrame(doc: Document, win: Window, options: LifecycleOptions): void {
  const { alive, retire, signal } = options;
  doc.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
  doc.addEventListener(
    TAKEOVER_EVENT,
    () => {
      if (!alive()) retire();
    },
    { signal },
  );
  win.addEventListener(
    'pagehide',
    (event) => {
      if (event.isTrusted === true) retire();
    },
    { signal },
  );
}
