/**
 * Every piece of Exact Online's DOM that Urenbrug relies on, named once (docs/architecture.md, Exact's DOM
 * only in content/exact). Each entry lists alternatives in order of preference and says where it was seen
 * (FOUND, with the source key of docs/exact-online.md, Source keys) or why it is assumed (INFERRED). When
 * Exact changes a screen, this is the file to correct; nothing else in the extension holds a selector.
 */

export interface Anchor {
  name: string;
  /** Tried in order; the first that matches wins. */
  selectors: readonly string[];
}

const anchor = (name: string, ...selectors: string[]): Anchor => ({ name, selectors });

/** Path of the sales-invoice entry screen. FOUND: US-LOGENTRY `@include …/docs/LogEntrySales.aspx*`. */
export const INVOICE_SCREEN_PATH = /\/docs\/LogEntrySales\.aspx$/i;

/**
 * Titles of the screen in `span.HdrTitle`, matched as substrings: the title may carry a number and a
 * status ("Sales invoice 20260001 - Open"). INFERRED from "Offerte"/"Verkooporder" on sibling screens
 * (docs/exact-online.md, Screen title). The first is Dutch, the second English.
 */
export const INVOICE_TITLES: readonly string[] = ['verkoopfactuur', 'sales invoice'];

export const ANCHORS = {
  /** FOUND: US-ZETHET reads the screen title from `span.HdrTitle`. */
  title: anchor('title', 'span.HdrTitle'),
  /** FOUND: US-LOGENTRY `getElementById('grd')`, US-MAGIC `//table[@id='grd']`; `table.Grid` per US-ZETHET. */
  grid: anchor('grid', 'table#grd'),
  /** FOUND: PW-CRM and siblings wait for `#WaitMessageImg` to hide. */
  spinner: anchor('spinner', '#WaitMessageImg'),
  /** INFERRED: the REST field is InvoiceTo; lookup fields are split into id, `_alt`, `_ref` (US-WEEK). */
  customerId: anchor('customer id', 'input#InvoiceTo', 'input#OrderedBy'),
  customerCode: anchor('customer code', 'input#InvoiceTo_alt', 'input#OrderedBy_alt'),
  customerName: anchor('customer name', '#InvoiceTo_ref', '#OrderedBy_ref'),
  /** INFERRED: a saved invoice shows its number and carries its id; ids are not confirmed live. */
  invoiceNumber: anchor('invoice number', '#InvoiceNumber'),
  entryId: anchor('entry id', 'input#EntryID'),
  /** INFERRED from the REST fields InvoiceDate and Description (docs/exact-online.md); optional. */
  invoiceDate: anchor('invoice date', 'input#InvoiceDate'),
  invoiceDescription: anchor('invoice description', 'input#Description'),
  /** INFERRED: Exact's own totals block; ids not confirmed live. */
  totalExclVat: anchor('total excl. VAT', '#TotalAmountExclVAT'),
  lineCount: anchor('line count', '#LineCount'),
  /** FOUND heuristic (PW-CRM): `btnSave`, `[id$="btnSave"]`; INFERRED: a toolbar's `…_Save`. */
  saveButton: anchor('save button', '#btnSave', '[id$="btnSave"]', '[id$="_Save"]'),
} as const;

/**
 * Row ids of the grid: FOUND `grd_r<N>` (class `GridRow` only on the order grids), field ids
 * `<rowId>_<Suffix>` (US-ZETHET). The prefix follows the grid's own id.
 */
export const ROW_ID_SUFFIX = /^_r\d+$/;

/**
 * What a person reads, for when the ids above differ (docs/exact-online.md, Header fields): field
 * labels and column headers in Dutch and English, compared lower case with spaces collapsed and a
 * trailing colon, asterisk or currency "(EUR)" ignored. INFERRED from the screens' wording.
 */
export const LABELS = {
  customer: ['factuur aan', 'invoice to', 'klant', 'customer', 'debiteur', 'debtor'],
  totalExclVat: ['totaal excl. btw', 'total excl. vat', 'subtotaal', 'subtotal'],
  invoiceDate: ['factuurdatum', 'invoice date'],
  invoiceDescription: ['omschrijving', 'description'],
  save: ['opslaan', 'save'],
} as const;

/** Column headers per row field (docs/exact-online.md, The line grid: prefer headers over positions). */
export const COLUMN_HEADERS = {
  item: ['artikel', 'item', 'artikelcode', 'item code'],
  description: ['omschrijving', 'description'],
  quantity: ['aantal', 'quantity'],
  unitPrice: ['prijs', 'price', 'unit price', 'stuksprijs', 'eenheidsprijs'],
  amount: ['bedrag', 'amount'],
  notes: ['notities', 'notes', 'notitie'],
} as const;

/** Column header ids are `hcol<Suffix>`. FOUND: `#hcolNotes` on the invoice screen (US-LOGENTRY). */
export const HEADER_ID_PREFIX = 'hcol';

/**
 * Field suffixes on a grid row. Item/Description/Quantity/UnitPrice are INFERRED by analogy with
 * the order screens and the REST field names (NOT FOUND for the invoice grid: docs/exact-online.md, The line
 * grid); Notes and `_insert` are FOUND (US-LOGENTRY, US-ZETHET); `_delete`/`_Deleted` INFERRED from the
 * `Deleted` suffix US-ZETHET skips when copying rows.
 */
export const ROW_FIELDS = {
  item: ['Item'],
  description: ['Description'],
  quantity: ['Quantity'],
  /** The REST line has both UnitPrice and NetPrice (docs/exact-online.md, Sales invoices in the REST API). */
  unitPrice: ['UnitPrice', 'NetPrice'],
  notes: ['Notes'],
  amount: ['AmountFCDisplay'],
} as const;

/** Row parts beside the fields: `_Deleted`, and the buttons that remove a row (`_delete`, `_remove`). */
export const ROW_PARTS = {
  deleted: 'Deleted',
  deleteButtons: ['delete', 'remove'],
  insertButton: 'insert',
} as const;

/** Lookup parts, FOUND: hidden `<id>`, visible `<id>_alt`, description `<id>_ref` (US-WEEK, PW-CRM). */
export const LOOKUP_SUFFIX = { visible: '_alt', description: '_ref' } as const;

/** The `_Division_` query parameter carries the division. FOUND: PW-CRM `division_uit_url()`. */
export const DIVISION_PARAM = /[?&]_Division_=(\d+)/i;

/**
 * Saved invoices are opened with `EntryID={guid}`. INFERRED (the candidate of docs/exact-online.md, Opening a
 * saved invoice).
 */
export const ENTRY_ID_PARAM = /[?&]EntryID=(?:%7b|\{)?([0-9a-f-]{36})/i;

/** INFERRED: a screen that posts back to itself may carry the id as `ID={guid}` in its form's action. */
export const FORM_ID_PARAM = /[?&](?:EntryID|ID)=(?:%7b|\{)?([0-9a-f-]{36})/i;

/** Returns the first element matching one of the anchor's selectors, or null. */
export function findAnchor<T extends Element = HTMLElement>(root: ParentNode, target: Anchor): T | null {
  for (const selector of target.selectors) {
    const found = root.querySelector<T>(selector);
    if (found) return found;
  }
  return null;
}
