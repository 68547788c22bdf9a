// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../shared/testing/fake-browser';
import { PANEL_CHUNK_FILE } from './panel-chunk';

/** Runs a fresh copy of the loader in a frame at `url`, as Chromium injects it. */
async function runLoaderAt(url: string): Promise<void> {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  vi.resetModules();
  await import('./index');
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('the content loader', () => {
  it('does not ask for the panel chunk in a frame that is not the invoice screen', async () => {
    const getURL = vi.spyOn(fakeBrowser.runtime, 'getURL');
    await runLoaderAt('https://start.exactonline.nl/docs/MenuPortal.aspx?_Division_=1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(getURL).not.toHaveBeenCalledWith(PANEL_CHUNK_FILE);
  });

  it('asks for the chunk on the invoice screen, and leaves the page as it was when it cannot load', async () => {
    const getURL = vi.spyOn(fakeBrowser.runtime, 'getURL');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    document.body.innerHTML = '<form id="form1"><p>Exact</p></form>';
    const before = document.documentElement.outerHTML;
    // The fake extension's chunk URL cannot be imported here, as after a reload in Chromium.
    await runLoaderAt('https://start.exactonline.nl/docs/LogEntrySales.aspx?_Division_=1');
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith('Urenbrug could not load the panel', expect.anything()),
    );
    expect(getURL).toHaveBeenCalledWith(PANEL_CHUNK_FILE);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
