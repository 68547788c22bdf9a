/**
 * The fake administration behind the screens. Tests read it through `sandbox.state` or
 * `GET /__sandbox/state`; it is plain data so it serialises as is. Money in cents; quantities
 * as decimal numbers with at most four decimals (what the screen accepts).
 */

import type { InvoiceTotals } from '../page/amounts';

export interface ExactDivision {
  code: number;
  name: string;
  /** Sequence part of the next invoice number (number = year × 10000 + sequence). */
  nextInvoiceSequence: number;
}

export interface ExactCustomer {
  id: string;
  division: number;
  /**
   * 18 characters, left-padded with spaces, as crm/Accounts.Code is (docs/exact-online.md, Sales invoices in
   * the REST API).
   */
  code: string;
  name: string;
  city: string;
}

export interface ExactItem {
  id: string;
  division: number;
  code: string;
  description: string;
  unit: string;
  unitPriceCents: number;
  vatCode: string;
  isTime: boolean;
}

export interface ExactVatCode {
  code: string;
  description: string;
  percentage: number;
}

export interface ExactInvoiceLine {
  lineNumber: number;
  itemId: string;
  itemCode: string;
  description: string;
  quantity: number;
  unitPriceCents: number;
  vatCode: string;
  vatPercentage: number;
  amountCents: number;
  vatCents: number;
  notes: string;
}

export interface ExactInvoice {
  /** GUID without braces, lower case; the screen's `EntryID` parameter is `{GUID}`. */
  entryId: string;
  division: number;
  invoiceNumber: number;
  /**
   * 20 = open, "Te verwerken"; 50 = processed, final (docs/exact-online.md, Sales invoices in the
   * REST API). The screens only make open invoices; `POST /__sandbox/rest-api {"process": n}`
   * processes one.
   */
  status: 20 | 50;
  customerId: string;
  customerCode: string;
  customerName: string;
  /** yyyy-mm-dd */
  invoiceDate: string;
  description: string;
  lines: ExactInvoiceLine[];
  totals: InvoiceTotals;
  created: string;
  modified: string;
}

export interface ExactState {
  divisions: ExactDivision[];
  customers: ExactCustomer[];
  items: ExactItem[];
  vatCodes: ExactVatCode[];
  invoices: ExactInvoice[];
}

export function findDivision(state: ExactState, code: number): ExactDivision | undefined {
  return state.divisions.find((division) => division.code === code);
}

/** Item codes are matched without regard to case, as Exact's lookups do. */
export function findItemByCode(state: ExactState, division: number, code: string): ExactItem | undefined {
  const wanted = code.trim().toUpperCase();
  return state.items.find((item) => item.division === division && item.code.toUpperCase() === wanted);
}

/** Account codes are typed without the padding; the stored code carries it. */
export function findCustomerByCode(
  state: ExactState,
  division: number,
  code: string,
): ExactCustomer | undefined {
  const wanted = code.trim();
  return state.customers.find(
    (customer) => customer.division === division && customer.code.trim() === wanted,
  );
}

export function findInvoice(state: ExactState, division: number, entryId: string): ExactInvoice | undefined {
  return state.invoices.find((invoice) => invoice.division === division && invoice.entryId === entryId);
}
