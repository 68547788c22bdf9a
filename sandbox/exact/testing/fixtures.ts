/**
 * For tests: an invoice that was made and saved in Exact by hand, as if the bookkeeper had
 * typed it before Urenbrug was installed. Amounts come from the page's own arithmetic.
 */

import { DEFAULT_DIVISION } from '../model/seed';
import type { ExactInvoice, ExactInvoiceLine, ExactState } from '../model/state';
import { invoiceTotals, lineAmountCents, lineVatCents } from '../page/amounts';

export interface HandMadeLine {
  itemCode: string;
  description: string;
  /** Hours as a decimal number (10.25). */
  quantity: number;
  unitPriceCents: number;
  notes?: string;
}

export interface HandMadeInvoice {
  entryId: string;
  customerName: string;
  invoiceNumber: number;
  lines: HandMadeLine[];
  division?: number;
  description?: string;
}

/** Stores the invoice in the sandbox's state and returns it; VAT code 1 (21%) on every line. */
export function addSavedInvoice(state: ExactState, spec: HandMadeInvoice): ExactInvoice {
  const division = spec.division ?? DEFAULT_DIVISION;
  const customer = state.customers.find((c) => c.division === division && c.name === spec.customerName);
  if (!customer) throw new Error(`No customer ${spec.customerName} in division ${division}`);
  const lines = spec.lines.map((line, index): ExactInvoiceLine => {
    const item = state.items.find((i) => i.division === division && i.code === line.itemCode);
    if (!item) throw new Error(`No item ${line.itemCode} in division ${division}`);
    const amountCents = lineAmountCents(Math.round(line.quantity * 10_000), line.unitPriceCents);
    return {
      lineNumber: index + 1,
      itemId: item.id,
      itemCode: item.code,
      description: line.description,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      vatCode: '1',
      vatPercentage: 21,
      amountCents,
      vatCents: lineVatCents(amountCents, 21),
      notes: line.notes ?? '',
    };
  });
  const invoice: ExactInvoice = {
    entryId: spec.entryId,
    division,
    invoiceNumber: spec.invoiceNumber,
    status: 20,
    customerId: customer.id,
    customerCode: customer.code,
    customerName: customer.name,
    invoiceDate: '2026-11-02',
    description: spec.description ?? '',
    lines,
    totals: invoiceTotals(lines),
    created: '2026-11-02T10:00:00Z',
    modified: '2026-11-02T10:00:00Z',
  };
  state.invoices.push(invoice);
  return invoice;
}
