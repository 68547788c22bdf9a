import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExactSandbox, startExactSandbox } from './server';

// One real-browser pass over the screens (module script, iframe, postback); the rest of the
// behaviour is covered faster in page.test.ts. Skipped where no Chromium is installed, or with
// EXACT_SANDBOX_NO_BROWSER=1 when a few seconds matter more.
const chromePath = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((path) => path && existsSync(path));
const skip = !chromePath || process.env.EXACT_SANDBOX_NO_BROWSER === '1';

describe.skipIf(skip)('in Chromium', () => {
  let sandbox: ExactSandbox;
  let browser: Browser;

  beforeAll(async () => {
    sandbox = await startExactSandbox({ lookupLatencyMs: 30 });
    browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('fills, recalculates and saves an invoice inside the MainWindow frame', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${sandbox.url}/docs/MenuPortal.aspx?_Division_=123456`);
    const frame = page.frameLocator('#MainWindow');

    await frame.locator('#InvoiceTo_alt').fill('1002');
    await frame.locator('#InvoiceTo_alt').press('Tab');
    await frame.locator('#grd_r1_Item_alt').fill('UREN');
    await frame.locator('#grd_r1_Item_alt').press('Tab');
    await frame.locator('#WaitMessageImg').waitFor({ state: 'hidden' });
    await frame.locator('#grd_r2').waitFor();
    await frame.locator('#grd_r1_Quantity').fill('38,25');
    await frame.locator('#grd_r1_Quantity').press('Tab');
    expect(await frame.locator('#grd_r1_AmountFCDisplay').textContent()).toBe('3.633,75');

    // Same-origin shell: the top page can reach into the frame, as the extension will.
    const title = await page.evaluate(
      () =>
        (document.getElementById('MainWindow') as HTMLIFrameElement).contentDocument?.querySelector(
          'span.HdrTitle',
        )?.textContent,
    );
    expect(title).toBe('Verkoopfactuur');

    await frame.locator('#btnSave').click();
    await frame.locator('#InvoiceStatus', { hasText: 'Te verwerken' }).waitFor();
    const invoice = sandbox.state.invoices[0];
    expect(await frame.locator('#InvoiceNumber').textContent()).toBe(String(invoice?.invoiceNumber));
    expect(page.frame({ name: 'MainWindow' })?.url()).toContain(`EntryID=%7B${invoice?.entryId}%7D`);
    expect(invoice?.lines.map((line) => [line.itemCode, line.quantity, line.amountCents])).toEqual([
      ['UREN', 38.25, 363375],
    ]);
    expect(errors).toEqual([]);
  });

  it('runs the second screen: English, 2 decimals, insert-only rows, postback save, REST with the session', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
    page.setDefaultTimeout(8000);
    await page.goto(`${sandbox.url}/docs/MenuPortal.aspx?_Division_=123456&sandboxVariant=reference2`);
    const frame = page.frameLocator('#MainWindow');
    await frame.locator('span.HdrTitle', { hasText: 'Sales invoice - New' }).waitFor();
    await frame.locator('#Debtor_alt').fill('1002');
    await frame.locator('#Debtor_alt').press('Tab');
    await frame.locator('#grd_r1_Item_alt').fill('UREN');
    await frame.locator('#grd_r1_Item_alt').press('Tab');
    await frame.locator('#WaitMessageImg').waitFor({ state: 'hidden' });
    await frame.locator('#grd_r1_Quantity').fill('8.5833');
    await frame.locator('#grd_r1_Quantity').press('Tab');
    await frame.locator('#WaitMessageImg').waitFor({ state: 'hidden' });
    expect(await frame.locator('#grd_r1_Quantity').inputValue()).toBe('8.58');
    expect(await frame.locator('#grd_r1_AmountFCDisplay').inputValue()).toBe('815.10');
    expect(await frame.locator('#grd tbody tr').count()).toBe(1);
    await frame.locator('#grd_r1_insert').click();
    await frame.locator('#grd_r2_Item_alt').fill('REIS');
    await frame.locator('#grd_r2_Item_alt').press('Tab');
    await frame.locator('#WaitMessageImg').waitFor({ state: 'hidden' });

    await frame.locator('#tbr_Save').click();
    const number = new Date().getFullYear() * 10000 + 1;
    await frame.locator('span.HdrTitle', { hasText: `Sales invoice ${number} - Open` }).waitFor();
    const invoice = sandbox.state.invoices[0];
    expect(invoice?.lines.map((line) => [line.itemCode, line.quantity])).toEqual([
      ['UREN', 8.58],
      ['REIS', 1],
    ]);

    // The frame's own fetch carries the session cookies the shell set.
    const mainWindow = page.frame({ name: 'MainWindow' });
    const answers = await mainWindow?.evaluate(async (invoiceNumber) => {
      const headers = { Accept: 'application/json' };
      const me = await (await fetch('/api/v1/current/Me', { headers })).json();
      const found = await fetch(
        `/api/v1/123456/salesinvoice/SalesInvoices?$filter=InvoiceNumber eq ${invoiceNumber}&$select=AmountFCExclVat`,
        { headers },
      );
      return {
        division: me.d.results[0].CurrentDivision,
        remaining: found.headers.get('X-RateLimit-Minutely-Remaining'),
        amount: (await found.json()).d.results[0].AmountFCExclVat,
      };
    }, number);
    expect(answers).toEqual({ division: 123456, remaining: '59', amount: 815.33 });
    expect(errors).toEqual([]);
  }, 45_000);
});
