/**
 * The entity sets the fake REST API serves and how the sandbox's administration becomes their
 * records (docs/exact-online.md, Sales invoices in the REST API). Fields are Exact's names and types; only the ones the
 * extension's issue names can be filtered on. Money is stored in cents and shown as Exact's
 * doubles; dates are midnight of the day as "/Date(ms)/" (Exact's FAQ says the value is CET
 * wall time, so midnight stays midnight).
 */

import { stableGuid } from '../model/seed';
import type { ExactInvoice, ExactState } from '../model/state';
import type { EntitySetDef, ODataRecord } from './rest-odata';

export const ME: EntitySetDef = {
  path: 'current/Me',
  type: 'Exact.Web.Api.System.Me',
  key: 'UserID',
  fields: {
    UserID: { type: 'Edm.Guid' },
    CurrentDivision: { type: 'Edm.Int32' },
    AccountingDivision: { type: 'Edm.Int32' },
    FullName: { type: 'Edm.String' },
    UserName: { type: 'Edm.String' },
    Email: { type: 'Edm.String' },
    LanguageCode: { type: 'Edm.String' },
    Legislation: { type: 'Edm.Int32' },
    ServerTime: { type: 'Edm.DateTime' },
  },
};

export const ITEMS: EntitySetDef = {
  path: 'logistics/Items',
  type: 'Exact.Web.Api.Models.Logistics.Item',
  key: 'ID',
  fields: {
    ID: { type: 'Edm.Guid', filterable: true },
    Code: { type: 'Edm.String', filterable: true },
    Description: { type: 'Edm.String' },
    IsSalesItem: { type: 'Edm.Boolean' },
    IsTime: { type: 'Edm.Byte' },
    Unit: { type: 'Edm.String' },
    UnitDescription: { type: 'Edm.String' },
    StandardSalesPrice: { type: 'Edm.Double' },
    SalesVatCode: { type: 'Edm.String' },
    Division: { type: 'Edm.Int32' },
  },
};

export const SALES_INVOICES: EntitySetDef = {
  path: 'salesinvoice/SalesInvoices',
  type: 'Exact.Web.Api.Models.SalesInvoice',
  key: 'InvoiceID',
  fields: {
    InvoiceID: { type: 'Edm.Guid', filterable: true },
    InvoiceNumber: { type: 'Edm.Int32', filterable: true },
    InvoiceTo: { type: 'Edm.Guid' },
    InvoiceToName: { type: 'Edm.String' },
    OrderedBy: { type: 'Edm.Guid' },
    OrderedByName: { type: 'Edm.String' },
    InvoiceDate: { type: 'Edm.DateTime' },
    Description: { type: 'Edm.String' },
    YourRef: { type: 'Edm.String' },
    Currency: { type: 'Edm.String' },
    AmountFC: { type: 'Edm.Double' },
    AmountFCExclVat: { type: 'Edm.Double' },
    AmountDC: { type: 'Edm.Double' },
    VATAmountFC: { type: 'Edm.Double' },
    VATAmountDC: { type: 'Edm.Double' },
    Status: { type: 'Edm.Int16', filterable: true },
    StatusDescription: { type: 'Edm.String' },
    Type: { type: 'Edm.Int32', filterable: true },
    Journal: { type: 'Edm.String' },
    Division: { type: 'Edm.Int32' },
    Created: { type: 'Edm.DateTime' },
    Modified: { type: 'Edm.DateTime' },
  },
  deferred: ['SalesInvoiceLines'],
};

export const SALES_INVOICE_LINES: EntitySetDef = {
  path: 'salesinvoice/SalesInvoiceLines',
  type: 'Exact.Web.Api.Models.SalesInvoiceLine',
  key: 'ID',
  fields: {
    ID: { type: 'Edm.Guid' },
    InvoiceID: { type: 'Edm.Guid', filterable: true },
    LineNumber: { type: 'Edm.Int32' },
    Item: { type: 'Edm.Guid' },
    ItemCode: { type: 'Edm.String' },
    ItemDescription: { type: 'Edm.String' },
    Description: { type: 'Edm.String' },
    Quantity: { type: 'Edm.Double' },
    UnitPrice: { type: 'Edm.Double' },
    NetPrice: { type: 'Edm.Double' },
    AmountFC: { type: 'Edm.Double' },
    AmountDC: { type: 'Edm.Double' },
    VATAmountFC: { type: 'Edm.Double' },
    VATCode: { type: 'Edm.String' },
    VATPercentage: { type: 'Edm.Double' },
    Notes: { type: 'Edm.String' },
    Division: { type: 'Edm.Int32' },
  },
};

/** Division-scoped sets by their `service/Entity` path, matched without regard to case. */
export const DIVISION_SETS: readonly EntitySetDef[] = [ITEMS, SALES_INVOICES, SALES_INVOICE_LINES];

export const SANDBOX_USER_ID = stableGuid('user', 'demo');

const cents = (value: number): number => value / 100;

function dayMs(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

export function meRecord(division: number, fullName: string, language: 'nl' | 'en', now: Date): ODataRecord {
  return {
    UserID: SANDBOX_USER_ID,
    CurrentDivision: division,
    AccountingDivision: division,
    FullName: fullName,
    UserName: 'demo@debrug.example',
    Email: 'demo@debrug.example',
    LanguageCode: language === 'en' ? 'en-GB' : 'nl-NL',
    Legislation: 1,
    ServerTime: now.getTime(),
  };
}

export function itemRecords(state: ExactState, division: number): ODataRecord[] {
  return state.items
    .filter((item) => item.division === division)
    .map((item) => ({
      ID: item.id,
      Code: item.code,
      Description: item.description,
      IsSalesItem: true,
      IsTime: item.isTime ? 1 : 0,
      Unit: item.unit,
      UnitDescription: item.unit,
      StandardSalesPrice: cents(item.unitPriceCents),
      SalesVatCode: item.vatCode,
      Division: division,
    }));
}

/** 8021 (credit note) when the invoice total is negative: the entry screen has no type field. */
function invoiceType(invoice: ExactInvoice): number {
  return invoice.totals.exclVatCents < 0 ? 8021 : 8020;
}

export interface LineSkew {
  lineNumber: number;
  cents: number;
}

/** The line's amount as the REST view shows it, with the test control's skew. */
function skewed(line: { lineNumber: number; amountCents: number }, skew: LineSkew | null): number {
  return skew && skew.lineNumber === line.lineNumber ? line.amountCents + skew.cents : line.amountCents;
}

function skewOf(invoice: ExactInvoice, skew: LineSkew | null): number {
  return invoice.lines.reduce((sum, line) => sum + skewed(line, skew) - line.amountCents, 0);
}

/** How the REST view differs from what the screens stored (rest-session.ts, the test controls). */
export interface RestView {
  skew: LineSkew | null;
  creditNoteSign: 'negative' | 'positive';
}

const PLAIN_VIEW: RestView = { skew: null, creditNoteSign: 'negative' };

export function invoiceRecords(
  state: ExactState,
  division: number,
  view: RestView = PLAIN_VIEW,
): ODataRecord[] {
  const { skew } = view;
  const signed = (invoice: ExactInvoice, value: number) =>
    invoiceType(invoice) === 8021 && view.creditNoteSign === 'positive' ? Math.abs(value) : value;
  return state.invoices
    .filter((invoice) => invoice.division === division)
    .map((invoice) => ({
      InvoiceID: invoice.entryId,
      InvoiceNumber: invoice.invoiceNumber,
      InvoiceTo: invoice.customerId,
      InvoiceToName: invoice.customerName,
      OrderedBy: invoice.customerId,
      OrderedByName: invoice.customerName,
      InvoiceDate: dayMs(invoice.invoiceDate),
      Description: invoice.description,
      YourRef: null,
      Currency: 'EUR',
      AmountFC: cents(signed(invoice, invoice.totals.inclVatCents + skewOf(invoice, skew))),
      AmountFCExclVat: cents(signed(invoice, invoice.totals.exclVatCents + skewOf(invoice, skew))),
      AmountDC: cents(signed(invoice, invoice.totals.inclVatCents)),
      VATAmountFC: cents(signed(invoice, invoice.totals.vatCents)),
      VATAmountDC: cents(signed(invoice, invoice.totals.vatCents)),
      Status: invoice.status,
      StatusDescription: invoice.status === 20 ? 'Open' : 'Processed',
      Type: invoiceType(invoice),
      Journal: '70',
      Division: division,
      Created: Date.parse(invoice.created),
      Modified: Date.parse(invoice.modified),
    }));
}

export function lineRecords(
  state: ExactState,
  division: number,
  skew: LineSkew | null = null,
): ODataRecord[] {
  return state.invoices
    .filter((invoice) => invoice.division === division)
    .flatMap((invoice) =>
      invoice.lines.map((line) => ({
        ID: stableGuid('line', invoice.entryId, line.lineNumber),
        InvoiceID: invoice.entryId,
        LineNumber: line.lineNumber,
        Item: line.itemId,
        ItemCode: line.itemCode,
        ItemDescription: state.items.find((item) => item.id === line.itemId)?.description ?? null,
        Description: line.description,
        Quantity: line.quantity,
        UnitPrice: cents(line.unitPriceCents),
        // The screens have no discount, so the net price is the unit price.
        NetPrice: cents(line.unitPriceCents),
        AmountFC: cents(skewed(line, skew)),
        AmountDC: cents(skewed(line, skew)),
        VATAmountFC: cents(line.vatCents),
        VATCode: line.vatCode,
        VATPercentage: line.vatPercentage / 100,
        Notes: line.notes,
        Division: division,
      })),
    );
}

export function recordsFor(
  set: EntitySetDef,
  state: ExactState,
  division: number,
  view: RestView = PLAIN_VIEW,
): ODataRecord[] {
  if (set === ITEMS) return itemRecords(state, division);
  if (set === SALES_INVOICES) return invoiceRecords(state, division, view);
  return lineRecords(state, division, view.skew);
}
