import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION, SECOND_DIVISION } from './model/seed';
import type { ExactInvoice } from './model/state';
import { type ExactSandbox, startExactSandbox } from './server';
import { getPage, input, parseHtml, postForm } from './testing/test-helpers';

let sandbox: ExactSandbox;
const entry = (query = '') => `${sandbox.url}/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}${query}`;
const shell = (query = '') => `${sandbox.url}/docs/MenuPortal.aspx?_Division_=${DEFAULT_DIVISION}${query}`;

beforeAll(async () => {
  sandbox = await startExactSandbox({ lookupLatencyMs: 40 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.setOptions({ language: 'nl', variant: 'standard', lookupLatencyMs: 40 });
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
});

function customerId(code: string, division = DEFAULT_DIVISION): string {
  const found = sandbox.state.customers.find((c) => c.division === division && c.code.trim() === code);
  if (!found) throw new Error(code);
  return found.id;
}
function itemId(code: string, division = DEFAULT_DIVISION): string {
  const found = sandbox.state.items.find((i) => i.division === division && i.code === code);
  if (!found) throw new Error(code);
  return found.id;
}

/** Fills the new-invoice form the way the page script leaves it after validation. */
function fillLine(
  doc: Document,
  row: number,
  code: string,
  quantity: string,
  price: string,
  notes = '',
): void {
  input(doc, `grd_r${row}_Item`).value = itemId(code);
  input(doc, `grd_r${row}_Item_alt`).value = code;
  input(doc, `grd_r${row}_Description`).value = `${code} oktober`;
  input(doc, `grd_r${row}_Quantity`).value = quantity;
  input(doc, `grd_r${row}_UnitPrice`).value = price;
  input(doc, `grd_r${row}_VATCode`).value = '1';
  input(doc, `grd_r${row}_Notes`).value = notes;
}

/** Adds a row the way the page script does: the row template under a new row id. */
function addRow(doc: Document, n: number): void {
  const template = doc.getElementById('RowTemplate') as HTMLTemplateElement;
  const row = template.content.querySelector('tr')?.outerHTML.replaceAll('__ROW__', `grd_r${n}`) ?? '';
  const holder = doc.createElement('tbody');
  holder.innerHTML = row;
  doc.querySelector('#grd tbody')?.append(...holder.childNodes);
}

async function saveNew(fill: (doc: Document) => void, url = entry()): Promise<ExactInvoice> {
  const { doc } = await getPage(url);
  fill(doc);
  const posted = await postForm(sandbox.url, doc);
  expect(posted.status, posted.text).toBe(303);
  const saved = sandbox.state.invoices.at(-1);
  if (!saved) throw new Error('not saved');
  return saved;
}

describe('shell', () => {
  it('serves MenuPortal with #Administration, #EnhancedNavigation and a same-origin #MainWindow', async () => {
    const { status, doc } = await getPage(shell());
    expect(status).toBe(200);
    expect(doc.getElementById('Administration')?.textContent).toBe('Adviesbureau De Brug B.V.');
    const nav = doc.getElementById('EnhancedNavigation');
    expect(nav?.textContent).toContain('Verkoopfacturen');
    expect(nav?.querySelector('a[target="MainWindow"]')?.textContent).toBe('Nieuw');
    const frame = doc.querySelector('iframe#MainWindow[name="MainWindow"]');
    expect(frame?.getAttribute('src')).toBe(`/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}`);
    expect(doc.querySelector('#GlobalSearch')?.getAttribute('placeholder')).toBe(
      'Vind relaties, facturen, boekingen, etc.',
    );
  });

  it('opens a /docs/ target in the frame and refuses anything else', async () => {
    const target = encodeURIComponent(`/docs/LogEntrySales.aspx?_Division_=${SECOND_DIVISION}`);
    const { doc } = await getPage(shell(`&target=${target}&sandboxLang=en`));
    expect(doc.getElementById('MainWindow')?.getAttribute('src')).toBe(
      `/docs/LogEntrySales.aspx?_Division_=${SECOND_DIVISION}&sandboxLang=en`,
    );
    for (const bad of [
      'javascript:alert(1)',
      'https://evil.example/docs/x.aspx',
      '//evil.example/docs/a.aspx',
    ]) {
      const page = await getPage(shell(`&target=${encodeURIComponent(bad)}`));
      expect(page.doc.getElementById('MainWindow')?.getAttribute('src')).toBe(
        `/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}`,
      );
    }
  });

  it('uses the first division without _Division_ and refuses an unknown one', async () => {
    expect(
      (await getPage(`${sandbox.url}/docs/MenuPortal.aspx`)).doc.getElementById('Administration')
        ?.textContent,
    ).toBe('Adviesbureau De Brug B.V.');
    const unknown = await getPage(`${sandbox.url}/docs/MenuPortal.aspx?_Division_=999`);
    expect(unknown.status).toBe(403);
    expect(unknown.doc.getElementById('ErrorMessage')?.textContent).toContain('geen toegang');
    expect((await getPage(`${sandbox.url}/docs/MenuPortal.aspx?_Division_=12x`)).status).toBe(403);
  });
});

describe('entry screen', () => {
  it('serves the documented anchors', async () => {
    const { status, doc } = await getPage(entry());
    expect(status).toBe(200);
    expect(doc.querySelector('span.HdrTitle')?.textContent).toBe('Verkoopfactuur');
    expect(doc.querySelector('#buttonBar [id$="btnSave"]')?.textContent).toBe('Opslaan');
    expect(doc.querySelector('table#grd.Grid')).not.toBeNull();
    const row = doc.querySelector('table#grd tbody tr.GridRow');
    expect(row?.id).toBe('grd_r1');
    for (const id of [
      'grd_r1_Item',
      'grd_r1_Item_alt',
      'grd_r1_Item_ref',
      'pgrd_r1_Item',
      'grd_r1_Description',
      'grd_r1_Quantity',
      'grd_r1_UnitPrice',
      'grd_r1_VATCode',
      'grd_r1_AmountFCDisplay',
      'grd_r1_Notes',
      'i1grd_r1_Notes',
      'i2grd_r1_Notes',
      'grd_r1_insert',
      'hcolItem',
      'hcolDescription',
      'hcolQuantity',
      'hcolUnitPrice',
      'hcolNotes',
      'hcolAmountFC',
      'InvoiceTo',
      'InvoiceTo_alt',
      'InvoiceTo_ref',
      'pInvoiceTo',
      'InvoiceDate',
      'Description',
      'TotalAmountExclVAT',
      'TotalVAT',
      'TotalAmountInclVAT',
      'LineCount',
      'WaitMessageImg',
      'cntPopupSearch',
    ]) {
      expect(doc.getElementById(id), id).not.toBeNull();
    }
    expect(input(doc, 'grd_r1_Item').type).toBe('hidden');
    expect(input(doc, 'grd_r1_Notes').type).toBe('hidden');
    expect(input(doc, 'grd_r1_Quantity').name).toBe('grd_r1$Quantity');
    expect((doc.getElementById('WaitMessageImg') as HTMLElement).style.display).toBe('none');
    expect(input(doc, 'InvoiceDate').value).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    expect(doc.querySelector('script[type="module"]')?.getAttribute('src')).toBe(
      '/docs/Scripts/sandbox/log-entry-sales-main.js',
    );
  });

  it('serves English labels and dates when asked, per server or per request', async () => {
    const perRequest = await getPage(entry('&sandboxLang=en'));
    expect(perRequest.doc.querySelector('span.HdrTitle')?.textContent).toBe('Sales invoice');
    expect(perRequest.doc.getElementById('btnSave')?.textContent).toBe('Save');
    expect(input(perRequest.doc, 'InvoiceDate').value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(perRequest.doc.querySelector('form')?.getAttribute('action')).toContain('sandboxLang=en');
    sandbox.setOptions({ language: 'en' });
    expect((await getPage(entry())).doc.getElementById('hcolQuantity')?.textContent).toBe('Quantity');
  });

  it('carries per-request sandbox options into the frame, links, form and lookups', async () => {
    const { doc } = await getPage(shell('&sandboxLatency=5&sandboxVariant=changed'));
    const carried = 'sandboxVariant=changed&sandboxLatency=5';
    expect(doc.getElementById('MainWindow')?.getAttribute('src')).toContain(carried);
    expect(doc.getElementById('NavNewSalesInvoice')?.getAttribute('href')).toContain(carried);
    const page = await getPage(
      new URL(doc.getElementById('MainWindow')?.getAttribute('src') ?? '', sandbox.url).href,
    );
    expect(page.doc.getElementById('grdLines')).not.toBeNull();
    const config = JSON.parse(page.doc.getElementById('SandboxConfig')?.textContent ?? '{}') as {
      lookupUrl: string;
    };
    expect(config.lookupUrl).toBe(`/docs/SandboxLookup.aspx?_Division_=${DEFAULT_DIVISION}&${carried}`);
    expect(page.doc.querySelector('form')?.getAttribute('action')).toContain(carried);
  });

  it('rejects bad sandbox options loudly', async () => {
    for (const query of [
      '&sandboxLang=de',
      '&sandboxVariant=odd',
      '&sandboxLatency=-1',
      '&sandboxLatency=9e9',
    ]) {
      const response = await fetch(entry(query));
      expect(response.status, query).toBe(400);
    }
  });

  it('renames the grid anchors in the changed variant', async () => {
    const check = (doc: Document) => {
      expect(doc.getElementById('grd')).toBeNull();
      expect(doc.getElementById('grd_r1_Item_alt')).toBeNull();
      expect(doc.getElementById('hcolItem')).toBeNull();
      expect(doc.querySelector('table#grdLines.Grid tr.GridRow#grdLines_r1')).not.toBeNull();
      expect(doc.getElementById('grdLines_r1_ItemCode_alt')).not.toBeNull();
      expect(doc.getElementById('hcolItemCode')).not.toBeNull();
      // The rest of the screen is unchanged: only the grid moved.
      expect(doc.querySelector('span.HdrTitle')?.textContent).toBe('Verkoopfactuur');
    };
    check((await getPage(entry('&sandboxVariant=changed'))).doc);
    sandbox.setOptions({ variant: 'changed' });
    check((await getPage(entry())).doc);
  });

  it('answers 404 for an unknown EntryID or path', async () => {
    const missing = await getPage(entry('&EntryID=%7b00000000-0000-0000-0000-000000000000%7d'));
    expect(missing.status).toBe(404);
    expect(missing.doc.getElementById('ErrorMessage')?.textContent).toContain('bestaat niet');
    expect((await getPage(entry('&EntryID=nonsense'))).status).toBe(404);
    expect((await getPage(`${sandbox.url}/docs/SlsInvoice.aspx`)).status).toBe(404);
  });
});

describe('lookup validation endpoint', () => {
  it('resolves codes after the configured latency', async () => {
    const started = Date.now();
    const response = await fetch(
      `${sandbox.url}/docs/SandboxLookup.aspx?_Division_=${DEFAULT_DIVISION}&Type=Item&Code=uren-sr&sandboxLatency=120`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(await response.json()).toMatchObject({
      found: true,
      id: itemId('UREN-SR'),
      code: 'UREN-SR',
      description: 'Uren senior',
      unitPriceCents: 12500,
      vatCode: '1',
    });
    const account = await fetch(
      `${sandbox.url}/docs/SandboxLookup.aspx?_Division_=${DEFAULT_DIVISION}&Type=Account&Code=%201005`,
    );
    expect(await account.json()).toEqual({
      found: true,
      id: customerId('1005'),
      code: '1005',
      description: 'Cafe-Restaurant De Gouden Leeuw',
    });
  });

  it('says not found for unknown codes and refuses bad requests', async () => {
    const base = `${sandbox.url}/docs/SandboxLookup.aspx?_Division_=${DEFAULT_DIVISION}`;
    expect(await (await fetch(`${base}&Type=Item&Code=NOPE`)).json()).toEqual({ found: false });
    // Codes are per division: 2001 exists only in the second one.
    expect(await (await fetch(`${base}&Type=Account&Code=2001`)).json()).toEqual({ found: false });
    expect((await fetch(`${base}&Type=Project&Code=X`)).status).toBe(400);
    expect(
      (await fetch(`${sandbox.url}/docs/SandboxLookup.aspx?_Division_=1&Type=Item&Code=UREN`)).status,
    ).toBe(403);
  });
});

describe('saving', () => {
  it('stores the invoice with a number and reopens it by EntryID with its lines', async () => {
    const { doc } = await getPage(entry());
    input(doc, 'InvoiceTo').value = customerId('1002');
    input(doc, 'InvoiceTo_alt').value = '1002';
    input(doc, 'InvoiceDate').value = '31-10-2026';
    input(doc, 'Description').value = 'Uren oktober';
    fillLine(doc, 1, 'UREN', '38,25', '95,00', 'Week 40–44');
    const posted = await postForm(sandbox.url, doc);
    expect(posted.status).toBe(303);
    const invoice = sandbox.state.invoices[0];
    expect(posted.location).toBe(
      `/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}&EntryID=%7B${invoice?.entryId}%7D`,
    );
    expect(invoice).toMatchObject({
      division: DEFAULT_DIVISION,
      invoiceNumber: new Date().getFullYear() * 10000 + 1,
      status: 20,
      customerName: 'Bouwbedrijf Jansen B.V.',
      customerCode: '1002',
      invoiceDate: '2026-10-31',
      description: 'Uren oktober',
      totals: { exclVatCents: 363375, vatCents: 76309, inclVatCents: 439684 },
    });
    expect(invoice?.lines).toEqual([
      {
        lineNumber: 1,
        itemId: itemId('UREN'),
        itemCode: 'UREN',
        description: 'UREN oktober',
        quantity: 38.25,
        unitPriceCents: 9500,
        vatCode: '1',
        vatPercentage: 21,
        amountCents: 363375,
        vatCents: 76309,
        notes: 'Week 40–44',
      },
    ]);

    const reopened = await getPage(new URL(posted.location ?? '', sandbox.url).href);
    expect(reopened.doc.getElementById('InvoiceNumber')?.textContent).toBe(String(invoice?.invoiceNumber));
    expect(reopened.doc.getElementById('InvoiceStatus')?.textContent).toBe('Te verwerken');
    expect(input(reopened.doc, 'grd_r1_Item_alt').value).toBe('UREN');
    expect(reopened.doc.getElementById('grd_r1_Item_ref')?.textContent).toBe('Uren');
    expect(input(reopened.doc, 'grd_r1_Quantity').value).toBe('38,25');
    expect(input(reopened.doc, 'grd_r1_UnitPrice').value).toBe('95,00');
    expect(input(reopened.doc, 'grd_r1_Notes').value).toBe('Week 40–44');
    expect(reopened.doc.getElementById('TotalAmountInclVAT')?.textContent).toBe('4.396,84');
    expect(input(reopened.doc, 'InvoiceTo_alt').value).toBe('1002');
    // One empty row follows the saved lines, ready for typing.
    expect(input(reopened.doc, 'grd_r2_Item_alt').value).toBe('');

    const listed = (await (await fetch(`${sandbox.url}/__sandbox/invoices`)).json()) as ExactInvoice[];
    expect(listed.map((i) => i.entryId)).toEqual([invoice?.entryId]);
  });

  it('numbers invoices per division and keeps the number when an invoice is saved again', async () => {
    const fillHeader = (doc: Document, division = DEFAULT_DIVISION, code = '1001') => {
      input(doc, 'InvoiceTo').value = customerId(code, division);
    };
    const first = await saveNew((doc) => {
      fillHeader(doc);
      fillLine(doc, 1, 'UREN', '1', '95');
    });
    const second = await saveNew((doc) => {
      fillHeader(doc);
      fillLine(doc, 1, 'UREN', '2', '95');
    });
    expect(second.invoiceNumber).toBe(first.invoiceNumber + 1);
    const other = await saveNew((doc) => {
      fillHeader(doc, SECOND_DIVISION, '2001');
      const item = sandbox.state.items.find((i) => i.division === SECOND_DIVISION && i.code === 'REIS');
      input(doc, 'grd_r1_Item').value = item?.id ?? '';
      input(doc, 'grd_r1_Quantity').value = '137';
      input(doc, 'grd_r1_UnitPrice').value = '0,23';
    }, `${sandbox.url}/docs/LogEntrySales.aspx?_Division_=${SECOND_DIVISION}`);
    expect(other.invoiceNumber).toBe(first.invoiceNumber);
    expect(other.totals.exclVatCents).toBe(3151);

    const { doc } = await getPage(entry(`&EntryID=%7b${first.entryId.toUpperCase()}%7d`));
    input(doc, 'grd_r1_Quantity').value = '3';
    fillLine(doc, 2, 'UREN-SR', '0,5', '125');
    const posted = await postForm(sandbox.url, doc);
    expect(posted.status).toBe(303);
    expect(sandbox.state.invoices).toHaveLength(3);
    expect(first.invoiceNumber).toBe(second.invoiceNumber - 1);
    expect(first.lines.map((line) => [line.itemCode, line.quantity])).toEqual([
      ['UREN', 3],
      ['UREN-SR', 0.5],
    ]);
  });

  it('reads a Dutch "38.25" as 3825, the way the screen does', async () => {
    const invoice = await saveNew((doc) => {
      input(doc, 'InvoiceTo').value = customerId('1001');
      fillLine(doc, 1, 'UREN', '38.25', '95,00');
    });
    expect(invoice.lines[0]?.quantity).toBe(3825);
  });

  it('reads English numbers on the English screen', async () => {
    sandbox.setOptions({ language: 'en' });
    const invoice = await saveNew((doc) => {
      input(doc, 'InvoiceTo').value = customerId('1001');
      input(doc, 'InvoiceDate').value = '31/10/2026';
      fillLine(doc, 1, 'UREN-SR', '1.5', '1,250.00');
    });
    expect(invoice.lines[0]).toMatchObject({ quantity: 1.5, unitPriceCents: 125000, amountCents: 187500 });
    expect(invoice.invoiceDate).toBe('2026-10-31');
  });

  it('skips deleted and blank rows and keeps document order', async () => {
    const invoice = await saveNew((doc) => {
      input(doc, 'InvoiceTo').value = customerId('1001');
      for (const n of [2, 3, 4]) addRow(doc, n);
      fillLine(doc, 1, 'UREN', '1', '95');
      fillLine(doc, 2, 'REIS', '10', '0,23');
      input(doc, 'grd_r2_Deleted').value = '1';
      fillLine(doc, 3, 'UREN-SR', '2', '125');
      // Row 3 was inserted above row 1: its number is higher but it comes first.
      doc.getElementById('grd_r1')?.before(doc.getElementById('grd_r3') as HTMLElement);
    });
    expect(invoice.lines.map((line) => [line.lineNumber, line.itemCode])).toEqual([
      [1, 'UREN-SR'],
      [2, 'UREN'],
    ]);
  });

  it('refuses a save without customer, validated item, or valid numbers, and keeps the typed text', async () => {
    const { doc } = await getPage(entry());
    input(doc, 'InvoiceTo_alt').value = '1002'; // typed, never validated: the hidden id is empty
    input(doc, 'InvoiceDate').value = '31-02-2026';
    input(doc, 'grd_r1_Item_alt').value = 'UREN';
    input(doc, 'grd_r1_Quantity').value = 'acht';
    input(doc, 'grd_r1_UnitPrice').value = '95,00';
    const posted = await postForm(sandbox.url, doc);
    expect(posted.status).toBe(200);
    expect(sandbox.state.invoices).toHaveLength(0);
    const page = parseHtml(posted.text);
    const errors = [...page.querySelectorAll('#Messages .ErrorMessage')].map((e) => e.textContent);
    expect(errors).toEqual([
      'Verplicht: Factuur aan',
      'Ongeldige factuurdatum',
      'Regel 1: Verplicht: Artikel',
      'Regel 1: Ongeldig aantal',
    ]);
    expect(input(page, 'grd_r1_Quantity').value).toBe('acht');
    expect(page.getElementById('InvoiceTo_ref')?.textContent).toBe('Onbekende relatie');
    expect(page.getElementById('grd_r1_Item_ref')?.getAttribute('style')).toContain('red');

    const empty = await getPage(entry());
    input(empty.doc, 'InvoiceTo').value = customerId('1001');
    const noLines = await postForm(sandbox.url, empty.doc);
    expect(noLines.text).toContain('Voer minimaal één regel in');
  });

  it('renders user text as text: markup in notes and descriptions stays inert', async () => {
    const attack = '<img src=x onerror=alert(1)>"\'&';
    sandbox.state.customers[0]!.name = '<b>Gemeente</b>';
    const invoice = await saveNew((doc) => {
      input(doc, 'InvoiceTo').value = customerId('1001');
      input(doc, 'Description').value = attack;
      fillLine(doc, 1, 'UREN', '1', '95', attack);
      input(doc, 'grd_r1_Description').value = `</script>${attack}`;
    });
    expect(invoice.lines[0]?.notes).toBe(attack);
    const { text, doc } = await getPage(entry(`&EntryID=%7b${invoice.entryId}%7d`));
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain('</script><img');
    expect(doc.querySelectorAll('img[src="x"]')).toHaveLength(0);
    expect(input(doc, 'grd_r1_Notes').value).toBe(attack);
    expect(doc.getElementById('i1grd_r1_Notes')?.getAttribute('title')).toBe(attack);
    expect(input(doc, 'Description').value).toBe(attack);
    expect(doc.getElementById('InvoiceTo_ref')?.textContent).toBe('<b>Gemeente</b>');
    // The shell lists the invoice with the customer name as text as well.
    const shellPage = await getPage(shell());
    expect(shellPage.text).toContain('&lt;b&gt;Gemeente&lt;/b&gt;');
  });
});

describe('test API', () => {
  it('exposes the state and resets it in place', async () => {
    const state = (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as typeof sandbox.state;
    expect(state.divisions.map((d) => d.code)).toEqual([DEFAULT_DIVISION, SECOND_DIVISION]);
    expect(state.customers.find((c) => c.name === 'Gemeente Utrecht')?.code).toBe('              1001');
    expect(state.items.find((i) => i.code === 'REIS')?.unitPriceCents).toBe(23);
    const held = sandbox.state;
    held.invoices.push({} as ExactInvoice);
    await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
    expect(held.invoices).toHaveLength(0);
    expect(sandbox.state).toBe(held);
  });
});
