/**
 * The service worker's entry. Every listener is registered synchronously at the top level, so
 * an event that wakes the worker finds its listener (MV3); all work happens inside the handlers.
 */
import { browser } from '../shared/browser';
import { restrictToTrustedContexts } from './account/storage-access';
import { restoreBadge } from './cache/restore-badge';
import { workerDependencies } from './dependencies';
import { createRouter, type Sender } from './handlers/router';
import { createHandlers } from './handlers/table';
import { createWriteBack } from './write-back/runner';

// First of all: the token's area closed to content scripts (they share a process with Exact's
// page). Not awaited, so the listeners below are still registered in this same turn.
void restrictToTrustedContexts(browser.storage.local);

// One runner per worker: the queue is in IndexedDB, this only keeps two runs from overlapping.
const writeBack = createWriteBack(workerDependencies);

const route = createRouter(createHandlers(workerDependencies, writeBack), () => ({
  id: browser.runtime.id,
  origin: browser.runtime.getURL(''),
}));

browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
  const reply = route(message, sender);
  // A message woke the worker (or kept it awake): carry on with write-backs left from before.
  // No timer or alarm does this, because Keeping asks for no background polling.
  if (reply) void writeBack.resume();
  return reply;
});

function restoreBadgeQuietly(): void {
  // A badge that cannot be restored is cosmetic; the next refresh sets it again.
  restoreBadge(workerDependencies).catch((error: unknown) =>
    console.warn('Urenbrug: badge not restored', error),
  );
}

function onBrowserStart(): void {
  restoreBadgeQuietly();
  void writeBack.resume();
}

browser.runtime.onStartup.addListener(onBrowserStart);
browser.runtime.onInstalled.addListener(onBrowserStart);
