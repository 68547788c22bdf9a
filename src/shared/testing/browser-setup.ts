/**
 * The one vitest setup file (vitest.config.ts `setupFiles`): every unit test sees the fake
 * browser from fake-browser.ts where production code imports shared/browser.ts, and starts
 * from an empty one.
 */
import { beforeEach, vi } from 'vitest';
import { resetFakeBrowser } from './fake-browser';

vi.mock('../browser', async () => {
  const { fakeBrowser } = await import('./fake-browser');
  return { browser: fakeBrowser };
});

beforeEach(() => {
  resetFakeBrowser();
});
