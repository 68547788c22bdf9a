import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DIVISION } from './model/seed';
import { type InstalledPage, installLogEntrySales } from './page/log-entry-sales';
import { type ExactSandbox, startExactSandbox } from './server';

type PageWindow = Parameters<typeof installLogEntrySales>[0];

const LATENCY = 40;
let sandbox: ExactSandbox;
const windows: Window[] = [];

beforeAll(async () => {
  sandbox = await startExactSandbox({ lookupLatencyMs: LATENCY });
});
afterAll(() => sandbox.close());
afterEach(async () => {
  for (const win of windows.splice(0)) await win.happyDOM.close();
});

interface Opened {
  win: PageWindow;
  doc: Document;
  page: InstalledPage;
  field(id: string): HTMLInputElement;
  change(id: string, value: string): void;
}

/** Loads the served entry screen into a happy-dom window and runs the page script on it. */
async function open(query = ''): Promise<Opened> {
  const url = `${sandbox.url}/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}${query}`;
  const markup = await (await fetch(url)).text();
  const happy = new Window({
    url,
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  windows.push(happy);
  happy.document.write(markup);
  const win = happy as unknown as PageWindow;
  const doc = win.document;
  const page = installLogEntrySales(win);
  const field = (id: string): HTMLInputElement => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`#${id} missing`);
    return element as HTMLInputElement;
  };
  const change = (id: string, value: string): void => {
    field(id).value = value;
    field(id).dispatchEvent(new win.Event('change', { bubbles: true }));
  };
  return { win, doc, page, field, change };
}

const spinnerShown = (doc: Document) =>
  (doc.getElementById('WaitMessageImg') as HTMLElement).style.display !== 'none';

describe('lookups', () => {
  it('validate the item asynchronously behind the spinner, then fill the line and append a row', async () => {
    const { doc, page, field, change } = await open();
    const body = doc.querySelector('#grd tbody') as HTMLElement;
    const added: string[] = [];
    new doc.defaultView!.MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) added.push((node as Element).id);
    }).observe(body, { childList: true });

    const started = Date.now();
    change('grd_r1_Item_alt', 'uren');
    expect(spinnerShown(doc)).toBe(true);
    expect(field('grd_r1_Item').value).toBe('');
    await page.queue.whenIdle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(LATENCY - 5);
    expect(spinnerShown(doc)).toBe(false);

    const item = sandbox.state.items.find((i) => i.division === DEFAULT_DIVISION && i.code === 'UREN');
    expect(field('grd_r1_Item').value).toBe(item?.id);
    expect(field('grd_r1_Item_alt').value).toBe('UREN');
    expect(doc.getElementById('grd_r1_Item_ref')?.textContent).toBe('Uren');
    expect(field('grd_r1_Description').value).toBe('Uren');
    expect(field('grd_r1_UnitPrice').value).toBe('95,00');
    expect(field('grd_r1_Quantity').value).toBe('1,00');
    expect((doc.getElementById('grd_r1_VATCode') as HTMLSelectElement).value).toBe('1');
    expect(doc.getElementById('grd_r1_AmountFCDisplay')?.textContent).toBe('95,00');
    expect(doc.getElementById('TotalAmountInclVAT')?.textContent).toBe('114,95');
    expect(doc.getElementById('LineCount')?.textContent).toBe('1');
    await Promise.resolve();
    expect(added).toEqual(['grd_r2']);
    expect(doc.getElementById('grd_r2_Item_alt')).not.toBeNull();
  });

  it('queues a second change behind the first and ends with the last code', async () => {
    sandbox.setOptions({ lookupLatencyMs: 80 });
    try {
      const { doc, page, field, change } = await open();
      const started = Date.now();
      change('grd_r1_Item_alt', 'UREN');
      change('grd_r1_Item_alt', 'REIS');
      await vi.waitFor(() => expect(field('grd_r1_Description').value).toBe('Uren'), { interval: 5 });
      // First answer landed; the second is still running, so the spinner stays.
      expect(spinnerShown(doc)).toBe(true);
      await page.queue.whenIdle();
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(field('grd_r1_Item_alt').value).toBe('REIS');
      expect(field('grd_r1_UnitPrice').value).toBe('0,23');
      expect(doc.querySelectorAll('#grd tr.GridRow')).toHaveLength(2);
    } finally {
      sandbox.setOptions({ lookupLatencyMs: LATENCY });
    }
  });

  it('marks an unknown code red and leaves the hidden id empty', async () => {
    const { doc, page, field, change } = await open();
    change('grd_r1_Item_alt', 'UREN');
    await page.queue.whenIdle();
    change('grd_r1_Item_alt', 'NOPE');
    await page.queue.whenIdle();
    const ref = doc.getElementById('grd_r1_Item_ref') as HTMLElement;
    expect(ref.textContent).toBe('Onbekend artikel');
    expect(ref.style.color).toBe('red');
    expect(field('grd_r1_Item').value).toBe('');
    expect(doc.getElementById('LineCount')?.textContent).toBe('0');

    change('InvoiceTo_alt', '9999');
    await page.queue.whenIdle();
    expect(doc.getElementById('InvoiceTo_ref')?.textContent).toBe('Onbekende relatie');
    expect(field('InvoiceTo').value).toBe('');
  });

  it('says the validation failed when the server refuses it', async () => {
    const { doc, page, field, change } = await open();
    page.config.lookupUrl = '/docs/SandboxLookup.aspx?_Division_=1';
    change('grd_r1_Item_alt', 'UREN');
    await page.queue.whenIdle();
    expect(doc.getElementById('grd_r1_Item_ref')?.textContent).toBe('Controle mislukt');
    expect(field('grd_r1_Item').value).toBe('');
    expect(spinnerShown(doc)).toBe(false);
  });

  it('validates the customer and fills its name', async () => {
    const { doc, page, field, change } = await open();
    change('InvoiceTo_alt', ' 1005 ');
    await page.queue.whenIdle();
    expect(field('InvoiceTo_alt').value).toBe('1005');
    expect(field('InvoiceTo').value).toBe(
      sandbox.state.customers.find((c) => c.division === DEFAULT_DIVISION && c.code.trim() === '1005')?.id,
    );
    expect(doc.getElementById('InvoiceTo_ref')?.textContent).toBe('Cafe-Restaurant De Gouden Leeuw');
  });

  it('picks a code from the browse popup and validates it', async () => {
    const { win, doc, page, field } = await open();
    (doc.getElementById('pgrd_r1_Item') as HTMLButtonElement).click();
    const popup = doc.getElementById('cntPopupSearch') as HTMLElement;
    expect(popup.style.display).toBe('block');
    const row = [...popup.querySelectorAll('tr')].find((tr) => tr.cells[0]?.textContent === 'REIS');
    row?.dispatchEvent(new win.MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    expect(popup.style.display).toBe('none');
    await page.queue.whenIdle();
    expect(field('grd_r1_Description').value).toBe('Reiskosten');
  });
});

describe('recalculation', () => {
  it('is the page function OnChangePriceEntry, reading and writing Dutch numbers', async () => {
    const { win, doc, field, change } = await open();
    expect(typeof win.OnChangePriceEntry).toBe('function');
    (doc.getElementById('grd_r1_VATCode') as HTMLSelectElement).value = '1';
    field('grd_r1_Quantity').value = '38,25';
    field('grd_r1_UnitPrice').value = '95';
    win.OnChangePriceEntry?.('grd_r1');
    expect(field('grd_r1_UnitPrice').value).toBe('95,00');
    expect(doc.getElementById('grd_r1_AmountFCDisplay')?.textContent).toBe('3.633,75');
    expect(doc.getElementById('TotalAmountExclVAT')?.textContent).toBe('3.633,75');
    expect(doc.getElementById('TotalVAT')?.textContent).toBe('763,09');
    expect(doc.getElementById('TotalAmountInclVAT')?.textContent).toBe('4.396,84');

    change('grd_r1_Quantity', '38.25');
    expect(field('grd_r1_Quantity').value).toBe('3.825,00');
    expect(doc.getElementById('grd_r1_AmountFCDisplay')?.textContent).toBe('363.375,00');

    change('grd_r1_Quantity', 'acht');
    expect(field('grd_r1_Quantity').classList.contains('Invalid')).toBe(true);
    expect(field('grd_r1_Quantity').value).toBe('acht');
    expect(doc.getElementById('grd_r1_AmountFCDisplay')?.textContent).toBe('');
    expect(doc.getElementById('TotalAmountInclVAT')?.textContent).toBe('0,00');
  });

  it('uses the English format on the English screen', async () => {
    const { doc, page, field, change } = await open('&sandboxLang=en');
    change('grd_r1_Item_alt', 'UREN-SR');
    await page.queue.whenIdle();
    expect(field('grd_r1_UnitPrice').value).toBe('125.00');
    change('grd_r1_Quantity', '1.5');
    expect(field('grd_r1_Quantity').value).toBe('1.50');
    expect(doc.getElementById('grd_r1_AmountFCDisplay')?.textContent).toBe('187.50');
    expect(doc.getElementById('TotalAmountInclVAT')?.textContent).toBe('226.88');
  });
});

describe('grid behaviour', () => {
  it('blocks Ctrl/Cmd+V in grid fields only', async () => {
    const { win, field } = await open();
    const key = (id: string, init: KeyboardEventInit) => {
      const event = new win.KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
      field(id).dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(key('grd_r1_Quantity', { key: 'v', ctrlKey: true })).toBe(true);
    expect(key('grd_r1_Description', { key: 'V', metaKey: true })).toBe(true);
    expect(key('grd_r1_Quantity', { key: 'v' })).toBe(false);
    expect(key('Description', { key: 'v', ctrlKey: true })).toBe(false);
  });

  it('edits notes as text in a dialog', async () => {
    const { doc, field } = await open();
    (doc.getElementById('i2grd_r1_Notes') as HTMLElement).click();
    const memo = doc.querySelector('.ui-dialog textarea') as HTMLTextAreaElement;
    expect(doc.querySelector('.ui-widget-overlay')).not.toBeNull();
    const attack = '<img src=x onerror=alert(1)>';
    memo.value = attack;
    (doc.getElementById('SysPopupMemo_btnOK') as HTMLButtonElement).click();
    expect(doc.querySelector('.ui-dialog')).toBeNull();
    expect(field('grd_r1_Notes').value).toBe(attack);
    expect(doc.querySelectorAll('img[src="x"]')).toHaveLength(0);
    const filled = doc.getElementById('i1grd_r1_Notes') as HTMLElement;
    expect(filled.title).toBe(attack);
    expect(filled.style.display).toBe('');
    expect((doc.getElementById('i2grd_r1_Notes') as HTMLElement).style.display).toBe('none');

    (doc.getElementById('i1grd_r1_Notes') as HTMLElement).click();
    (doc.querySelector('.ui-dialog textarea') as HTMLTextAreaElement).value = 'changed';
    (doc.getElementById('SysPopupMemo_btnCancel') as HTMLButtonElement).click();
    expect(field('grd_r1_Notes').value).toBe(attack);
  });

  it('inserts a row after the clicked one and deletes rows', async () => {
    const { doc, page, field, change } = await open();
    (doc.getElementById('grd_r1_insert') as HTMLButtonElement).click();
    expect([...doc.querySelectorAll('#grd tr.GridRow')].map((row) => row.id)).toEqual(['grd_r1', 'grd_r2']);
    const rowIds = () => [...doc.querySelectorAll('#grd tr.GridRow')].map((row) => row.id);
    change('grd_r2_Item_alt', 'UREN');
    await page.queue.whenIdle();
    // The inserted row was the last one, so using it appends a fresh row; using row 1 does not.
    expect(rowIds()).toEqual(['grd_r1', 'grd_r2', 'grd_r3']);
    change('grd_r1_Item_alt', 'REIS');
    change('grd_r1_Quantity', '100');
    await page.queue.whenIdle();
    expect(rowIds()).toEqual(['grd_r1', 'grd_r2', 'grd_r3']);
    expect(doc.getElementById('TotalAmountExclVAT')?.textContent).toBe('118,00');

    (doc.getElementById('grd_r1_delete') as HTMLButtonElement).click();
    expect(field('grd_r1_Deleted').value).toBe('1');
    expect((doc.getElementById('grd_r1') as HTMLElement).style.display).toBe('none');
    expect(doc.getElementById('TotalAmountExclVAT')?.textContent).toBe('95,00');
  });

  it('normalises the invoice date and marks a wrong one', async () => {
    const { field, change } = await open();
    change('InvoiceDate', '1-2-2026');
    expect(field('InvoiceDate').value).toBe('01-02-2026');
    change('InvoiceDate', '31-02-2026');
    expect(field('InvoiceDate').classList.contains('Invalid')).toBe(true);
  });

  it('saves only after pending validations have landed', async () => {
    const { doc, field, change } = await open();
    const form = doc.getElementById('MainForm') as HTMLFormElement;
    let itemAtSubmit = 'not submitted';
    form.submit = vi.fn(() => {
      itemAtSubmit = field('grd_r1_Item').value;
    });
    change('grd_r1_Item_alt', 'UREN');
    (doc.getElementById('btnSave') as HTMLButtonElement).click();
    (doc.getElementById('btnSave') as HTMLButtonElement).click();
    expect(form.submit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(form.submit).toHaveBeenCalledTimes(1), { interval: 5 });
    expect(itemAtSubmit).not.toBe('');
    expect(field('__EVENTTARGET').value).toBe('btnSave');
  });

  it('runs the same behaviour under the renamed anchors of the changed variant', async () => {
    const { doc, page, field, change } = await open('&sandboxVariant=changed');
    change('grdLines_r1_ItemCode_alt', 'UREN');
    await page.queue.whenIdle();
    expect(field('grdLines_r1_ItemCode').value).not.toBe('');
    expect(field('grdLines_r1_UnitPrice').value).toBe('95,00');
    expect(doc.getElementById('grdLines_r2')).not.toBeNull();
  });
});
