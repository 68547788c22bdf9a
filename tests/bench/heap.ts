/**
 * JS heap in use, after a garbage collection, in MB: of an Exact tab, and of the extension's
 * service worker. Playwright opens CDP sessions on pages only, so the worker is reached through
 * a page's session: `Target.attachToTarget` without `flatten` and the worker's own protocol
 * messages wrapped in `Target.sendMessageToTarget` (`performance.memory` does not exist in a
 * service worker).
 */
import type { CDPSession, Page } from 'playwright-core';
import { round } from './report';

interface HeapUsage {
  usedSize: number;
}

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

export async function tabHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
    return mb(usedSize);
  } finally {
    await cdp.detach();
  }
}

/** The service worker of the extension whose id is given, measured through `page`'s session. */
export async function workerHeapMb(page: Page, extensionId: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (target) =>
        target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (!worker) throw new Error('the extension has no running service worker');
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    });
    const call = workerCaller(cdp, sessionId);
    await call('HeapProfiler.collectGarbage');
    const { usedSize } = (await call('Runtime.getHeapUsage')) as HeapUsage;
    await cdp.send('Target.detachFromTarget', { sessionId });
    return mb(usedSize);
  } finally {
    await cdp.detach();
  }
}

/** Sends one protocol command to an attached (unflattened) target and resolves with its result. */
function workerCaller(cdp: CDPSession, sessionId: string) {
  let nextId = 1;
  const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  return (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (message) => {
        waiting.delete(id);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
}
