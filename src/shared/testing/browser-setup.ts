/**
 * The one vitest setup file (vitest.config.ts `setupFiles`): every unit test sees the fake
 * browser from fake-browser.ts where production code imports shared/browser.ts, and starts
 * from an empty one. Every test renders with the real strings, as each context does once it
 * has them (the content script from the worker's `panel.assets`).
 */
import { beforeEach, vi } from 'vitest';
import { installBundledCatalogues } from '../i18n-catalogues';
import { resetFakeBrowser } from './fake-browser';

vi.mock('../browser', async () => {
  const { fakeBrowser } = await import('./fake-browser');
  return { browser: fakeBrowser };
});

installBundledCatalogues();

beforeEach(() => {
  resetFakeBrowser();
});
