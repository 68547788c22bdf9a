import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DIVISION } from './model/seed';
import { type InstalledReferencePage, installReferenceScreen } from './page/reference-screen';
import { type ExactSandbox, startExactSandbox } from './server';
import { addSavedInvoice } from './testing/fixtures';
import { getPage, input, parseHtml } from './testing/test-helpers';

type PageWindow = Parameters<typeof installReferenceScreen>[0];

const LATENCY = 30;
let sandbox: ExactSandbox;
const windows: Window[] = [];
const entry = (query = '') =>
  `${sandbox.url}/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}&sandboxVariant=reference2${query}`;

beforeAll(async () => {
  sandbox = await startExactSandbox({ lookupLatencyMs: LATENCY });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
});
afterEach(async () => {
  for (const win of windows.splice(0)) await win.happyDOM.close();
});

interface Opened {
  win: PageWindow;
  doc: Document;
  page: InstalledReferencePage;
  field(id: string): HTMLInputElement;
  change(id: string, value: string): void;
  text(selector: string): string[];
}

/** Loads served markup into happy-dom and runs the second screen's script on it. */
function load(url: string, markup: string): Opened {
  const happy = new Window({
    url,
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(happy);
  happy.document.write(markup);
  const win = happy as unknown as PageWindow;
  const doc = win.document;
  // happy-dom 21 selects the wrong option when an empty first option precedes `selected`;
  // browsers do not, so restore what the markup says.
  for (const option of doc.querySelectorAll<HTMLOptionElement>('option[selected]')) {
    (option.parentElement as HTMLSelectElement).value = option.value;
  }
  const page = installReferenceScreen(win);
  const field = (id: string): HTMLInputElement => input(doc, id);
  const change = (id: string, value: string): void => {
    field(id).value = value;
    field(id).dispatchEvent(new win.Event('change', { bubbles: true }));
  };
  const text = (selector: string) =>
    [...doc.querySelectorAll(selector)].map((element) => element.textContent?.trim() ?? '');
  return { win, doc, page, field, change, text };
}

async function open(query = ''): Promise<Opened> {
  const url = entry(query);
  return load(url, await (await fetch(url)).text());
}

/** The form as the browser would post it, sent to its action; the answer is the next screen. */
async function submit(opened: Opened | Document): Promise<{ status: number; text: string; url: string }> {
  const doc = 'doc' in opened ? opened.doc : opened;
  const form = doc.getElementById('aspnetForm') as HTMLFormElement;
  const body = new URLSearchParams();
  for (const element of form.querySelectorAll<HTMLInputElement>('input[name], select[name]')) {
    body.append(element.name, element.value);
  }
  const url = new URL(form.getAttribute('action') ?? '', sandbox.url).href;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    redirect: 'manual',
  });
  return { status: response.status, text: await response.text(), url };
}

const totals = (o: Opened) => o.text('table.Totals td.Value span');
const spinnerShown = (doc: Document) =>
  (doc.getElementById('WaitMessageImg') as HTMLElement).style.display !== 'none';

describe('the second screen', () => {
  it('differs from the standard one where the reference is silent and keeps what it found', async () => {
    const { doc, status } = await getPage(entry());
    expect(status).toBe(200);
    expect(doc.documentElement.hasAttribute('lang')).toBe(false);
    expect(doc.querySelector('span.HdrTitle')?.textContent).toBe('Sales invoice - New');
    // The standard screen's guessed ids are not here.
    for (const id of [
      'InvoiceTo',
      'InvoiceTo_alt',
      'OrderedBy',
      'InvoiceNumber',
      'InvoiceStatus',
      'EntryID',
      'TotalAmountExclVAT',
      'TotalVAT',
      'TotalAmountInclVAT',
      'LineCount',
      'btnSave',
      'MainForm',
      'grd_r1_UnitPrice',
      'grd_r1_delete',
      'grd_r1_Deleted',
      'hcolUnitPrice',
      'hcolAmountFC',
    ]) {
      expect(doc.getElementById(id), id).toBeNull();
    }
    // The customer is found through its label: hidden id, _alt, _ref and _refHidden.
    const label = [...doc.querySelectorAll('label')].find((l) => l.textContent === 'Invoice to');
    expect(label?.getAttribute('for')).toBe('Debtor_alt');
    expect(input(doc, 'Debtor').type).toBe('hidden');
    for (const id of ['Debtor_ref', 'Debtor_refHidden', 'pDebtor', 'buttonBar', 'WaitMessageImg']) {
      expect(doc.getElementById(id), id).not.toBeNull();
    }
    expect(doc.querySelector('#buttonBar [id$="_Save"]')?.textContent).toBe('Save');
    // Grid: FOUND patterns kept, the price under NetPrice, headers with ids and text.
    const headers = [...doc.querySelectorAll('table#grd th[id^="hcol"]')].map((th) => [
      th.id,
      th.textContent,
    ]);
    expect(headers).toEqual([
      ['hcolItem', 'Item'],
      ['hcolDescription', 'Description'],
      ['hcolQuantity', 'Quantity'],
      ['hcolNetPrice', 'Unit price'],
      ['hcolVATCode', 'VAT code'],
      ['hcolAmountFCDisplay', 'Amount'],
      ['hcolNotes', 'Notes'],
    ]);
    const row = doc.querySelector('table#grd tbody tr');
    expect(row?.id).toBe('grd_r1');
    expect(row?.className).toBe('DataLight');
    expect(doc.querySelectorAll('tr.GridRow')).toHaveLength(0);
    for (const id of ['grd_r1_Item', 'grd_r1_Item_alt', 'grd_r1_Item_ref', 'pgrd_r1_Item', 'grd_r1_insert']) {
      expect(doc.getElementById(id), id).not.toBeNull();
    }
    expect(input(doc, 'grd_r1_Notes').type).toBe('hidden');
    expect(doc.getElementById('i1grd_r1_Notes')).not.toBeNull();
    expect(doc.getElementById('i2grd_r1_Notes')).not.toBeNull();
    const amount = doc.getElementById('grd_r1_AmountFCDisplay') as HTMLInputElement;
    expect([amount.tagName, amount.readOnly]).toEqual(['INPUT', true]);
    // Totals by their captions only; the values carry no id.
    const captions = [...doc.querySelectorAll('table.Totals tr')].map(
      (tr) => tr.querySelector('.Caption')?.textContent,
    );
    expect(captions).toEqual(['Total excl. VAT', 'VAT', 'Total']);
    expect(doc.querySelectorAll('table.Totals [id]')).toHaveLength(0);
    expect(doc.querySelector('script[type="module"]')?.getAttribute('src')).toBe(
      '/docs/Scripts/sandbox/reference-screen-main.js',
    );
  });

  it('speaks Dutch when asked, with the server option too', async () => {
    const { doc } = await getPage(entry('&sandboxLang=nl'));
    expect(doc.querySelector('span.HdrTitle')?.textContent).toBe('Verkoopfactuur - Nieuw');
    expect(doc.querySelector('label[for="Debtor_alt"]')?.textContent).toBe('Factuur aan');
    expect(doc.getElementById('hcolNetPrice')?.textContent).toBe('Prijs');
    expect(doc.querySelector('table.Totals tr.Grand .Caption')?.textContent).toBe('Totaal');
    const other = await startExactSandbox({ variant: 'reference2', language: 'nl' });
    try {
      const page = await getPage(`${other.url}/docs/LogEntrySales.aspx`);
      expect(page.doc.querySelector('span.HdrTitle')?.textContent).toBe('Verkoopfactuur - Nieuw');
      const english = await startExactSandbox({ variant: 'reference2' });
      const en = await getPage(`${english.url}/docs/LogEntrySales.aspx`);
      await english.close();
      expect(en.doc.querySelector('span.HdrTitle')?.textContent).toBe('Sales invoice - New');
    } finally {
      await other.close();
    }
  });
});

describe('the variants for screens an extension meets less well', () => {
  it('shows the second screen without its totals block', async () => {
    const { doc } = await getPage(
      `${sandbox.url}/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}&sandboxVariant=reference2-nototals`,
    );
    expect(doc.querySelector('span.HdrTitle')?.textContent).toBe('Sales invoice - New');
    expect(doc.querySelector('table.Totals')).toBeNull();
    expect(doc.getElementById('hcolNetPrice')).not.toBeNull();
  });

  it('heads the renamed item column "Product" on the unknown screen', async () => {
    const { doc } = await getPage(
      `${sandbox.url}/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}&sandboxVariant=unknown`,
    );
    expect(doc.getElementById('grdLines')).not.toBeNull();
    expect(doc.getElementById('hcolItemCode')?.textContent).toBe('Product');
    expect(doc.getElementById('grdLines_r1_ItemCode_alt')).not.toBeNull();
  });
});

describe('its page script', () => {
  it('validates on change behind the spinner and fills the customer lookup', async () => {
    const { doc, page, field, change } = await open();
    change('Debtor_alt', ' 1002 ');
    expect(spinnerShown(doc)).toBe(true);
    expect(field('Debtor').value).toBe('');
    await page.queue.whenIdle();
    expect(spinnerShown(doc)).toBe(false);
    const customer = sandbox.state.customers.find(
      (c) => c.division === DEFAULT_DIVISION && c.code.trim() === '1002',
    );
    expect(field('Debtor').value).toBe(customer?.id);
    expect(field('Debtor_alt').value).toBe('1002');
    expect(doc.getElementById('Debtor_ref')?.textContent).toBe('Bouwbedrijf Jansen B.V.');
    expect(field('Debtor_refHidden').value).toBe('Bouwbedrijf Jansen B.V.');
    change('Debtor_alt', '9999');
    await page.queue.whenIdle();
    expect(field('Debtor').value).toBe('');
    expect((doc.getElementById('Debtor_ref') as HTMLElement).style.color).toBe('red');
  });

  it('keeps quantities with 2 decimals and computes the amount from the kept quantity', async () => {
    const o = await open();
    const { doc, page, field, change } = o;
    change('grd_r1_Item_alt', 'UREN');
    await page.queue.whenIdle();
    expect(field('grd_r1_NetPrice').value).toBe('95.00');
    change('grd_r1_Quantity', '8.5833');
    // Rounded at once; the amount follows after the page's own validation.
    expect(field('grd_r1_Quantity').value).toBe('8.58');
    expect(spinnerShown(doc)).toBe(true);
    await page.queue.whenIdle();
    const amount = field('grd_r1_AmountFCDisplay');
    expect(amount.value).toBe('815.10');
    expect(amount.getAttribute('value')).toBe('815.10');
    expect(field('grd_r1_Quantity').getAttribute('value')).toBe('8.58');
    expect(totals(o)).toEqual(['815.10', '171.17', '986.27']);

    change('grd_r1_Quantity', '1,234.567');
    await page.queue.whenIdle();
    expect(field('grd_r1_Quantity').value).toBe('1,234.57');
    expect(amount.value).toBe('117,284.15');

    const nl = await open('&sandboxLang=nl');
    nl.change('grd_r1_Quantity', '8,5833');
    nl.change('grd_r1_NetPrice', '95');
    await nl.page.queue.whenIdle();
    expect(nl.field('grd_r1_Quantity').value).toBe('8,58');
    expect(nl.field('grd_r1_AmountFCDisplay').value).toBe('815,10');
  });

  it('recalculates synchronously through OnChangePriceEntry, half away from zero to the cent', async () => {
    const o = await open();
    const { win, field } = o;
    expect(typeof win.OnChangePriceEntry).toBe('function');
    field('grd_r1_Quantity').value = '0.05';
    field('grd_r1_NetPrice').value = '0.10';
    win.OnChangePriceEntry?.('grd_r1');
    expect(field('grd_r1_AmountFCDisplay').value).toBe('0.01');
    field('grd_r1_Quantity').value = '-0.05';
    win.OnChangePriceEntry?.('grd_r1');
    expect(field('grd_r1_AmountFCDisplay').value).toBe('-0.01');
    field('grd_r1_Quantity').value = '0.125';
    win.OnChangePriceEntry?.('grd_r1');
    expect(field('grd_r1_Quantity').value).toBe('0.13');
    field('grd_r1_Quantity').value = 'eight';
    win.OnChangePriceEntry?.('grd_r1');
    expect(field('grd_r1_Quantity').classList.contains('Invalid')).toBe(true);
    expect(field('grd_r1_AmountFCDisplay').value).toBe('');
    expect(totals(o)).toEqual(['0.00', '0.00', '0.00']);
  });

  it('adds no row by itself: new rows come only from the row insert button', async () => {
    const { win, doc, page, field, change } = await open();
    const rowIds = () => [...doc.querySelectorAll('#grd tbody tr')].map((row) => row.id);
    const added: string[] = [];
    new win.MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) added.push((node as Element).id);
    }).observe(doc.querySelector('#grd tbody') as Node, { childList: true });
    change('grd_r1_Item_alt', 'UREN');
    await page.queue.whenIdle();
    await Promise.resolve();
    expect(rowIds()).toEqual(['grd_r1']);
    expect(added).toEqual([]);

    (doc.getElementById('grd_r1_insert') as HTMLButtonElement).click();
    await Promise.resolve();
    expect(rowIds()).toEqual(['grd_r1', 'grd_r2']);
    expect(added).toEqual(['grd_r2']);
    expect(doc.getElementById('grd_r2')?.className).toBe('DataDark');
    change('grd_r2_Item_alt', 'UREN-SR');
    await page.queue.whenIdle();
    expect(field('grd_r2_NetPrice').value).toBe('125.00');
    expect(rowIds()).toEqual(['grd_r1', 'grd_r2']);
    (doc.getElementById('grd_r1_insert') as HTMLButtonElement).click();
    expect(rowIds()).toEqual(['grd_r1', 'grd_r3', 'grd_r2']);

    (doc.getElementById('grd_r1_remove') as HTMLButtonElement).click();
    expect(rowIds()).toEqual(['grd_r3', 'grd_r2']);
    expect(doc.getElementById('grd_r3')?.className).toBe('DataLight');
  });

  it('fills only what is still empty when an item is chosen', async () => {
    const { page, field, change } = await open();
    change('grd_r1_Description', 'Advies november');
    change('grd_r1_NetPrice', '110');
    change('grd_r1_Item_alt', 'UREN');
    await page.queue.whenIdle();
    expect(field('grd_r1_Description').value).toBe('Advies november');
    expect(field('grd_r1_NetPrice').value).toBe('110.00');
    expect(field('grd_r1_Quantity').value).toBe('1.00');
    expect((field('grd_r1_VATCode') as unknown as HTMLSelectElement).value).toBe('1');
  });

  it('saves after pending validations with a postback', async () => {
    const { doc, field, change } = await open();
    const form = doc.getElementById('aspnetForm') as HTMLFormElement;
    let itemAtSubmit = 'not submitted';
    form.submit = vi.fn(() => {
      itemAtSubmit = field('grd_r1_Item').value;
    });
    change('grd_r1_Item_alt', 'UREN');
    (doc.getElementById('tbr_Save') as HTMLButtonElement).click();
    expect(form.submit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(form.submit).toHaveBeenCalledTimes(1), { interval: 5 });
    expect(itemAtSubmit).not.toBe('');
    expect(field('__EVENTTARGET').value).toBe('tbr$Save');
  });
});

describe('saving the second screen', () => {
  it('reloads the screen with the invoice number and status in its title, keeping 2 decimals', async () => {
    const o = await open();
    o.change('Debtor_alt', '1002');
    o.change('grd_r1_Item_alt', 'UREN');
    await o.page.queue.whenIdle();
    o.change('grd_r1_Quantity', '8.5833');
    (o.doc.getElementById('i2grd_r1_Notes') as HTMLElement).click();
    (o.doc.querySelector('.ui-dialog textarea') as HTMLTextAreaElement).value = 'Week 44';
    (o.doc.getElementById('SysPopupMemo_btnOK') as HTMLButtonElement).click();
    await o.page.queue.whenIdle();
    const posted = await submit(o);
    expect(posted.status).toBe(200);
    const invoice = sandbox.state.invoices[0];
    const number = new Date().getFullYear() * 10000 + 1;
    expect(invoice).toMatchObject({ invoiceNumber: number, customerCode: '1002' });
    expect(invoice?.lines).toMatchObject([
      { quantity: 8.58, unitPriceCents: 9500, amountCents: 81510, notes: 'Week 44' },
    ]);
    const saved = load(posted.url, posted.text);
    expect(saved.doc.querySelector('span.HdrTitle')?.textContent).toBe(`Sales invoice ${number} - Open`);
    expect(saved.doc.title).toContain(`Sales invoice ${number} - Open`);
    expect(saved.field('grd_r1_Quantity').value).toBe('8.58');
    expect(saved.field('grd_r1_AmountFCDisplay').value).toBe('815.10');
    expect(totals(saved)).toEqual(['815.10', '171.17', '986.27']);
    // Only the saved lines: no empty row after them.
    expect(saved.doc.querySelectorAll('#grd tbody tr')).toHaveLength(1);
    const action = (saved.doc.getElementById('aspnetForm') as HTMLFormElement).getAttribute('action');
    expect(action).toContain(`ID=%7B${invoice?.entryId}%7D`);
    expect(action).toContain('sandboxVariant=reference2');

    // Saving again keeps the number; the insert button adds the second line.
    (saved.doc.getElementById('grd_r1_insert') as HTMLButtonElement).click();
    saved.change('grd_r2_Item_alt', 'REIS');
    await saved.page.queue.whenIdle();
    saved.change('grd_r2_Quantity', '12');
    await saved.page.queue.whenIdle();
    const again = await submit(saved);
    expect(parseHtml(again.text).querySelector('span.HdrTitle')?.textContent).toBe(
      `Sales invoice ${number} - Open`,
    );
    expect(sandbox.state.invoices).toHaveLength(1);
    expect(invoice?.lines.map((line) => [line.itemCode, line.quantity])).toEqual([
      ['UREN', 8.58],
      ['REIS', 12],
    ]);
  });

  it('reads English numbers and rounds a posted quantity to 2 decimals itself', async () => {
    const { doc } = await getPage(entry());
    const customer = sandbox.state.customers.find(
      (c) => c.division === DEFAULT_DIVISION && c.code.trim() === '1001',
    );
    const item = sandbox.state.items.find((i) => i.division === DEFAULT_DIVISION && i.code === 'UREN-SR');
    input(doc, 'Debtor').value = customer?.id ?? '';
    input(doc, 'EntryDate').value = '31/10/2026';
    input(doc, 'grd_r1_Item').value = item?.id ?? '';
    input(doc, 'grd_r1_Quantity').value = '8.5833';
    input(doc, 'grd_r1_NetPrice').value = '1,250.00';
    const posted = await submit(doc);
    expect(posted.status).toBe(200);
    expect(sandbox.state.invoices[0]?.lines[0]).toMatchObject({
      quantity: 8.58,
      unitPriceCents: 125000,
      amountCents: 1072500,
    });
    expect(sandbox.state.invoices[0]?.invoiceDate).toBe('2026-10-31');
  });

  it('refuses a bad save with its own message bar and keeps the typed text', async () => {
    const o = await open();
    o.field('Debtor_alt').value = '1002';
    o.field('grd_r1_Item_alt').value = 'UREN';
    o.field('grd_r1_Quantity').value = 'eight';
    o.field('grd_r1_NetPrice').value = '95.00';
    const posted = await submit(o);
    expect(posted.status).toBe(200);
    expect(sandbox.state.invoices).toHaveLength(0);
    const page = parseHtml(posted.text);
    expect([...page.querySelectorAll('.MessageBar .Error')].map((e) => e.textContent)).toEqual([
      'Required: Invoice to',
      'Line 1: Required: Item',
      'Line 1: Invalid quantity',
    ]);
    expect(page.querySelector('span.HdrTitle')?.textContent).toBe('Sales invoice - New');
    expect(input(page, 'grd_r1_Quantity').value).toBe('eight');
    expect(page.getElementById('Debtor_ref')?.textContent).toBe('Unknown account');
  });

  it('opens a saved invoice by ID and shows what the screen keeps', async () => {
    const saved = addSavedInvoice(sandbox.state, {
      entryId: '11111111-2222-4333-8444-555555555555',
      customerName: 'Gemeente Utrecht',
      invoiceNumber: 20260042,
      lines: [{ itemCode: 'UREN', description: 'Uren', quantity: 8.5833, unitPriceCents: 9500 }],
    });
    const { doc } = await getPage(entry(`&ID=%7b${saved.entryId}%7d`));
    expect(doc.querySelector('span.HdrTitle')?.textContent).toBe('Sales invoice 20260042 - Open');
    expect(input(doc, 'grd_r1_Quantity').value).toBe('8.58');
    expect(input(doc, 'grd_r1_AmountFCDisplay').value).toBe('815.10');
    expect([...doc.querySelectorAll('table.Totals td.Value span')].map((e) => e.textContent)).toEqual([
      '815.10',
      '171.17',
      '986.27',
    ]);
    expect(input(doc, 'Debtor_alt').value).toBe(saved.customerCode);
    expect((await fetch(entry('&ID=%7b00000000-0000-0000-0000-000000000000%7d'))).status).toBe(404);
    // The standard screen's parameter means nothing here: a new invoice.
    const standardLink = await getPage(entry(`&EntryID=%7b${saved.entryId}%7d`));
    expect(standardLink.doc.querySelector('span.HdrTitle')?.textContent).toBe('Sales invoice - New');
  });
});
