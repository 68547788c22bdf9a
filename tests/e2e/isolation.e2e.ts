/**
 * Issue 7, "Isolation from the page", end to end on the production build: Exact's page shares the
 * DOM with the content script, so whatever that page (or a script injected into it) can reach is
 * the extension's real attack surface. The content script's own world must not be able to read
 * the token, and Exact's main world must not be able to read the panel, press its buttons or
 * remove it.
 */
import { readdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../sandbox/exact/server';
import {
  EXACT_ORIGIN,
  type ExtensionSession,
  launchWithExtension,
  PANEL_HOST_SELECTOR,
} from '../../sandbox/harness/browser';
import { connectThroughOptions } from '../../sandbox/harness/drive';
import { evaluateInExtensionWorlds } from '../../sandbox/harness/worlds';
import {
  type KeepingSandbox,
  SANDBOX_ORGANISATION_ID,
  SANDBOX_TOKENS,
  startKeepingSandbox,
} from '../../sandbox/keeping/server';
import { readGrid } from './expected-invoice';

const CLIENT = 'Gemeente Utrecht';
const EXACT_CUSTOMER_CODE = '1001';
/** Long enough for a click, a key or an event to have had its effect in the panel. */
const SETTLE_MS = 1500;

let keeping: KeepingSandbox;
let exact: ExactSandbox;
let session: ExtensionSession;
let page: Page;

async function openNewInvoice(): Promise<Frame> {
  await page.goto(`${EXACT_ORIGIN}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}`);
  const frame = await (await page.waitForSelector('iframe#MainWindow')).contentFrame();
  if (!frame) throw new Error('no MainWindow frame');
  await frame.getByTestId('client-select').waitFor();
  return frame;
}

/** A new invoice for the client with the preview drawn and "Regels invullen" ready to press. */
async function readyToFill(): Promise<Frame> {
  const frame = await openNewInvoice();
  await frame.locator('#InvoiceTo_alt').fill(EXACT_CUSTOMER_CODE);
  await frame.locator('#InvoiceTo_alt').press('Tab');
  const select = frame.getByTestId('client-select');
  const value = await select.evaluate(
    (element, wanted) =>
      [...(element as HTMLSelectElement).options].find((o) => o.text.includes(wanted))?.value,
    CLIENT,
  );
  await select.selectOption(value ?? '');
  await frame.getByTestId('preview-line').first().waitFor();
  await frame.locator('[data-testid="fill-button"]:enabled').waitFor();
  return frame;
}

beforeAll(async () => {
  keeping = await startKeepingSandbox();
  exact = await startExactSandbox({ lookupLatencyMs: 20 });
  // Playwright's locators may look into the closed root; Exact's main world sees what it would
  // see in real use (sandbox/harness/worlds.ts).
  session = await launchWithExtension({
    keepingUrl: keeping.url,
    exactUrl: exact.url,
    pierceClosedPanel: 'playwright',
  });
  await (await connectThroughOptions(session, SANDBOX_TOKENS.admin, SANDBOX_ORGANISATION_ID)).close();
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
  await Promise.all([keeping?.close(), exact?.close()]);
});

describe('isolation from the Exact page', () => {
  it("keeps the token out of the content script's world", async () => {
    // The token is there to be stolen: the service worker (a trusted context) reads it.
    const stored = await session.serviceWorker.evaluate(() => chrome.storage.local.get('connection'));
    expect(JSON.stringify(stored)).toContain(SANDBOX_TOKENS.admin);

    await openNewInvoice();
    const readings = await evaluateInExtensionWorlds<{ id: string; local: string; session: string }>(
      session.context,
      page,
      session.extensionId,
      `(async () => {
        const read = (area) => area.get(null).then((items) => JSON.stringify(items), (error) => 'refused: ' + error.message);
        return { id: chrome.runtime.id, local: await read(chrome.storage.local), session: await read(chrome.storage.session) };
      })()`,
    );
    // Both Exact frames run the content script (the portal and the invoice frame), and this
    // really is the extension's world: it knows the extension's id.
    expect(readings.length).toBeGreaterThanOrEqual(2);
    for (const { value } of readings) {
      expect(value.id).toBe(session.extensionId);
      expect(value.local).toMatch(/^refused: /);
      expect(value.session).toMatch(/^refused: /);
      expect(value.local).not.toContain(SANDBOX_TOKENS.admin);
    }
  });

  it("shows the page's main world a closed panel it cannot read", async () => {
    const frame = await readyToFill();
    const panelText = (await frame.getByTestId('preview-line').first().textContent()) ?? '';
    expect(panelText.length).toBeGreaterThan(0);

    const seen = await frame.evaluate((selector) => {
      const host = document.querySelector(selector);
      return {
        host: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        html: document.body.getHTML({ serializableShadowRoots: true }),
        // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, the way a script scraping the screen reads it.
        text: document.body.innerText,
      };
    }, PANEL_HOST_SELECTOR);
    expect(seen.host).toBe(true);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.html).not.toContain(panelText);
    expect(seen.text).not.toContain(panelText);
  });

  it('ignores clicks and keys that the page dispatches, and still fills on a real click', async () => {
    const frame = await readyToFill();
    const button = await frame.getByTestId('fill-button').boundingBox();
    if (!button) throw new Error('fill button not laid out');

    // What Exact's main world can do: aim at the button's place and at the host.
    await frame.evaluate(
      ({ selector, x, y }) => {
        const host = document.querySelector<HTMLElement>(selector);
        const target = document.elementFromPoint(x, y) as HTMLElement | null;
        target?.click();
        host?.click();
        host?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      },
      { selector: PANEL_HOST_SELECTOR, x: button.x + button.width / 2, y: button.y + button.height / 2 },
    );
    // A script that does hold the button (here the extension's own world, where
    // chrome.dom.openOrClosedShadowRoot opens any root) still only makes untrusted events.
    const pressed = await evaluateInExtensionWorlds<boolean>(
      session.context,
      page,
      session.extensionId,
      `(() => {
        const host = document.querySelector(${JSON.stringify(PANEL_HOST_SELECTOR)});
        const fill = host && chrome.dom.openOrClosedShadowRoot(host)?.querySelector('[data-testid="fill-button"]');
        if (!fill) return false;
        fill.click();
        fill.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        fill.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        return true;
      })()`,
    );
    expect(pressed.filter((world) => world.value)).toHaveLength(1);
    await page.waitForTimeout(SETTLE_MS);
    expect(await frame.getByTestId('fill-summary').count()).toBe(0);
    expect(await readGrid(frame)).toEqual([]);

    // A person's click is trusted and fills: the button was live all along.
    await frame.getByTestId('fill-button').click();
    await frame.getByTestId('fill-summary').waitFor({ timeout: 60_000 });
    expect((await readGrid(frame)).length).toBeGreaterThan(0);
  });

  it("gives an Exact page none of the extension's files to detect it by", async () => {
    const files = readdirSync('dist', { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `${entry.parentPath}/${entry.name}`.replace(/^dist\/?/, ''));
    expect(files).toContain('content.js');
    const frame = await openNewInvoice();
    const fetched = await frame.evaluate(
      (urls) =>
        Promise.all(
          urls.map((url) =>
            fetch(url).then(
              (response) => `${url}: ${response.status}`,
              () => null,
            ),
          ),
        ),
      files.map((file) => `chrome-extension://${session.extensionId}/${file}`),
    );
    expect(fetched.filter((answer) => answer !== null)).toEqual([]);
  });

  it('keeps a live panel when the page fakes a takeover or a page hide', async () => {
    const frame = await openNewInvoice();
    await frame.evaluate(() => {
      document.dispatchEvent(new CustomEvent('urenbrug:content-takeover'));
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
    });
    await page.waitForTimeout(SETTLE_MS);
    expect(await frame.locator(PANEL_HOST_SELECTOR).count()).toBe(1);
    await frame.getByTestId('client-select').waitFor({ timeout: 1000 });
  });
});
