/**
 * Drives the extension's own pages the way a person would: shared by `npm start` and the
 * end-to-end tests so both exercise the same path.
 */
import type { Frame, Page } from 'playwright-core';
import type { ExtensionSession } from './browser';

export const OPTIONS_PATH = 'src/options/index.html';
export const POPUP_PATH = 'src/popup/index.html';

/** Opens the options page, tests the token and saves the connection; returns the options page. */
export async function connectThroughOptions(
  session: ExtensionSession,
  token: string,
  organisationId?: number,
): Promise<Page> {
  const page = await session.openPage(OPTIONS_PATH);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('connect-button').click();
  const select = page.getByTestId('organisation-select');
  await select.waitFor({ state: 'visible' });
  if (organisationId !== undefined) await select.selectOption(String(organisationId));
  await page.getByTestId('save-button').click();
  // The status line carries the `connected` class only once the background confirmed the save.
  await page.locator('[data-testid="connection-status"].connected').waitFor();
  return page;
}

export interface PopupReading {
  total: string;
  direct: string;
  indirect: string;
  running: string;
  dataAge: string;
  error: string;
}

/**
 * Waits until the popup has drawn today's figures and finished refreshing them (the refresh
 * button is disabled from the first paint until Keeping answered), then reads what a person sees.
 */
export async function readPopup(page: Page): Promise<PopupReading> {
  await page.getByTestId('today-total').waitFor();
  await page.locator('[data-testid="refresh-button"]:enabled').waitFor({ timeout: 30_000 });
  const text = async (testId: string) => {
    const element = page.getByTestId(testId).first();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, not a DOM node; the text as a person reads it, with spaces between blocks.
    return (await element.count()) > 0 ? (await element.innerText()).replace(/\s+/g, ' ').trim() : '';
  };
  return {
    total: await text('today-total'),
    direct: await text('today-direct'),
    indirect: await text('today-indirect'),
    running: await text('running-entry'),
    dataAge: await text('data-age'),
    error: await text('error-message'),
  };
}

/**
 * In the Exact sandbox's invoice frame: types customer `code` in Exact's header, confirms the
 * panel's suggestion and waits for the preview (used by `npm start` to show a filled-in panel).
 */
export async function previewInvoiceFor(frame: Frame, code: string): Promise<void> {
  await frame.getByTestId('client-select').waitFor();
  await frame.locator('#InvoiceTo_alt').fill(code);
  await frame.locator('#InvoiceTo_alt').press('Tab');
  await frame.getByTestId('client-confirm').click();
  await frame.getByTestId('preview-line').first().waitFor();
}
