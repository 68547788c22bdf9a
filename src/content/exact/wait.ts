/**
 * Waiting for Exact to settle after a change: watch the nodes Exact touches, re-check the
 * condition on every mutation and on a slow tick (values set through `.value` make no mutation),
 * and give up after a timeout or when the signal aborts. Never open-ended.
 */

export interface WaitOptions {
  /** Nodes whose subtree/attributes change while Exact works. */
  observe: readonly Node[];
  signal: AbortSignal;
  timeoutMs: number;
  /** Named in the timeout error so the panel can say what did not settle. */
  what: string;
}

const TICK_MS = 20;

/** Resolves once `condition()` is true; rejects on timeout or abort. */
export function waitUntil(condition: () => boolean, options: WaitOptions): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const { signal } = options;
    const finish = (error?: Error) => {
      observer.disconnect();
      clearInterval(tick);
      clearTimeout(timeout);
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (condition()) finish();
    };
    const onAbort = () => finish(new DOMException('Cancelled', 'AbortError'));
    const observer = new MutationObserver(check);
    for (const node of options.observe) {
      observer.observe(node, { attributes: true, childList: true, subtree: true, characterData: true });
    }
    const tick = setInterval(check, TICK_MS);
    const timeout = setTimeout(
      () => finish(new Error(`Exact Online did not finish: ${options.what}`)),
      options.timeoutMs,
    );
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface QuietOptions {
  signal: AbortSignal;
  /** How long `node` must go without a change. */
  quietMs: number;
  timeoutMs: number;
  what: string;
}

/**
 * Resolves once `node` has not changed for `quietMs`: the settle signal when Exact's spinner is
 * not on the screen (docs/architecture.md, Anchor tiers), which the panel states rather than
 * taking "no spinner" as "done". Rejects on timeout or abort.
 */
export function waitForQuiet(node: Node, options: QuietOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    let quiet: ReturnType<typeof setTimeout>;
    const finish = (error?: Error) => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(timeout);
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const restart = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => finish(), options.quietMs);
    };
    const onAbort = () => finish(new DOMException('Cancelled', 'AbortError'));
    const observer = new MutationObserver(restart);
    observer.observe(node, { attributes: true, childList: true, subtree: true, characterData: true });
    const timeout = setTimeout(
      () => finish(new Error(`Exact Online did not finish: ${options.what}`)),
      options.timeoutMs,
    );
    restart();
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
