/**
 * The JavaScript worlds of a page, reached over the Chrome DevTools Protocol, for the end-to-end
 * tests and the benchmarks.
 *
 * The panel lives in a *closed* shadow root, so neither Exact's scripts nor Playwright's CSS
 * engine (which walks `element.shadowRoot`, open roots only) can look inside it. The tests still
 * have to drive the real, shipped bundle in dist/, so instead of a test build with an open root
 * the harness reaches the closed root through the protocol: `DOM.describeNode` with
 * `pierce: true` lists closed shadow roots too, `DOM.resolveNode` turns that root into an object
 * in a chosen world, and an own `shadowRoot` property on the host's wrapper *in that world*
 * lets Playwright's locators walk in. Each world has its own wrappers for DOM nodes, so the
 * property is seen only where it was put:
 * - `playwright`: Playwright's isolated utility world, where locators query and act. The page's
 *   main world (Exact's scripts) still sees `host.shadowRoot === null`; the isolation spec runs
 *   like this and checks exactly that.
 * - `playwright-and-page`: the main world too, for the specs and benchmarks that read the panel
 *   with `allTextContents`, `$$eval` or an init script, which Playwright runs in the main world.
 * The extension's own content-script world is never touched.
 */

import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface ExecutionContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

interface RemoteObject {
  objectId?: string;
  value?: unknown;
}

interface EvaluateResult {
  result: RemoteObject;
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

interface DescribedNode {
  node: { shadowRoots?: { backendNodeId: number; shadowRootType?: string }[] };
}

/**
 * Resolves once a host matching the selector exists whose wrapper has no own `shadowRoot`. Only
 * the nodes each mutation adds are looked at, so a busy page (Exact's grid being filled) pays
 * next to nothing for it: the benchmarks run with this in place.
 */
function waitForUnpiercedHost(hostSelector: string): string {
  return `new Promise((resolve) => {
    const selector = ${JSON.stringify(hostSelector)};
    const unpierced = (node) =>
      node instanceof Element && node.matches(selector) && !Object.prototype.hasOwnProperty.call(node, 'shadowRoot');
    const present = document.querySelector(selector);
    if (unpierced(present)) return resolve(present);
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (unpierced(node)) {
            observer.disconnect();
            return resolve(node);
          }
        }
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  })`;
}

const DEFINE_SHADOW_ROOT =
  'function (root) { Object.defineProperty(this, "shadowRoot", { value: root, configurable: true }); }';

/** Keeps piercing, in one world, every host the content script mounts until the world goes. */
async function pierceInWorld(cdp: CDPSession, contextId: number, hostSelector: string): Promise<void> {
  for (;;) {
    const found = (await cdp.send('Runtime.evaluate', {
      contextId,
      expression: waitForUnpiercedHost(hostSelector),
      awaitPromise: true,
    })) as EvaluateResult;
    const hostId = found.result.objectId;
    if (found.exceptionDetails || !hostId) return;
    const described = (await cdp.send('DOM.describeNode', {
      objectId: hostId,
      depth: 1,
      pierce: true,
    })) as DescribedNode;
    const shadowRoot = described.node.shadowRoots?.[0];
    const root = shadowRoot
      ? ((await cdp.send('DOM.resolveNode', {
          backendNodeId: shadowRoot.backendNodeId,
          executionContextId: contextId,
        })) as { object: RemoteObject })
      : null;
    await cdp.send('Runtime.callFunctionOn', {
      objectId: hostId,
      functionDeclaration: DEFINE_SHADOW_ROOT,
      // A host without a root gets `null`, so the loop waits for the next host instead of spinning.
      arguments: [root?.object.objectId ? { objectId: root.object.objectId } : { value: null }],
    });
  }
}

export type PierceWorlds = 'playwright' | 'playwright-and-page';

function shouldPierce(world: ExecutionContextDescription, worlds: PierceWorlds): boolean {
  // Extension pages and the content script's world (origin chrome-extension://) stay as shipped.
  if (world.origin.startsWith('chrome-extension://')) return false;
  if (world.auxData?.type === 'isolated') return true;
  return worlds === 'playwright-and-page' && world.auxData?.type === 'default';
}

async function pierceInPage(
  context: BrowserContext,
  page: Page,
  hostSelector: string,
  worlds: PierceWorlds,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  cdp.on(
    'Runtime.executionContextCreated',
    ({ context: world }: { context: ExecutionContextDescription }) => {
      if (!shouldPierce(world, worlds)) return;
      // The world ends with its document (navigation, reload, closed page): the call then fails.
      pierceInWorld(cdp, world.id, hostSelector).catch(() => undefined);
    },
  );
  // Enabling reports the worlds that already exist, so a page that navigated meanwhile is covered.
  await cdp.send('Runtime.enable').catch(() => undefined);
}

/** Lets Playwright (and optionally the page's main world) into closed roots of `hostSelector`. */
export async function pierceClosedShadowRoots(
  context: BrowserContext,
  hostSelector: string,
  worlds: PierceWorlds,
): Promise<void> {
  context.on('page', (page) => {
    pierceInPage(context, page, hostSelector, worlds).catch(() => undefined);
  });
  await Promise.all(context.pages().map((page) => pierceInPage(context, page, hostSelector, worlds)));
}

export interface WorldResult<T> {
  /** The URL of the frame the world belongs to. */
  url: string;
  value: T;
}

/**
 * Evaluates `expression` (which may return a promise) in every content-script world the extension
 * has in `page`, one per frame where the content script runs, and returns the values.
 * `page.evaluate` runs in the page's main world and Playwright offers no handle on an extension's
 * isolated world, so this finds those worlds through `Runtime.executionContextCreated`: isolated
 * worlds whose origin is the extension's, which is how Chromium labels a content script's world.
 * The panel chunk the loader imports (dist/panel.js) runs in that same world: a module a content
 * script imports stays in the script's world, so there is no second one to look for.
 */
export async function evaluateInExtensionWorlds<T>(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  expression: string,
): Promise<WorldResult<T>[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const worlds: ExecutionContextDescription[] = [];
    cdp.on(
      'Runtime.executionContextCreated',
      ({ context: world }: { context: ExecutionContextDescription }) => {
        if (world.auxData?.type === 'isolated' && world.origin === `chrome-extension://${extensionId}`) {
          worlds.push(world);
        }
      },
    );
    await cdp.send('Runtime.enable');
    const results: WorldResult<T>[] = [];
    for (const world of worlds) {
      const evaluated = (await cdp
        .send('Runtime.evaluate', {
          contextId: world.id,
          expression: `(async () => ({ url: location.href, value: await (${expression}) }))()`,
          awaitPromise: true,
          returnByValue: true,
        })
        .catch(() => null)) as EvaluateResult | null;
      // A world whose frame navigated away in the meantime is gone; the others still answer.
      if (!evaluated) continue;
      if (evaluated.exceptionDetails) {
        throw new Error(
          `In the extension's world: ${evaluated.exceptionDetails.exception?.description ?? evaluated.exceptionDetails.text}`,
        );
      }
      results.push(evaluated.result.value as WorldResult<T>);
    }
    return results;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
