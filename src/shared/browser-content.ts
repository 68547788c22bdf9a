/**
 * The content script's stand-in for webextension-polyfill: the content build (vite.config.ts)
 * resolves the polyfill to this file, so `browser` from `shared/browser.ts` is this object there.
 * The content script (its loader and the panel chunk) uses `runtime.id`, `runtime.getURL` and
 * `runtime.sendMessage` only; the polyfill's 2.7 KB gzip wraps every API of every namespace
 * (docs/architecture.md, The polyfill once). A content file that reaches for more of `browser`
 * fails the unit test next to this one.
 */

/** What the polyfill turns into "no answer" rather than an error. */
const NO_ANSWER = 'The message port closed before a response was received.';

function chromeRuntime(): typeof chrome.runtime | undefined {
  return (globalThis as { chrome?: typeof chrome }).chrome?.runtime;
}

export const contentBrowser = {
  runtime: {
    /** Undefined once the extension is reloaded or removed (an orphaned copy). */
    get id(): string | undefined {
      return chromeRuntime()?.id;
    },
    /**
     * The loader's way to the panel chunk: for a `use_dynamic_url` resource Chromium answers the
     * per-session URL. Throws once the extension is gone, as chrome.runtime.getURL does.
     */
    getURL(path: string): string {
      const runtime = chromeRuntime();
      if (!runtime?.id) throw new Error('Extension context invalidated.');
      return runtime.getURL(path);
    },
    /** Like the polyfill: a promise of the reply, undefined when no listener answered. */
    sendMessage(message: unknown): Promise<unknown> {
      return new Promise((resolve, reject) => {
        const runtime = chromeRuntime();
        if (!runtime?.id) {
          reject(new Error('Extension context invalidated.'));
          return;
        }
        runtime.sendMessage(message, (reply: unknown) => {
          const error = runtime.lastError;
          if (!error) resolve(reply);
          else if (error.message === NO_ANSWER) resolve(undefined);
          else reject(new Error(error.message));
        });
      });
    },
  },
};

export default contentBrowser;
