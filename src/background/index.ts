/**
 * The service worker's entry. Every listener is registered synchronously at the top level, so
 * an event that wakes the worker finds its listener (MV3); all work happens inside the handlers.
 */
import { browser } from '../shared/browser';
import { createHandlers } from './handlers';
import { createRouter } from './router';
import { backgroundServices } from './services';
import { restoreBadge } from './startup';

const route = createRouter(createHandlers(backgroundServices), () => ({
  id: browser.runtime.id,
  origin: browser.runtime.getURL(''),
}));

browser.runtime.onMessage.addListener(route);

function restoreBadgeQuietly(): void {
  // A badge that cannot be restored is cosmetic; the next refresh sets it again.
  restoreBadge(backgroundServices).catch((error: unknown) =>
    console.warn('Urenbrug: badge not restored', error),
  );
}

browser.runtime.onStartup.addListener(restoreBadgeQuietly);
browser.runtime.onInstalled.addListener(restoreBadgeQuietly);
